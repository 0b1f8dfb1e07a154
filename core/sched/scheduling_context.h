#pragma once

#include "core/engine/allocation.h"
#include "core/engine/cluster_state.h"
#include "core/engine/job_table.h"
#include "core/engine/node_filter.h"
#include "core/placement/placement_strategy.h"

#include <set>
#include <utility>
#include <vector>

namespace headroom {

// Running jobs ordered by when they would end at their requested wall time.
using RunningByExpectedEnd = std::set<std::pair<SimTime, JobIndex>>;

// What the engine does on a scheduler's behalf. Implemented by the engine only.
class JobLauncher
{
public:
    virtual ~JobLauncher() = default;
    virtual void start(JobIndex job, const Allocation &allocation) = 0;
    virtual void preempt(JobIndex job) = 0;
    // EASY computed a shadow time for its queue head; forwarded to observers.
    virtual void reservationMade(JobIndex head, SimTime shadow) = 0;
};

// A scheduler's view of the simulation during one pass: read access to jobs and cluster,
// placement, and the two ways to change things (start, preempt).
class SchedulingContext
{
public:
    SchedulingContext(SimTime now, const JobTable &jobs, const ClusterState &cluster,
                      const std::vector<NodeFilter> &filters, PlacementStrategy &placement,
                      const RunningByExpectedEnd &running, bool capacityReleased,
                      JobLauncher &launcher)
        : m_now(now)
        , m_jobs(jobs)
        , m_cluster(cluster)
        , m_filters(filters)
        , m_placement(placement)
        , m_running(running)
        , m_capacityReleased(capacityReleased)
        , m_launcher(launcher)
    {}

    SimTime now() const { return m_now; }
    const JobTable &jobs() const { return m_jobs; }
    const ClusterState &cluster() const { return m_cluster; }
    const NodeFilter &filterOf(JobIndex job) const { return m_filters[m_jobs.filter[job]]; }
    // Empty for a scheduler whose readsRunningByExpectedEnd() is false.
    const RunningByExpectedEnd &runningByExpectedEnd() const { return m_running; }
    // True when slots were freed (completions) since the previous pass. When false, a job
    // that did not fit in the previous pass cannot fit now either.
    bool capacityReleased() const { return m_capacityReleased; }

    JobDemand demand(JobIndex job) const
    {
        return {m_jobs.slots[job], m_jobs.gang[job] != 0, &filterOf(job)};
    }
    // Where the placement strategy would put the job now; false if it does not fit.
    bool place(JobIndex job, Allocation &out)
    {
        return m_placement.place(demand(job), m_cluster, out);
    }
    // The same, on a hypothetical cluster state (SRTF plans on an emptied copy).
    bool placeOn(const ClusterState &state, JobIndex job, Allocation &out)
    {
        return m_placement.place(demand(job), state, out);
    }

    void start(JobIndex job, const Allocation &allocation) { m_launcher.start(job, allocation); }
    bool tryStart(JobIndex job)
    {
        if (!place(job, m_scratch))
            return false;
        start(job, m_scratch);
        return true;
    }
    void preempt(JobIndex job) { m_launcher.preempt(job); }
    void reservationMade(JobIndex head, SimTime shadow)
    {
        m_launcher.reservationMade(head, shadow);
    }

private:
    SimTime m_now;
    const JobTable &m_jobs;
    const ClusterState &m_cluster;
    const std::vector<NodeFilter> &m_filters;
    PlacementStrategy &m_placement;
    const RunningByExpectedEnd &m_running;
    bool m_capacityReleased;
    JobLauncher &m_launcher;
    Allocation m_scratch;
};

} // namespace headroom
