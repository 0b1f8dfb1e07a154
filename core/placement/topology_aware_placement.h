#pragma once

#include "core/placement/placement_strategy.h"

#include <vector>

namespace headroom {

// docs/design.md §3 topology_aware: gangs on the fewest racks, since a gang spread over racks talks
// over the slower inter-rack links (Policy::rackSpreadPenalty).
//
// A gang needs N whole free nodes of one type. Of the racks' admissible whole free nodes of
// that type, it takes the rack with the fewest that still holds all N (a best fit, so racks
// with more stay whole for larger gangs). When no single rack holds it, it fills from the
// racks with the most whole free nodes, taking all of each, and for the rest again the rack
// with the fewest that still holds it: the fewest racks possible, leaving the larger blocks
// intact. Ties go to the lower rack index; within a rack, the lowest-index nodes. Of the types
// with enough whole free nodes, the one that needs the fewest racks is used (ties: topology
// order of the types).
//
// A single-node job fits on one rack whatever node it gets, so it is placed first-fit.
class TopologyAwarePlacement final : public PlacementStrategy
{
public:
    std::string_view name() const override { return "topology_aware"; }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
    std::string_view scoreMeaning() const override
    {
        return "whole free nodes of its type in its rack (a gang takes the fewest racks)";
    }
    // Admissible whole free nodes of the node's type in its rack.
    std::optional<double> score(const JobDemand &demand, const ClusterState &state,
                                int node) const override;

private:
    // The nodes of `type` a gang would take, fewest racks first; false if it does not fit.
    bool planGang(const JobDemand &demand, const ClusterState &state, int type,
                  std::vector<int> &nodes, int &racks);

    std::vector<int> m_free;  // scratch: admissible whole free nodes, ascending
    std::vector<int> m_nodes; // scratch
    std::vector<int> m_best;  // scratch
    struct RackBlock
    {
        int rack;
        int begin; // into m_free
        int count;
        bool used;
    };
    std::vector<RackBlock> m_blocks; // scratch
};

// Racks an allocation's nodes lie in (distinct), e.g. for the rack spread penalty.
int racksSpanned(const Allocation &allocation, const CompiledCluster &layout);

} // namespace headroom
