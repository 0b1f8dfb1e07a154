#pragma once

#include "core/placement/placement_strategy.h"

#include <vector>

namespace headroom {

// docs/design.md §3 least_loaded (load balancing): a single-node job takes the admissible node with
// the most free slots that holds it, ties the lowest index, so load spreads over the nodes.
// Each type's free tree gives the maximum over the admissible stretch in O(log n). Free slots
// are counted, not fractions: on a cluster of one node type that is the emptiest node.
//
// A gang takes whole free nodes of one type, and picks the type with the most admissible whole
// free nodes (ties: topology order of the types), so it drains the largest pool; within it, the
// lowest-index nodes.
class LeastLoadedPlacement final : public PlacementStrategy
{
public:
    std::string_view name() const override { return "least_loaded"; }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
    std::string_view scoreMeaning() const override
    {
        return "free accelerators before placement (highest first)";
    }
    std::optional<double> score(const JobDemand &demand, const ClusterState &state,
                                int node) const override;

private:
    std::vector<int> m_nodes; // scratch
};

} // namespace headroom
