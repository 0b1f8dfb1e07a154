#include "core/engine/simulation.h"

#include "core/engine/simulation_observer.h"
#include "core/metrics/statistics.h"
#include "core/metrics/tenant_metrics.h"
#include "core/model/scenario.h"
#include "core/model/validation.h"
#include "core/placement/cap_fallback_placement.h"
#include "core/placement/placement_factory.h"
#include "core/placement/power_aware_placement.h"
#include "core/power/cap_feasibility.h"
#include "core/sched/scheduler.h"
#include "core/sched/scheduler_factory.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace headroom {
namespace {

constexpr double kJoulesPerKwh = 3.6e6;
constexpr SimTime kSlowdownFloorS = 10.0; // docs/design.md §5 bounded slowdown

const Scenario &requireValid(const Scenario &scenario)
{
    const std::vector<Problem> problems = validateScenario(scenario);
    if (!problems.empty())
        throw std::invalid_argument(problems.front().path + ": " + problems.front().message);
    return scenario;
}

} // namespace

Simulation::Simulation(const Scenario &scenario)
    : m_cluster(compileCluster(requireValid(scenario)))
    , m_jobs(compileJobs(scenario, m_cluster))
    , m_state(m_cluster)
    , m_model(scenario, m_cluster)
    , m_power(m_cluster, m_model)
    , m_caps(m_model, m_power, m_state)
    , m_dpm(m_model, m_state, m_power, m_caps, *this)
    , m_load(m_cluster)
    , m_scheduler(makeScheduler(scenario.policy.scheduler))
    , m_placement(makePlacement(scenario.policy.placement))
    , m_policy(scenario.policy)
{
    const JobTable &jobs = m_jobs.table;
    m_firstEvent = jobs.size() > 0 ? jobs.submit[0] : 0.0;
    m_now = m_firstEvent;
    m_lastEvent = m_firstEvent;
    m_finished = jobs.size() == 0;
    m_indexRunning = m_scheduler->readsRunningByExpectedEnd();
    m_sampleIntervalS = m_policy.sampleIntervalS;
    rejectJobsAboveCaps(m_model, m_jobs.filters, m_jobs.table);
    const bool powerAware = scenario.policy.placement == PlacementKind::PowerAware;
    if (powerAware || m_model.hasCaps())
        m_rackIndex = std::make_unique<RackLoadIndex>(m_cluster);
    if (powerAware)
        static_cast<PowerAwarePlacement &>(*m_placement).attach(&m_caps, m_rackIndex.get());
    else if (m_model.hasCaps())
        m_placement = std::make_unique<CapFallbackPlacement>(std::move(m_placement), m_caps,
                                                             m_rackIndex.get());
    double longestSwitch = 0.0;
    for (const NodeType &type : scenario.nodeTypes)
        longestSwitch = std::max(longestSwitch, type.bootS + type.shutdownS);
    m_stallAfterS = kServiceHorizonS + scenario.energy.idleTimeoutS + longestSwitch;
    m_dpm.begin(m_firstEvent);
    if (!scenario.services.empty()) {
        initServices(scenario);
        m_hasServices = true;
        m_finished = false;
    }
    m_waits.assign(jobs.size(), WaitReason::None);
    initFailures(scenario);
    m_explainWaits =
            m_hasServices || m_dpm.enabled() || m_jobs.filters.size() > 1 || m_hasFailureModel;
}

Simulation::~Simulation() = default;

void Simulation::addObserver(SimulationObserver *observer)
{
    m_observers.push_back(observer);
}

void Simulation::removeObserver(SimulationObserver *observer)
{
    m_observers.erase(std::remove(m_observers.begin(), m_observers.end(), observer),
                      m_observers.end());
}

void Simulation::dropStaleCompletions()
{
    const JobTable &jobs = m_jobs.table;
    while (!m_completions.empty()) {
        const Completion &top = m_completions.top();
        if (jobs.state[top.job] == JobState::Running && jobs.generation[top.job] == top.generation)
            return;
        m_completions.pop();
    }
}

SimTime Simulation::nextEventTime()
{
    return earliestEvent();
}

