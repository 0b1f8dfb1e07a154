#pragma once

#include "core/engine/compiled_cluster.h"
#include "core/engine/job_table.h"
#include "core/engine/node_filter.h"

#include <string>
#include <vector>

namespace headroom {

struct Scenario;

struct CompiledJobs
{
    JobTable table;                       // in processing order
    std::vector<NodeFilter> filters;      // [0] admits every node
    std::vector<std::string> tenantNames; // JobTable::tenant indexes this; in order of first use
};

// Sorts the jobs into processing order (submit time, id, input position), resolves their
// constraints to node filters, decides single-node vs gang, and marks the jobs that can
// never fit as rejected (docs/design.md §3).
CompiledJobs compileJobs(const Scenario &scenario, const CompiledCluster &cluster);

} // namespace headroom
