#include "core/sched/easy_scheduler.h"

#include "core/sched/scheduling_context.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace headroom {

namespace {

std::size_t shapeOf(const JobTable &jobs, JobIndex job)
{
    return 4 * static_cast<std::size_t>(jobs.filter[job]) + 2 * jobs.exclusive[job] +
           jobs.gang[job];
}

// What placement and the memos of refusals look at: the job's shape and its slot count.
std::pair<std::size_t, int> demandOf(const JobTable &jobs, JobIndex job)
{
    return {shapeOf(jobs, job), jobs.slots[job]};
}

// Jobs with equal keys have equal demands: shape in the high half, slots in the low one.
std::uint64_t demandKey(const JobTable &jobs, JobIndex job)
{
    return (std::uint64_t(shapeOf(jobs, job)) << 32) | std::uint32_t(jobs.slots[job]);
}

} // namespace

void EasyScheduler::enqueue(JobIndex job, const JobTable &jobs)
{
    m_queue.push(job);
    noteQueued(job, jobs);
}

// What every job entering the queue (at its back or, requeued, at its head) is noted in.
void EasyScheduler::noteQueued(JobIndex job, const JobTable &jobs)
{
    m_arrivals.push_back(job);
    if (m_trackDemands)
        trackDemand(jobs, job);
    if (job >= m_nextIndex) {
        m_nextIndex = job + 1;
    } else {
        m_inOrder = false;
        if (m_tail.valid && job < m_tail.end)
            m_putBack.push_back(job);
    }
}

void EasyScheduler::trackDemand(const JobTable &jobs, JobIndex job)
{
    QueuedDemand &queued = m_queuedDemands[demandKey(jobs, job)];
    ++queued.count;
    queued.byRequested.emplace(jobs.requested[job], job);
}

void EasyScheduler::leftQueue(const JobTable &jobs, JobIndex job)
{
    if (!m_trackDemands)
        return;
    const auto it = m_queuedDemands.find(demandKey(jobs, job));
    if (it != m_queuedDemands.end() && --it->second.count == 0)
        m_queuedDemands.erase(it);
}

// The least requested wall time among the demand's queued jobs (those that left are dropped
// here rather than when they leave).
SimTime EasyScheduler::leastRequested(const JobTable &jobs, QueuedDemand &queued) const
{
    while (!queued.byRequested.empty() &&
           jobs.state[queued.byRequested.top().second] != JobState::Queued)
        queued.byRequested.pop();
    return queued.byRequested.empty() ? std::numeric_limits<SimTime>::infinity()
                                      : queued.byRequested.top().first;
}

void EasyScheduler::requeue(JobIndex job, const JobTable &jobs, bool atHead)
{
    if (!atHead) {
        enqueue(job, jobs);
        return;
    }
    m_queue.pushFront(job);
    // Like any job entering the queue: its demand is tracked under caps, and being out of
    // index order it ends the tail's verdict (a verdict without its demand would not know it).
    noteQueued(job, jobs);
    m_reservation.valid = false; // the head changed
}

