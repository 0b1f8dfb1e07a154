#pragma once

#include "core/engine/allocation.h"
#include "core/engine/node_filter.h"

#include <memory>
#include <string_view>

namespace headroom {

class ClusterState;

// Chooses which free slots a starting job gets. Whether a job fits at all does not depend on
// the strategy (every strategy finds an allocation when one exists); only which one it picks.
class PlacementStrategy
{
public:
    virtual ~PlacementStrategy() = default;
    virtual std::string_view name() const = 0;

    // Fills `out` (cleared first) and returns true, or returns false when the job does not
    // fit now. May keep state between calls (round-robin's cursor), so not const; but
    // schedulers call it speculatively (EASY tries candidates it may refuse, SRTF plans on a
    // copy) and skip calls whose answer they already know: the answer must not depend on how
    // often it was asked, only on the demand, the cluster state and the jobs started so far.
    virtual bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) = 0;
};

} // namespace headroom
