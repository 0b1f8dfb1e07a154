#pragma once

#include "core/engine/allocation.h"
#include "core/engine/cluster_state.h"
#include "core/engine/job_table.h"
#include "core/engine/node_filter.h"
#include "core/engine/running_by_expected_end.h"
#include "core/engine/wait_reason.h"
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
    // What a job of `demand` (filter index `filter`) that does not fit now waits for, as the
    // engine explains such jobs after a pass (docs/design.md §3.12).
    virtual WaitReason whyNotFit(const JobDemand &, int /*filter*/) const
    {
        return WaitReason::NodesBusy;
    }
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

// Where a pass writes why the jobs it looked at did not start (docs/design.md §3.12): one byte
// per job, and the jobs that did not fit, whose blocker (busy nodes, booting or switched-off
// nodes, a service, a constraint) the engine works out after the pass. Null members: not
// recorded.
struct WaitLog
{
    std::vector<WaitReason> *reasons = nullptr;
    std::vector<JobIndex> *didNotFit = nullptr; // null: "does not fit" is always NodesBusy
};

// A scheduler's view of the simulation during one pass: read access to jobs and cluster,
// placement, and the two ways to change things (start, preempt).
class SchedulingContext
{
public:
    SchedulingContext(SimTime now, const JobTable &jobs, const ClusterState &cluster,
                      const std::vector<NodeFilter> &filters, PlacementStrategy &placement,
                      const RunningByExpectedEnd &running, bool capacityReleased,
                      JobLauncher &launcher, Allocation &scratch, EnergyView energy = {},
                      WaitLog waits = {})
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
        , m_waits(waits)
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
    // starting it there would break a power cap (refusedByCap() then tells which). A refusal
    // is the job's wait reason (noteWait) until the scheduler says otherwise.
    bool place(JobIndex job, Allocation &out) { return placeOn(m_cluster, job, out); }
    // The same, on a hypothetical cluster state (SRTF plans on an emptied copy). A
    // `speculative` ask (SRTF re-placing jobs its plan already chose) records no wait reason
    // and counts no cap refusal.
    bool placeOn(const ClusterState &state, JobIndex job, Allocation &out, bool speculative = false)
    {
        if (placeDemand(state, demand(job), out))
            return true;
        if (!speculative)
            refused(job);
        return false;
    }
    // Whether a job of `demand` would be placed on the live cluster now, asking like a
    // speculative placeOn(): no wait reason, no refusal counted.
    bool probe(const JobDemand &demand, Allocation &out)
    {
        return placeDemand(m_cluster, demand, out);
    }
    const NodeFilter &filter(int index) const { return m_filters[index]; }
    bool capsActive() const { return m_energy.caps != nullptr; }
    bool recordsWaits() const { return m_waits.reasons != nullptr; }
    // What a job of `demand` that does not fit waits for once the engine has looked at what
    // holds its nodes (NodesBusy when the engine does not look).
    WaitReason notFitReason(const JobDemand &demand, int filter) const
    {
        return m_waits.didNotFit ? m_launcher.whyNotFit(demand, filter) : WaitReason::NodesBusy;
    }
    // Records a reason already worked out (a deferred one the scheduler settles).
    void setWait(JobIndex job, WaitReason reason)
    {
        if (m_waits.reasons)
            (*m_waits.reasons)[job] = reason;
    }
    // Records why `job` waits. NodesBusy means "does not fit now"; the engine finds out after
    // the pass what holds the nodes it needs.
    void noteWait(JobIndex job, WaitReason reason)
    {
        if (!m_waits.reasons)
            return;
        (*m_waits.reasons)[job] = reason;
        if (reason == WaitReason::NodesBusy && m_waits.didNotFit)
            m_waits.didNotFit->push_back(job);
    }
    // The scheduler would not have started `job` even if the cap had let it (EASY: it would
    // delay the head's reservation): it waits behind the head, and the cap refused nothing
    // that would have started (time at the cap counts only such refusals, docs/design.md §4.6).
    void notStartableAnyway(JobIndex job)
    {
        if (m_refusedByCap && m_capRefusals > 0)
            --m_capRefusals;
        m_refusedByCap = false;
        noteWait(job, WaitReason::HeadOfLine);
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
    // How many placements power caps refused during this pass, less those of jobs the
    // scheduler would not have started anyway (notStartableAnyway).
    long long capRefusals() const { return m_capRefusals; }
    // Whether the last place() or placeOn() failed only because of a power cap.
    bool refusedByCap() const { return m_refusedByCap; }

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
    bool placeDemand(const ClusterState &state, const JobDemand &demand, Allocation &out)
    {
        m_refusedByCap = false;
        if (!m_placement.place(demand, state, out)) {
            m_refusedByCap = m_placement.refusedByCap();
            return false;
        }
        if (!m_energy.caps || m_placement.checksCaps() || m_energy.caps->admits(state, out))
            return true;
        // Refused only because of a cap (docs/design.md §4): the job waits like one that does not
        // fit. Unlike not fitting, this is not monotone in the job's size (a larger job may
        // land on another rack), so schedulers must not generalise it to other jobs.
        m_refusedByCap = true;
        out.clear();
        return false;
    }
    void refused(JobIndex job)
    {
        m_capRefusals += m_refusedByCap ? 1 : 0;
        noteWait(job, m_refusedByCap ? WaitReason::PowerCap : WaitReason::NodesBusy);
    }

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
    WaitLog m_waits;
    bool m_refusedByCap = false;
    long long m_capRefusals = 0;
};

} // namespace headroom
