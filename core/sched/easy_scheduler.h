#pragma once

#include "core/sched/arrival_queue.h"
#include "core/sched/scheduler.h"

#include <queue>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

namespace headroom {

class SchedulingContext;
class ClusterState;

// docs/design.md §3 EASY backfilling on top of FCFS order.
//
// Slots are counted per node, not only in total, so that the reservation stays honest on
// clusters of multi-accelerator nodes: the head "fits" at a time when a node (or, for a gang,
// enough whole nodes of one type) will have room, and a job backfilled past the shadow time
// must leave the head able to start then. On single-slot nodes (SWF traces) this reduces
// exactly to the contract's slot counting: the shadow time is when enough slots are free and
// "uses no more than the extra slots" is the only condition.
//
// On a mixed cluster, "extra" counts only slots on nodes the head could use, and a job
// backfilled past the shadow time spends it only for the slots it holds on such nodes: a job
// on nodes the head can never use cannot delay it.
//
// Nodes reserved for other tenants are nodes the head can never use (its filter leaves them
// out). A dedicated head needs a whole free node, so only whole free nodes count for it.
//
// Energy management (docs/design.md §4) changes three things:
//  - Nodes that are not on show no free slots, so neither placement nor the reservation counts
//    them. A node being booted, though, is credited to the shadow-time picture whole at its
//    boot-completion time: the shadow time is the earliest time T at which the slots free now,
//    plus those of running jobs expected to end by T, plus the nodes that finish booting by T,
//    let the head fit (boots and expected ends at the same instant count together). Nodes off
//    or shutting down are not counted at all (the engine boots them for the head, and the
//    reservation is recomputed at the next pass once they boot).
//  - With DVFS or a rack spread penalty a job runs at a speed (PowerModel::jobSpeed), and all
//    planning scales the same way: a running job is expected to end at its start + remaining
//    requested wall time / speed, and a candidate "ends by the shadow time" if now + requested
//    / its speed on the nodes placement gives it is at or before it.
//  - A power cap can refuse a start that fits (SchedulingContext::refusedByCap()): such a job is
//    simply not startable now (the head then gets a reservation as if it did not fit; the shadow
//    counts slots, not watts). The shadow-time guarantee (the head starts by its first shadow
//    time) then no longer holds: the head may find, at its shadow time, the slots but not the
//    power. Likewise with dynamic power management, since nodes counted as free may be switched
//    off before the shadow time.
class EasyScheduler final : public Scheduler
{
public:
    std::string_view name() const override { return "easy"; }
    void enqueue(JobIndex job, const JobTable &jobs) override;
    void requeue(JobIndex job, const JobTable &jobs, bool atHead) override;
    void schedule(SchedulingContext &context) override;
    std::size_t queueLength() const override { return m_queue.size(); }
    std::optional<WaitReason> deferredWait(JobIndex job, const JobTable &jobs) const override;
    void settleWaits(std::vector<WaitReason> &waits, const JobTable &jobs) override;

private:
    // The head's reservation: when it can start and what may be used past that time.
    // shadowFree[node] = free now + slots released by the shadow time, kept as
    // free(node) + m_released[node] so that starting a backfilled job updates it for free.
    struct Reservation
    {
        bool valid = false;
        JobIndex head = 0;
        SimTime shadow = std::numeric_limits<SimTime>::infinity();
        long long extra = 0;          // free head-usable slots at the shadow time beyond its need
        bool everyNodeUsable = false; // unconstrained head on a cluster of one usable kind
        std::vector<int> threshold;   // per type: free slots a node needs to count for the head
        std::vector<int> needed;      // per type: such nodes the head needs (0: type unusable)
        std::vector<int> count;       // per type: head-usable nodes at the shadow time
    };

