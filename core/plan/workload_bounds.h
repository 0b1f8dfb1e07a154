#pragma once

#include "core/model/scenario.h"

namespace headroom {

// Analytic bounds on the accelerators a workload needs (docs/design.md §7.4), computed from
// the scenario alone, before any simulation. Sizing starts its search from them; it never
// trusts them without simulating, since they ignore packing, gangs, constraints and caps.
//
// The "perfect system" runs every job from its submission for its run time, as if capacity
// were unlimited, and every service at the replicas its load asks for at every instant.
//  - perfectSpanS: first submission to the last job's end in the perfect system.
//  - Work conservation: the jobs' accelerator-seconds W = Σ slots × run_s, spread over the
//    perfect span, plus the services' mean replica accelerators. With fewer accelerators the
//    work cannot be done in the time the perfect system takes, so some job waits.
//  - Perfect-system peak: the most accelerators the perfect system holds at one instant (jobs
//    ending at an instant release before jobs starting then take), plus the services' peak.
//    With fewer, some job waits at that instant: the least for zero wait, which enough
//    accelerators packed perfectly would meet.
// Service demand at a load L is clamp(⌈L ÷ (capacity_rps × target_utilization)⌉, min, max)
// replicas × accelerators per replica, sampled every 60 s (the engine's autoscale tick) over
// one day, or over the whole hourly profile when that is longer.
struct WorkloadBounds
{
    double jobAcceleratorSeconds = 0.0;
    double perfectSpanS = 0.0;
    double serviceMeanAccelerators = 0.0;
    double servicePeakAccelerators = 0.0;
    long long jobPeakAccelerators = 0;
    // W ÷ perfect span + the services' mean (0 without work).
    double workConservationAccelerators = 0.0;
    // Job peak + service peak.
    double perfectSystemAccelerators = 0.0;
};

WorkloadBounds workloadBounds(const Scenario &scenario);

} // namespace headroom