// nextEventTime() for step(), where it is worth inlining (the hot path of a replay).
inline SimTime Simulation::earliestEvent()
{
    dropStaleCompletions();
    SimTime next = std::numeric_limits<SimTime>::infinity();
    if (!m_completions.empty())
        next = m_completions.top().time;
    if (m_nextSubmission < m_jobs.table.size())
        next = std::min(next, m_jobs.table.submit[m_nextSubmission]);
    next = std::min(next, m_nextServiceEvent); // +infinity without services
    next = std::min(next, m_nextFailureEvent); // +infinity without failures or outages
    return m_dpm.enabled() ? std::min(next, m_dpm.nextEventTime()) : next;
}

bool Simulation::step()
{
    if (m_finished)
        return false;
    const SimTime time = earliestEvent();
    if (std::isinf(time)) {
        finish();
        return false;
    }
    takeSamples(time, false);
    m_now = time;
    m_lastEvent = time;

    const JobTable &jobs = m_jobs.table;
    bool schedule = false; // docs/design.md §3: a pass when anything was submitted or completed
    while (!m_completions.empty() && m_completions.top().time == time) {
        const Completion completion = m_completions.top();
        m_completions.pop();
        if (jobs.state[completion.job] == JobState::Running &&
            jobs.generation[completion.job] == completion.generation) {
            complete(completion.job);
            schedule = true;
        }
    }
    if (m_nextFailureEvent <= time && stepFailures(time)) // docs/design.md §10.5 step 1b
        schedule = true;
    if (m_dpm.enabled()) {
        const PowerManager::Transitions transitions = m_dpm.completeTransitions(time);
        schedule = schedule || transitions.booted > 0 ||
                   (transitions.shutDown > 0 && m_model.hasCaps());
    }
    if (m_hasServices && stepServices(time))
        schedule = true;
    if (m_dpm.enabled())
        m_dpm.expireIdle(time);
    while (m_nextSubmission < jobs.size() && jobs.submit[m_nextSubmission] == time) {
        submit(m_nextSubmission++);
        schedule = true;
    }

    if (schedule) {
        const EnergyView energy{&m_caps, m_model.uniformSpeed() ? nullptr : &m_model,
                                m_dpm.booting()};
        const bool released = m_capacityReleased;
        SchedulingContext context(time, jobs, m_state, m_jobs.filters, *m_placement, m_running,
                                  m_capacityReleased, *this, m_scratchAllocation, energy,
                                  {&m_waits, m_explainWaits ? &m_didNotFit : nullptr});
        m_scheduler->schedule(context);
        m_capacityReleased = false;
        if (!m_didNotFit.empty())
            explainWaits();
        // Without a release since the previous pass, a job a cap refused then is still
        // refused, even if the scheduler did not ask again (EASY's kept reservation).
        setAtPowerCap(context.capRefusals() > 0 || (m_atPowerCap && !released));
    }
    if (m_dpm.enabled()) {
        if (m_hasServices)
            wakeForServices(time);
        if (m_scheduler->queueLength() > 0) {
            if (const std::optional<JobIndex> head = oldestQueued()) {
                const JobDemand demand{jobs.slots[*head], jobs.gang[*head] != 0,
                                       &m_jobs.filters[jobs.filter[*head]],
                                       jobs.exclusive[*head] != 0};
                const PowerManager::Wake wake = m_dpm.wake(time, demand);
                if (wake.refusedByCap && capHoldsBackBoots(*head)) {
                    setAtPowerCap(true);
                    m_waits[*head] = WaitReason::PowerCap; // the boots it needs
                } else if (wake.booted > 0) {
                    m_waits[*head] = blocker(*head);
                }
            }
        }
        m_dpm.switchOffDeferred(time);
        m_dpm.replenishSpares(time);
    }

    if (m_hasServices)
        planSuspendedTicks(time);

    if (m_power.settle(time)) {
        for (SimulationObserver *observer : m_observers)
            observer->powerChanged(time, m_power.itPowerW());
    }
    takeSamples(time, true);

    // Queued jobs may still start once nodes being switched (or idle ones timing out, under a
    // power cap) have done so; otherwise nothing can happen any more.
    // A queue waiting for a node to come back (docs/design.md §10.5) is not stalled.
    if (m_nextSubmission == jobs.size() && m_runningCount == 0 &&
        (m_scheduler->queueLength() == 0 ||
         ((std::isinf(m_dpm.nextEventTime()) || time >= m_lastJobActivity + m_stallAfterS) &&
          m_repairs.empty())) &&
        (!m_hasServices || servicesMayStop(time)))
        finish();
    return true;
}

