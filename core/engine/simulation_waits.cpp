// Why queued jobs wait, and the service-held nodes a job can never get (docs/design.md §3.12,
// §3.2). Only jobs that did not fit are looked at here; the scheduler's own verdicts (head of
// line, power cap) are written during its pass (SchedulingContext::noteWait).
#include "core/engine/simulation.h"
#include "core/model/scenario.h"
#include "core/sched/scheduler.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>

namespace headroom {
namespace {

// The stages at which a job that does not fit would fit, each counting more of its nodes'
// slots than the one before: free now; + nodes booting; + nodes off or shutting down; + slots
// running jobs hold; + slots service replicas hold that may be released; + everything.
// Nodes down (docs/design.md §10.5) come back by themselves, after the nodes off.
enum Stage : int { kFree, kBooting, kOff, kDown, kJobs, kServices, kPermanent, kStages };

WaitReason reasonAt(int stage)
{
    switch (stage) {
    case kBooting:
        return WaitReason::Booting;
    case kOff:
        return WaitReason::NodesOff;
    case kDown:
        return WaitReason::NodesDown;
    case kJobs:
        return WaitReason::NodesBusy;
    case kServices:
        return WaitReason::HeldByService;
    case kPermanent:
        return WaitReason::HeldByServiceForRun;
    default:
        return WaitReason::NodesBusy; // it fits now: the pass has since taken its room
    }
}

} // namespace

// The first stage at which `demand` fits on the nodes its filter admits. With `permanentOnly`,
// only the stages that do not change while the run lasts are told apart (kServices: it fits
// beside the service replicas that are never released; kPermanent: it does not).
// `pinned`: slots services hold per node, if not ClusterState's.
int Simulation::fitStage(const JobDemand &demand, bool permanentOnly,
                         const std::vector<int> *pinned) const
{
    const NodeFilter &filter = *demand.filter;
    const CompiledCluster &layout = m_cluster;
    if (!permanentOnly && !pinned && m_permanentHeld.empty() && !m_hasServices &&
        layout.types.size() == 1 && m_state.coversAllNodes(filter.range) &&
        filter.owner == NodeFilter::kAnyOwner && filter.type <= 0)
        return fitStageByCounts(demand);
    const bool services = !m_permanentHeld.empty();
    // Per type, how many admissible nodes become usable at each stage (for a gang).
    std::array<int, kStages> none{};
    std::vector<std::array<int, kStages>> count(layout.types.size(), none);
    int best = kStages;
    for (int node = std::max(0, filter.range.begin);
         node < std::min(filter.range.end, layout.nodeCount()); ++node) {
        const CompiledNode &info = layout.nodes[node];
        if (!filter.admits(info, node))
            continue;
        const int capacity = m_state.capacity(node);
        const int threshold = freeSlotsNeeded(demand, capacity);
        if (threshold == 0)
            continue;
        const int permanent = services ? m_permanentHeld[node] : 0;
        int stage = kPermanent;
        if (capacity - permanent >= threshold) {
            stage = kServices;
            if (!permanentOnly) {
                const NodePowerState power = m_state.powerState(node);
                const bool on = m_state.switchedOn(node);
                if (on && m_state.freeSlots(node) >= threshold)
                    stage = kFree;
                else if (power == NodePowerState::Booting)
                    stage = kBooting;
                else if (power == NodePowerState::Down)
                    stage = kDown;
                else if (!on)
                    stage = kOff;
                else if (capacity - (pinned ? (*pinned)[node] : m_state.pinnedSlots(node)) >=
                         threshold)
                    stage = kJobs;
            }
        }
        if (!demand.gang) {
            best = std::min(best, stage);
            if (best == kFree)
                return best;
            continue;
        }
        ++count[info.type][stage];
    }
    if (!demand.gang)
        return best;
    for (std::size_t type = 0; type < count.size(); ++type) {
        const int needed = gangNodesNeeded(demand.slots, layout.types[type].slots);
        int have = 0;
        for (int stage = 0; stage < kStages; ++stage) {
            have += count[type][stage];
            if (have >= needed) {
                best = std::min(best, stage);
                break;
            }
        }
    }
    return best;
}

// Jobs with equal keys have equal demands (demandOf) and filters.
std::uint64_t Simulation::demandKey(JobIndex job) const
{
    const JobTable &jobs = m_jobs.table;
    return (std::uint64_t(jobs.filter[job]) << 34) | (std::uint64_t(jobs.slots[job]) << 2) |
           (std::uint64_t(jobs.gang[job]) << 1) | jobs.exclusive[job];
}

// fitStage() on a cluster of one node type without services, for a filter that admits every
// node: the same stages from the cluster's counts (free-slot histogram, nodes not on, the
// nodes booting) instead of a walk over every node, which under power management made the
// wait explanations of a long queue most of a run's time. Every on-node without the room is
// at kJobs (nothing is pinned), every down node at kDown (docs/design.md §10.5), every other
// node not on and not booting at kOff.
int Simulation::fitStageByCounts(const JobDemand &demand) const
{
    const CompiledCluster &layout = m_cluster;
    const int threshold = freeSlotsNeeded(demand, layout.types[0].slots);
    const int nodes = layout.nodeCount();
    if (threshold == 0 || nodes == 0)
        return kStages;
    int booting = 0;
    for (const BootingNode &boot : m_dpm.booting())
        booting += m_state.powerState(boot.node) == NodePowerState::Booting;
    const int free = m_state.nodesWithFreeAtLeast(0, threshold);
    const int notOn = m_state.nodesNotOn(); // off, booting, shutting down or down
    const int down = static_cast<int>(m_nodesDown);
    std::array<int, kStages> count{};
    count[kFree] = free;
    count[kBooting] = booting;
    count[kDown] = down;
    count[kOff] = notOn - booting - down;
    count[kJobs] = nodes - notOn - free;
    const int needed = demand.gang ? gangNodesNeeded(demand.slots, layout.types[0].slots) : 1;
    int have = 0;
    for (int stage = 0; stage < kStages; ++stage) {
        have += count[stage];
        if (have >= needed)
            return stage;
    }
    return kStages;
}

JobDemand Simulation::demandOf(JobIndex job) const
{
    const JobTable &jobs = m_jobs.table;
    return {jobs.slots[job], jobs.gang[job] != 0, &m_jobs.filters[jobs.filter[job]],
            jobs.exclusive[job] != 0};
}

// What holds the nodes a job that does not fit needs.
WaitReason Simulation::blocker(JobIndex job) const
{
    return blocker(demandOf(job), m_jobs.table.filter[job]);
}

WaitReason Simulation::whyNotFit(const JobDemand &demand, int filter) const
{
    return blocker(demand, filter);
}

WaitReason Simulation::blocker(const JobDemand &demand, int filter) const
{
    const int stage = fitStage(demand, false);
    if (stage != kJobs || filter == 0)
        return reasonAt(stage);
    // Busy nodes: would it start now on nodes its constraints rule out?
    const NodeFilter &anywhere = m_jobs.filters[0];
    const JobDemand free{demand.slots, demand.slots > m_cluster.maxSlotsPerNode(), &anywhere,
                         demand.exclusive};
    return fitStage(free, false) == kFree ? WaitReason::Constraint : WaitReason::NodesBusy;
}

// Power management could not boot the nodes `head` needs because of a cap: that holds it
// back only if booting them would let it start, i.e. it waits for nodes that are off, not for
// nodes that jobs or services hold. Asked after every instant it waits through, so the answer
// is kept until the cluster's power states or loads change (the meter counts every change).
bool Simulation::capHoldsBackBoots(JobIndex head)
{
    if (m_capBootCheck.changes != m_power.changes() || m_capBootCheck.job != head) {
        const WaitReason reason = blocker(head);
        m_capBootCheck = {m_power.changes(), head,
                          reason == WaitReason::NodesOff || reason == WaitReason::Booting};
    }
    return m_capBootCheck.holdsBack;
}

void Simulation::explainWaits()
{
    const JobTable &jobs = m_jobs.table;
    // Jobs of one shape get one answer: the cluster does not change here, and blocker() reads
    // only the job's demand and filter. Asking it once per shape rather than once per run of
    // equal neighbours matters under power caps, where a pass refuses a long queue of
    // interleaved sizes and each answer walks every node.
    std::unordered_map<std::uint64_t, WaitReason> answers;
    for (JobIndex job : m_didNotFit) {
        if (jobs.state[job] != JobState::Queued || m_waits[job] != WaitReason::NodesBusy)
            continue;
        const auto [it, inserted] = answers.try_emplace(demandKey(job), WaitReason::None);
        if (inserted)
            it->second = blocker(job);
        m_waits[job] = it->second;
    }
    m_didNotFit.clear();
}

void Simulation::holdPermanently(const Allocation &allocation)
{
    if (m_permanentHeld.empty())
        m_permanentHeld.assign(static_cast<std::size_t>(m_cluster.nodeCount()), 0);
    for (const NodeShare &share : allocation)
        m_permanentHeld[share.node] += share.held;
    m_serviceFit.clear();
}

// The same holds, worked out afresh once a failure has moved replicas (loseReplicasOn()): each
// service's first minReplicas placed replicas are the ones never released.
void Simulation::rebuildPermanentHolds()
{
    std::fill(m_permanentHeld.begin(), m_permanentHeld.end(), 0);
    for (const ServiceRun &service : m_services) {
        const int permanent = std::min(service.placed, service.spec.minReplicas);
        for (int i = 0; i < permanent; ++i) {
            for (const NodeShare &share : service.replicas[static_cast<std::size_t>(i)].allocation)
                m_permanentHeld[share.node] += share.held;
        }
    }
    m_serviceFit.clear();
}

bool Simulation::needsServiceNodes(JobIndex job)
{
    if (m_permanentHeld.empty())
        return false;
    const auto [it, inserted] = m_serviceFit.try_emplace(demandKey(job), false);
    if (inserted)
        it->second = fitStage(demandOf(job), true) == kPermanent;
    return it->second;
}

// Replica i of a service is released at the first tick at which the service keeps at most i
// replicas (the most it desired over the scale-down window): releases go newest first and
// replicas move only when a node under one goes down (docs/design.md §10.4), so this follows
// from the load profile alone.
std::vector<SimTime> Simulation::projectedReleases(const ServiceRun &service) const
{
    const int placed = service.placed;
    std::vector<SimTime> release(static_cast<std::size_t>(placed),
                                 std::numeric_limits<SimTime>::infinity());
    const int minimum = service.spec.minReplicas;
    if (placed <= minimum || m_ticksSuspended || !std::isfinite(m_nextTick))
        return release;
    const auto window = static_cast<std::uint64_t>(kScaleDownWindowS / kServiceTickS);
    std::deque<std::pair<std::uint64_t, int>> recent = service.recentDesired;
    constexpr std::uint64_t kWeekOfTicks = 7 * 1440;
    int waiting = placed; // replicas [minimum, waiting) not yet given a release time
    for (std::uint64_t tick = m_tickIndex; tick < m_tickIndex + kWeekOfTicks; ++tick) {
        const SimTime time = m_firstEvent + static_cast<double>(tick) * kServiceTickS;
        recent.emplace_back(
                tick, desiredReplicas(service.spec, std::max(0.0, service.spec.load.at(time))));
        while (recent.front().first + window <= tick)
            recent.pop_front();
        int keep = 0;
        for (const auto &entry : recent)
            keep = std::max(keep, entry.second);
        for (; waiting > std::max(keep, minimum); --waiting)
            release[static_cast<std::size_t>(waiting - 1)] = time;
        if (waiting <= minimum)
            break;
    }
    return release;
}

// When the service replicas holding a job's nodes will have let go enough for it (it may
// then still wait for running jobs); +infinity if not within the projection.
SimTime Simulation::heldByServiceUntil(JobIndex job) const
{
    std::vector<std::pair<SimTime, const Allocation *>> releases;
    for (const ServiceRun &service : m_services) {
        const std::vector<SimTime> at = projectedReleases(service);
        for (int i = 0; i < service.placed; ++i) {
            if (std::isfinite(at[static_cast<std::size_t>(i)]))
                releases.emplace_back(at[static_cast<std::size_t>(i)],
                                      &service.replicas[static_cast<std::size_t>(i)].allocation);
        }
    }
    std::sort(releases.begin(), releases.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<int> pinned(static_cast<std::size_t>(m_cluster.nodeCount()));
    for (int node = 0; node < m_cluster.nodeCount(); ++node)
        pinned[static_cast<std::size_t>(node)] = m_state.pinnedSlots(node);
    const JobDemand demand = demandOf(job);
    for (std::size_t i = 0; i < releases.size(); ++i) {
        for (const NodeShare &share : *releases[i].second)
            pinned[static_cast<std::size_t>(share.node)] -= share.held;
        if (i + 1 < releases.size() && releases[i + 1].first == releases[i].first)
            continue; // released at the same tick: together
        if (fitStage(demand, false, &pinned) <= kJobs)
            return releases[i].first;
    }
    return std::numeric_limits<SimTime>::infinity();
}

WaitInfo Simulation::waitInfo(JobIndex job) const
{
    WaitInfo info;
    info.reason = m_scheduler->deferredWait(job, m_jobs.table).value_or(m_waits[job]);
    if (info.reason == WaitReason::HeldByService && m_jobs.table.state[job] == JobState::Queued) {
        info.until = heldByServiceUntil(job);
        return info;
    }
    if (info.reason != WaitReason::Booting || m_jobs.table.state[job] != JobState::Queued)
        return info;
    // Booting: by the time the last boot among its nodes completes, they are all on.
    const NodeFilter &filter = m_jobs.filters[m_jobs.table.filter[job]];
    SimTime until = -std::numeric_limits<SimTime>::infinity();
    for (const BootingNode &boot : m_dpm.booting()) {
        if (filter.admits(m_cluster.nodes[boot.node], boot.node))
            until = std::max(until, boot.ready);
    }
    if (until > -std::numeric_limits<SimTime>::infinity())
        info.until = until;
    return info;
}

std::vector<std::pair<std::size_t, WaitInfo>> Simulation::queuedWaits() const
{
    const JobTable &jobs = m_jobs.table;
    std::vector<std::pair<std::size_t, WaitInfo>> out;
    if (m_finished)
        return out;
    for (JobIndex job = oldestQueued().value_or(m_nextSubmission); job < m_nextSubmission; ++job) {
        if (jobs.state[job] == JobState::Queued)
            out.emplace_back(jobs.inputIndex[job], waitInfo(job));
    }
    return out;
}

} // namespace headroom
