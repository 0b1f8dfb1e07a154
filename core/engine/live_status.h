#pragma once

#include "core/engine/wait_reason.h"
#include "core/model/sim_time.h"

#include <cstdint>

namespace headroom {

// Counters a front-end shows while a run is in progress (Simulation::status()). A header of
// its own so that views showing them need not include the whole engine.
struct LiveStatus
{
    SimTime now = 0.0;
    long long submitted = 0;
    long long rejected = 0;
    long long completed = 0;
    long long running = 0;
    long long queued = 0;  // waiting now; jobs rejected at the end of the run are not queued
    long long pending = 0; // not yet submitted
    long long busySlots = 0;
    long long totalSlots = 0;
    double itPowerW = 0.0;
    double energyJ = 0.0;
    std::uint64_t events = 0; // submissions, starts, preemptions and completions so far
    double facilityPowerW = 0.0;
    long long nodesOff = 0;
    long long nodesBooting = 0;
    long long nodesDown = 0;      // failed or in a planned outage (docs/design.md §10.6)
    long long nodeFailures = 0;   // random failures so far (docs/design.md §10.1)
    long long plannedOutages = 0; // planned outages begun so far (docs/design.md §10.2)
    long long interruptions = 0;  // job interruptions so far (docs/design.md §10.4)
    // What the oldest queued job waits for (docs/design.md §3.12); None with nothing queued.
    // Every queued job's reason: Simulation::queuedWaits().
    WaitInfo oldestWait;
};

} // namespace headroom