void Simulation::runUntil(SimTime time)
{
    while (!m_finished && nextEventTime() <= time)
        step();
    if (!m_finished && time > m_now) {
        takeSamples(time, true);
        m_now = time;
    }
}

void Simulation::run()
{
    while (step()) {
    }
}

void Simulation::submit(JobIndex job)
{
    JobTable &jobs = m_jobs.table;
    ++m_events;
    ++m_submitted;
    m_lastJobActivity = m_now;
    const std::size_t input = jobs.inputIndex[job];
    for (SimulationObserver *observer : m_observers)
        observer->jobSubmitted(m_now, input);
    if (m_hasServices && jobs.rejectReason[job] == RejectReason::None && needsServiceNodes(job))
        jobs.rejectReason[job] = RejectReason::NeedsServiceNodes;
    if (jobs.rejectReason[job] != RejectReason::None) {
        jobs.state[job] = JobState::Rejected;
        ++m_rejected;
        for (SimulationObserver *observer : m_observers)
            observer->jobRejected(m_now, input, jobs.rejectReason[job]);
        return;
    }
    jobs.state[job] = JobState::Queued;
    m_scheduler->enqueue(job, jobs);
    m_waits[job] = m_scheduler->untriedWait();
    if (m_waits[job] == WaitReason::NodesBusy && m_explainWaits)
        m_didNotFit.push_back(job);
}

void Simulation::start(JobIndex job, const Allocation &allocation)
{
    JobTable &jobs = m_jobs.table;
    ++m_events;
    const bool interrupted = m_hasFailureModel && m_jobInterruptions[job] > 0;
    if (jobs.preemptions[job] == 0 && !interrupted) { // only a preempted or interrupted job
        jobs.firstStart[job] = m_now;                 // starts again
        if (m_now == jobs.submit[job])
            m_waits[job] = WaitReason::None; // it did not wait
    }
    jobs.state[job] = JobState::Running;
    JobTable::Segment segment{m_now,
                              jobs.preemptions[job] > 0 ? m_policy.srtfRestartOverheadS : 0.0,
                              m_model.uniformSpeed() ? 1.0 : m_model.jobSpeed(allocation)};
    if (const JobCheckpoints *checkpoints = jobs.checkpointsOf(job)) { // docs/design.md §10.3
        if (m_interruptedLast[job])
            segment.overheadDue = checkpoints->restartOverheadS;
        const auto pauses = [&](SimTime until) {
            return checkpoints->costS * double(CheckpointClock::between(jobs.progress[job], until,
                                                                        checkpoints->intervalS));
        };
        segment.pauseS = pauses(jobs.run[job]);
        segment.requestedPauseS = pauses(jobs.requested[job]);
    } else if (interrupted && m_interruptedLast[job]) {
        segment.overheadDue = 0.0; // no restart overhead given
    }
    jobs.beginSegment(job, allocation, segment);
    if (m_hasFailureModel)
        trackOnNodes(job, allocation, true);
    occupy(allocation);
    m_completions.push({jobs.actualEnd(job), job, ++jobs.generation[job]});
    ++m_runningCount;
    indexRunning(job, allocation);
    for (SimulationObserver *observer : m_observers)
        observer->jobStarted(m_now, jobs.inputIndex[job], allocation);
}

