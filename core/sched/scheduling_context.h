#pragma once

#include "core/engine/allocation.h"
#include "core/engine/cluster_state.h"
#include "core/engine/job_table.h"
#include "core/engine/node_filter.h"
#include "core/engine/running_by_expected_end.h"
#include "core/placement/placement_strategy.h"
#include "core/power/power_caps.h"
#include "core/power/power_manager.h"
#include "core/power/power_model.h"

#include <span>
#include <utility>
#include <vector>

namespace headroom {

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

// What energy management (docs/design.md §4) adds to a pass; empty when it is off.
struct EnergyView
{
    // Refuses starts that would break a power cap; null or inactive: no caps.
    const PowerCaps *caps = nullptr;
    // Job speed under DVFS and rack spread; null: every job runs at speed 1.
    const PowerModel *model = nullptr;
    // Nodes being switched on, by the time they become usable (then node index).
    std::span<const BootingNode> booting;
};

// A scheduler's view of the simulation during one pass: read access to jobs and cluster,
// placement, and the two ways to change things (start, preempt).
class SchedulingContext
{
public:
    SchedulingContext(SimTime now, const JobTable &jobs, const ClusterState &cluster,
                      const std::vector<NodeFilter> &filters, PlacementStrategy &placement,
                      const RunningByExpectedEnd &running, bool capacityReleased,
                      JobLauncher &launcher, Allocation &scratch, EnergyView energy = {})
        : m_now(now)
        , m_jobs(jobs)
        , m_cluster(cluster)
        , m_filters(filters)
        , m_placement(placement)
        , m_running(running)
        , m_capacityReleased(capacityReleased)
        , m_launcher(launcher)
        , m_scratch(scratch)
        , m_energy(energy)
    {
        if (m_energy.caps && !m_energy.caps->active())
            m_energy.caps = nullptr;
    }

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
        return {m_jobs.slots[job], m_jobs.gang[job] != 0, &filterOf(job),
                m_jobs.exclusive[job] != 0};
    }
    // Where the placement strategy would put the job now; false if it does not fit, or if
    // starting it there would break a power cap (refusedByCap() then tells which).
    bool place(JobIndex job, Allocation &out) { return placeOn(m_cluster, job, out); }
    // The same, on a hypothetical cluster state (SRTF plans on an emptied copy).
    bool placeOn(const ClusterState &state, JobIndex job, Allocation &out)
    {
        m_refusedByCap = false;
        if (!m_placement.place(demand(job), state, out)) {
            m_refusedByCap = m_placement.refusedByCap();
            m_capRefusals += m_refusedByCap ? 1 : 0;
            return false;
        }
        if (!m_energy.caps || m_placement.checksCaps() || m_energy.caps->admits(state, out))
            return true;
        // Refused only because of a cap (docs/design.md §4): the job waits like one that does not
        // fit. Unlike not fitting, this is not monotone in the job's size (a larger job may
        // land on another rack), so schedulers must not generalise it to other jobs.
        m_refusedByCap = true;
        ++m_capRefusals;
        out.clear();
        return false;
    }
    // Whether `allocation` may run on `state` under the power caps (SRTF keeps a running job in
    // its plan only if so). Counts a refusal like placeOn().
    bool admitsPower(const ClusterState &state, const Allocation &allocation)
    {
        if (!m_energy.caps || m_energy.caps->admits(state, allocation))
            return true;
        ++m_capRefusals;
        return false;
    }
    // Whether the last place() or placeOn() failed only because of a power cap.
    bool refusedByCap() const { return m_refusedByCap; }
    // How many placements power caps refused during this pass.
    long long capRefusals() const { return m_capRefusals; }

    // A job's speed on `allocation` (DVFS and rack spread, PowerModel::jobSpeed): it runs
    // for its run time / speed, and EASY plans with its requested wall time / speed.
    double speedOf(const Allocation &allocation) const
    {
        return m_energy.model ? m_energy.model->jobSpeed(allocation) : 1.0;
    }
    // No job runs faster than this.
    double maxSpeed() const { return m_energy.model ? m_energy.model->maxSpeed() : 1.0; }
    std::span<const BootingNode> bootingNodes() const { return m_energy.booting; }

    void start(JobIndex job, const Allocation &allocation)
    {
        m_launcher.start(job, allocation);
        m_placement.started(allocation);
    }
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
    Allocation &m_scratch; // the engine's, so that a pass allocates nothing
    EnergyView m_energy;
    bool m_refusedByCap = false;
    long long m_capRefusals = 0;
};

} // namespace headroom
