// Node failures, planned outages and the jobs they interrupt (docs/design.md §10). Nothing here
// runs for a scenario without a failure model: every member it uses stays empty.
#include "core/engine/simulation.h"
#include "core/engine/simulation_observer.h"
#include "core/model/scenario.h"
#include "core/sched/scheduler.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace headroom {

void Simulation::initFailures(const Scenario &scenario)
{
    const JobTable &jobs = m_jobs.table;
    m_hasFailureModel = scenario.hasFailureModel();
    if (!m_hasFailureModel)
        return;
    m_requeueAtHead = scenario.failures.requeue == RequeuePolicy::Head;
    const int nodes = m_cluster.nodeCount();
    m_downUntil.assign(static_cast<std::size_t>(nodes), -std::numeric_limits<SimTime>::infinity());
    m_jobsOnNode.assign(static_cast<std::size_t>(nodes), {});
    m_jobInterruptions.assign(jobs.size(), 0);
    m_interruptedLast.assign(jobs.size(), 0);
    m_downSince = m_firstEvent;

    if (scenario.failures.enabled) {
        std::vector<FailureProcess::TypeRate> rates;
        for (const CompiledNodeType &type : m_cluster.types) {
            const NodeType *spec = scenario.findNodeType(type.name);
            rates.push_back({static_cast<int>(type.nodes.size()), spec ? spec->mtbfH : 0.0});
            m_repairS.push_back(spec ? spec->repairH * 3600.0 : 0.0);
            m_repairExponential.push_back(
                    spec && spec->repairDistribution == RepairDistribution::Exponential ? 1 : 0);
        }
        m_failureProcess = FailureProcess(scenario.failures.seed, rates);
        m_failureProcess.start(m_firstEvent);
    }

    // Outages in (start, position) order; one that began before the first event takes effect
    // then, and one over by then never happens (the run begins at its first event, §3.1).
    std::unordered_map<std::string, int> nodeIndex;
    for (int node = 0; node < nodes; ++node)
        nodeIndex.emplace(m_cluster.nodes[node].name, node);
    for (const PlannedOutage &outage : scenario.outages) {
        const SimTime end = outage.startS + outage.durationS;
        if (end <= m_firstEvent)
            continue;
        m_outages.push_back(
                {std::max(outage.startS, m_firstEvent), end, nodeIndex.at(outage.node)});
    }
    std::stable_sort(m_outages.begin(), m_outages.end(),
                     [](const Outage &a, const Outage &b) { return a.start < b.start; });
    updateNextFailureEvent();
}

void Simulation::updateNextFailureEvent()
{
    SimTime next = m_failureProcess.nextTime();
    if (!m_repairs.empty())
        next = std::min(next, m_repairs.top().time);
    if (m_nextOutage < m_outages.size())
        next = std::min(next, m_outages[m_nextOutage].start);
    m_nextFailureEvent = next;
}

// docs/design.md §10.5 step 1b. Returns whether anything happened (a scheduling pass is due).
bool Simulation::stepFailures(SimTime time)
{
    bool changed = false;
    while (!m_repairs.empty() && m_repairs.top().time <= time) {
        const Repair repair = m_repairs.top();
        m_repairs.pop();
        if (m_downUntil[repair.node] != repair.time)
            continue; // an outage kept it down longer
        bringUp(repair.node);
        changed = true;
    }
    while (m_nextOutage < m_outages.size() && m_outages[m_nextOutage].start <= time) {
        const Outage &outage = m_outages[m_nextOutage++];
        ++m_outagesBegun;
        takeDown(outage.node, outage.end, true);
        changed = true;
    }
    while (m_failureProcess.nextTime() <= time) {
        const FailureProcess::Strike strike = m_failureProcess.strike();
        const int node = m_cluster.types[strike.type].nodes[strike.position];
        const NodePowerState state = m_state.powerState(node);
        // Thinning (§10.1): a node that cannot fail now (off, or down already) lets the failure
        // pass.
        if (state != NodePowerState::Off && state != NodePowerState::Down) {
            SimTime repair = m_repairS[strike.type];
            if (m_repairExponential[strike.type])
                repair = m_failureProcess.exponential(repair);
            ++m_nodeFailures;
            takeDown(node, time + repair, false);
            changed = true;
        }
        m_failureProcess.advance();
    }
    updateNextFailureEvent();
    return changed;
}

void Simulation::countDown(int delta)
{
    m_downSeconds += double(m_nodesDown) * (m_now - m_downSince);
    m_downSince = m_now;
    m_nodesDown += delta;
}

