#pragma once

#include "core/placement/placement_strategy.h"

#include <vector>

namespace headroom {

// docs/design.md §3 first_fit: nodes in topology order. A single-node job takes the lowest-index
// node with enough free slots (a whole free one if it is dedicated). A gang takes the
// lowest-index whole free nodes of one type; types are tried in the order their first node
// appears in the topology.
class FirstFitPlacement final : public PlacementStrategy
{
public:
    std::string_view name() const override { return "first_fit"; }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
    std::string_view scoreMeaning() const override { return "node index (lowest first)"; }
    std::optional<double> score(const JobDemand &demand, const ClusterState &state,
                                int node) const override;

private:
    std::vector<int> m_nodes; // scratch
};

// Building blocks shared by strategies that differ only in node preference.
namespace placement {
// Lowest-index node admitted by the filter with at least `slots` free; -1 if none.
int firstNodeWithFree(const ClusterState &state, const NodeFilter &filter, int slots);
// Lowest-index whole free nodes for a gang, trying types in topology order. `scratch` is
// working storage.
bool firstFitGang(const JobDemand &demand, const ClusterState &state, Allocation &out,
                  std::vector<int> &scratch);
} // namespace placement

} // namespace headroom
