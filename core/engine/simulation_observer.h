#pragma once

#include "core/engine/allocation.h"
#include "core/engine/job_table.h"
#include "core/engine/node_power_state.h"
#include "core/engine/run_result.h"
#include "core/model/sim_time.h"

#include <cstddef>

namespace headroom {

// The one way front-ends (GUI, CLI, tests) watch a simulation. The engine calls these on
// its own thread, in event order, and knows nothing else about who listens. `job` is the
// job's position in Scenario::jobs. Observers must not call back into the simulation.
class SimulationObserver
{
public:
    virtual ~SimulationObserver() = default;

    virtual void jobSubmitted(SimTime, std::size_t /*job*/) {}
    virtual void jobRejected(SimTime, std::size_t /*job*/, RejectReason) {}
    virtual void jobStarted(SimTime, std::size_t /*job*/, const Allocation &) {}
    virtual void jobPreempted(SimTime, std::size_t /*job*/) {}
    virtual void jobCompleted(SimTime, std::size_t /*job*/) {}
    // EASY: the queue head cannot start before `shadow` (infinity: not foreseeable).
    virtual void reservationMade(SimTime, std::size_t /*head*/, SimTime /*shadow*/) {}
    // IT power from `time` on, in watts; first called at the first event.
    virtual void powerChanged(SimTime, double /*itWatts*/) {}
    // Dynamic power management switched a node (topology index): to Off, Booting,
    // ShuttingDown, or back on (Idle). Idle/Busy changes follow from job starts and ends and
    // are not reported here.
    virtual void nodePowerStateChanged(SimTime, int /*node*/, NodePowerState) {}
    // docs/design.md §10: a node failed (`planned`: a planned outage began) and is down until
    // `repairEnd`; it was repaired (is on and idle again); a job was interrupted by a node
    // going down and is queued again, keeping `workKept` seconds of work (its last checkpoint;
    // 0 without checkpoints). Interruptions at one instant follow the failure that caused them.
    virtual void nodeFailed(SimTime, int /*node*/, SimTime /*repairEnd*/, bool /*planned*/) {}
    virtual void nodeRepaired(SimTime, int /*node*/) {}
    virtual void jobInterrupted(SimTime, std::size_t /*job*/, SimTime /*workKept*/) {}
    virtual void sampled(const Sample &) {}
    virtual void finished(SimTime /*endTime*/) {}
};

} // namespace headroom