void EasyScheduler::schedule(SchedulingContext &context)
{
    const JobTable &jobs = context.jobs();
    if (m_tail.valid && !m_inOrder)
        flushTail(context);
    if (!m_scheduled) {
        // Whether caps are on is fixed for the run: only then does closeTail() need the
        // demands of the queue (keeping them costs a plain run a few percent).
        m_scheduled = true;
        m_trackDemands = context.capsActive();
        const std::vector<JobIndex> &entries = m_queue.entries();
        for (std::size_t i = m_queue.headPosition(); m_trackDemands && i < entries.size(); ++i) {
            if (jobs.state[entries[i]] == JobState::Queued)
                trackDemand(jobs, entries[i]);
        }
    }
    if (context.capacityReleased())
        m_reservation.valid = false;
    forgetFits();

    // Start jobs from the head while they fit.
    bool fullScan = true;
    std::optional<JobIndex> head;
    while ((head = m_queue.front(jobs))) {
        if (m_reservation.valid && m_reservation.head == *head) {
            // Nothing was freed since the reservation was made: the head still does not fit,
            // and every job the previous scan passed over still may not start (capacity only
            // shrank, the shadow time and extra slots are unchanged, and `now` only grew).
            // Only jobs that arrived since then need a look.
            fullScan = false;
            break;
        }
        settleTail(context, *head);
        if (!context.tryStart(*head)) {
            reserve(context, *head);
            break;
        }
        m_queue.noteRemoved();
        leftQueue(jobs, *head);
        m_reservation.valid = false;
    }

    if (head) {
        if (fullScan) {
            const std::vector<JobIndex> &entries = m_queue.entries();
            m_tailCheckDue = m_trackDemands && m_inOrder;
            m_tailAwaitsRefusal = false;
            for (std::size_t i = m_queue.headPosition() + 1; i < entries.size(); ++i) {
                if (context.cluster().totalFree() == 0)
                    break;
                const JobIndex job = entries[i];
                if (jobs.state[job] != JobState::Queued)
                    continue;
                if (m_tailAwaitsRefusal && context.capRefusals() > 0) {
                    m_tailAwaitsRefusal = false;
                    m_tailCheckDue = true;
                }
                if (m_tailCheckDue && m_visitsBeforeCheck == 0) {
                    const TailCheck check = closeTail(context, job, entries.back() + 1);
                    if (check == TailCheck::Closed)
                        break;
                    m_tailCheckDue = false;
                    m_tailAwaitsRefusal = check == TailCheck::Uncounted;
                    // A check asks placement for up to every queued demand: after one that
                    // failed, look at a few jobs per demand asked before the next, so that
                    // checking never costs more than the walk it may save.
                    m_visitsBeforeCheck = 4 * (m_judged.size() + 1);
                }
                m_visitsBeforeCheck -= m_visitsBeforeCheck > 0 ? 1 : 0;
                m_visitFromTail = passTail(jobs, job);
                backfill(context, job);
            }
        } else {
            for (JobIndex job : m_arrivals) {
                if (context.cluster().totalFree() == 0)
                    break;
                if (jobs.state[job] == JobState::Queued && job != *head) {
                    m_visitFromTail = passTail(jobs, job);
                    backfill(context, job);
                }
            }
        }
    }
    m_arrivals.clear();
    m_queue.compactIfSparse(jobs);
}

// During one pass capacity only shrinks (jobs start, none end). Whether a job fits depends
// only on its filter, whether it is a gang or dedicated, and its slot count, monotonically: a
// node with room for k slots has room for fewer, a gang of k slots needs at least as many
// whole nodes as a smaller one, and a dedicated job of k slots can use a subset of the whole
// free nodes a smaller one can. So once a job failed to place, every later job of the same filter
// and kind that needs as many slots or more fails too, and placement need not be asked.
bool EasyScheduler::knownNotToFit(const JobTable &jobs, JobIndex job) const
{
    const std::size_t shape = shapeOf(jobs, job);
    return shape < m_failedSlots.size() && jobs.slots[job] >= m_failedSlots[shape];
}

void EasyScheduler::noteDoesNotFit(const JobTable &jobs, JobIndex job)
{
    noteDoesNotFit(shapeOf(jobs, job), jobs.slots[job]);
}

void EasyScheduler::noteDoesNotFit(std::size_t shape, int slots)
{
    if (shape >= m_failedSlots.size())
        m_failedSlots.resize(shape + 1, INT_MAX);
    if (m_failedSlots[shape] == INT_MAX)
        m_failedShapes.push_back(shape);
    m_failedSlots[shape] = std::min(m_failedSlots[shape], slots);
}

// A job that would run past the shadow time is refused or admitted by where placement puts
// it and by the reservation's counts; neither changes until something starts. So a job
// asking exactly what a refused one asked gets the same answer until then, and long queues
// of identical small jobs are decided once instead of once each.
bool EasyScheduler::refusedSinceLastStart(const JobTable &jobs, JobIndex job) const
{
    return std::find(m_refused.begin(), m_refused.end(), demandOf(jobs, job)) != m_refused.end();
}

// Placement is a function of the job's demand and the cluster (and its power) as they are;
// neither changes until something starts. So a job asking exactly what a cap refused gets the
// same refusal until then: in a power-capped cluster with a long queue, each job size is
// placed once per start instead of once per queued job.
bool EasyScheduler::capRefusedSinceLastStart(const JobTable &jobs, JobIndex job) const
{
    return std::find(m_capRefused.begin(), m_capRefused.end(), demandOf(jobs, job)) !=
           m_capRefused.end();
}

