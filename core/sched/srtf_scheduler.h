#pragma once

#include "core/engine/allocation.h"
#include "core/sched/scheduler.h"

#include <vector>

namespace headroom {

// DESIGN.md §3 SRTF (preemptive): at every pass the running set is chosen afresh, greedily
// by smallest remaining requested time (ties: submit time, then id), skipping jobs that do
// not fit in what is left. A running job gets no preference in the choice.
//
// The plan is made on an emptied copy of the cluster. A chosen job that is already running
// keeps its nodes when they are still free in the plan (so nothing migrates needlessly);
// otherwise it is placed afresh, which is a preemption plus a restart. Jobs that are not
// chosen are preempted and keep their progress; each restart pays the configured overhead.
class SrtfScheduler final : public Scheduler
{
public:
    std::string_view name() const override { return "srtf"; }
    void enqueue(JobIndex job, const JobTable &jobs) override;
    void schedule(SchedulingContext &context) override;
    std::size_t queueLength() const override { return m_queued.size(); }

private:
    std::vector<JobIndex> m_queued; // unordered; sorted into the plan each pass
};

} // namespace headroom
