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

// Requested wall time minus the useful work done by `now`. JobTable::progress is brought up
// to date only when a run segment ends, so a running job's current segment (less the restart
// overhead it pays first, and its checkpoint pauses) is added here; without it a job that has
// nearly finished would compete with its remaining time as of its last start and could be preempted
// by a job that needs longer than it has left.
SimTime remainingAt(const JobTable &jobs, JobIndex job, SimTime now)
{
    const SimTime done =
            jobs.state[job] == JobState::Running ? jobs.progressAt(job, now) : jobs.progress[job];
    return jobs.requested[job] - done;
}

void occupyAll(ClusterState &state, const Allocation &allocation)
{
    for (const NodeShare &share : allocation)
        state.occupy(share);
}

} // namespace

void SrtfScheduler::enqueue(JobIndex job, const JobTable &)
{
    m_queued.push_back(job);
}

void SrtfScheduler::schedule(SchedulingContext &context)
{
    // With nothing queued the plan keeps every running job where it is (they already fit
    // together), so it would change nothing; skipping it saves a sort and a cluster copy
    // per completion on a lightly loaded cluster.
    if (m_queued.empty())
        return;
    const JobTable &jobs = context.jobs();

    std::vector<std::pair<SimTime, JobIndex>> candidates;
    candidates.reserve(m_queued.size() + context.runningByExpectedEnd().jobCount());
    for (JobIndex job : m_queued)
        candidates.emplace_back(remainingAt(jobs, job, context.now()), job);
    context.runningByExpectedEnd().forEachJob([&](SimTime, JobIndex job) {
        candidates.emplace_back(remainingAt(jobs, job, context.now()), job);
    });
    // JobIndex order is (submit time, id), the contract's tie-break.
    std::sort(candidates.begin(), candidates.end());

    ClusterState plan = context.cluster().emptied(); // nodes that are off stay unusable
    std::vector<std::pair<JobIndex, Allocation>> toStart;
    std::vector<JobIndex> toPreempt;
    std::vector<JobIndex> stillQueued;
    std::vector<JobIndex> kept;      // chosen, running, and free where they are in the plan
    std::vector<JobIndex> migrating; // chosen, running, but placed elsewhere by the plan
    Allocation allocation;
    for (const auto &[remaining, job] : candidates) {
        const bool running = jobs.state[job] == JobState::Running;
        if (running && fitsWhereItIs(plan, jobs.allocationOf(job)) &&
            context.admitsPower(plan, jobs.allocationOf(job))) {
            occupyAll(plan, jobs.allocationOf(job));
            kept.push_back(job);
            continue; // keeps running untouched
        }
        if (context.placeOn(plan, job, allocation)) {
            occupyAll(plan, allocation);
            if (running) {
                toPreempt.push_back(job); // migrates: stops here, restarts there
                migrating.push_back(job);
            }
            toStart.emplace_back(job, allocation);
        } else if (running) {
            toPreempt.push_back(job);
            stillQueued.push_back(job);
        } else {
            stillQueued.push_back(job);
        }
    }

    if (!migrating.empty() && placeAroundRunning(context, kept, migrating, toStart)) {
        const auto migrates = [&](JobIndex job) {
            return std::find(migrating.begin(), migrating.end(), job) != migrating.end();
        };
        toPreempt.erase(std::remove_if(toPreempt.begin(), toPreempt.end(), migrates),
                        toPreempt.end());
    }

    // Preempt first so the planned allocations are free when the jobs start.
    for (JobIndex job : toPreempt)
        context.preempt(job);
    for (const auto &[job, planned] : toStart)
        context.start(job, planned);
    m_queued = std::move(stillQueued);
}

// The plan decides *which* jobs run (the contract's greedy choice), but placing a short
// newcomer first-fit on the emptied plan often lands it on a node a longer running job holds;
// that job then "migrates" (a preemption paying the restart overhead) although everything
// chosen would fit with it staying put. So, when the plan migrates a job, try again: keep
// every chosen running job where it is (they already fit together: they are running) and
// place the newly chosen jobs, in choice order, on what is left. If one of them does not fit
// that way (fragmentation on multi-slot nodes), the plan stands.
bool SrtfScheduler::placeAroundRunning(SchedulingContext &context,
                                       const std::vector<JobIndex> &kept,
                                       const std::vector<JobIndex> &migrating,
                                       std::vector<std::pair<JobIndex, Allocation>> &toStart)
{
    const JobTable &jobs = context.jobs();
    ClusterState state = context.cluster().emptied();
    for (JobIndex job : kept)
        occupyAll(state, jobs.allocationOf(job));
    for (JobIndex job : migrating)
        occupyAll(state, jobs.allocationOf(job));
    std::vector<std::pair<JobIndex, Allocation>> placed;
    Allocation allocation;
    for (const auto &[job, planned] : toStart) {
        if (jobs.state[job] == JobState::Running)
            continue; // a migrating job: it stays where it is
        if (!context.placeOn(state, job, allocation, true))
            return false;
        occupyAll(state, allocation);
        placed.emplace_back(job, allocation);
    }
    toStart = std::move(placed);
    return true;
}

} // namespace headroom
