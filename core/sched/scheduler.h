#pragma once

#include "core/engine/job_table.h"
#include "core/engine/wait_reason.h"

#include <cstddef>
#include <string_view>

namespace headroom {

class SchedulingContext;

// A queueing discipline. The engine hands it every accepted job once (enqueue) and calls
// schedule() exactly once per instant at which anything was submitted or completed
// (docs/design.md §3). The scheduler owns its queue; the engine owns the cluster and the running
// jobs and changes them only through the context's start() and preempt().
class Scheduler
{
public:
    virtual ~Scheduler() = default;
    virtual std::string_view name() const = 0;

    virtual void enqueue(JobIndex job, const JobTable &jobs) = 0;
    // A job interrupted by a node failure goes back to the queue (docs/design.md §10.4): at its
    // head or behind every queued job, where the queue is in arrival order; disciplines that
    // order their queue by a key of their own (SJF, SRTF) ignore `atHead`.
    virtual void requeue(JobIndex job, const JobTable &jobs, bool /*atHead*/)
    {
        enqueue(job, jobs);
    }
    virtual void schedule(SchedulingContext &context) = 0;
    virtual std::size_t queueLength() const = 0;

    // Whether schedule() reads SchedulingContext::runningByExpectedEnd(). Keeping that ordered
    // index costs a tree insertion and removal per job (a sizeable share of a million-job
    // FCFS replay), so the engine maintains it only for schedulers that say they need it.
    virtual bool readsRunningByExpectedEnd() const { return true; }

    // Why a queued job the scheduler has not looked at yet waits (docs/design.md §3.12). Queue
    // disciplines look at jobs in queue order, so it waits behind the head; SJF looks at every
    // arrival unless no slot is free.
    virtual WaitReason untriedWait() const { return WaitReason::HeadOfLine; }
};

} // namespace headroom
