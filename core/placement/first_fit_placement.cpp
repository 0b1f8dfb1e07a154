#include "core/placement/first_fit_placement.h"

#include "core/engine/cluster_state.h"

#include <algorithm>

namespace headroom {
namespace placement {

int firstNodeWithFree(const ClusterState &state, const NodeFilter &filter, int slots)
{
    const CompiledCluster &layout = state.layout();
    int best = -1;
    for (int type = 0; type < state.typeCount(); ++type) {
        if (filter.type >= 0 && filter.type != type)
            continue;
        const CompiledNodeType &nodeType = layout.types[type];
        if (nodeType.slots < slots || nodeType.nodes.empty())
            continue;
        const NodeRange local = state.typeLocalRange(type, filter.range);
        const int position = state.freeTree(type).firstAtLeast(slots, local.begin, local.end);
        if (position < 0)
            continue;
        const int node = nodeType.nodes[position];
        if (best < 0 || node < best)
            best = node;
    }
    return best;
}

bool firstFitGang(const JobDemand &demand, const ClusterState &state, Allocation &out)
{
    const CompiledCluster &layout = state.layout();
    for (int type : layout.typeOrder) {
        if (demand.filter->type >= 0 && demand.filter->type != type)
            continue;
        const CompiledNodeType &nodeType = layout.types[type];
        const int needed = gangNodesNeeded(demand.slots, nodeType.slots);
        if (state.coversAllNodes(demand.filter->range) &&
            state.nodesWithFreeAtLeast(type, nodeType.slots) < needed)
            continue;
        const NodeRange local = state.typeLocalRange(type, demand.filter->range);
        out.clear();
        int remaining = demand.slots;
        for (int from = local.begin; remaining > 0;) {
            const int position = state.freeTree(type).firstAtLeast(nodeType.slots, from, local.end);
            if (position < 0)
                break;
            const int busy = std::min(remaining, nodeType.slots);
            out.push_back({nodeType.nodes[position], nodeType.slots, busy});
            remaining -= busy;
            from = position + 1;
        }
        if (remaining == 0)
            return true;
    }
    out.clear();
    return false;
}

} // namespace placement

bool FirstFitPlacement::place(const JobDemand &demand, const ClusterState &state, Allocation &out)
{
    out.clear();
    if (demand.gang)
        return placement::firstFitGang(demand, state, out);
    const int node = placement::firstNodeWithFree(state, *demand.filter, demand.slots);
    if (node < 0)
        return false;
    out.push_back({node, demand.slots, demand.slots});
    return true;
}

} // namespace headroom