void EasyScheduler::startBackfilled(SchedulingContext &context, JobIndex job)
{
    if (m_visitFromTail) // it records no reason of its own: the one it waited for stands
        context.setWait(job, m_tail.reason(context.jobs(), job));
    context.start(job, m_candidate);
    m_queue.noteRemoved();
    leftQueue(context.jobs(), job);
    m_refused.clear();
    m_capRefused.clear();
    m_tailCheckDue = m_trackDemands && m_inOrder; // the start may have used the last room
}

// Whether the rest of the walk, from `firstUnseen` on, would start nothing, and if so keeps its
// verdict on jobs [firstUnseen, end). Nothing changes after the last start of a pass, so each
// job's reason follows from its demand's answer (judge()) and from whether it may end by the
// shadow time or fit in the extra slots (backfill(), in the same order and arithmetic). The
// walk would count a cap refusal of a job that may start; when none is counted yet, whether it
// would be depends on which job of a demand comes first, so the tail is not closed then.
EasyScheduler::TailCheck EasyScheduler::closeTail(SchedulingContext &context, JobIndex firstUnseen,
                                                  JobIndex end)
{
    // The demand that kept the last check open usually still does: ask it first.
    m_judged.clear();
    const auto hint = m_queuedDemands.find(m_lastStartable);
    if (hint != m_queuedDemands.end() && !judge(context, hint->first, hint->second))
        return TailCheck::Startable;
    for (auto &[key, queued] : m_queuedDemands) {
        if (hint != m_queuedDemands.end() && key == hint->first)
            continue;
        if (!judge(context, key, queued)) {
            m_lastStartable = key;
            return TailCheck::Startable;
        }
    }
    const bool anyCapRefused = std::any_of(m_judged.begin(), m_judged.end(), [](const auto &entry) {
        return entry.second.capRefused;
    });
    if (anyCapRefused && context.capRefusals() == 0)
        return TailCheck::Uncounted;
    if (!context.recordsWaits())
        return TailCheck::Closed;
    const Reservation &r = m_reservation;
    m_tail.valid = firstUnseen < end;
    m_tail.first = firstUnseen;
    m_tail.end = end;
    m_tail.now = context.now();
    m_tail.shadow = r.shadow;
    m_tail.maxSpeed = context.maxSpeed();
    m_tail.extra = r.extra;
    m_tail.everyNodeUsable = r.everyNodeUsable;
    m_tail.outcomes.clear();
    for (auto &[key, outcome] : m_judged) {
        if (!outcome.headOfLine && !outcome.capRefused) {
            const std::size_t shape = key >> 32;
            const int slots = static_cast<int>(key & 0xffffffffU);
            const int filterIndex = static_cast<int>(shape / 4);
            const JobDemand asked{slots, (shape & 1) != 0, &context.filter(filterIndex),
                                  (shape & 2) != 0};
            outcome.notFit = context.notFitReason(asked, filterIndex);
        }
        m_tail.outcomes.emplace(key, outcome);
    }
    return TailCheck::Closed;
}

// Whether no queued job of the demand `key` can start in the rest of the pass; if so its
// outcome goes to m_judged. The walk starts a job only if placement (with the caps) admits its
// demand; it asks placement unless the job may not start and every node is usable by the head,
// and takes a failure to fit recorded this pass (knownNotToFit()) or a cap refusal since the
// last start as they are.
bool EasyScheduler::judge(SchedulingContext &context, std::uint64_t key, QueuedDemand &queued)
{
    const Reservation &r = m_reservation;
    const std::size_t shape = key >> 32;
    const int slots = static_cast<int>(key & 0xffffffffU);
    const std::pair<std::size_t, int> demand{shape, slots};
    TailOutcome outcome;
    const bool someMayEnd =
            context.now() + leastRequested(context.jobs(), queued) / context.maxSpeed() <= r.shadow;
    if (!someMayEnd && slots > r.extra && r.everyNodeUsable) {
        // No job of it may start, and the walk does not even ask placement: head of line.
        outcome.headOfLine = true;
    } else if (shape < m_failedSlots.size() && slots >= m_failedSlots[shape]) {
        outcome.capRefused = false;
    } else if (std::find(m_capRefused.begin(), m_capRefused.end(), demand) != m_capRefused.end()) {
        outcome.capRefused = true;
    } else {
        // Placeable (refused past the shadow time since the last start, or placed now): a job
        // of it starts unless every one waits behind the head, i.e. none may end by the shadow
        // time (the least requested decides: the test is monotone in it) and the reservation
        // refuses where placement puts it (as backfill() asks for the first such job that gets
        // that far; the rest are then refused past the shadow time).
        const bool refused =
                std::find(m_refused.begin(), m_refused.end(), demand) != m_refused.end();
        const JobDemand asked{slots, (shape & 1) != 0, &context.filter(static_cast<int>(shape / 4)),
                              (shape & 2) != 0};
        if (!refused && !context.probe(asked, m_probe)) {
            outcome.capRefused = context.refusedByCap();
            // What the walk would learn from its first job of this demand, kept for the rest
            // of the pass: a failure to fit generalises (knownNotToFit()); a cap refusal is
            // remembered only once one is counted, since whether the walk's own first refusal
            // of it counts depends on which job asks first.
            if (!outcome.capRefused)
                noteDoesNotFit(shape, slots);
            else if (context.capRefusals() > 0)
                m_capRefused.push_back(demand);
        } else {
            if (someMayEnd || (!refused && spareForHead(context, m_probe) >= 0))
                return false;
            outcome.headOfLine = true;
        }
    }
    m_judged.emplace_back(key, outcome);
    return true;
}

