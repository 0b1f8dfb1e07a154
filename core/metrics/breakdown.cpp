#include "core/metrics/breakdown.h"

#include "core/io/csv_field.h"
#include "core/io/number_format.h"
#include "core/io/run_outputs.h"

namespace headroom {

std::vector<NodeUsage> nodeUsage(const Scenario &scenario, const RunResult &result)
{
    std::vector<NodeUsage> nodes;
    nodes.reserve(static_cast<std::size_t>(scenario.cluster.nodeCount()));
    const std::vector<double> &utilization = result.metrics.nodeUtilization;
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &spec : rack.nodes) {
                NodeUsage node;
                node.name = spec.name;
                node.zone = zone.name;
                node.rack = rack.name;
                node.type = spec.type;
                node.reservedFor = spec.tenant;
                if (const NodeType *type = scenario.findNodeType(spec.type))
                    node.accelerators = type->accelerators;
                const std::size_t index = nodes.size();
                node.utilization = index < utilization.size() ? utilization[index] : 0.0;
                nodes.push_back(std::move(node));
            }
        }
    }
    return nodes;
}

std::string nodesCsv(const std::vector<NodeUsage> &nodes)
{
    std::string out = "node,zone,rack,type,reserved_for,accelerators,utilization\n";
    for (const NodeUsage &node : nodes) {
        for (const std::string *field :
             {&node.name, &node.zone, &node.rack, &node.type, &node.reservedFor}) {
            appendCsvField(out, *field);
            out += ',';
        }
        out += std::to_string(node.accelerators);
        out += ',';
        appendNumber(out, node.utilization);
        out += '\n';
    }
    return out;
}

std::string tenantsCsv(const std::vector<TenantMetrics> &tenants)
{
    std::string out = "tenant,jobs_submitted,jobs_completed,jobs_rejected,utilization,"
                      "mean_wait_s,p95_wait_s\n";
    for (const TenantMetrics &t : tenants) {
        appendCsvField(out, t.tenant);
        for (const long long count : {t.jobsSubmitted, t.jobsCompleted, t.jobsRejected}) {
            out += ',';
            out += std::to_string(count);
        }
        for (const double value : {t.utilization, t.meanWaitS, t.p95WaitS}) {
            out += ',';
            appendNumber(out, value);
        }
        out += '\n';
    }
    return out;
}

std::string servicesCsv(const std::vector<ServiceMetrics> &services)
{
    std::string out = "service,tenant,offered_requests,served_requests,shortfall_fraction,"
                      "mean_replicas,max_replicas_used,mean_utilization\n";
    for (const ServiceMetrics &s : services) {
        appendCsvField(out, s.name);
        out += ',';
        appendCsvField(out, s.tenant);
        for (const double value :
             {s.offeredRequests, s.servedRequests, s.shortfallFraction, s.meanReplicas}) {
            out += ',';
            appendNumber(out, value);
        }
        out += ',';
        out += std::to_string(s.maxReplicasUsed);
        out += ',';
        appendNumber(out, s.meanUtilization);
        out += '\n';
    }
    return out;
}

std::vector<std::string> csvTableNames(const Scenario &scenario)
{
    std::vector<std::string> names = {"timeseries.csv", "jobs.csv", "nodes.csv", "tenants.csv"};
    if (!scenario.services.empty()) // like the metrics JSON's services keys: only when any
        names.emplace_back("services.csv");
    return names;
}

std::vector<CsvTable> csvTables(const Scenario &scenario, const RunResult &result)
{
    std::vector<CsvTable> tables = {
            {"timeseries.csv", timeseriesCsv(result)},
            {"jobs.csv", jobsTableCsv(result)},
            {"nodes.csv", nodesCsv(nodeUsage(scenario, result))},
            {"tenants.csv", tenantsCsv(result.metrics.tenants)},
    };
    if (!scenario.services.empty())
        tables.push_back({"services.csv", servicesCsv(result.metrics.services)});
    return tables;
}

} // namespace headroom
