#include "core/engine/cluster_state.h"

#include <algorithm>
#include <cassert>

namespace headroom {

ClusterState::ClusterState(const CompiledCluster &layout)
    : m_layout(&layout)
{
    const int nodes = layout.nodeCount();
    m_free.resize(nodes);
    m_busy.assign(nodes, 0);
    for (int n = 0; n < nodes; ++n) {
        m_free[n] = layout.nodes[n].slots;
        m_totalSlots += layout.nodes[n].slots;
    }
    m_totalFree = m_totalSlots;
    for (const CompiledNodeType &type : layout.types) {
        std::vector<int> values(type.nodes.size(), type.slots);
        m_freeTrees.emplace_back(values);
        std::vector<int> histogram(static_cast<std::size_t>(type.slots) + 1, 0);
        histogram[type.slots] = static_cast<int>(type.nodes.size());
        m_freeHistogram.push_back(std::move(histogram));
        m_freeOfType.push_back(static_cast<long long>(type.slots) * type.nodes.size());
    }
}

int ClusterState::nodesWithFreeAtLeast(int type, int minimum) const
{
    const std::vector<int> &histogram = m_freeHistogram[type];
    int count = 0;
    for (int k = std::max(minimum, 0); k < static_cast<int>(histogram.size()); ++k)
        count += histogram[k];
    return count;
}

NodeRange ClusterState::typeLocalRange(int type, NodeRange range) const
{
    const std::vector<int> &nodes = m_layout->types[type].nodes;
    if (coversAllNodes(range))
        return {0, static_cast<int>(nodes.size())};
    const auto lo = std::lower_bound(nodes.begin(), nodes.end(), range.begin);
    const auto hi = std::lower_bound(lo, nodes.end(), range.end);
    return {static_cast<int>(lo - nodes.begin()), static_cast<int>(hi - nodes.begin())};
}

void ClusterState::occupy(const NodeShare &share)
{
    assert(share.held <= m_free[share.node]);
    setFree(share.node, m_free[share.node] - share.held);
    m_busy[share.node] += share.busy;
    m_totalBusy += share.busy;
}

void ClusterState::release(const NodeShare &share)
{
    setFree(share.node, m_free[share.node] + share.held);
    m_busy[share.node] -= share.busy;
    m_totalBusy -= share.busy;
    assert(m_free[share.node] <= capacity(share.node) && m_busy[share.node] >= 0);
}

void ClusterState::setFree(int node, int value)
{
    const int type = m_layout->nodes[node].type;
    m_totalFree += value - m_free[node];
    m_freeOfType[type] += value - m_free[node];
    --m_freeHistogram[type][m_free[node]];
    ++m_freeHistogram[type][value];
    m_free[node] = value;
    m_freeTrees[type].set(m_layout->typePosition[node], value);
}

} // namespace headroom