    // Under power caps the cluster is rarely slot-full, so a pass would look at every queued
    // job after its last start only to refuse each one. Once no queued job's demand can be
    // placed (each does not fit or a cap refuses it), nothing more can start in this pass, and
    // what the rest of the walk would record for each job follows from the pass's parameters
    // and its demand alone: the pass stops there and keeps that verdict on the tail, and the
    // reasons are written when a later pass reaches a job, when asked, or when the run ends.
    struct TailOutcome
    {
        bool headOfLine = false; // no queued job of it may start, placed or not
        bool capRefused = false;
        WaitReason notFit = WaitReason::NodesBusy; // neither: as the engine explains it
    };
    // Queued jobs of one demand, and their requested times (lazily pruned of jobs that left).
    struct QueuedDemand
    {
        int count = 0;
        std::priority_queue<std::pair<SimTime, JobIndex>, std::vector<std::pair<SimTime, JobIndex>>,
                            std::greater<>>
                byRequested;
    };
    struct TailVerdict
    {
        bool valid = false;
        JobIndex first = 0; // queued jobs in [first, end) not looked at since
        JobIndex end = 0;
        SimTime now = 0.0;
        SimTime shadow = 0.0;
        double maxSpeed = 1.0;
        long long extra = 0;
        bool everyNodeUsable = false;
        std::unordered_map<std::uint64_t, TailOutcome> outcomes; // by demandKey()
        bool covers(const JobTable &jobs, JobIndex job) const;
        WaitReason reason(const JobTable &jobs, JobIndex job) const;
    };
    enum class TailCheck { Closed, Startable, Uncounted };
    TailCheck closeTail(SchedulingContext &context, JobIndex firstUnseen, JobIndex end);
    bool judge(SchedulingContext &context, std::uint64_t key, QueuedDemand &queued);
    void settleTail(SchedulingContext &context, JobIndex job);
    bool passTail(const JobTable &jobs, JobIndex job);
    void flushTail(SchedulingContext &context);
    void noteQueued(JobIndex job, const JobTable &jobs);
    void leftQueue(const JobTable &jobs, JobIndex job);
    void trackDemand(const JobTable &jobs, JobIndex job);
    SimTime leastRequested(const JobTable &jobs, QueuedDemand &queued) const;

    void reserve(SchedulingContext &context, JobIndex head);
    void backfill(SchedulingContext &context, JobIndex job);
    long long spareForHead(const SchedulingContext &context, const Allocation &allocation);
    bool headUsable(const SchedulingContext &context, int node) const;
    int shadowFree(const ClusterState &cluster, int node) const;
    bool headFits(const std::vector<int> &count) const;
    void creditByShadow(const SchedulingContext &context, int node, int slots, int type);
    void resetScratch();
    bool knownNotToFit(const JobTable &jobs, JobIndex job) const;
    void noteDoesNotFit(const JobTable &jobs, JobIndex job);
    void noteDoesNotFit(std::size_t shape, int slots);
    bool refusedSinceLastStart(const JobTable &jobs, JobIndex job) const;
    bool capRefusedSinceLastStart(const JobTable &jobs, JobIndex job) const;
    void startBackfilled(SchedulingContext &context, JobIndex job);
    void forgetFits();

    ArrivalQueue m_queue;
    Reservation m_reservation;
    std::vector<JobIndex> m_arrivals; // enqueued since the previous pass
    std::vector<int> m_released;      // per node, see Reservation
    std::vector<int> m_touched;       // nodes with m_released != 0
    std::vector<int> m_countScratch;
    Allocation m_candidate;
    // Per job shape (2 × filter + gang): the fewest slots that failed to place during this
    // pass, so the backfill scan of a long queue does not search the cluster again for jobs
    // that cannot fit (see knownNotToFit()).
    std::vector<int> m_failedSlots;
    std::vector<std::size_t> m_failedShapes; // entries of m_failedSlots set this pass
    // (shape, slots) of jobs refused past the shadow time since the last start this pass.
    std::vector<std::pair<std::size_t, int>> m_refused;
    // (shape, slots) of jobs a power cap kept from being placed since the last start this pass.
    std::vector<std::pair<std::size_t, int>> m_capRefused;
    // Queued jobs per demand (demandKey()), for closeTail(); kept only under power caps.
    std::unordered_map<std::uint64_t, QueuedDemand> m_queuedDemands;
    bool m_trackDemands = false;
    bool m_scheduled = false;
    std::vector<std::pair<std::uint64_t, TailOutcome>> m_judged; // closeTail()'s scratch
    std::uint64_t m_lastStartable = ~std::uint64_t(0);
    TailVerdict m_tail;
    bool m_tailCheckDue = false;
    std::size_t m_visitsBeforeCheck = 0;
    bool m_visitFromTail = false;     // the job backfill() looks at was under the verdict
    bool m_tailAwaitsRefusal = false; // closeTail() said Uncounted: ask again once one is counted
    // Jobs come in index order unless one is put back (preempted): the tail is a range of
    // indices only while they do. Put-back jobs inside the tail keep their own reasons.
    bool m_inOrder = true;
    JobIndex m_nextIndex = 0;
    std::vector<JobIndex> m_putBack;
    Allocation m_probe;
};

} // namespace headroom