bool EasyScheduler::TailVerdict::covers(const JobTable &jobs, JobIndex job) const
{
    return valid && job >= first && job < end && jobs.state[job] == JobState::Queued;
}

// What backfill() would have recorded for `job` at the pass that closed the tail.
WaitReason EasyScheduler::TailVerdict::reason(const JobTable &jobs, JobIndex job) const
{
    const bool mayEndByShadow = now + jobs.requested[job] / maxSpeed <= shadow;
    const bool mayStart = mayEndByShadow || jobs.slots[job] <= extra;
    if (!mayStart && everyNodeUsable)
        return WaitReason::HeadOfLine;
    const TailOutcome &outcome = outcomes.at(demandKey(jobs, job));
    if (outcome.headOfLine)
        return WaitReason::HeadOfLine;
    if (!outcome.capRefused)
        return outcome.notFit;
    return mayStart ? WaitReason::PowerCap : WaitReason::HeadOfLine;
}

// Before a pass looks at `job`: it takes over from the tail's verdict from there on.
void EasyScheduler::settleTail(SchedulingContext &context, JobIndex job)
{
    if (passTail(context.jobs(), job))
        context.setWait(job, m_tail.reason(context.jobs(), job));
}

// The same when the pass will record a reason for `job` unless it starts it (backfill()):
// whether the verdict covered it, so that startBackfilled() writes its reason then.
bool EasyScheduler::passTail(const JobTable &jobs, JobIndex job)
{
    if (!m_tail.valid || job < m_tail.first || job >= m_tail.end)
        return false;
    const bool covered = m_tail.covers(jobs, job);
    m_tail.first = job + 1;
    m_tail.valid = m_tail.first < m_tail.end;
    return covered;
}

// Writes the whole tail's verdict (a job was put back into it, so it is no longer a range).
void EasyScheduler::flushTail(SchedulingContext &context)
{
    const JobTable &jobs = context.jobs();
    for (JobIndex job = m_tail.first; job < m_tail.end; ++job) {
        if (m_tail.covers(jobs, job) &&
            std::find(m_putBack.begin(), m_putBack.end(), job) == m_putBack.end())
            context.setWait(job, m_tail.reason(jobs, job));
    }
    m_tail.valid = false;
    m_putBack.clear();
}

std::optional<WaitReason> EasyScheduler::deferredWait(JobIndex job, const JobTable &jobs) const
{
    if (!m_tail.covers(jobs, job) ||
        std::find(m_putBack.begin(), m_putBack.end(), job) != m_putBack.end())
        return std::nullopt;
    return m_tail.reason(jobs, job);
}

void EasyScheduler::settleWaits(std::vector<WaitReason> &waits, const JobTable &jobs)
{
    for (JobIndex job = m_tail.first; m_tail.valid && job < m_tail.end; ++job) {
        if (const std::optional<WaitReason> reason = deferredWait(job, jobs))
            waits[job] = *reason;
    }
    m_tail.valid = false;
    m_putBack.clear();
}

void EasyScheduler::forgetFits()
{
    for (std::size_t shape : m_failedShapes)
        m_failedSlots[shape] = INT_MAX;
    m_failedShapes.clear();
    m_refused.clear();
    m_capRefused.clear();
}

