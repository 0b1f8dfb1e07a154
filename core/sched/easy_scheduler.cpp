#include "core/sched/easy_scheduler.h"

#include "core/sched/scheduling_context.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace headroom {

void EasyScheduler::enqueue(JobIndex job, const JobTable &)
{
    m_queue.push(job);
    m_arrivals.push_back(job);
}

void EasyScheduler::requeue(JobIndex job, const JobTable &jobs, bool atHead)
{
    if (!atHead) {
        enqueue(job, jobs);
        return;
    }
    m_queue.pushFront(job);
    m_arrivals.push_back(job);
    m_reservation.valid = false; // the head changed
}

void EasyScheduler::schedule(SchedulingContext &context)
{
    const JobTable &jobs = context.jobs();
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
        if (!context.tryStart(*head)) {
            reserve(context, *head);
            break;
        }
        m_queue.noteRemoved();
        m_reservation.valid = false;
    }

    if (head) {
        if (fullScan) {
            const std::vector<JobIndex> &entries = m_queue.entries();
            for (std::size_t i = m_queue.headPosition() + 1; i < entries.size(); ++i) {
                if (context.cluster().totalFree() == 0)
                    break;
                if (jobs.state[entries[i]] == JobState::Queued)
                    backfill(context, entries[i]);
            }
        } else {
            for (JobIndex job : m_arrivals) {
                if (context.cluster().totalFree() == 0)
                    break;
                if (jobs.state[job] == JobState::Queued && job != *head)
                    backfill(context, job);
            }
        }
    }
    m_arrivals.clear();
    m_queue.compactIfSparse(jobs);
}

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

} // namespace

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
    const std::size_t shape = shapeOf(jobs, job);
    if (shape >= m_failedSlots.size())
        m_failedSlots.resize(shape + 1, INT_MAX);
    if (m_failedSlots[shape] == INT_MAX)
        m_failedShapes.push_back(shape);
    m_failedSlots[shape] = std::min(m_failedSlots[shape], jobs.slots[job]);
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
    context.start(job, m_candidate);
    m_queue.noteRemoved();
    m_refused.clear();
    m_capRefused.clear();
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
    const ClusterState &cluster = context.cluster();
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
    long long usedFromHead = 0;
    m_countScratch = r.count;
    for (const NodeShare &share : m_candidate) {
        if (!headUsable(context, share.node))
            continue;
        usedFromHead += share.held;
        const int type = cluster.layout().nodes[share.node].type;
        const int before = shadowFree(cluster, share.node);
        if (before >= r.threshold[type] && before - share.held < r.threshold[type])
            --m_countScratch[type];
    }
    if (usedFromHead > r.extra || !headFits(m_countScratch)) {
        m_refused.push_back(demandOf(jobs, job));
        context.noteWait(job, WaitReason::HeadOfLine);
        return;
    }
    r.count.swap(m_countScratch);
    r.extra -= usedFromHead;
    startBackfilled(context, job);
}

} // namespace headroom