void Simulation::preempt(JobIndex job)
{
    JobTable &jobs = m_jobs.table;
    ++m_events;
    ++m_preemptions;
    --m_runningCount;
    unindexRunning(job);
    const JobTable::Segment &segment = jobs.segmentOf(job);
    const SimTime elapsed = m_now - segment.start;
    const SimTime overheadPaid = std::min(elapsed, segment.overheadDue);
    // Time spent restoring is lost if the job is preempted again before it finishes.
    if (segment.pauseS > 0.0 || segment.requestedPauseS > 0.0) {
        // A preemption suspends the job: what it reached counts as saved (docs/design.md §10.4).
        const CheckpointClock::Cut cut =
                jobs.clockOf(job).cut(elapsed - overheadPaid, jobs.run[job]);
        jobs.progress[job] = cut.reached;
        countSegmentLoss(job, overheadPaid, cut.paused);
    } else {
        jobs.progress[job] += (elapsed - overheadPaid) * segment.speed;
        if (m_hasFailureModel)
            countSegmentLoss(job, overheadPaid, 0.0);
    }
    if (m_hasFailureModel) {
        m_interruptedLast[job] = 0;
        trackOnNodes(job, jobs.allocationOf(job), false);
    }
    jobs.occupied[job] += elapsed;
    ++jobs.preemptions[job];
    ++jobs.generation[job]; // its completion event is now stale
    jobs.state[job] = JobState::Queued;
    m_queueCursor = std::min(m_queueCursor, job);
    release(jobs.allocationOf(job));
    jobs.clearAllocation(job);
    m_scheduler->enqueue(job, jobs);
    for (SimulationObserver *observer : m_observers)
        observer->jobPreempted(m_now, jobs.inputIndex[job]);
}

void Simulation::reservationMade(JobIndex head, SimTime shadow)
{
    for (SimulationObserver *observer : m_observers)
        observer->reservationMade(m_now, m_jobs.table.inputIndex[head], shadow);
}

void Simulation::nodeSwitched(int node, NodePowerState state)
{
    // Any switch changes what may start (a boot completing frees capacity, a shutdown frees
    // power, a boot starting moves EASY's shadow time): the next pass looks afresh. The one
    // exception is a shutdown completing without power caps: the node was already unusable,
    // and the watts it stops drawing constrain nothing.
    if (state != NodePowerState::Off || m_model.hasCaps())
        m_capacityReleased = true;
    if (m_rackIndex)
        m_rackIndex->update(m_state, node);
    for (SimulationObserver *observer : m_observers)
        observer->nodePowerStateChanged(m_now, node, state);
}

// The oldest queued job: queued jobs are never behind the cursor, except a preempted job,
// which moves it back.
std::optional<JobIndex> Simulation::oldestQueued() const
{
    const JobTable &jobs = m_jobs.table;
    // docs/design.md §10.4: under "head" requeues, the latest interrupted job still queued.
    while (!m_requeuedHeads.empty()) {
        if (jobs.state[m_requeuedHeads.back()] == JobState::Queued)
            return m_requeuedHeads.back();
        m_requeuedHeads.pop_back();
    }
    while (m_queueCursor < m_nextSubmission && jobs.state[m_queueCursor] != JobState::Queued)
        ++m_queueCursor;
    if (m_queueCursor < m_nextSubmission)
        return m_queueCursor;
    return std::nullopt;
}

void Simulation::setAtPowerCap(bool atCap)
{
    if (atCap && !m_atPowerCap)
        m_atPowerCapSince = m_now;
    else if (!atCap && m_atPowerCap)
        m_timeAtPowerCapS += m_now - m_atPowerCapSince;
    m_atPowerCap = atCap;
}

void Simulation::complete(JobIndex job)
{
    JobTable &jobs = m_jobs.table;
    ++m_events;
    ++m_completed;
    --m_runningCount;
    m_lastJobActivity = m_now;
    unindexRunning(job);
    jobs.occupied[job] += m_now - jobs.segmentStart(job);
    if (m_hasFailureModel) {
        const JobTable::Segment &segment = jobs.segmentOf(job);
        countSegmentLoss(job, segment.overheadDue, segment.pauseS);
        trackOnNodes(job, jobs.allocationOf(job), false);
    }
    jobs.progress[job] = jobs.run[job];
    jobs.end[job] = m_now;
    jobs.state[job] = JobState::Completed;
    release(jobs.allocationOf(job));
    jobs.clearAllocation(job);
    m_capacityReleased = true;
    for (SimulationObserver *observer : m_observers)
        observer->jobCompleted(m_now, jobs.inputIndex[job]);
}

