#pragma once

#include "core/sched/arrival_queue.h"
#include "core/sched/scheduler.h"

namespace headroom {

// docs/design.md §3 FCFS: start jobs from the head while the head fits; never skip.
class FcfsScheduler final : public Scheduler
{
public:
    std::string_view name() const override { return "fcfs"; }
    void enqueue(JobIndex job, const JobTable &jobs) override;
    void requeue(JobIndex job, const JobTable &jobs, bool atHead) override;
    void schedule(SchedulingContext &context) override;
    std::size_t queueLength() const override { return m_queue.size(); }
    bool readsRunningByExpectedEnd() const override { return false; }

private:
    ArrivalQueue m_queue;
};

} // namespace headroom
