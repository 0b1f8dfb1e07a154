#pragma once

#include "core/engine/run_result.h"
#include "core/model/scenario.h"

#include <string>
#include <vector>

namespace headroom {

// Per-node and per-tenant tables of a finished run, for reports and their CSV files: the
// engine's figures (RunMetrics::nodeUtilization, RunMetrics::tenants) next to the scenario's
// names, so every front-end shows the same numbers.

struct NodeUsage
{
    std::string name;
    std::string zone;
    std::string rack;
    std::string type;
    std::string reservedFor; // NodeSpec::tenant; empty: shared
    int accelerators = 0;
    double utilization = 0.0; // RunMetrics::nodeUtilization
};

// One entry per node in topology order. Nodes the result does not cover (a result taken from
// another scenario) get utilization 0.
std::vector<NodeUsage> nodeUsage(const Scenario &scenario, const RunResult &result);

// CSV files: a header line, then one row per entry; numbers read back exactly, names are
// quoted as RFC 4180 says when they need it.
//   nodes.csv:   node,zone,rack,type,reserved_for,accelerators,utilization
//   tenants.csv: tenant,jobs_submitted,jobs_completed,jobs_rejected,utilization,mean_wait_s,
//                p95_wait_s  (the per-tenant keys of the metrics JSON, in the same order)
//   services.csv: service,tenant,offered_requests,served_requests,shortfall_fraction,
//                 mean_replicas,max_replicas_used,mean_utilization (as in the metrics JSON)
std::string nodesCsv(const std::vector<NodeUsage> &nodes);
std::string tenantsCsv(const std::vector<TenantMetrics> &tenants);
std::string servicesCsv(const std::vector<ServiceMetrics> &services);

// The tables of a CSV export (`headroom-cli simulate --csv-dir`, the GUI's CSV export), by
// file name: timeseries.csv, jobs.csv, nodes.csv, tenants.csv, and services.csv when the
// scenario has services. csvTables() gives them in csvTableNames() order.
struct CsvTable
{
    std::string fileName;
    std::string content;
};
std::vector<std::string> csvTableNames(const Scenario &scenario);
std::vector<CsvTable> csvTables(const Scenario &scenario, const RunResult &result);

} // namespace headroom
