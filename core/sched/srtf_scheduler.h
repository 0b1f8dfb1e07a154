#pragma once

#include "core/engine/allocation.h"
#include "core/sched/scheduler.h"

#include <utility>
#include <vector>

namespace headroom {

// docs/design.md §3 SRTF (preemptive): at every pass the running set is chosen afresh, greedily
// by smallest remaining requested time (ties: submit time, then id), skipping jobs that do
// not fit in what is left. A running job gets no preference in the choice.
//
// The plan is made on an emptied copy of the cluster. A chosen job that is already running
// keeps its nodes when they are still free in the plan; otherwise it is placed afresh, which
// is a preemption plus a restart, unless the newly chosen jobs can all be placed around every
// chosen running job instead (placeAroundRunning), so nothing migrates needlessly. Jobs that
// are not chosen are preempted and keep their progress; each restart pays the configured
// overhead.
class SrtfScheduler final : public Scheduler
{
public:
    std::string_view name() const override { return "srtf"; }
    void enqueue(JobIndex job, const JobTable &jobs) override;
    void schedule(SchedulingContext &context) override;
    std::size_t queueLength() const override { return m_queued.size(); }

private:
    bool placeAroundRunning(SchedulingContext &context, const std::vector<JobIndex> &kept,
                            const std::vector<JobIndex> &migrating,
                            std::vector<std::pair<JobIndex, Allocation>> &toStart);

    std::vector<JobIndex> m_queued; // unordered; sorted into the plan each pass
};

} // namespace headroom