// The shares' nodes lie anywhere in a large cluster: asking for all their lines first lets
// the misses overlap instead of coming one share after another.
void Simulation::prefetchNodes(const Allocation &allocation) const
{
    for (const NodeShare &share : allocation) {
        m_state.prefetch(share.node);
        m_load.prefetch(share.node);
    }
}

// After JobTable::beginSegment(): the entry is kept by the job's pool entry.
void Simulation::indexRunning(JobIndex job, const Allocation &allocation)
{
    if (!m_indexRunning)
        return;
    const JobTable &jobs = m_jobs.table;
    const std::size_t slot = jobs.allocationSlot[job];
    if (slot >= m_runningEntries.size())
        m_runningEntries.resize(jobs.runPool.size(), m_running.end());
    m_runningEntries[slot] = m_running.insert(jobs.expectedEnd(job), job, allocation,
                                              [this](int node) { return m_state.nodeType(node); });
}

// Before JobTable::clearAllocation(), while the job still has its pool entry.
void Simulation::unindexRunning(JobIndex job)
{
    if (!m_indexRunning)
        return;
    RunningByExpectedEnd::Entry &entry = m_runningEntries[m_jobs.table.allocationSlot[job]];
    m_running.erase(entry);
    entry = m_running.end();
}

void Simulation::occupy(const Allocation &allocation)
{
    prefetchNodes(allocation);
    m_strandedIntegral += double(m_state.strandedFree()) * (m_now - m_strandedSince);
    m_strandedSince = m_now;
    for (const NodeShare &share : allocation) {
        const int before = m_state.busySlots(share.node);
        const bool wasIdle = m_state.freeSlots(share.node) == m_state.capacity(share.node);
        m_state.occupy(share);
        const int after = m_state.busySlots(share.node);
        m_power.busyChanged(share.node, before, after);
        m_load.busyChanged(share.node, before, after, m_now);
        if (wasIdle && m_dpm.enabled())
            m_dpm.nodeBecameBusy(share.node);
        if (m_rackIndex)
            m_rackIndex->update(m_state, share.node);
    }
}

void Simulation::release(const Allocation &allocation)
{
    prefetchNodes(allocation);
    m_strandedIntegral += double(m_state.strandedFree()) * (m_now - m_strandedSince);
    m_strandedSince = m_now;
    for (const NodeShare &share : allocation) {
        const int before = m_state.busySlots(share.node);
        m_state.release(share);
        const int after = m_state.busySlots(share.node);
        m_power.busyChanged(share.node, before, after);
        m_load.busyChanged(share.node, before, after, m_now);
        if (m_dpm.enabled() && m_state.freeSlots(share.node) == m_state.capacity(share.node))
            m_dpm.nodeBecameIdle(share.node, m_now);
        if (m_rackIndex)
            m_rackIndex->update(m_state, share.node);
    }
}

Sample Simulation::currentSample(SimTime time) const
{
    Sample sample;
    sample.time = time;
    sample.queued = static_cast<long long>(m_scheduler->queueLength());
    sample.running = m_runningCount;
    sample.busySlots = m_state.totalBusy();
    sample.utilization = m_state.totalSlots() > 0
                                 ? double(m_state.totalBusy()) / double(m_state.totalSlots())
                                 : 0.0;
    if (!m_services.empty() && m_state.totalSlots() > 0) // service accelerators count × u
        sample.utilization = (double(m_state.totalBusy()) - m_serviceIdleSlotsNow) /
                             double(m_state.totalSlots());
    sample.itPowerW = m_power.itPowerW();
    const LoadAccounting::Spread spread = m_load.currentSpread();
    sample.loadBalanceCov = spread.cov;
    sample.jainIndex = spread.jain;
    sample.facilityPowerW = sample.itPowerW * m_model.energy().pue;
    sample.nodesOff = m_dpm.nodesOff();
    sample.nodesBooting = m_dpm.nodesBooting();
    sample.clusterCapW = m_model.hasClusterCap() ? m_model.clusterCapW() : 0.0;
    sample.nodesDown = m_nodesDown;
    sample.interruptions = m_interruptions;
    sample.nodeFailures = m_nodeFailures;
    sample.plannedOutages = m_outagesBegun;
    return sample;
}

