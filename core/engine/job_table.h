#pragma once

#include "core/engine/allocation.h"
#include "core/engine/checkpoint_clock.h"
#include "core/model/job.h"
#include "core/model/sim_time.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace headroom {

// Position of a job in processing order: submit time, then job id, then input position.
// FCFS order is simply increasing JobIndex.
using JobIndex = std::uint32_t;

enum class JobState : std::uint8_t { Pending, Queued, Running, Completed, Rejected };

// Why a job was rejected (docs/design.md §3.2 at submission: it can never run; §3.9 at the
// end: it had not started).
enum class RejectReason : std::uint8_t {
    None,
    LargerThanCluster,   // more slots than the whole cluster has
    ConstraintsTooSmall, // the nodes its constraints allow can never hold it
    // Still queued when the run ended (docs/design.md §3.9); not a claim that it could never
    // run. Its last wait reason says what it waited for.
    NotStartedByEnd,
    // Its constraints' nodes could hold it, but not once the nodes reserved for other tenants
    // are left out.
    ReservedForOtherTenants,
    // Even with every node it does not use at its lowest draw, running it would break a rack
    // power budget or the cluster power cap (CapFeasibility).
    ExceedsPowerCaps,
    // The nodes open to it could hold it, but not without nodes an inference service holds
    // for the whole run (its minimum replicas, which are never released or moved).
    NeedsServiceNodes,
};
inline constexpr std::size_t kRejectReasonCount = 7;

// A sentence for users: "needs more accelerators than the cluster has".
const char *describe(RejectReason reason);

// The engine's per-job state, as parallel arrays indexed by JobIndex so that scheduler scans
// over a long queue touch only the fields they read.
struct JobTable
{
    // Fixed when the scenario is compiled.
    std::vector<SimTime> submit;
    std::vector<SimTime> run;       // actual run time at speed 1.0
    std::vector<SimTime> requested; // effective requested wall time (>= run)
    std::vector<int> slots;
    std::vector<int> filter; // index into the compiled filters; 0 is "anywhere"
    std::vector<std::uint8_t> gang;
    std::vector<std::uint8_t> exclusive; // dedicated: holds whole nodes (JobDemand::exclusive)
    std::vector<std::uint32_t> tenant;   // index into CompiledJobs::tenantNames
    std::vector<JobId> id;
    std::vector<std::uint32_t> inputIndex; // position in Scenario::jobs

    // Changed by the engine while it runs.
    std::vector<JobState> state;
    std::vector<RejectReason> rejectReason;
    std::vector<SimTime> firstStart;
    std::vector<SimTime> end;
    std::vector<SimTime> occupied; // time spent holding slots, over all segments
    std::vector<SimTime> progress; // useful work done (excludes restart overhead)
    std::vector<std::uint32_t> preemptions;
    std::vector<std::uint32_t> generation; // invalidates stale completion events

    // The current run segment of a running job.
    struct Segment
    {
        SimTime start = 0.0;
        SimTime overheadDue = 0.0; // restart overhead paid first
        // docs/design.md §4 DVFS, rack spread: progress advances at this many seconds of work per
        // second; 1 unless energy management slows the job.
        double speed = 1.0;
        // docs/design.md §10.3: the checkpoint pauses it pays before its run time is done, and
        // before its requested time would be (0 without checkpoints).
        SimTime pauseS = 0.0;
        SimTime requestedPauseS = 0.0;
    };

    // docs/design.md §10.3: per job, an index into checkpointSpecs (0: none). Empty when no job
    // has checkpoint figures, so a run without them pays nothing.
    std::vector<std::uint32_t> checkpointSpec;
    std::vector<JobCheckpoints> checkpointSpecs; // [0] is "none"
    const JobCheckpoints *checkpointsOf(JobIndex j) const
    {
        return checkpointSpec.empty() || checkpointSpec[j] == 0
                       ? nullptr
                       : &checkpointSpecs[checkpointSpec[j]];
    }
    // The current segment's clock (docs/design.md §10.3), from its saved point.
    CheckpointClock clockOf(JobIndex j) const
    {
        const JobCheckpoints *checkpoints = checkpointsOf(j);
        return {progress[j], checkpoints ? checkpoints->intervalS : 0.0,
                checkpoints ? checkpoints->costS : 0.0, segmentOf(j).speed};
    }
    // Work done by `now` in the current segment of a running job, its pauses counted.
    SimTime progressAt(JobIndex j, SimTime now) const
    {
        const Segment &s = segmentOf(j);
        const SimTime work = std::max(0.0, now - s.start - s.overheadDue);
        if (s.pauseS > 0.0 || s.requestedPauseS > 0.0)
            return clockOf(j).cut(work, run[j]).reached;
        return progress[j] + work * s.speed;
    }
    // The wall time a queued job is planned to need at `speed` (EASY's backfill test): its
    // requested work, plus, with checkpoint figures, its pauses and a restart overhead.
    SimTime plannedWallS(JobIndex j, double speed) const
    {
        const JobCheckpoints *checkpoints = checkpointsOf(j);
        if (!checkpoints)
            return requested[j] / speed;
        return checkpoints->restartOverheadS + (requested[j] - progress[j]) / speed +
               checkpoints->costS * double(CheckpointClock::between(progress[j], requested[j],
                                                                    checkpoints->intervalS));
    }

    // Allocations and segments of running jobs live in a pool: at most a few thousand jobs run
    // at once, so a vector per job would cost a million-job trace 24 bytes a job plus a heap
    // allocation per start (and a segment per job 24 bytes more), while pool entries keep their
    // storage for the next job that starts.
    static constexpr std::uint32_t kNoAllocation = 0xffffffffu;
    std::vector<std::uint32_t> allocationSlot; // per job: pool entry, kNoAllocation if none
    // A job's segment and allocation side by side in one cache line: complete() reads both,
    // long after the job started, when they are cold.
    struct alignas(64) RunEntry
    {
        Segment segment;
        Allocation allocation;
    };
    std::vector<RunEntry> runPool;
    std::vector<std::uint32_t> freeAllocationSlots;

    // The job's allocation while it runs; empty otherwise. Inline: EASY reads it for every
    // running job it walks when computing a shadow time.
    const Allocation &allocationOf(JobIndex j) const
    {
        static const Allocation none;
        const std::uint32_t slot = allocationSlot[j];
        return slot == kNoAllocation ? none : runPool[slot].allocation;
    }
    // Starts a run segment of job j on `allocation`.
    void beginSegment(JobIndex j, const Allocation &allocation, const Segment &segment);
    // Ends it: the job holds nothing.
    void clearAllocation(JobIndex j);
    // The current segment of a running job (only running jobs have one).
    const Segment &segmentOf(JobIndex j) const { return runPool[allocationSlot[j]].segment; }
    SimTime segmentStart(JobIndex j) const { return segmentOf(j).start; }

    std::size_t size() const { return submit.size(); }
    // As of the start of the current run segment: progress is updated when a segment ends.
    SimTime remainingRequested(JobIndex j) const { return requested[j] - progress[j]; }
    // When the job would end if it ran to its requested wall time (what EASY assumes).
    SimTime expectedEnd(JobIndex j) const
    {
        const Segment &s = segmentOf(j);
        return s.start + s.overheadDue + s.requestedPauseS + remainingRequested(j) / s.speed;
    }
    // When the job really ends if it is not preempted.
    SimTime actualEnd(JobIndex j) const
    {
        const Segment &s = segmentOf(j);
        return s.start + s.overheadDue + s.pauseS + (run[j] - progress[j]) / s.speed;
    }
};

} // namespace headroom
