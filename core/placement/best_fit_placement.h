#pragma once

#include "core/placement/placement_strategy.h"

#include <vector>

namespace headroom {

// docs/design.md §3 best_fit (consolidation): a single-node job takes the admissible node with the
// fewest free slots that still holds it (a dedicated job: the smallest whole free node), ties
// the lowest index, so partly used nodes fill up and whole nodes stay free for large jobs.
// Found in O(log n) through ClusterState::freeOrder(), not by scanning the nodes.
//
// A gang takes whole free nodes of one type, and picks the type whose admissible whole free
// nodes are the fewest that still suffice (ties: topology order of the types), leaving the
// larger pools for larger gangs; within it, the lowest-index nodes.
class BestFitPlacement final : public PlacementStrategy
{
public:
    std::string_view name() const override { return "best_fit"; }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
    // Free slots the node would have left (for a dedicated job: idle slots it would hold).
    std::string_view scoreMeaning() const override
    {
        return "free accelerators after placement (lowest first)";
    }
    std::optional<double> score(const JobDemand &demand, const ClusterState &state,
                                int node) const override;

private:
    std::vector<int> m_nodes; // scratch
};

} // namespace headroom
