#pragma once

#include "core/engine/cluster_state.h"
#include "core/engine/compiled_cluster.h"
#include "core/engine/failure_process.h"
#include "core/engine/job_compiler.h"
#include "core/engine/live_status.h"
#include "core/engine/run_result.h"
#include "core/engine/service_run.h"
#include "core/metrics/load_accounting.h"
#include "core/model/policy.h"
#include "core/power/power_caps.h"
#include "core/power/power_manager.h"
#include "core/power/power_meter.h"
#include "core/power/power_model.h"
#include "core/sched/scheduling_context.h"

#include <queue>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace headroom {

struct Scenario;
class Scheduler;
class PlacementStrategy;
class SimulationObserver;
class RackLoadIndex;

// The discrete-event engine (docs/design.md §3).
//
// Events at one instant form a batch handled in this order:
//   1. every completion at that instant (freeing its slots), in processing order;
//   2. node transitions due then (docs/design.md §4 power management): boots completing (the node
//      is on and idle, and its capacity counts as released) in (time, node) order, then
//      shutdowns completing (the node is off);
//   2b. inference services (below), only when the scenario has any: replicas becoming ready,
//      then the autoscale tick due then (scale up and down), then placing waiting replicas;
//      a replica released here counts as a completion (capacity released, a pass in step 5);
//   3. idle timeouts due then (PowerManager: nodes switched off, spares kept);
//   4. every submission at that instant, by submit time then job id (then input position);
//   5. one scheduling pass, if anything happened in 1, 2 (a boot, or a shutdown when power
//      caps apply: it frees power) or 4;
//   6. dynamic power management decisions: boots for the oldest queued job if it cannot start
//      on the nodes that are on (PowerManager::wake), then the idle timeouts deferred by boots;
//   7. the power level is settled and time-series samples due at that instant are taken.
// A boot or shutdown that takes 0 s completes in a second batch at the same instant. Without
// power management, caps, DVFS or spread penalty only steps 1, 4, 5 and 7 do anything, exactly
// as docs/design.md §3 has it. Every node is on and idle at the first event.
//
// Energy management in the engine: DVFS and the rack spread penalty set each job's speed
// when it starts (PowerModel::jobSpeed; it runs for its remaining work / speed); power caps
// refuse starts through the scheduling context (PowerCaps); the meter integrates IT power,
// cost and carbon. The run is "at a power cap" from a scheduling pass in which a cap refused a
// start the scheduler would have made (or a boot the oldest job waits for) until a pass, after
// capacity or power was released, in which none is refused; RunMetrics::timeAtPowerCapS is
// the total of such time (docs/design.md §4.6). Every queued job carries why it waits
// (docs/design.md §3.12, simulation_waits.cpp).
// Samples lie on the grid t0 + k·interval (t0 = first submission); a sample at time s
// shows the state after every event at or before s. The series holds at most kMaxSamples
// points: a run whose span needs more keeps every other sample and doubles the interval, as
// often as needed (samplingIntervalS()), so memory and time stay bounded whatever the span.
//
// Inference services (Scenario::services, docs/design.md §2). Chosen so that energy stays the exact
// integral of a piecewise-constant power and a run without services is untouched:
//  - Autoscale ticks lie on the grid t0 + k·kServiceTickS (60 s; t0 = first event). A
//    service's load is LoadProfile::at(tick) from that tick to the next (piecewise constant).
//    Ticks that could change nothing (constant loads, every service at the replicas it wants
//    and serving) are skipped, but for the one at which a stalled queue is given up.
//  - At the first event each service places minReplicas replicas, ready at once (the service
//    is deployed when the run begins); that instant's tick then scales as any other.
//  - At a tick: desired = ⌈load ÷ (capacityRps × targetUtilization)⌉ clamped to [min, max].
//    Above the replicas it has, new replicas are added; each takes its accelerators as soon as
//    it is placed (at once if there is room) and serves scaleUpDelayS after that. Below, it
//    keeps the most desired over the last kScaleDownWindowS (300 s, like Kubernetes' HPA
//    stabilization window, so a dip of one tick does not cost a scale-up delay) and releases
//    the newest replicas above that (waiting ones first, then starting, then serving ones).
//  - A replica is placed like a job (placement strategy; a JobDemand of its service's node
//    type and tenant; larger than a node: a gang of whole nodes), before any job starting at
//    that instant, and is never preempted (ClusterState::pin keeps it in SRTF's plan). With
//    no room, or if starting it at full load would break a power cap, it waits and is tried
//    again at every later instant (services in scenario order, replicas in creation order);
//    with power management on, a waiting replica wakes nodes like the oldest queued job
//    (step 6, before the job). A replica that can never fit is never placed (all its load
//    is shortfall). Waiting at a cap is shortfall, not RunMetrics::timeAtPowerCapS.
//  - A node going down (docs/design.md §10.4) loses every replica on it at once: each becomes
//    its service's first waiting replica, and is placed and serves scaleUpDelayS later like
//    any other (loseReplicasOn()). Suspended ticks stay suspended: they would find the same
//    desired counts, and a waiting replica is tried at every instant anyway.
//  - Power: a replica's accelerators count as busy in the node census (so power caps budget
//    every service at full load, which it can reach at any tick without asking scheduling,
//    and a node holding one is never idle or switched off); a serving replica at utilization
//    u does not draw (1 − u) of their dynamic power, a starting one none of it, counted at the
//    class's mean dynamic power per accelerator ((watts at full − watts idle) ÷ slots: exact
//    for linear curves, the chord of a tabulated one). That undrawn power changes only at
//    service changes (PowerMeter::setServiceIdleW), so power stays piecewise constant.
//  - Served requests = ∫ min(load, ready replicas × capacityRps) dt; unserved (shortfall) =
//    ∫ max(0, load − that capacity) dt; both are sums over the constant stretches.
//  - The run lasts while jobs remain, and at least until policy.horizon_s if given, else
//    t0 + kServiceHorizonS (one day, a whole diurnal cycle); jobs are not cut at the horizon.
//    A job that needs slots the minimum replicas hold (never released) is rejected when
//    submitted (RejectReason::NeedsServiceNodes). Queued jobs that cannot start while nothing
//    runs (autoscaled replicas hold what they need) are reported as not started by the end
//    (RejectReason::NotStartedByEnd) once a day has passed without a submission or
//    completion: by then every daily load level has been seen. The same holds without
//    services (m_stallAfterS), should power management keep switching nodes for a queue
//    that cannot use them.
// Replicas are not reported to observers (no job events); clusterState() shows their slots
// as held.
//
// The engine can be advanced in slices (step, runUntil) and read between them, so a GUI can
// run it on a worker thread and publish snapshots; the results do not depend on how the run
// was sliced.
class Simulation final
    : private JobLauncher
    , private PowerManager::Listener
{
public:
    // The scenario must be valid (validateScenario() reports no problem); throws
    // std::invalid_argument otherwise. The simulation keeps no reference to it.
    explicit Simulation(const Scenario &scenario);
    ~Simulation() override;
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    // Not owned; must outlive the simulation or be removed first.
    void addObserver(SimulationObserver *observer);
    void removeObserver(SimulationObserver *observer);

    // Processes the next instant's batch. Returns false once the run has finished.
    bool step();
    // Processes every batch at or before `time`, then moves the clock to `time` (unless the
    // run finished earlier).
    void runUntil(SimTime time);
    void run();

    bool finished() const { return m_finished; }
    SimTime now() const { return m_now; }
    SimTime nextEventTime();

    const CompiledCluster &layout() const { return m_cluster; }
    const ClusterState &clusterState() const { return m_state; }
    // The placement strategy in use, for explanations (placement_explain.h).
    PlacementStrategy &placement() { return *m_placement; }
    LiveStatus status() const;
    // A node's power state and DVFS level (topology index), for front-ends between steps.
    NodePowerState nodePowerState(int node) const { return m_state.powerState(node); }
    const DvfsLevel &nodeDvfs(int node) const { return m_model.dvfs(node); }
    // docs/design.md §10.5: when a node that is down comes back (its repair or outage end);
    // meaningless for a node that is not down (nodePowerState() is not Down).
    SimTime nodeDownUntil(int node) const
    {
        return m_downUntil.empty() ? -std::numeric_limits<SimTime>::infinity()
                                   : m_downUntil[static_cast<std::size_t>(node)];
    }
    const std::vector<Sample> &samples() const { return m_samples; }
    // Whether the run keeps a time series (samples(), observers' sampled()): on unless turned
    // off before the first step by a caller that writes no series (the CLI without one).
    void setRecordsSamples(bool record) { m_recordSamples = record; }
    // At most this many samples are kept (a year at the default 300 s takes 105,120).
    static constexpr std::size_t kMaxSamples = std::size_t(1) << 19;
    // The interval between kept samples: the policy's, doubled each time the series was
    // coarsened to stay within kMaxSamples.
    SimTime samplingIntervalS() const { return m_sampleIntervalS; }
    // Metrics and per-job outcomes so far; final once finished().
    RunResult result() const;
    // The same, for a caller done with the simulation (the CLI): the engine's per-job columns
    // the outcomes do not read are freed before the outcomes are made, so that a million-job
    // run does not hold both at once. The simulation is spent: only destroy it afterwards.
    // Without `withJobs`, RunResult::jobs stays empty: a caller that writes only metrics
    // saves making (and paging in) an outcome per job, as much again as the run itself on a
    // plain trace.
    RunResult takeResult(bool withJobs = true);
    // What every queued job waits for (docs/design.md §3.12), as (position in Scenario::jobs,
    // reason), oldest first; empty once finished.
    std::vector<std::pair<std::size_t, WaitInfo>> queuedWaits() const;

private:
    void fillResult(RunResult &result, bool withJobs = true) const;
    void start(JobIndex job, const Allocation &allocation) override;
    void preempt(JobIndex job) override;
    void reservationMade(JobIndex head, SimTime shadow) override;
    WaitReason whyNotFit(const JobDemand &demand, int filter) const override;
    void nodeSwitched(int node, NodePowerState state) override;
    std::optional<JobIndex> oldestQueued() const;
    SimTime earliestEvent();
    void setAtPowerCap(bool atCap);

    void submit(JobIndex job);
    void complete(JobIndex job);
    void indexRunning(JobIndex job, const Allocation &allocation);
    void unindexRunning(JobIndex job);
    void prefetchNodes(const Allocation &allocation) const;
    void occupy(const Allocation &allocation);
    void release(const Allocation &allocation);
    void dropStaleCompletions();
    void takeSamples(SimTime limit, bool inclusive);
    std::uint64_t samplesDue(SimTime limit, bool inclusive) const;
    Sample currentSample(SimTime time) const;
    void finish();
    RunMetrics computeMetrics() const;

    // Wait reasons (docs/design.md §3.12; simulation_waits.cpp).
    int fitStage(const JobDemand &demand, bool permanentOnly,
                 const std::vector<int> *pinned = nullptr) const;
    int fitStageByCounts(const JobDemand &demand) const;
    JobDemand demandOf(JobIndex job) const;
    std::uint64_t demandKey(JobIndex job) const;
    WaitReason blocker(JobIndex job) const;
    WaitReason blocker(const JobDemand &demand, int filter) const;
    void explainWaits();
    WaitInfo waitInfo(JobIndex job) const;
    void holdPermanently(const Allocation &allocation);
    void rebuildPermanentHolds();
    bool needsServiceNodes(JobIndex job);
    bool capHoldsBackBoots(JobIndex head);

    // Inference services (see the class comment).
    static constexpr SimTime kServiceTickS = 60.0;
    static constexpr SimTime kScaleDownWindowS = 300.0;
    static constexpr SimTime kServiceHorizonS = 86400.0;
    void initServices(const Scenario &scenario);
    static int desiredReplicas(const Service &spec, double loadRps);
    // When each placed replica of `service` will be released, projected from its load profile
    // (+infinity: not within a week, or never).
    std::vector<SimTime> projectedReleases(const ServiceRun &service) const;
    SimTime heldByServiceUntil(JobIndex job) const;
    bool stepServices(SimTime time); // returns whether capacity was released
    void advanceServices(SimTime time);
    bool placeWaitingReplicas(ServiceRun &service, SimTime time, SimTime delay);
    void releaseReplica(ServiceReplica &replica);
    void loseReplicasOn(int node);
    void refreshServicePower();
    bool servicesMayStop(SimTime time) const;
    bool ticksCannotChangeAnything() const;
    void planSuspendedTicks(SimTime time);
    void updateNextServiceEvent(SimTime time);
    void wakeForServices(SimTime time);
    std::vector<double> serviceIdleSlotSeconds(SimTime until) const; // per node
    void addServiceMetrics(RunMetrics &metrics) const;

    // Failures, outages and interruptions (docs/design.md §10; simulation_failures.cpp).
    void initFailures(const Scenario &scenario);
    bool stepFailures(SimTime time); // returns whether anything happened
    void updateNextFailureEvent();
    void takeDown(int node, SimTime until, bool planned);
    void bringUp(int node);
    void countDown(int delta);
    void interrupt(JobIndex job);
    void trackOnNodes(JobIndex job, const Allocation &allocation, bool add);
    void countSegmentLoss(JobIndex job, SimTime overheadPaid, SimTime paused);
    void addReliabilityMetrics(RunMetrics &metrics) const;

    struct Completion
    {
        SimTime time;
        JobIndex job;
        std::uint32_t generation;
        bool operator>(const Completion &other) const
        {
            return time != other.time ? time > other.time : job > other.job;
        }
    };

    CompiledCluster m_cluster;
    CompiledJobs m_jobs;
    ClusterState m_state;
    PowerModel m_model;
    PowerMeter m_power;
    PowerCaps m_caps;
    PowerManager m_dpm;
    std::unique_ptr<RackLoadIndex> m_rackIndex; // for power_aware placement (or the cap fallback)
    LoadAccounting m_load;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<PlacementStrategy> m_placement;
    Policy m_policy;
    std::vector<SimulationObserver *> m_observers;

    std::priority_queue<Completion, std::vector<Completion>, std::greater<>> m_completions;
    RunningByExpectedEnd m_running; // only if m_scheduler->readsRunningByExpectedEnd()
    // Each running job's entry in m_running, by its pool entry (JobTable::allocationSlot):
    // bounded by the jobs running at once, not by the trace.
    std::vector<RunningByExpectedEnd::Entry> m_runningEntries;
    bool m_indexRunning = true;
    long long m_runningCount = 0;
    JobIndex m_nextSubmission = 0;
    bool m_capacityReleased = false;
    bool m_finished = false;
    SimTime m_now = 0.0;
    SimTime m_lastEvent = 0.0;
    SimTime m_firstEvent = 0.0;
    std::uint64_t m_events = 0;
    // ∫ ClusterState::strandedFree() dt (fragmentation): it changes only in occupy() and
    // release(), which add the constant stretch since the previous change.
    double m_strandedIntegral = 0.0;
    SimTime m_strandedSince = 0.0;
    long long m_submitted = 0;
    long long m_rejected = 0;
    long long m_completed = 0;
    long long m_preemptions = 0;
    mutable JobIndex m_queueCursor = 0; // no job before it is queued (see oldestQueued())
    bool m_atPowerCap = false;
    SimTime m_atPowerCapSince = 0.0;
    double m_timeAtPowerCapS = 0.0;

    Allocation m_scratchAllocation; // the scheduling passes' (SchedulingContext)

    // Why each job waits (docs/design.md §3.12), by JobIndex; once it started, the last reason
    // before it did.
    std::vector<WaitReason> m_waits;
    // Jobs a pass found not to fit, whose blocker explainWaits() works out. Only when something
    // besides running jobs can hold nodes (services, power management, constraints); otherwise
    // "does not fit" is always "busy nodes" and nothing is collected.
    std::vector<JobIndex> m_didNotFit;
    bool m_explainWaits = false;
    long long m_rejectedAtEnd = 0; // still queued at the end (RejectReason::NotStartedByEnd)
    // Slots held by service replicas that are never released (each service's first
    // minReplicas), per node; empty until one is placed. And, per job shape, whether a job
    // can fit beside them (needsServiceNodes()).
    std::vector<int> m_permanentHeld;
    std::unordered_map<std::uint64_t, bool> m_serviceFit;
    struct CapBootCheck // capHoldsBackBoots()'s last answer
    {
        std::uint64_t changes = ~std::uint64_t(0);
        JobIndex job = 0;
        bool holdsBack = false;
    } m_capBootCheck;

    std::vector<Sample> m_samples;
    std::uint64_t m_nextSample = 0;
    SimTime m_sampleIntervalS = 0.0; // see samplingIntervalS()
    bool m_recordSamples = true;

    std::vector<ServiceRun> m_services;    // empty: none of the members below is used
    bool m_hasServices = false;            // !m_services.empty(), one byte for the hot path
    std::vector<double> m_dynamicWPerSlot; // per power class
    SimTime m_serviceSince = 0.0;          // integrals below are up to here
    SimTime m_nextTick = 0.0;
    SimTime m_serviceUntil = 0.0; // the run lasts at least until then
    std::uint64_t m_tickIndex = 0;
    SimTime m_nextReady = 0.0; // earliest readiness of a starting replica; +inf if none
    // The next tick, readiness or horizon: what nextEventTime() adds (+inf without services).
    SimTime m_nextServiceEvent = std::numeric_limits<SimTime>::infinity();
    bool m_servicesStarted = false;
    bool m_ticksSuspended = false; // see ticksCannotChangeAnything()
    bool m_replicasLost = false;   // since the last stepServices() (loseReplicasOn())
    // With jobs queued, nothing running and nothing left to submit, the queue is stalled once
    // this long has passed since m_lastJobActivity: a day (every daily service load level),
    // plus an idle timeout, a shutdown and a boot (what power management may still need to
    // make room). Power management can otherwise keep booting nodes no queued job can use,
    // and the run would never end.
    SimTime m_stallAfterS = 0.0;
    // Last submission or completion. (While nothing runs, every job started since has
    // completed, or was preempted by a start, so starts need not be counted.)
    SimTime m_lastJobActivity = 0.0;
    // Service accelerators held but not drawing (1 − u per accelerator), per node, now and
    // integrated: subtracted from busy time for utilization.
    std::vector<std::pair<int, double>> m_serviceIdleSlots;
    double m_serviceIdleSlotsNow = 0.0;
    std::vector<double> m_serviceIdleSlotSeconds;
    std::vector<double> m_serviceIdleRackW; // scratch for refreshServicePower()

    // docs/design.md §10. Without a failure model every vector is empty, the process inactive
    // and m_nextFailureEvent +infinity: the hot path pays one comparison.
    bool m_hasFailureModel = false;
    bool m_requeueAtHead = true;
    FailureProcess m_failureProcess;
    std::vector<SimTime> m_repairS;                // per type
    std::vector<std::uint8_t> m_repairExponential; // per type
    struct Repair
    {
        SimTime time;
        int node;
        bool operator>(const Repair &other) const
        {
            return time != other.time ? time > other.time : node > other.node;
        }
    };
    std::priority_queue<Repair, std::vector<Repair>, std::greater<>> m_repairs; // and outage ends
    struct Outage
    {
        SimTime start;
        SimTime end;
        int node;
    };
    std::vector<Outage> m_outages; // by start, then position in Scenario::outages
    std::size_t m_nextOutage = 0;
    SimTime m_nextFailureEvent = std::numeric_limits<SimTime>::infinity();
    std::vector<SimTime> m_downUntil;                // per node
    std::vector<std::vector<JobIndex>> m_jobsOnNode; // per node: running jobs holding slots
    std::vector<std::uint32_t> m_jobInterruptions;   // per job
    std::vector<std::uint8_t> m_interruptedLast;     // per job: its last stop was an interruption
    mutable std::vector<JobIndex> m_requeuedHeads; // "head" requeues, latest last (oldestQueued())
    long long m_nodeFailures = 0;
    long long m_outagesBegun = 0;
    long long m_interruptions = 0;
    long long m_replicaInterruptions = 0;
    double m_lostSlotSeconds = 0.0; // accelerator-seconds held without useful work
    long long m_nodesDown = 0;
    double m_downSeconds = 0.0; // ∫ nodes down dt up to m_downSince
    SimTime m_downSince = 0.0;
};

} // namespace headroom
