#include "core/engine/cluster_state.h"

#include <algorithm>
#include <cassert>

namespace headroom {

ClusterState::ClusterState(const CompiledCluster &layout)
    : m_layout(&layout)
{
    const int nodes = layout.nodeCount();
    m_nodes.resize(nodes);
    for (int n = 0; n < nodes; ++n) {
        NodeSlots &slots = m_nodes[n];
        slots.free = layout.nodes[n].slots;
        slots.capacity = layout.nodes[n].slots;
        slots.type = layout.nodes[n].type;
        slots.typePosition = layout.typePosition[n];
        m_totalSlots += slots.capacity;
    }
    m_totalFree = m_totalSlots;
    for (const CompiledNodeType &type : layout.types) {
        std::vector<int> values(type.nodes.size(), type.slots);
        m_freeTrees.emplace_back(values, type.slots);
        m_histogramBase.push_back(static_cast<int>(m_freeHistogram.size()));
        m_freeHistogram.resize(m_freeHistogram.size() + static_cast<std::size_t>(type.slots) + 1,
                               0);
        m_freeHistogram[m_histogramBase.back() + type.slots] = static_cast<int>(type.nodes.size());
        m_freeOfType.push_back(static_cast<long long>(type.slots) * type.nodes.size());
    }
}

int ClusterState::nodesWithFreeAtLeast(int type, int minimum) const
{
    const int *histogram = m_freeHistogram.data() + m_histogramBase[type];
    const int slots = m_layout->types[type].slots;
    int count = 0;
    for (int k = std::max(minimum, 0); k <= slots; ++k)
        count += histogram[k];
    return count;
}

NodeRange ClusterState::typeLocalRange(int type, NodeRange range, int group) const
{
    const CompiledNodeType &nodeType = m_layout->types[type];
    const auto first = nodeType.nodes.begin() + nodeType.groupBegin[group];
    const auto last = nodeType.nodes.begin() + nodeType.groupBegin[group + 1];
    if (coversAllNodes(range))
        return {nodeType.groupBegin[group], nodeType.groupBegin[group + 1]};
    const auto lo = std::lower_bound(first, last, range.begin);
    const auto hi = std::lower_bound(lo, last, range.end);
    return {static_cast<int>(lo - nodeType.nodes.begin()),
            static_cast<int>(hi - nodeType.nodes.begin())};
}

const FreeOrderIndex &ClusterState::freeOrder() const
{
    if (!m_freeOrder.built()) {
        std::vector<int> free(m_nodes.size());
        for (std::size_t node = 0; node < m_nodes.size(); ++node)
            free[node] = m_nodes[node].free;
        m_freeOrder.build(*m_layout, free);
    }
    return m_freeOrder;
}

void ClusterState::setSwitched(int node, NodePowerState state)
{
    assert(state != NodePowerState::Busy && m_nodes[node].busy == 0);
    const bool wasOn = switchedOn(node);
    const bool on = state == NodePowerState::Idle;
    m_nodes[node].switched = state;
    if (wasOn == on)
        return;
    assert(!wasOn || m_nodes[node].free == capacity(node));
    m_notOn += on ? -1 : 1;
    setFree(node, on ? capacity(node) : 0);
}

ClusterState ClusterState::emptied() const
{
    ClusterState empty(*m_layout);
    for (int node = 0; m_notOn > 0 && node < nodeCount(); ++node) {
        if (!switchedOn(node))
            empty.setSwitched(node, m_nodes[node].switched);
    }
    for (const NodeShare &share : m_pinned) {
        if (share.held > 0)
            empty.occupy(share);
    }
    return empty;
}

void ClusterState::pin(const NodeShare &share)
{
    if (m_pinned.empty()) {
        m_pinned.resize(static_cast<std::size_t>(nodeCount()));
        for (int node = 0; node < nodeCount(); ++node)
            m_pinned[node].node = node;
    }
    m_pinned[share.node].held += share.held;
    m_pinned[share.node].busy += share.busy;
}

void ClusterState::unpin(const NodeShare &share)
{
    m_pinned[share.node].held -= share.held;
    m_pinned[share.node].busy -= share.busy;
    assert(m_pinned[share.node].held >= 0 && m_pinned[share.node].busy >= 0);
}

} // namespace headroom
