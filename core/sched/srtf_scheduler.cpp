#include "core/sched/srtf_scheduler.h"

#include "core/sched/scheduling_context.h"

#include <algorithm>
#include <utility>

namespace headroom {
namespace {

bool fitsWhereItIs(const ClusterState &plan, const Allocation &allocation)
{
    for (const NodeShare &share : allocation) {
        if (plan.freeSlots(share.node) < share.held)
            return false;
    }
    return true;
}

} // namespace

void SrtfScheduler::enqueue(JobIndex job, const JobTable &)
{
    m_queued.push_back(job);
}

void SrtfScheduler::schedule(SchedulingContext &context)
{
    const JobTable &jobs = context.jobs();

    std::vector<std::pair<SimTime, JobIndex>> candidates;
    candidates.reserve(m_queued.size() + context.runningByExpectedEnd().size());
    for (JobIndex job : m_queued)
        candidates.emplace_back(jobs.remainingRequested(job), job);
    for (const auto &entry : context.runningByExpectedEnd())
        candidates.emplace_back(jobs.remainingRequested(entry.second), entry.second);
    // JobIndex order is (submit time, id), the contract's tie-break.
    std::sort(candidates.begin(), candidates.end());

    ClusterState plan(context.cluster().layout());
    std::vector<std::pair<JobIndex, Allocation>> toStart;
    std::vector<JobIndex> toPreempt;
    std::vector<JobIndex> stillQueued;
    Allocation allocation;
    for (const auto &[remaining, job] : candidates) {
        const bool running = jobs.state[job] == JobState::Running;
        if (running && fitsWhereItIs(plan, jobs.allocation[job])) {
            for (const NodeShare &share : jobs.allocation[job])
                plan.occupy(share);
            continue; // keeps running untouched
        }
        if (context.placeOn(plan, job, allocation)) {
            for (const NodeShare &share : allocation)
                plan.occupy(share);
            if (running)
                toPreempt.push_back(job); // migrates: stops here, restarts there
            toStart.emplace_back(job, allocation);
        } else if (running) {
            toPreempt.push_back(job);
            stillQueued.push_back(job);
        } else {
            stillQueued.push_back(job);
        }
    }

    // Preempt first so the planned allocations are free when the jobs start.
    for (JobIndex job : toPreempt)
        context.preempt(job);
    for (const auto &[job, planned] : toStart)
        context.start(job, planned);
    m_queued = std::move(stillQueued);
}

} // namespace headroom
