#include "core/sched/sjf_scheduler.h"

#include "core/sched/scheduling_context.h"

#include <algorithm>

namespace headroom {

void SjfScheduler::enqueue(JobIndex job, const JobTable &jobs)
{
    const Key key{jobs.requested[job], job};
    m_queue.insert(key);
    m_arrivals.push_back(key);
}

void SjfScheduler::schedule(SchedulingContext &context)
{
    const ClusterState &cluster = context.cluster();
    if (context.capacityReleased()) {
        for (auto it = m_queue.begin(); it != m_queue.end() && cluster.totalFree() > 0;) {
            if (context.tryStart(it->second))
                it = m_queue.erase(it);
            else
                ++it;
        }
    } else {
        // Nothing was freed since the previous pass, so every job it left queued still does
        // not fit; only the new arrivals can start, and they are tried in SJF order.
        std::sort(m_arrivals.begin(), m_arrivals.end());
        for (const Key &key : m_arrivals) {
            if (cluster.totalFree() == 0)
                break;
            if (context.tryStart(key.second))
                m_queue.erase(key);
        }
    }
    m_arrivals.clear();
}

} // namespace headroom
