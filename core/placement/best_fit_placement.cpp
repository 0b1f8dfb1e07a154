#include "core/placement/best_fit_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"

namespace headroom {

bool BestFitPlacement::place(const JobDemand &demand, const ClusterState &state, Allocation &out)
{
    out.clear();
    if (!demand.gang) {
        const int node = placement::leastFreeFitting(state, demand);
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
        if (count >= gangNodesNeeded(demand.slots, slots) && (bestType < 0 || count < bestCount)) {
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

std::optional<double> BestFitPlacement::score(const JobDemand &demand, const ClusterState &state,
                                              int node) const
{
    if (demand.gang)
        return 0.0; // a gang holds its nodes whole
    return state.freeSlots(node) - demand.slots;
}

} // namespace headroom
