#pragma once

#include "core/engine/job_table.h"
#include "core/model/job.h"
#include "core/model/sim_time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace headroom {

// One point of the fixed-interval time series (DESIGN.md §5).
struct Sample
{
    SimTime time = 0.0;
    long long queued = 0;
    long long running = 0;
    long long busySlots = 0;
    double utilization = 0.0; // busy slots / all slots at this instant
    double itPowerW = 0.0;
    double loadBalanceCov = 0.0; // across nodes' instantaneous busy fractions
    double jainIndex = 1.0;
};

// What happened to one job, in the order of Scenario::jobs.
struct JobOutcome
{
    JobId id = 0;
    SimTime submit = 0.0;
    SimTime firstStart = 0.0; // meaningful when started
    SimTime end = 0.0;        // meaningful when completed
    SimTime runTime = 0.0;    // time spent holding slots (DESIGN.md §5 "run")
    int slots = 0;
    JobState state = JobState::Pending;
    RejectReason rejectReason = RejectReason::None;
    std::uint32_t preemptions = 0;

    bool started() const { return state == JobState::Running || state == JobState::Completed; }
    SimTime wait() const { return end - submit - runTime; }
};

// DESIGN.md §5 metrics. Waits, slowdowns and makespan count completed jobs only.
struct RunMetrics
{
    long long jobsSubmitted = 0; // accepted + rejected (skipped trace lines are not submitted)
    long long jobsCompleted = 0;
    long long jobsRejected = 0;
    long long jobsSkipped = 0; // set by the trace reader's caller
    long long preemptions = 0;
    double meanWaitS = 0.0;
    double p50WaitS = 0.0;
    double p95WaitS = 0.0;
    double p99WaitS = 0.0;
    double maxWaitS = 0.0;
    double meanBoundedSlowdown = 0.0;
    double makespanS = 0.0;
    double utilization = 0.0;
    double loadBalanceCov = 0.0;
    double jainIndex = 1.0;
    double energyKwh = 0.0;
    double meanPowerW = 0.0;
    double peakPowerW = 0.0;
    std::vector<double> nodeUtilization; // topology order
};

struct RunResult
{
    RunMetrics metrics;
    std::vector<JobOutcome> jobs;
    std::vector<Sample> samples;
    std::vector<std::string> nodeNames;
    SimTime endTime = 0.0;
    bool finished = false;
};

} // namespace headroom