std::uint64_t Simulation::samplesDue(SimTime limit, bool inclusive) const
{
    const auto due = [&](double k) {
        const SimTime time = m_firstEvent + k * m_sampleIntervalS;
        return time < limit || (inclusive && time == limit);
    };
    double last = std::floor((limit - m_firstEvent) / m_sampleIntervalS);
    if (!(last >= 0.0))
        last = -1.0;
    // The division may be off by one either way; the grid times decide, as in takeSamples().
    while (last >= 0.0 && !due(last))
        last -= 1.0;
    while (due(last + 1.0))
        last += 1.0;
    const double count = last + 1.0 - static_cast<double>(m_nextSample);
    return count > 0.0 ? static_cast<std::uint64_t>(std::min(count, 1e18)) : 0;
}

void Simulation::takeSamples(SimTime limit, bool inclusive)
{
    if (!m_recordSamples || !std::isfinite(limit))
        return;
    // Coarsen before taking samples that would not fit: every other sample goes and the
    // interval doubles, until the series up to `limit` holds at most kMaxSamples points. Only
    // kept samples are taken, so a long span costs at most that many whatever its length. The
    // coarsening needed depends only on the span (not on how the run is sliced), and kept
    // samples lie on the finer grid too, so they are the same samples either way.
    const double roughlyDue =
            (limit - m_firstEvent) / m_sampleIntervalS + 2.0 - static_cast<double>(m_nextSample);
    while (double(m_samples.size()) + roughlyDue > double(kMaxSamples) &&
           m_samples.size() + samplesDue(limit, inclusive) > kMaxSamples) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < m_samples.size(); i += 2)
            m_samples[kept++] = m_samples[i];
        m_samples.resize(kept);
        m_nextSample = (m_nextSample + 1) / 2;
        m_sampleIntervalS *= 2.0;
    }
    for (;;) {
        const SimTime time = m_firstEvent + static_cast<double>(m_nextSample) * m_sampleIntervalS;
        if (time > limit || (!inclusive && time == limit))
            return;
        m_samples.push_back(currentSample(time));
        ++m_nextSample;
        for (SimulationObserver *observer : m_observers)
            observer->sampled(m_samples.back());
    }
}

void Simulation::finish()
{
    if (m_finished)
        return;
    // Jobs still queued did not start by the end of the run (docs/design.md §3.9): reported as
    // rejected for that reason, with what they waited for, rather than lost.
    JobTable &jobs = m_jobs.table;
    m_scheduler->settleWaits(m_waits, jobs);
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        if (jobs.state[job] == JobState::Queued) {
            jobs.state[job] = JobState::Rejected;
            jobs.rejectReason[job] = RejectReason::NotStartedByEnd;
            ++m_rejected;
            ++m_rejectedAtEnd;
            for (SimulationObserver *observer : m_observers)
                observer->jobRejected(m_now, jobs.inputIndex[job], RejectReason::NotStartedByEnd);
        }
    }
    m_finished = true;
    for (SimulationObserver *observer : m_observers)
        observer->finished(m_lastEvent);
}

LiveStatus Simulation::status() const
{
    LiveStatus status;
    status.now = m_now;
    status.submitted = m_submitted;
    status.rejected = m_rejected;
    status.completed = m_completed;
    status.running = m_runningCount;
    // The scheduler still holds the jobs rejected at the end; they count as rejected only.
    status.queued = static_cast<long long>(m_scheduler->queueLength()) - m_rejectedAtEnd;
    status.pending = static_cast<long long>(m_jobs.table.size() - m_nextSubmission);
    status.busySlots = m_state.totalBusy();
    status.totalSlots = m_state.totalSlots();
    status.itPowerW = m_power.itPowerW();
    status.energyJ = m_power.energyJ(m_lastEvent);
    status.events = m_events;
    status.facilityPowerW = status.itPowerW * m_model.energy().pue;
    status.nodesOff = m_dpm.nodesOff();
    status.nodesBooting = m_dpm.nodesBooting();
    status.nodesDown = m_nodesDown;
    status.nodeFailures = m_nodeFailures;
    status.plannedOutages = m_outagesBegun;
    status.interruptions = m_interruptions;
    if (!m_finished) {
        if (const std::optional<JobIndex> oldest = oldestQueued())
            status.oldestWait = waitInfo(*oldest);
    }
    return status;
}

