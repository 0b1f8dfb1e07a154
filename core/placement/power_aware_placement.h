#pragma once

#include "core/placement/placement_strategy.h"

#include <cstdint>
#include <vector>

namespace headroom {

class PowerCaps;
struct CompiledCluster;

// Per rack, which on-nodes could take a job: a bit per free-slot count held by partly used
// nodes (some slots held, some free) and the number of idle on-nodes. Kept by the engine (one
// update per node change) so that power-aware placement looks at racks, not nodes.
class RackLoadIndex
{
public:
    explicit RackLoadIndex(const CompiledCluster &layout);

    // False when some rack mixes node types or a node has more than 63 slots; the placement
    // then scans nodes instead.
    bool usable() const { return m_usable; }
    void update(const ClusterState &state, int node);

    int rackType(int rack) const { return m_rackType[rack]; }
    // Some partly used node of the rack has at least `minimum` free slots.
    bool hasPartial(int rack, int minimum) const
    {
        return minimum < 64 && (m_partialMask[rack] >> minimum) != 0;
    }
    int idleNodes(int rack) const { return m_idle[rack]; }
    // The same over every rack of a type (racks are single-typed when usable()).
    bool typeHasPartial(int type, int minimum) const
    {
        return minimum < 64 && (m_typeMask[type] >> minimum) != 0;
    }
    int typeIdleNodes(int type) const { return m_typeIdle[type]; }

private:
    const CompiledCluster *m_layout;
    bool m_usable = true;
    std::vector<int> m_rackType;
    std::vector<std::uint64_t> m_partialMask;
    std::vector<std::vector<int>> m_partialCount; // [rack][free]
    std::vector<int> m_idle;
    std::vector<int> m_nodeFree; // last seen: free slots of a partly used node, else -1
    std::vector<std::uint8_t> m_nodeIdle;
    std::vector<std::uint64_t> m_typeMask;
    std::vector<std::vector<int>> m_typePartialCount; // [type][free]
    std::vector<int> m_typeIdle;
};

// docs/design.md §3 power_aware: prefer nodes already busy (consolidation, so that idle nodes can
// reach their idle timeout and be switched off), never nodes that are not on, and among the
// candidates the rack with the most power headroom under its budget (budget minus the power
// caps count there; racks without a budget have unlimited headroom; ties: lowest rack index),
// then the lowest-index node in it. Concretely, a single-node job goes to a partly used node
// that fits if there is one, else to an idle on-node; a gang takes whole idle nodes of one
// type (types in topology order), rack by rack from the one with the most headroom, each rack
// only as far as its headroom (and the cluster's) allows the nodes at full load.
//
// It never proposes an allocation that breaks a cap: a candidate the caps refuse is passed
// over for the next rack, and when none is left the job does not fit now. Without caps
// attached (attach()) every rack has the same headroom.
class PowerAwarePlacement final : public PlacementStrategy
{
public:
    std::string_view name() const override { return "power_aware"; }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
    bool refusedByCap() const override { return m_refusedByCap; }
    bool checksCaps() const override { return m_caps != nullptr; }

    // `index` may be null; both must outlive the placement.
    void attach(const PowerCaps *caps, const RackLoadIndex *index);

private:
    struct Candidate
    {
        double headroom;
        int rack;
        bool operator<(const Candidate &other) const
        {
            return headroom != other.headroom ? headroom > other.headroom : rack < other.rack;
        }
    };
    bool placeSingle(const JobDemand &demand, const ClusterState &state, Allocation &out);
    bool placeGang(const JobDemand &demand, const ClusterState &state, Allocation &out);
    bool gangFitsUnderCaps(const JobDemand &demand, int type, double lightest,
                           double clusterLeft) const;
    int firstInRack(const JobDemand &demand, const ClusterState &state, int rack, bool partly,
                    int minimum) const;
    int countIdle(const JobDemand &demand, const ClusterState &state, int rack, int type) const;
    double headroom(const ClusterState &state, int rack) const;
    double leastDelta(const JobDemand &demand, const ClusterState &state) const;
    bool fast(const JobDemand &demand, const ClusterState &state) const;
    bool admits(const ClusterState &state, const Allocation &allocation) const;
    const std::vector<Candidate> &sortedRacks(const ClusterState &state);
    bool placeSingleFast(const JobDemand &demand, const ClusterState &state, Allocation &out);

    const PowerCaps *m_caps = nullptr;
    const RackLoadIndex *m_index = nullptr;
    std::vector<Candidate> m_candidates;
    std::vector<int> m_nodes;
    // Every rack by headroom (most first), for the live cluster as of m_sortedChanges.
    std::vector<Candidate> m_sorted;
    std::uint64_t m_sortedChanges = ~std::uint64_t(0);
    bool m_rackBudgets = false; // some rack has a budget (set by attach())
    bool m_refusedByCap = false;
};

} // namespace headroom