void Simulation::takeDown(int node, SimTime until, bool planned)
{
    if (m_state.powerState(node) == NodePowerState::Down) {
        if (until > m_downUntil[node]) { // down longer than it was to be
            m_downUntil[node] = until;
            m_repairs.push({until, node});
            for (SimulationObserver *observer : m_observers)
                observer->nodeFailed(m_now, node, until, planned);
        }
        return;
    }
    for (SimulationObserver *observer : m_observers)
        observer->nodeFailed(m_now, node, until, planned);
    std::vector<JobIndex> victims = m_jobsOnNode[node];
    std::sort(victims.begin(), victims.end());
    for (JobIndex job : victims)
        interrupt(job);
    if (m_hasServices)
        loseReplicasOn(node);
    m_dpm.takeDown(node);
    countDown(+1);
    m_downUntil[node] = until;
    m_repairs.push({until, node});
    m_capacityReleased = true;
}

void Simulation::bringUp(int node)
{
    countDown(-1);
    m_dpm.bringUp(node, m_now);
    for (SimulationObserver *observer : m_observers)
        observer->nodeRepaired(m_now, node);
}

void Simulation::trackOnNodes(JobIndex job, const Allocation &allocation, bool add)
{
    for (const NodeShare &share : allocation) {
        std::vector<JobIndex> &on = m_jobsOnNode[share.node];
        if (add) {
            on.push_back(job);
        } else {
            const auto it = std::find(on.begin(), on.end(), job);
            if (it != on.end()) {
                *it = on.back();
                on.pop_back();
            }
        }
    }
}

// docs/design.md §10.4: the job loses the work after its saved point and is queued again.
void Simulation::interrupt(JobIndex job)
{
    JobTable &jobs = m_jobs.table;
    ++m_events;
    ++m_interruptions;
    --m_runningCount;
    m_lastJobActivity = m_now;
    unindexRunning(job);
    const JobTable::Segment &segment = jobs.segmentOf(job);
    const SimTime elapsed = m_now - segment.start;
    const SimTime overheadPaid = std::min(elapsed, segment.overheadDue);
    const CheckpointClock::Cut cut = jobs.clockOf(job).cut(elapsed - overheadPaid, jobs.run[job]);
    m_lostSlotSeconds += double(jobs.slots[job]) *
                         (overheadPaid + cut.paused + (cut.reached - cut.saved) / segment.speed);
    jobs.progress[job] = cut.saved;
    jobs.occupied[job] += elapsed;
    ++m_jobInterruptions[job];
    m_interruptedLast[job] = 1;
    ++jobs.generation[job]; // its completion event is now stale
    jobs.state[job] = JobState::Queued;
    m_queueCursor = std::min(m_queueCursor, job);
    trackOnNodes(job, jobs.allocationOf(job), false);
    release(jobs.allocationOf(job));
    jobs.clearAllocation(job);
    m_scheduler->requeue(job, jobs, m_requeueAtHead);
    if (m_requeueAtHead)
        m_requeuedHeads.push_back(job);
    m_capacityReleased = true;
    for (SimulationObserver *observer : m_observers)
        observer->jobInterrupted(m_now, jobs.inputIndex[job], cut.saved);
}

// What a segment that ran to its end, or was preempted, spent without useful work.
void Simulation::countSegmentLoss(JobIndex job, SimTime overheadPaid, SimTime paused)
{
    m_lostSlotSeconds += double(m_jobs.table.slots[job]) * (overheadPaid + paused);
}

void Simulation::addReliabilityMetrics(RunMetrics &metrics) const
{
    const JobTable &jobs = m_jobs.table;
    ReliabilityMetrics r;
    r.nodeFailures = m_nodeFailures;
    r.plannedOutages = m_outagesBegun;
    r.interruptions = m_interruptions;
    r.replicaInterruptions = m_replicaInterruptions;
    double held = 0.0;
    for (std::size_t job = 0; job < jobs.size(); ++job)
        held += double(jobs.slots[job]) * jobs.occupied[job];
    r.lostAcceleratorHours = m_lostSlotSeconds / 3600.0;
    r.goodput = held > 0.0 ? std::clamp(1.0 - m_lostSlotSeconds / held, 0.0, 1.0) : 1.0;
    const double downSeconds = m_downSeconds + double(m_nodesDown) * (m_lastEvent - m_downSince);
    r.nodeHoursDown = downSeconds / 3600.0;
    metrics.reliability = r;
}

} // namespace headroom
