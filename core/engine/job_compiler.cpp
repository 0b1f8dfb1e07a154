#include "core/engine/job_compiler.h"

#include "core/engine/node_filter_index.h"
#include "core/model/scenario.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace headroom {
namespace {

// Tenant name -> index, in order of first use. A trace has a handful of tenants (or a few
// hundred users) over a million jobs, so a small direct-mapped cache keyed by the name's
// length and first bytes answers nearly every lookup with one string comparison; the hash map
// is asked only on a miss.
class TenantIndexer
{
public:
    explicit TenantIndexer(std::vector<std::string> &names)
        : m_names(names)
    {}

    std::uint32_t indexOf(const std::string &name)
    {
        std::uint64_t head = 0;
        std::memcpy(&head, name.data(), std::min<std::size_t>(name.size(), sizeof head));
        const std::uint64_t hash = (head ^ name.size()) * 0x9e3779b97f4a7c15ULL;
        std::uint32_t &cached = m_cache[hash >> (64 - kCacheBits)];
        if (cached < m_names.size() && m_names[cached] == name)
            return cached;
        auto it = m_index.find(name);
        if (it == m_index.end()) {
            it = m_index.emplace(name, static_cast<std::uint32_t>(m_names.size())).first;
            m_names.push_back(name);
        }
        cached = it->second;
        return it->second;
    }

private:
    static constexpr int kCacheBits = 6;
    std::vector<std::string> &m_names;
    std::unordered_map<std::string, std::uint32_t> m_index;
    std::array<std::uint32_t, std::size_t(1) << kCacheBits> m_cache = filledCache();

    static std::array<std::uint32_t, std::size_t(1) << kCacheBits> filledCache()
    {
        std::array<std::uint32_t, std::size_t(1) << kCacheBits> cache;
        cache.fill(0xffffffffu); // no entry
        return cache;
    }
};

} // namespace

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
    t.exclusive.resize(n);
    t.tenant.resize(n);
    t.id.resize(n);
    t.inputIndex.resize(n);
    t.state.assign(n, JobState::Pending);
    t.rejectReason.assign(n, RejectReason::None);
    t.firstStart.assign(n, 0.0);
    t.end.assign(n, 0.0);
    t.occupied.assign(n, 0.0);
    t.progress.assign(n, 0.0);
    t.preemptions.assign(n, 0);
    t.generation.assign(n, 0);
    t.allocationSlot.assign(n, JobTable::kNoAllocation);

    NodeFilterIndex filters(cluster);
    TenantIndexer tenants(out.tenantNames);
    std::map<std::tuple<SimTime, SimTime, SimTime>, std::uint32_t> specIndex;
    for (std::size_t i = 0; i < n; ++i) {
        const Job &job = jobs[order[i]];
        t.submit[i] = job.submitS;
        t.run[i] = job.runS;
        t.requested[i] = effectiveRequestedS(job);
        t.slots[i] = job.slots;
        t.id[i] = job.id;
        t.inputIndex[i] = order[i];
        t.tenant[i] = tenants.indexOf(job.tenant);
        t.exclusive[i] = job.dedicated ? 1 : 0;
        const int filter = filters.filterFor(*job.constraints, job.tenant);
        t.filter[i] = filter;

        if (!job.checkpoints->empty()) { // docs/design.md §10.3: one entry per distinct spec
            if (t.checkpointSpec.empty()) {
                t.checkpointSpec.assign(n, 0);
                t.checkpointSpecs.assign(1, JobCheckpoints{});
            }
            const JobCheckpoints &spec = *job.checkpoints;
            const auto [it, added] = specIndex.try_emplace(
                    std::tuple(spec.intervalS, spec.costS, spec.restartOverheadS),
                    static_cast<std::uint32_t>(t.checkpointSpecs.size()));
            if (added)
                t.checkpointSpecs.push_back(spec);
            t.checkpointSpec[i] = it->second;
        }
        bool gang = false;
        t.rejectReason[i] = filters.feasibility(filter, job.slots, &gang);
        t.gang[i] = gang ? 1 : 0;
    }
    out.filters = filters.takeFilters();
    return out;
}

} // namespace headroom
