#pragma once

#include "core/placement/placement_strategy.h"

#include <vector>

namespace headroom {

// docs/design.md §3 round_robin: a cursor moves over the topology order. A single-node job takes
// the first admissible node at or after the cursor that holds it, wrapping around to the start; the
// cursor then moves to the node after the one it took. Jobs therefore land on successive nodes
// instead of piling onto the first ones.
//
// A gang takes whole free nodes of one type in the same cyclic order from the cursor; of the
// types with enough of them it uses the one whose first such node comes soonest after the
// cursor. The cursor moves past the last node it took.
//
// The cursor moves only when a job really starts (started()), never on a speculative place():
// EASY asks about jobs it then refuses and SRTF plans on a copy of the cluster, so jobs placed
// in one SRTF plan all search from the same cursor.
class RoundRobinPlacement final : public PlacementStrategy
{
public:
    std::string_view name() const override { return "round_robin"; }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
    void started(const Allocation &allocation) override;
    std::string_view scoreMeaning() const override
    {
        return "nodes after the cursor, wrapping (lowest first)";
    }
    std::optional<double> score(const JobDemand &demand, const ClusterState &state,
                                int node) const override;

    // The node the next search starts at.
    int cursor(const ClusterState &state) const;

private:
    int m_cursor = 0;
    std::vector<int> m_nodes; // scratch
    std::vector<int> m_best;  // scratch
};

} // namespace headroom