RunMetrics Simulation::computeMetrics() const
{
    const JobTable &jobs = m_jobs.table;
    RunMetrics metrics;
    metrics.jobsSubmitted = m_submitted;
    metrics.jobsCompleted = m_completed;
    metrics.jobsRejected = m_rejected;
    metrics.preemptions = m_preemptions;

    std::vector<double> waits;
    waits.reserve(static_cast<std::size_t>(m_completed));
    double waitSum = 0.0;
    double slowdownSum = 0.0;
    SimTime firstSubmit = std::numeric_limits<SimTime>::infinity();
    SimTime lastEnd = -std::numeric_limits<SimTime>::infinity();
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        if (jobs.state[job] != JobState::Completed)
            continue;
        const SimTime run = jobs.occupied[job];
        const SimTime wait = jobs.end[job] - jobs.submit[job] - run;
        waits.push_back(wait);
        waitSum += wait;
        slowdownSum += std::max(1.0, (wait + run) / std::max(run, kSlowdownFloorS));
        firstSubmit = std::min(firstSubmit, jobs.submit[job]);
        lastEnd = std::max(lastEnd, jobs.end[job]);
    }
    if (!waits.empty()) {
        const double n = static_cast<double>(waits.size());
        metrics.meanWaitS = waitSum / n;
        const std::vector<double> ranks = nearestRankPercentiles(waits, {50, 95, 99, 100});
        metrics.p50WaitS = ranks[0];
        metrics.p95WaitS = ranks[1];
        metrics.p99WaitS = ranks[2];
        metrics.maxWaitS = ranks[3];
        metrics.meanBoundedSlowdown = slowdownSum / n;
        metrics.makespanS = lastEnd - firstSubmit;
    }

    // Busy time up to the latest event; after the last completion nothing is busy.
    const SimTime until = m_lastEvent;
    // With services, over the simulated span (RunMetrics::services).
    const SimTime utilSpan = m_services.empty() ? metrics.makespanS : until - m_firstEvent;
    const int nodes = m_cluster.nodeCount();
    metrics.nodeUtilization.assign(nodes, 0.0);
    const std::vector<double> serviceIdle =
            m_services.empty() ? std::vector<double>() : serviceIdleSlotSeconds(until);
    double busyTotal = 0.0;
    for (int node = 0; node < nodes; ++node) {
        double busy = m_load.busySlotSeconds(node, until);
        if (!m_services.empty())
            busy -= serviceIdle[node];
        busyTotal += busy;
        const double denominator = double(m_cluster.nodes[node].slots) * utilSpan;
        metrics.nodeUtilization[node] = denominator > 0.0 ? busy / denominator : 0.0;
    }
    const double capacity = double(m_state.totalSlots()) * utilSpan;
    metrics.utilization = capacity > 0.0 ? busyTotal / capacity : 0.0;
    metrics.loadBalanceCov = coefficientOfVariation(metrics.nodeUtilization);
    metrics.jainIndex = jainIndex(metrics.nodeUtilization);
    metrics.tenants = computeTenantMetrics(jobs, m_jobs.tenantNames, until, capacity);
    const double stranded =
            m_strandedIntegral + double(m_state.strandedFree()) * (until - m_strandedSince);
    metrics.fragmentedSlots = utilSpan > 0.0 ? stranded / utilSpan : 0.0;
    metrics.fragmentation =
            m_state.totalSlots() > 0 ? metrics.fragmentedSlots / double(m_state.totalSlots()) : 0.0;

    // Power is integrated over the simulated span, first event to last event.
    const double energyJ = m_power.energyJ(m_lastEvent);
    const SimTime span = m_lastEvent - m_power.startTime();
    metrics.energyKwh = energyJ / kJoulesPerKwh;
    metrics.meanPowerW = span > 0.0 ? energyJ / span : m_power.itPowerW();
    metrics.peakPowerW = m_power.peakPowerW();

    const double pue = m_model.energy().pue;
    metrics.itEnergyKwh = metrics.energyKwh;
    metrics.facilityEnergyKwh = energyJ * pue / kJoulesPerKwh;
    metrics.cost = m_power.priceWeightedJ(m_lastEvent) * pue / kJoulesPerKwh;
    metrics.currency = m_model.energy().currency;
    metrics.carbonKg = m_power.carbonWeightedJ(m_lastEvent) * pue / kJoulesPerKwh / 1000.0;
    metrics.meanFacilityPowerW = metrics.meanPowerW * pue;
    metrics.peakFacilityPowerW = metrics.peakPowerW * pue;
    metrics.timeAtPowerCapS =
            m_timeAtPowerCapS + (m_atPowerCap ? m_lastEvent - m_atPowerCapSince : 0.0);
    metrics.boots = m_dpm.boots();
    metrics.nodeHoursOff = m_power.offNodeSeconds(m_lastEvent) / 3600.0;
    metrics.bootEnergyKwh = m_power.bootEnergyJ(m_lastEvent) / kJoulesPerKwh;
    metrics.rackPeakPowerW = m_power.rackPeaksW();
    metrics.rackBudgetW.clear();
    for (double budget : m_model.rackBudgetsW())
        metrics.rackBudgetW.push_back(budget < 0.0 ? 0.0 : budget);
    if (!m_services.empty())
        addServiceMetrics(metrics);
    if (m_hasFailureModel)
        addReliabilityMetrics(metrics);
    return metrics;
}

