#include "core/placement/topology_aware_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"

#include <algorithm>

namespace headroom {

bool TopologyAwarePlacement::planGang(const JobDemand &demand, const ClusterState &state, int type,
                                      std::vector<int> &nodes, int &racks)
{
    const CompiledCluster &layout = state.layout();
    const int slots = layout.types[type].slots;
    int remaining = gangNodesNeeded(demand.slots, slots);
    m_free.clear();
    placement::collectFree(state, *demand.filter, type, slots, {0, state.nodeCount()},
                           state.nodeCount(), m_free);
    if (static_cast<int>(m_free.size()) < remaining)
        return false;
    // Ascending node order keeps each rack's nodes together.
    m_blocks.clear();
    for (int i = 0; i < static_cast<int>(m_free.size()); ++i) {
        const int rack = layout.nodes[m_free[i]].rack;
        if (m_blocks.empty() || m_blocks.back().rack != rack)
            m_blocks.push_back({rack, i, 0, false});
        ++m_blocks.back().count;
    }
    nodes.clear();
    racks = 0;
    while (remaining > 0) {
        RackBlock *smallestHolding = nullptr;
        RackBlock *largest = nullptr;
        for (RackBlock &block : m_blocks) {
            if (block.used)
                continue;
            if (block.count >= remaining &&
                (!smallestHolding || block.count < smallestHolding->count))
                smallestHolding = &block;
            if (!largest || block.count > largest->count)
                largest = &block;
        }
        RackBlock *take = smallestHolding ? smallestHolding : largest;
        const int count = std::min(take->count, remaining);
        nodes.insert(nodes.end(), m_free.begin() + take->begin,
                     m_free.begin() + take->begin + count);
        take->used = true;
        remaining -= count;
        ++racks;
    }
    std::sort(nodes.begin(), nodes.end());
    return true;
}

bool TopologyAwarePlacement::place(const JobDemand &demand, const ClusterState &state,
                                   Allocation &out)
{
    out.clear();
    if (!demand.gang) {
        const int node = placement::firstFitting(state, demand, {0, state.nodeCount()});
        if (node < 0)
            return false;
        out.push_back(placement::singleShare(state, demand, node));
        return true;
    }
    int bestRacks = 0;
    bool found = false;
    for (int type : state.layout().typeOrder) {
        if (!placement::gangMayUse(demand, type))
            continue;
        int racks = 0;
        if (planGang(demand, state, type, m_nodes, racks) && (!found || racks < bestRacks)) {
            found = true;
            bestRacks = racks;
            m_best.swap(m_nodes);
        }
    }
    if (!found)
        return false;
    placement::gangShares(state, demand, m_best, out);
    return true;
}

std::optional<double> TopologyAwarePlacement::score(const JobDemand &demand,
                                                    const ClusterState &state, int node) const
{
    const CompiledCluster &layout = state.layout();
    const CompiledNode &info = layout.nodes[node];
    const NodeRange rack = layout.rackNodes[info.rack];
    int count = 0;
    for (int other = rack.begin; other < rack.end; ++other) {
        const CompiledNode &candidate = layout.nodes[other];
        if (candidate.type == info.type && demand.filter->admits(candidate, other) &&
            state.freeSlots(other) == candidate.slots)
            ++count;
    }
    return count;
}

int racksSpanned(const Allocation &allocation, const CompiledCluster &layout)
{
    // Most allocations are a node or a few: a quadratic distinct count beats sorting a copy.
    constexpr std::size_t kSmall = 16;
    if (allocation.size() <= kSmall) {
        int racks = 0;
        for (std::size_t i = 0; i < allocation.size(); ++i) {
            const int rack = layout.nodes[allocation[i].node].rack;
            bool seen = false;
            for (std::size_t j = 0; j < i && !seen; ++j)
                seen = layout.nodes[allocation[j].node].rack == rack;
            racks += seen ? 0 : 1;
        }
        return racks;
    }
    std::vector<int> racks;
    racks.reserve(allocation.size());
    for (const NodeShare &share : allocation)
        racks.push_back(layout.nodes[share.node].rack);
    std::sort(racks.begin(), racks.end());
    return static_cast<int>(std::unique(racks.begin(), racks.end()) - racks.begin());
}

} // namespace headroom
