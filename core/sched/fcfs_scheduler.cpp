#include "core/sched/fcfs_scheduler.h"

#include "core/sched/scheduling_context.h"

namespace headroom {

void FcfsScheduler::enqueue(JobIndex job, const JobTable &)
{
    m_queue.push(job);
}

void FcfsScheduler::requeue(JobIndex job, const JobTable &jobs, bool atHead)
{
    if (atHead)
        m_queue.pushFront(job);
    else
        enqueue(job, jobs);
}

void FcfsScheduler::schedule(SchedulingContext &context)
{
    while (const auto head = m_queue.front(context.jobs())) {
        if (!context.tryStart(*head))
            break;
        m_queue.noteRemoved();
    }
    m_queue.compactIfSparse(context.jobs());
}

} // namespace headroom
