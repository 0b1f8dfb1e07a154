#pragma once

#include "core/engine/compiled_cluster.h"
#include "core/engine/job_table.h"
#include "core/engine/node_filter.h"
#include "core/model/job.h"

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace headroom {

// What a node filter admits on an empty cluster: decides single-node vs gang and which jobs
// can never fit.
struct FilterCapacity
{
    int largestNode = 0;
    std::vector<int> nodesOfType;
};

// Resolves job constraints and tenants to node filters, deduplicated (most jobs share filter
// 0, "any node"), and answers whether a job can ever fit under them. Used by the job compiler
// and by the GUI to explain why a drop is refused.
//
// On a cluster without reservations the tenant changes nothing, so an unconstrained job gets
// filter 0 without a lookup.
class NodeFilterIndex
{
public:
    explicit NodeFilterIndex(const CompiledCluster &cluster);

    // Unknown names (reported by validation) admit no node. Nodes reserved for tenants other
    // than `tenant` are left out.
    int filterFor(const JobConstraints &constraints, const std::string &tenant = {});
    const NodeFilter &filter(int index) const { return m_filters[index]; }
    const FilterCapacity &capacity(int index) const { return m_capacity[index]; }
    std::vector<NodeFilter> takeFilters() { return std::move(m_filters); }

    // RejectReason::None when a job of `slots` under `filter` fits on the empty cluster;
    // `gang` tells whether it needs whole nodes (more slots than any admitted node has).
    RejectReason feasibility(int filter, int slots, bool *gang = nullptr) const;

private:
    bool fits(int filter, int slots, bool *gang) const;
    int intern(const NodeFilter &filter);

    const CompiledCluster &m_cluster;
    // Lookups only, never iterated; built on the first pinned job.
    std::unordered_map<std::string, int> m_nodeByName;
    std::map<std::tuple<int, int, int, int>, int> m_index;
    std::vector<NodeFilter> m_filters;
    std::vector<FilterCapacity> m_capacity;
    // Per filter: the same filter with reservations ignored, to tell "its constraints can never
    // hold it" from "other tenants' reservations leave too little".
    std::vector<int> m_ignoringReservations;
    // Tenant names -> CompiledCluster tenant index, or kSharedOnly for tenants without
    // reserved nodes; remembered because a million jobs share a few tenants.
    std::unordered_map<std::string, int> m_ownerOf;
};

} // namespace headroom
