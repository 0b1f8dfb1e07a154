#pragma once

#include "core/sched/scheduler.h"

#include <set>
#include <utility>
#include <vector>

namespace headroom {

// docs/design.md §3 SJF (non-preemptive, with skipping): repeatedly start the queued job with the
// smallest requested wall time (ties: submit time, then id) that fits.
//
// One scan in that order is equivalent to the repeated choice: starting a job only removes
// capacity, so a job that did not fit earlier in the scan cannot fit later in it.
class SjfScheduler final : public Scheduler
{
public:
    std::string_view name() const override { return "sjf"; }
    void enqueue(JobIndex job, const JobTable &jobs) override;
    void schedule(SchedulingContext &context) override;
    std::size_t queueLength() const override { return m_queue.size(); }
    bool readsRunningByExpectedEnd() const override { return false; }
    WaitReason untriedWait() const override { return WaitReason::NodesBusy; }

private:
    using Key = std::pair<SimTime, JobIndex>; // (requested wall time, processing order)
    std::set<Key> m_queue;
    std::vector<Key> m_arrivals; // enqueued since the previous pass
};

} // namespace headroom