bool EasyScheduler::headUsable(const SchedulingContext &context, int node) const
{
    if (m_reservation.everyNodeUsable)
        return true; // every node admitted, each of a type the head can use
    const JobIndex head = m_reservation.head;
    const CompiledNode &info = context.cluster().layout().nodes[node];
    return m_reservation.needed[info.type] > 0 && context.filterOf(head).admits(info, node);
}

int EasyScheduler::shadowFree(const ClusterState &cluster, int node) const
{
    return cluster.freeSlots(node) + m_released[node];
}

bool EasyScheduler::headFits(const std::vector<int> &count) const
{
    for (std::size_t type = 0; type < count.size(); ++type) {
        if (m_reservation.needed[type] > 0 && count[type] >= m_reservation.needed[type])
            return true;
    }
    return false;
}

void EasyScheduler::resetScratch()
{
    for (int node : m_touched)
        m_released[node] = 0;
    m_touched.clear();
}

// Credits slots on `node` (of `type`) to the shadow-time picture: they will be free by then.
void EasyScheduler::creditByShadow(const SchedulingContext &context, int node, int slots, int type)
{
    const ClusterState &cluster = context.cluster();
    if (m_released[node] == 0)
        m_touched.push_back(node);
    const int before = shadowFree(cluster, node);
    m_released[node] += slots;
    if (!headUsable(context, node))
        return;
    const int threshold = m_reservation.threshold[type];
    if (before < threshold && before + slots >= threshold)
        ++m_reservation.count[type];
    m_reservation.extra += slots;
}

void EasyScheduler::reserve(SchedulingContext &context, JobIndex head)
{
    const ClusterState &cluster = context.cluster();
    const CompiledCluster &layout = cluster.layout();
    const JobTable &jobs = context.jobs();
    const NodeFilter &filter = context.filterOf(head);
    const int types = cluster.typeCount();
    const int slots = jobs.slots[head];
    const bool gang = jobs.gang[head] != 0;
    const bool exclusive = jobs.exclusive[head] != 0; // dedicated: needs a whole free node

    resetScratch();
    m_released.resize(cluster.nodeCount(), 0);
    Reservation &r = m_reservation;
    r.valid = true;
    r.head = head;
    r.threshold.assign(types, 0);
    r.needed.assign(types, 0);
    r.count.assign(types, 0);
    for (int type = 0; type < types; ++type) {
        const int nodeSlots = layout.types[type].slots;
        if (filter.type >= 0 && filter.type != type)
            continue;
        if (gang) {
            r.threshold[type] = nodeSlots;
            r.needed[type] = gangNodesNeeded(slots, nodeSlots);
        } else if (nodeSlots >= slots) {
            r.threshold[type] = exclusive ? nodeSlots : slots;
            r.needed[type] = 1;
        }
    }

    // Head-usable nodes now, and the free slots on them (the "extra" starts from these).
    long long freeNow = 0;
    r.everyNodeUsable =
            cluster.coversAllNodes(filter.range) && filter.owner == NodeFilter::kAnyOwner;
    if (r.everyNodeUsable) {
        for (int type = 0; type < types; ++type) {
            if (r.needed[type] == 0) {
                r.everyNodeUsable = r.everyNodeUsable && layout.types[type].nodes.empty();
                continue;
            }
            r.count[type] = cluster.nodesWithFreeAtLeast(type, r.threshold[type]);
            freeNow += cluster.freeSlotsOfType(type);
        }
    } else {
        for (int node = filter.range.begin; node < filter.range.end; ++node) {
            if (!headUsable(context, node))
                continue;
            const int type = layout.nodes[node].type;
            if (cluster.freeSlots(node) >= r.threshold[type])
                ++r.count[type];
            freeNow += cluster.freeSlots(node);
        }
    }
    r.extra = freeNow;

    // Release running jobs in order of expected end until the head fits. Jobs expected to
    // end exactly at the shadow time all count as free at it.
    r.shadow = std::numeric_limits<SimTime>::infinity();
    const RunningByExpectedEnd &running = context.runningByExpectedEnd();
    // Nodes being switched on join at their boot completion, whole (they hold nothing).
    const std::span<const BootingNode> booting = context.bootingNodes();
    std::size_t nextBoot = 0;
    const SimTime never = std::numeric_limits<SimTime>::infinity();
    for (auto it = running.begin(); it != running.end() || nextBoot < booting.size();) {
        const SimTime end = std::min(it != running.end() ? it->expectedEnd : never,
                                     nextBoot < booting.size() ? booting[nextBoot].ready : never);
        for (; it != running.end() && it->expectedEnd == end; ++it) {
            for (const RunningShare &share : running.sharesOf(*it))
                creditByShadow(context, share.node, share.held, share.type);
        }
        for (; nextBoot < booting.size() && booting[nextBoot].ready == end; ++nextBoot)
            creditByShadow(context, booting[nextBoot].node,
                           cluster.capacity(booting[nextBoot].node),
                           layout.nodes[booting[nextBoot].node].type);
        if (headFits(r.count)) {
            r.shadow = end;
            break;
        }
    }
    r.extra = std::isinf(r.shadow) ? 0 : std::max<long long>(0, r.extra - slots);
    context.reservationMade(head, r.shadow);
}

