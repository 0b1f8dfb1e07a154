#include "core/placement/least_loaded_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"

namespace headroom {

bool LeastLoadedPlacement::place(const JobDemand &demand, const ClusterState &state,
                                 Allocation &out)
{
    out.clear();
    if (!demand.gang) {
        const int node = placement::mostFreeFitting(state, demand);
        if (node < 0)
            return false;
        out.push_back(placement::singleShare(state, demand, node));
        return true;
    }
    const CompiledCluster &layout = state.layout();
    int bestType = -1;
    int bestCount = 0;
    for (int type : layout.typeOrder) {
        if (!placement::gangMayUse(demand, type))
            continue;
        const int slots = layout.types[type].slots;
        const int count = placement::countFree(state, *demand.filter, type, slots);
        if (count >= gangNodesNeeded(demand.slots, slots) && count > bestCount) {
            bestType = type;
            bestCount = count;
        }
    }
    if (bestType < 0)
        return false;
    const int slots = layout.types[bestType].slots;
    m_nodes.clear();
    placement::collectFree(state, *demand.filter, bestType, slots, {0, state.nodeCount()},
                           gangNodesNeeded(demand.slots, slots), m_nodes);
    placement::gangShares(state, demand, m_nodes, out);
    return true;
}

std::optional<double> LeastLoadedPlacement::score(const JobDemand &, const ClusterState &state,
                                                  int node) const
{
    return state.freeSlots(node);
}

} // namespace headroom
