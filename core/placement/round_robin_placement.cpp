#include "core/placement/round_robin_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"

namespace headroom {

int RoundRobinPlacement::cursor(const ClusterState &state) const
{
    return m_cursor < state.nodeCount() ? m_cursor : 0;
}

bool RoundRobinPlacement::place(const JobDemand &demand, const ClusterState &state, Allocation &out)
{
    out.clear();
    const int n = state.nodeCount();
    const int from = cursor(state);
    if (!demand.gang) {
        int node = placement::firstFitting(state, demand, {from, n});
        if (node < 0)
            node = placement::firstFitting(state, demand, {0, from});
        if (node < 0)
            return false;
        out.push_back(placement::singleShare(state, demand, node));
        return true;
    }
    const CompiledCluster &layout = state.layout();
    int bestDistance = -1;
    for (int type : layout.typeOrder) {
        if (!placement::gangMayUse(demand, type))
            continue;
        const int slots = layout.types[type].slots;
        const int needed = gangNodesNeeded(demand.slots, slots);
        m_nodes.clear();
        placement::collectFree(state, *demand.filter, type, slots, {from, n}, needed, m_nodes);
        const int found = static_cast<int>(m_nodes.size());
        placement::collectFree(state, *demand.filter, type, slots, {0, from}, needed - found,
                               m_nodes);
        if (static_cast<int>(m_nodes.size()) < needed)
            continue;
        const int distance = (m_nodes.front() - from + n) % n;
        if (bestDistance < 0 || distance < bestDistance) {
            bestDistance = distance;
            m_best.swap(m_nodes);
        }
    }
    if (bestDistance < 0)
        return false;
    placement::gangShares(state, demand, m_best, out); // in cyclic order: the last is last
    return true;
}

void RoundRobinPlacement::started(const Allocation &allocation)
{
    if (!allocation.empty())
        m_cursor = allocation.back().node + 1; // wrapped by cursor()
}

std::optional<double> RoundRobinPlacement::score(const JobDemand &, const ClusterState &state,
                                                 int node) const
{
    const int n = state.nodeCount();
    return (node - cursor(state) + n) % n;
}

} // namespace headroom