RunResult Simulation::result() const
{
    RunResult result;
    result.metrics = computeMetrics();
    fillResult(result);
    return result;
}

RunResult Simulation::takeResult(bool withJobs)
{
    // Before the end, queued jobs' wait reasons still read the columns freed below.
    if (!m_finished)
        return this->result();
    RunResult result;
    result.metrics = computeMetrics();
    JobTable &jobs = m_jobs.table;
    const auto drop = [](auto &column) { std::decay_t<decltype(column)>().swap(column); };
    drop(jobs.run);
    drop(jobs.requested);
    drop(jobs.filter);
    drop(jobs.gang);
    drop(jobs.exclusive);
    drop(jobs.tenant);
    drop(jobs.progress);
    drop(jobs.generation);
    drop(jobs.allocationSlot);
    fillResult(result, withJobs);
    return result;
}

void Simulation::fillResult(RunResult &result, bool withJobs) const
{
    const JobTable &jobs = m_jobs.table;
    result.jobs.resize(withJobs ? jobs.size() : 0);
    for (std::size_t job = 0; job < result.jobs.size(); ++job) {
        JobOutcome &outcome = result.jobs[jobs.inputIndex[job]];
        outcome.id = jobs.id[job];
        outcome.submit = jobs.submit[job];
        outcome.firstStart = jobs.firstStart[job];
        outcome.end = jobs.end[job];
        outcome.runTime = jobs.occupied[job];
        outcome.slots = jobs.slots[job];
        outcome.state = jobs.state[job];
        outcome.rejectReason = jobs.rejectReason[job];
        outcome.preemptions = jobs.preemptions[job];
        outcome.interruptions = m_jobInterruptions.empty() ? 0 : m_jobInterruptions[job];
        outcome.waitedFor = waitInfo(static_cast<JobIndex>(job));
    }
    result.samples = m_samples;
    result.nodeNames.reserve(m_cluster.nodes.size());
    for (const CompiledNode &node : m_cluster.nodes)
        result.nodeNames.push_back(node.name);
    result.rackNames = m_cluster.rackNames;
    result.endTime = m_lastEvent;
    result.finished = m_finished;
}

} // namespace headroom
