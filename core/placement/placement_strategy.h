#pragma once

#include "core/engine/allocation.h"
#include "core/engine/node_filter.h"

#include <memory>
#include <optional>
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
    // Whether the last place() that returned false did so only because every allocation it
    // found would break a power cap (docs/design.md §4); strategies that do not look at power
    // leave that to the scheduling context's check.
    virtual bool refusedByCap() const { return false; }
    // Whether every allocation place() returns was already admitted by the power caps it was
    // given (the engine's, which the scheduling context also holds), so that the context need
    // not check it a second time.
    virtual bool checksCaps() const { return false; }

    // A job started on `allocation` (found by place() on the live cluster). Called once per
    // start, never for speculative place() calls; strategies with a memory (round-robin's
    // cursor) advance it here.
    virtual void started(const Allocation & /*allocation*/) {}

    // For explanations (placement_explain.h): what score() measures, and the score of one
    // node the demand could use. Empty / nullopt for a strategy without a per-node score.
    virtual std::string_view scoreMeaning() const { return {}; }
    virtual std::optional<double> score(const JobDemand & /*demand*/,
                                        const ClusterState & /*state*/, int /*node*/) const
    {
        return std::nullopt;
    }
};

} // namespace headroom
