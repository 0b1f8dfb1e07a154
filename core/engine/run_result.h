#pragma once

#include "core/engine/job_table.h"
#include "core/engine/wait_reason.h"
#include "core/model/job.h"
#include "core/model/sim_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace headroom {

// One point of the fixed-interval time series (docs/design.md §5).
struct Sample
{
    SimTime time = 0.0;
    long long queued = 0;
    long long running = 0;
    long long busySlots = 0;  // with services, including their replicas' accelerators
    double utilization = 0.0; // busy slots / all slots at this instant (replicas' × utilization)
    double itPowerW = 0.0;
    double loadBalanceCov = 0.0; // across nodes' instantaneous busy fractions
    double jainIndex = 1.0;
    // docs/design.md §4, appended for the power chart.
    double facilityPowerW = 0.0; // IT power × PUE
    long long nodesOff = 0;
    long long nodesBooting = 0;
    double clusterCapW = 0.0; // energy.cluster_power_cap_kw in W; 0: no cap
    long long nodesDown = 0;  // failed or in a planned outage (docs/design.md §10.6)
    // So far in the run (docs/design.md §10.6), for the GUI's chart; not in the CSV.
    long long interruptions = 0;
    long long nodeFailures = 0;   // random failures
    long long plannedOutages = 0; // outages begun
};

// What happened to one job, in the order of Scenario::jobs.
struct JobOutcome
{
    JobId id = 0;
    SimTime submit = 0.0;
    SimTime firstStart = 0.0; // meaningful when started
    SimTime end = 0.0;        // meaningful when completed
    SimTime runTime = 0.0;    // time spent holding slots (docs/design.md §5 "run")
    int slots = 0;
    JobState state = JobState::Pending;
    RejectReason rejectReason = RejectReason::None;
    std::uint32_t preemptions = 0;
    std::uint32_t interruptions = 0; // by node failures and outages (docs/design.md §10.4)
    // What it waited for (docs/design.md §3.12): while queued, the reason now; once started,
    // the last reason before it started (None if it never waited); if still queued at the end
    // of the run (RejectReason::NotStartedByEnd), the reason it was never started.
    WaitInfo waitedFor;

    bool started() const { return state == JobState::Running || state == JobState::Completed; }
    SimTime wait() const { return end - submit - runTime; }
};

// One tenant's share of a run (Job::tenant; the empty name is jobs without a tenant).
struct TenantMetrics
{
    std::string tenant;
    long long jobsSubmitted = 0;
    long long jobsCompleted = 0;
    long long jobsRejected = 0;
    // Busy accelerator-seconds of its jobs / (all accelerators × makespan): the tenants'
    // figures add up to RunMetrics::utilization.
    double utilization = 0.0;
    double meanWaitS = 0.0; // over its completed jobs, as docs/design.md §5
    double p95WaitS = 0.0;
    bool operator==(const TenantMetrics &) const = default;
};

// One inference service's share of a run (Scenario::services order), over the simulated span
// (first event to last event).
struct ServiceMetrics
{
    std::string name;
    std::string tenant;
    double offeredRequests = 0.0; // ∫ load dt
    double servedRequests = 0.0;  // ∫ min(load, capacity of ready replicas) dt
    // Unserved ÷ offered (0 when nothing was offered): the SLO shortfall.
    double shortfallFraction = 0.0;
    double meanReplicas = 0.0; // time average of replicas holding accelerators
    int maxReplicasUsed = 0;   // most replicas holding accelerators at once
    // Served ÷ ∫ capacity of ready replicas dt: the capacity-weighted mean of its utilization.
    double meanUtilization = 0.0;
    bool operator==(const ServiceMetrics &) const = default;
};

// docs/design.md §10.6: what failures, outages and checkpoints cost a run.
struct ReliabilityMetrics
{
    long long nodeFailures = 0;   // random failures (docs/design.md §10.1)
    long long plannedOutages = 0; // outages begun (docs/design.md §10.2)
    long long interruptions = 0;  // job interruptions; a gang interrupted once counts once
    // Accelerator-hours held by jobs without useful work: work redone after interruptions,
    // restart overheads and checkpoint pauses.
    double lostAcceleratorHours = 0.0;
    // Useful accelerator-seconds over accelerator-seconds held by jobs (1 when none held).
    double goodput = 1.0;
    double nodeHoursDown = 0.0; // Σ over nodes of time failed or in an outage
    // Service replicas lost because a node under them went down (docs/design.md §10.4).
    long long replicaInterruptions = 0;
    bool operator==(const ReliabilityMetrics &) const = default;
};

// docs/design.md §5 metrics. Waits, slowdowns and makespan count completed jobs only.
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
    // docs/design.md §4 energy. IT energy is energyKwh; facility figures are × PUE; cost and carbon
    // integrate facility power against the hourly price and grid intensity.
    double itEnergyKwh = 0.0;
    double facilityEnergyKwh = 0.0;
    double cost = 0.0;
    std::string currency;
    double carbonKg = 0.0;
    double meanFacilityPowerW = 0.0;
    double peakFacilityPowerW = 0.0;
    // Time during which some job waited only because a power cap refused its start (or the
    // boot of nodes it needed).
    double timeAtPowerCapS = 0.0;
    long long boots = 0;
    double nodeHoursOff = 0.0;
    double bootEnergyKwh = 0.0;         // IT energy drawn by booting nodes
    std::vector<double> rackPeakPowerW; // per rack (RunResult::rackNames), at instants' ends
    std::vector<double> rackBudgetW;    // per rack; 0: no budget
    std::vector<TenantMetrics> tenants; // by tenant name
    // Fragmentation: free accelerators stranded on partly held nodes (some but not all of
    // their slots held), averaged over the makespan; and as a fraction of all accelerators.
    double fragmentedSlots = 0.0;
    double fragmentation = 0.0;
    // Inference services (empty without). With services, utilization, per-node utilization,
    // tenant utilization and fragmentation are taken over the simulated span (first to last
    // event) instead of the job makespan, since services hold accelerators all along; a
    // replica's accelerators count as busy × its service's utilization (a starting replica's
    // as 0). Makespan, waits and slowdowns still count jobs only.
    std::vector<ServiceMetrics> services;
    // Σ unserved ÷ Σ offered requests over all services; 0 without services.
    double serviceShortfallFraction = 0.0;
    // Only for a scenario with a failure model: failures enabled, planned outages, or a job
    // with checkpoint figures (docs/design.md §10.6); without one, outputs stay as they were.
    std::optional<ReliabilityMetrics> reliability;
};

struct RunResult
{
    RunMetrics metrics;
    std::vector<JobOutcome> jobs;
    std::vector<Sample> samples;
    std::vector<std::string> nodeNames;
    std::vector<std::string> rackNames; // topology order
    SimTime endTime = 0.0;
    bool finished = false;
};

} // namespace headroom
