#pragma once

#include "core/placement/placement_strategy.h"

namespace headroom {

// DESIGN.md §3 first_fit: nodes in topology order. A single-node job takes the lowest-index
// node with enough free slots. A gang takes the lowest-index whole free nodes of one type;
// types are tried in the order their first node appears in the topology.
class FirstFitPlacement final : public PlacementStrategy
{
public:
    std::string_view name() const override { return "first_fit"; }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
};

// Building blocks shared by strategies that differ only in node preference.
namespace placement {
// Lowest-index node admitted by the filter with at least `slots` free; -1 if none.
int firstNodeWithFree(const ClusterState &state, const NodeFilter &filter, int slots);
// Lowest-index whole free nodes for a gang, trying types in topology order.
bool firstFitGang(const JobDemand &demand, const ClusterState &state, Allocation &out);
} // namespace placement

} // namespace headroom
