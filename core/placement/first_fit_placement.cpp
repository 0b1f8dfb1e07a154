#include "core/placement/first_fit_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"

#include <algorithm>

namespace headroom {
namespace placement {

int firstNodeWithFree(const ClusterState &state, const NodeFilter &filter, int slots)
{
    const JobDemand demand{slots, false, &filter, false};
    return firstFitting(state, demand, {0, state.nodeCount()});
}

bool firstFitGang(const JobDemand &demand, const ClusterState &state, Allocation &out,
                  std::vector<int> &scratch)
{
    const CompiledCluster &layout = state.layout();
    const NodeFilter &filter = *demand.filter;
    for (int type : layout.typeOrder) {
        if (!gangMayUse(demand, type))
            continue;
        const CompiledNodeType &nodeType = layout.types[type];
        const int needed = gangNodesNeeded(demand.slots, nodeType.slots);
        if (state.coversAllNodes(filter.range) && filter.owner == NodeFilter::kAnyOwner &&
            state.nodesWithFreeAtLeast(type, nodeType.slots) < needed)
            continue;
        if (nodeType.groupCount() == 1) {
            // No reservations: the type's tree is in topology order, so its first whole free
            // nodes go straight into the allocation (a gang per few jobs of a large trace).
            const NodeRange local = state.typeLocalRange(type, filter.range);
            out.clear();
            int remaining = demand.slots;
            for (int from = local.begin; remaining > 0;) {
                const int position =
                        state.freeTree(type).firstAtLeast(nodeType.slots, from, local.end);
                if (position < 0)
                    break;
                const int busy = std::min(remaining, nodeType.slots);
                out.push_back({nodeType.nodes[position], nodeType.slots, busy});
                remaining -= busy;
                from = position + 1;
            }
            if (remaining == 0)
                return true;
            continue;
        }
        scratch.clear();
        collectFree(state, filter, type, nodeType.slots, {0, state.nodeCount()}, needed, scratch);
        if (static_cast<int>(scratch.size()) == needed) {
            gangShares(state, demand, scratch, out);
            return true;
        }
    }
    out.clear();
    return false;
}

} // namespace placement

bool FirstFitPlacement::place(const JobDemand &demand, const ClusterState &state, Allocation &out)
{
    out.clear();
    if (demand.gang)
        return placement::firstFitGang(demand, state, out, m_nodes);
    const int node = placement::firstFitting(state, demand, {0, state.nodeCount()});
    if (node < 0)
        return false;
    out.push_back(placement::singleShare(state, demand, node));
    return true;
}

std::optional<double> FirstFitPlacement::score(const JobDemand &, const ClusterState &,
                                               int node) const
{
    return node;
}

} // namespace headroom
