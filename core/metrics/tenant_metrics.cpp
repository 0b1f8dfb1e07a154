#include "core/metrics/tenant_metrics.h"

#include <algorithm>
#include <numeric>

namespace headroom {

std::vector<TenantMetrics> computeTenantMetrics(const JobTable &jobs,
                                                const std::vector<std::string> &tenantNames,
                                                SimTime until, double capacitySeconds)
{
    const std::size_t tenants = tenantNames.size();
    std::vector<TenantMetrics> out(tenants);
    std::vector<double> busy(tenants, 0.0);
    std::vector<std::vector<double>> waits(tenants);
    for (std::size_t t = 0; t < tenants; ++t)
        out[t].tenant = tenantNames[t];
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        const std::uint32_t t = jobs.tenant[job];
        TenantMetrics &m = out[t];
        const JobState state = jobs.state[job];
        if (state == JobState::Pending)
            continue; // not submitted yet
        ++m.jobsSubmitted;
        SimTime held = jobs.occupied[job];
        if (state == JobState::Running)
            held += until - jobs.segmentStart(job);
        busy[t] += static_cast<double>(jobs.slots[job]) * held;
        if (state == JobState::Rejected) {
            ++m.jobsRejected;
        } else if (state == JobState::Completed) {
            ++m.jobsCompleted;
            waits[t].push_back(jobs.end[job] - jobs.submit[job] - jobs.occupied[job]);
        }
    }
    for (std::size_t t = 0; t < tenants; ++t) {
        TenantMetrics &m = out[t];
        m.utilization = capacitySeconds > 0.0 ? busy[t] / capacitySeconds : 0.0;
        std::vector<double> &w = waits[t];
        if (w.empty())
            continue;
        // Summed in processing order, as the run-wide mean is.
        m.meanWaitS = std::accumulate(w.begin(), w.end(), 0.0) / static_cast<double>(w.size());
        // Nearest rank (as nearestRankPercentile()) without sorting the whole list.
        const std::size_t rank = std::clamp<std::size_t>((95 * w.size() + 99) / 100, 1, w.size());
        std::nth_element(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(rank - 1), w.end());
        m.p95WaitS = w[rank - 1];
    }
    std::sort(out.begin(), out.end(),
              [](const TenantMetrics &a, const TenantMetrics &b) { return a.tenant < b.tenant; });
    return out;
}

} // namespace headroom
