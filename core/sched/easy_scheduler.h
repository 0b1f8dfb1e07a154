#pragma once

#include "core/sched/arrival_queue.h"
#include "core/sched/scheduler.h"

#include <limits>
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

    void reserve(SchedulingContext &context, JobIndex head);
    void backfill(SchedulingContext &context, JobIndex job);
    bool headUsable(const SchedulingContext &context, int node) const;
    int shadowFree(const ClusterState &cluster, int node) const;
    bool headFits(const std::vector<int> &count) const;
    void creditByShadow(const SchedulingContext &context, int node, int slots, int type);
    void resetScratch();
    bool knownNotToFit(const JobTable &jobs, JobIndex job) const;
    void noteDoesNotFit(const JobTable &jobs, JobIndex job);
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
};

} // namespace headroom
