#pragma once

#include "core/engine/allocation.h"
#include "core/engine/node_filter.h"
#include "core/model/service.h"
#include "core/model/sim_time.h"

#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace headroom {

// One replica of an inference service: the accelerators it holds, and when it serves.
struct ServiceReplica
{
    Allocation allocation; // empty while it waits for room
    SimTime readyAt = 0.0; // meaningful once placed
    bool placed = false;
    bool ready = false;
};

// The engine's running picture of one Scenario::services entry (see Simulation, "Inference
// services"). Integrals cover [first event, Simulation's service clock).
struct ServiceRun
{
    Service spec;
    NodeFilter filter;
    bool gang = false;     // a replica larger than any admissible node: whole nodes
    bool feasible = false; // a replica fits on the empty cluster at all
    // In creation order; the placed ones come first (a replica waits for room only behind
    // every replica placed before it, since all have the same demand). A replica lost to a
    // node going down (docs/design.md §10.4) leaves the placed ones and is the first to wait.
    std::vector<ServiceReplica> replicas;
    int placed = 0;
    int ready = 0;
    double loadRps = 0.0;     // at the latest tick
    double utilization = 0.0; // load ÷ ready capacity, capped at 1; 0 without ready replicas
    // (tick index, desired replicas) over the scale-down stabilization window; tick indexes
    // rather than times so that the window holds a whole number of ticks exactly.
    std::deque<std::pair<std::uint64_t, int>> recentDesired;

    double offered = 0.0;              // ∫ load dt (requests)
    double served = 0.0;               // ∫ min(load, ready capacity) dt
    double readyCapacitySeconds = 0.0; // ∫ ready capacity dt (requests it could have served)
    double replicaSeconds = 0.0;       // ∫ placed replicas dt
    int maxPlaced = 0;

    JobDemand demand() const
    {
        return JobDemand{spec.acceleratorsPerReplica, gang, &filter, false};
    }
    double readyCapacityRps() const { return double(ready) * spec.capacityRps; }
};

} // namespace headroom
