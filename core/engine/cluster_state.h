#pragma once

#include "core/engine/allocation.h"
#include "core/engine/compiled_cluster.h"
#include "core/engine/free_order_index.h"
#include "core/engine/max_tree.h"
#include "core/engine/node_filter.h"
#include "core/engine/node_power_state.h"

#include <cassert>
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
    int capacity(int node) const { return m_nodes[node].capacity; }
    int freeSlots(int node) const { return m_nodes[node].free; }
    int busySlots(int node) const { return m_nodes[node].busy; }
    // layout().nodes[node].type from the line a change touches anyway: a CompiledNode is
    // another cache miss per share on a large cluster.
    int nodeType(int node) const { return m_nodes[node].type; }
    // Asks for the node's line ahead of a change (Simulation::occupy, release).
    void prefetch(int node) const { __builtin_prefetch(&m_nodes[node]); }
    // docs/design.md §4 power state. A node that is not on (off, booting, shutting down) holds no
    // slots and shows none free: every index here (trees, histograms, totals) counts it as
    // full, so placement and EASY's reservation skip it without knowing about power. Its
    // nominal free slots are its whole capacity.
    NodePowerState powerState(int node) const
    {
        const NodeSlots &slots = m_nodes[node];
        if (slots.switched != NodePowerState::Idle)
            return slots.switched;
        return slots.free < slots.capacity ? NodePowerState::Busy : NodePowerState::Idle;
    }
    bool switchedOn(int node) const { return m_nodes[node].switched == NodePowerState::Idle; }
    int nominalFreeSlots(int node) const
    {
        return switchedOn(node) ? m_nodes[node].free : capacity(node);
    }
    int nodesNotOn() const { return m_notOn; }
    // Switches a node that holds nothing: Idle (on), Off, Booting or ShuttingDown.
    void setSwitched(int node, NodePowerState state);
    // The same nodes on, nothing held: the cluster SRTF plans on.
    ClusterState emptied() const;
    long long totalFree() const { return m_totalFree; }
    long long totalBusy() const { return m_totalBusy; }
    long long totalSlots() const { return m_totalSlots; }
    long long freeSlotsOfType(int type) const { return m_freeOfType[type]; }

    // Free slots per node of one type, indexed by the node's position within its type.
    const MaxTree &freeTree(int type) const { return m_freeTrees[type]; }
    // Nodes of `type` with at least `minimum` free slots (whole cluster, no filter).
    int nodesWithFreeAtLeast(int type, int minimum) const;
    // The positions within `type`'s node list, in reservation group `group`, that fall inside
    // `range` (CompiledNodeType::nodes). Group 0 is every node on a cluster without
    // reservations.
    NodeRange typeLocalRange(int type, NodeRange range, int group = 0) const;
    // Best-fit's index of nodes by free slots, built on first use (see FreeOrderIndex).
    const FreeOrderIndex &freeOrder() const;
    // Free slots on partly held nodes (some but not all slots held): capacity that only jobs
    // small enough for the leftovers can use (the fragmentation metric).
    long long strandedFree() const { return m_strandedFree; }
    bool coversAllNodes(NodeRange range) const
    {
        return range.begin <= 0 && range.end >= nodeCount();
    }

    void occupy(const NodeShare &share)
    {
        NodeSlots &slots = m_nodes[share.node];
        assert(share.held <= slots.free);
        setFree(share.node, slots.free - share.held);
        slots.busy += share.busy;
        m_totalBusy += share.busy;
    }
    void release(const NodeShare &share)
    {
        NodeSlots &slots = m_nodes[share.node];
        setFree(share.node, slots.free + share.held);
        slots.busy -= share.busy;
        m_totalBusy -= share.busy;
        assert(slots.free <= slots.capacity && slots.busy >= 0);
    }
    // Inference service replicas (Simulation) hold their slots like jobs, but no scheduler may
    // move them: a share occupied and then pinned stays held in emptied() (SRTF's plan), until
    // unpinned and released. A cluster without services never allocates the pin table.
    void pin(const NodeShare &share);
    void unpin(const NodeShare &share);
    // Slots of `node` that service replicas hold.
    int pinnedSlots(int node) const { return m_pinned.empty() ? 0 : m_pinned[node].held; }

private:
    // Inline: every share of every start and end comes through here.
    void setFree(int node, int value)
    {
        NodeSlots &slots = m_nodes[node];
        const int type = slots.type;
        const int capacity = slots.capacity;
        const int old = slots.free;
        const auto stranded = [capacity](int free) { return free < capacity ? free : 0; };
        m_strandedFree += stranded(value) - stranded(old);
        if (m_freeOrder.built())
            m_freeOrder.changed(type, slots.typePosition, old, value);
        m_totalFree += value - old;
        m_freeOfType[type] += value - old;
        int *histogram = m_freeHistogram.data() + m_histogramBase[type];
        --histogram[old];
        ++histogram[value];
        slots.free = value;
        m_freeTrees[type].change(slots.typePosition, old, value);
    }

    // What every change reads and writes of a node, side by side (one cache line per node
    // touched rather than one per array).
    struct NodeSlots
    {
        int free = 0;
        int busy = 0;
        int capacity = 0;
        int type = 0;
        int typePosition = 0;                           // in the type's free tree
        NodePowerState switched = NodePowerState::Idle; // Idle for every node that is on
    };

    const CompiledCluster *m_layout;
    std::vector<NodeSlots> m_nodes;
    int m_notOn = 0;
    std::vector<MaxTree> m_freeTrees;
    // m_freeHistogram[m_histogramBase[type] + k]: nodes of that type with exactly k free slots.
    std::vector<int> m_freeHistogram;
    std::vector<int> m_histogramBase;
    std::vector<long long> m_freeOfType;
    long long m_totalFree = 0;
    long long m_totalBusy = 0;
    long long m_totalSlots = 0;
    long long m_strandedFree = 0;
    std::vector<NodeShare> m_pinned;    // per node (node, held, busy); empty until a pin
    mutable FreeOrderIndex m_freeOrder; // a cache: built by the first const query
};

} // namespace headroom
