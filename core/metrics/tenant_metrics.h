#pragma once

#include "core/engine/job_table.h"
#include "core/engine/run_result.h"

#include <string>
#include <vector>

namespace headroom {

// Per-tenant figures of a run (RunMetrics::tenants), sorted by tenant name. A job's busy
// accelerator-seconds are its slots × the time it held them (its allocations keep exactly its
// slots busy), counted up to `until` for jobs still running. `capacitySeconds` is all
// accelerators × makespan (0: utilizations are 0).
std::vector<TenantMetrics> computeTenantMetrics(const JobTable &jobs,
                                                const std::vector<std::string> &tenantNames,
                                                SimTime until, double capacitySeconds);

} // namespace headroom
