#pragma once

#include "core/model/sim_time.h"

#include <cstdint>
#include <string>

namespace headroom {

// How long a failed node stays down (docs/design.md §10.1): exactly its type's repair time,
// or exponentially distributed with that mean.
enum class RepairDistribution : std::uint8_t { Fixed, Exponential };

// Where an interrupted job goes back in the queue (docs/design.md §10.4): first in line (the
// default; it is usually the oldest and largest job), or behind everything queued.
enum class RequeuePolicy : std::uint8_t { Head, Tail };

// Random node failures of a scenario (docs/design.md §10.1). Their own seed, so that the
// failures a scenario sees do not move when anything else random changes, and the same
// scenario and seed always see the same failures.
struct FailurePolicy
{
    bool enabled = false;
    std::uint64_t seed = 1;
    RequeuePolicy requeue = RequeuePolicy::Head;

    bool operator==(const FailurePolicy &) const = default;
};

// A node taken down on purpose (maintenance) from `startS` for `durationS` (docs/design.md
// §10.2); it behaves as a failed node for that time, whether or not failures are enabled.
struct PlannedOutage
{
    std::string node; // NodeSpec::name
    SimTime startS = 0.0;
    SimTime durationS = 0.0;

    bool operator==(const PlannedOutage &) const = default;
};

} // namespace headroom