void EasyScheduler::backfill(SchedulingContext &context, JobIndex job)
{
    const JobTable &jobs = context.jobs();
    Reservation &r = m_reservation;
    // A job runs for its requested wall time / its speed on the nodes it gets (DVFS, rack
    // spread), known only once placed; no node is faster than maxSpeed().
    const bool mayEndByShadow =
            context.now() + jobs.plannedWallS(job, context.maxSpeed()) <= r.shadow;
    // Whether the job could start if it fits: it may end by the shadow time, or the head can
    // spare as many slots as it asks. (A cap refusing a job that could not start anyway holds
    // nothing back: docs/design.md §4.6.)
    const bool mayStart = mayEndByShadow || jobs.slots[job] <= r.extra;
    if (!mayStart && r.everyNodeUsable) {
        context.noteWait(job, WaitReason::HeadOfLine);
        return; // cheap early out for the common homogeneous case
    }
    if (knownNotToFit(jobs, job)) {
        context.noteWait(job, WaitReason::NodesBusy);
        return;
    }
    if (!mayEndByShadow && refusedSinceLastStart(jobs, job)) {
        context.noteWait(job, WaitReason::HeadOfLine);
        return;
    }
    if (capRefusedSinceLastStart(jobs, job)) {
        context.noteWait(job, mayStart ? WaitReason::PowerCap : WaitReason::HeadOfLine);
        return;
    }
    if (!context.place(job, m_candidate)) {
        if (!context.refusedByCap()) {
            noteDoesNotFit(jobs, job);
        } else {
            m_capRefused.push_back(demandOf(jobs, job));
            if (!mayStart)
                context.notStartableAnyway(job);
        }
        return;
    }
    const bool endsByShadow =
            mayEndByShadow &&
            context.now() + jobs.plannedWallS(job, context.speedOf(m_candidate)) <= r.shadow;

    if (endsByShadow) {
        // Its slots are back by the shadow time, so the picture there is unchanged.
        for (const NodeShare &share : m_candidate) {
            if (m_released[share.node] == 0)
                m_touched.push_back(share.node);
            m_released[share.node] += share.held;
        }
        startBackfilled(context, job);
        return;
    }

    // Still running at the shadow time: it may use only extra slots, and the head must
    // still fit without them.
    const long long usedFromHead = spareForHead(context, m_candidate);
    if (usedFromHead < 0) {
        m_refused.push_back(demandOf(jobs, job));
        context.noteWait(job, WaitReason::HeadOfLine);
        return;
    }
    r.count.swap(m_countScratch);
    r.extra -= usedFromHead;
    startBackfilled(context, job);
}

// For a job on `allocation` still running at the shadow time: the head-usable slots it takes
// if the head still fits without them (the head's counts then in m_countScratch), else -1.
long long EasyScheduler::spareForHead(const SchedulingContext &context,
                                      const Allocation &allocation)
{
    const ClusterState &cluster = context.cluster();
    const Reservation &r = m_reservation;
    long long usedFromHead = 0;
    m_countScratch = r.count;
    for (const NodeShare &share : allocation) {
        if (!headUsable(context, share.node))
            continue;
        usedFromHead += share.held;
        const int type = cluster.nodeType(share.node);
        const int before = shadowFree(cluster, share.node);
        if (before >= r.threshold[type] && before - share.held < r.threshold[type])
            --m_countScratch[type];
    }
    return usedFromHead > r.extra || !headFits(m_countScratch) ? -1 : usedFromHead;
}

} // namespace headroom
