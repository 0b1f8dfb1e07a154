#include "core/engine/job_compiler.h"

#include "core/engine/node_filter_index.h"
#include "core/model/scenario.h"

#include <algorithm>
#include <numeric>

namespace headroom {

CompiledJobs compileJobs(const Scenario &scenario, const CompiledCluster &cluster)
{
    const std::vector<Job> &jobs = scenario.jobs;
    std::vector<std::uint32_t> order(jobs.size());
    std::iota(order.begin(), order.end(), 0u);
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        if (jobs[a].submitS != jobs[b].submitS)
            return jobs[a].submitS < jobs[b].submitS;
        return jobs[a].id < jobs[b].id; // stable: input position breaks the last tie
    };
    // Traces nearly always come in submit order already. Checking is one pass; a stable sort
    // of a million indexes is many (and on sorted input leaves them as they are anyway).
    if (!std::is_sorted(order.begin(), order.end(), before))
        std::stable_sort(order.begin(), order.end(), before);

    CompiledJobs out;
    JobTable &t = out.table;
    const std::size_t n = jobs.size();
    t.submit.resize(n);
    t.run.resize(n);
    t.requested.resize(n);
    t.slots.resize(n);
    t.filter.resize(n);
    t.gang.resize(n);
    t.id.resize(n);
    t.inputIndex.resize(n);
    t.state.assign(n, JobState::Pending);
    t.rejectReason.assign(n, RejectReason::None);
    t.firstStart.assign(n, 0.0);
    t.end.assign(n, 0.0);
    t.segmentStart.assign(n, 0.0);
    t.occupied.assign(n, 0.0);
    t.progress.assign(n, 0.0);
    t.overheadDue.assign(n, 0.0);
    t.preemptions.assign(n, 0);
    t.generation.assign(n, 0);
    t.allocationSlot.assign(n, JobTable::kNoAllocation);

    NodeFilterIndex filters(cluster);
    for (std::size_t i = 0; i < n; ++i) {
        const Job &job = jobs[order[i]];
        t.submit[i] = job.submitS;
        t.run[i] = job.runS;
        t.requested[i] = effectiveRequestedS(job);
        t.slots[i] = job.slots;
        t.id[i] = job.id;
        t.inputIndex[i] = order[i];
        const int filter = filters.filterFor(*job.constraints);
        t.filter[i] = filter;

        bool gang = false;
        t.rejectReason[i] = filters.feasibility(filter, job.slots, &gang);
        t.gang[i] = gang ? 1 : 0;
    }
    out.filters = filters.takeFilters();
    return out;
}

} // namespace headroom
