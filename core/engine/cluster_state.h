#pragma once

#include "core/engine/allocation.h"
#include "core/engine/compiled_cluster.h"
#include "core/engine/max_tree.h"
#include "core/engine/node_filter.h"

#include <vector>

namespace headroom {

// Which slots are free on which node, with the indexes placement needs to answer
// "first node that can take k slots" without scanning the cluster.
class ClusterState
{
public:
    explicit ClusterState(const CompiledCluster &layout);

    const CompiledCluster &layout() const { return *m_layout; }
    int nodeCount() const { return m_layout->nodeCount(); }
    int typeCount() const { return static_cast<int>(m_layout->types.size()); }
    int capacity(int node) const { return m_layout->nodes[node].slots; }
    int freeSlots(int node) const { return m_free[node]; }
    int busySlots(int node) const { return m_busy[node]; }
    long long totalFree() const { return m_totalFree; }
    long long totalBusy() const { return m_totalBusy; }
    long long totalSlots() const { return m_totalSlots; }
    long long freeSlotsOfType(int type) const { return m_freeOfType[type]; }

    // Free slots per node of one type, indexed by the node's position within its type.
    const MaxTree &freeTree(int type) const { return m_freeTrees[type]; }
    // Nodes of `type` with at least `minimum` free slots (whole cluster, no filter).
    int nodesWithFreeAtLeast(int type, int minimum) const;
    // The positions within `type`'s node list that fall inside `range`.
    NodeRange typeLocalRange(int type, NodeRange range) const;
    bool coversAllNodes(NodeRange range) const
    {
        return range.begin <= 0 && range.end >= nodeCount();
    }

    void occupy(const NodeShare &share);
    void release(const NodeShare &share);

private:
    void setFree(int node, int value);

    const CompiledCluster *m_layout;
    std::vector<int> m_free;
    std::vector<int> m_busy;
    std::vector<MaxTree> m_freeTrees;
    // m_freeHistogram[type][k]: nodes of that type with exactly k free slots.
    std::vector<std::vector<int>> m_freeHistogram;
    std::vector<long long> m_freeOfType;
    long long m_totalFree = 0;
    long long m_totalBusy = 0;
    long long m_totalSlots = 0;
};

} // namespace headroom
