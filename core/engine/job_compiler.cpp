#include "core/engine/job_compiler.h"

#include "core/model/scenario.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace headroom {
namespace {

// What a node filter admits on an empty cluster, to decide single-node vs gang and to
// reject jobs that can never fit.
struct FilterCapacity
{
    int largestNode = 0;
    std::vector<int> nodesOfType;
};

FilterCapacity capacityOf(const NodeFilter &filter, const CompiledCluster &cluster)
{
    FilterCapacity capacity;
    capacity.nodesOfType.assign(cluster.types.size(), 0);
    for (int node = filter.range.begin; node < filter.range.end; ++node) {
        const CompiledNode &info = cluster.nodes[node];
        if (!filter.admits(info, node))
            continue;
        ++capacity.nodesOfType[info.type];
        capacity.largestNode = std::max(capacity.largestNode, info.slots);
    }
    return capacity;
}

NodeRange intersect(NodeRange a, NodeRange b)
{
    const NodeRange out{std::max(a.begin, b.begin), std::min(a.end, b.end)};
    return out.begin < out.end ? out : NodeRange{0, 0};
}

class FilterBuilder
{
public:
    explicit FilterBuilder(const CompiledCluster &cluster)
        : m_cluster(cluster)
    {
        for (int node = 0; node < cluster.nodeCount(); ++node)
            m_nodeByName.emplace(cluster.nodes[node].name, node);
        m_filters.push_back({-1, {0, cluster.nodeCount()}});
        m_capacity.push_back(capacityOf(m_filters.front(), cluster));
    }

    // Unknown names were reported by validation; here they simply admit no node.
    int filterFor(const JobConstraints &constraints)
    {
        if (constraints.empty())
            return 0;
        NodeFilter filter{-1, {0, m_cluster.nodeCount()}};
        if (!constraints.nodeType.empty()) {
            filter.type = m_cluster.typeIndex(constraints.nodeType);
            if (filter.type < 0)
                filter.range = {0, 0};
        }
        if (!constraints.zone.empty()) {
            const int zone = m_cluster.zoneIndex(constraints.zone);
            filter.range = zone < 0 ? NodeRange{0, 0}
                                    : intersect(filter.range, m_cluster.zoneNodes[zone]);
        }
        if (!constraints.rack.empty()) {
            const int rack = m_cluster.rackIndex(constraints.rack);
            filter.range = rack < 0 ? NodeRange{0, 0}
                                    : intersect(filter.range, m_cluster.rackNodes[rack]);
        }
        if (!constraints.pinNode.empty()) {
            const auto it = m_nodeByName.find(constraints.pinNode);
            filter.range = it == m_nodeByName.end()
                                   ? NodeRange{0, 0}
                                   : intersect(filter.range, {it->second, it->second + 1});
        }
        const auto key = std::tuple(filter.type, filter.range.begin, filter.range.end);
        const auto [it, inserted] = m_index.emplace(key, static_cast<int>(m_filters.size()));
        if (inserted) {
            m_filters.push_back(filter);
            m_capacity.push_back(capacityOf(filter, m_cluster));
        }
        return it->second;
    }

    const FilterCapacity &capacity(int filter) const { return m_capacity[filter]; }
    std::vector<NodeFilter> takeFilters() { return std::move(m_filters); }

private:
    const CompiledCluster &m_cluster;
    std::unordered_map<std::string, int> m_nodeByName; // lookups only, never iterated
    std::map<std::tuple<int, int, int>, int> m_index;
    std::vector<NodeFilter> m_filters;
    std::vector<FilterCapacity> m_capacity;
};

} // namespace

CompiledJobs compileJobs(const Scenario &scenario, const CompiledCluster &cluster)
{
    const std::vector<Job> &jobs = scenario.jobs;
    std::vector<std::uint32_t> order(jobs.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (jobs[a].submitS != jobs[b].submitS)
            return jobs[a].submitS < jobs[b].submitS;
        return jobs[a].id < jobs[b].id; // stable: input position breaks the last tie
    });

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
    t.allocation.resize(n);

    FilterBuilder filters(cluster);
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

        const FilterCapacity &capacity = filters.capacity(filter);
        bool fits = job.slots <= capacity.largestNode;
        t.gang[i] = fits ? 0 : 1;
        for (std::size_t type = 0; !fits && type < cluster.types.size(); ++type) {
            fits = capacity.nodesOfType[type] > 0
                   && capacity.nodesOfType[type]
                              >= gangNodesNeeded(job.slots, cluster.types[type].slots);
        }
        if (!fits) {
            t.rejectReason[i] = filter == 0 ? RejectReason::LargerThanCluster
                                            : RejectReason::ConstraintsTooSmall;
        }
    }
    out.filters = filters.takeFilters();
    return out;
}

} // namespace headroom
