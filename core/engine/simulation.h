#pragma once

#include "core/engine/cluster_state.h"
#include "core/engine/compiled_cluster.h"
#include "core/engine/job_compiler.h"
#include "core/engine/run_result.h"
#include "core/metrics/load_accounting.h"
#include "core/model/policy.h"
#include "core/power/power_caps.h"
#include "core/power/power_manager.h"
#include "core/power/power_meter.h"
#include "core/power/power_model.h"
#include "core/sched/scheduling_context.h"

#include <queue>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace headroom {

struct Scenario;
class Scheduler;
class PlacementStrategy;
class SimulationObserver;
class RackLoadIndex;

// Counters a front-end shows while a run is in progress.
struct LiveStatus
{
    SimTime now = 0.0;
    long long submitted = 0;
    long long rejected = 0;
    long long completed = 0;
    long long running = 0;
    long long queued = 0;
    long long pending = 0; // not yet submitted
    long long busySlots = 0;
    long long totalSlots = 0;
    double itPowerW = 0.0;
    double energyJ = 0.0;
    std::uint64_t events = 0; // submissions, starts, preemptions and completions so far
    double facilityPowerW = 0.0;
    long long nodesOff = 0;
    long long nodesBooting = 0;
};

// The discrete-event engine (DESIGN.md §3).
//
// Events at one instant form a batch handled in this order:
//   1. every completion at that instant (freeing its slots), in processing order;
//   2. node transitions due then (DESIGN.md §4 power management): boots completing (the node
//      is on and idle, and its capacity counts as released) in (time, node) order, then
//      shutdowns completing (the node is off);
//   3. idle timeouts due then (PowerManager: nodes switched off, spares kept);
//   4. every submission at that instant, by submit time then job id (then input position);
//   5. one scheduling pass, if anything happened in 1, 2 (a boot, or a shutdown when power
//      caps apply: it frees power) or 4;
//   6. dynamic power management decisions: boots for the oldest queued job if it cannot start
//      on the nodes that are on (PowerManager::wake), then the idle timeouts deferred by boots;
//   7. the power level is settled and time-series samples due at that instant are taken.
// A boot or shutdown that takes 0 s completes in a second batch at the same instant. Without
// power management, caps, DVFS or spread penalty only steps 1, 4, 5 and 7 do anything, exactly
// as DESIGN.md §3 has it. Every node is on and idle at the first event.
//
// Energy management in the engine: DVFS and the rack spread penalty set each job's speed
// when it starts (PowerModel::jobSpeed; it runs for its remaining work / speed); power caps
// refuse starts through the scheduling context (PowerCaps); the meter integrates IT power,
// cost and carbon. A job waits "at a power cap" from a scheduling pass in which a cap refused
// a start (or a boot the job needed) until a pass, after capacity or power was released, in
// which none is refused; RunMetrics::timeAtPowerCapS is the total of such time.
// Samples lie on the grid t0 + k·interval (t0 = first submission); a sample at time s
// shows the state after every event at or before s.
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
    const std::vector<Sample> &samples() const { return m_samples; }
    // Metrics and per-job outcomes so far; final once finished().
    RunResult result() const;

private:
    void start(JobIndex job, const Allocation &allocation) override;
    void preempt(JobIndex job) override;
    void reservationMade(JobIndex head, SimTime shadow) override;
    void nodeSwitched(int node, NodePowerState state) override;
    std::optional<JobIndex> oldestQueued();
    void setAtPowerCap(bool atCap);

    void submit(JobIndex job);
    void complete(JobIndex job);
    void occupy(const Allocation &allocation);
    void release(const Allocation &allocation);
    void dropStaleCompletions();
    void takeSamples(SimTime limit, bool inclusive);
    Sample currentSample(SimTime time) const;
    void finish();
    RunMetrics computeMetrics() const;

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
    std::unique_ptr<RackLoadIndex> m_rackIndex; // only for power_aware placement
    LoadAccounting m_load;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<PlacementStrategy> m_placement;
    Policy m_policy;
    std::vector<SimulationObserver *> m_observers;

    std::priority_queue<Completion, std::vector<Completion>, std::greater<>> m_completions;
    RunningByExpectedEnd m_running; // only if m_scheduler->readsRunningByExpectedEnd()
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
    JobIndex m_queueCursor = 0; // no job before it is queued (see oldestQueued())
    bool m_atPowerCap = false;
    SimTime m_atPowerCapSince = 0.0;
    double m_timeAtPowerCapS = 0.0;

    std::vector<Sample> m_samples;
    std::uint64_t m_nextSample = 0;
};

} // namespace headroom
