#include "core/io/run_outputs.h"

#include "core/io/number_format.h"
#include "headroom_version.h"

#include <nlohmann/json.hpp>

namespace headroom {

RunInfo runInfoFor(const Scenario &scenario)
{
    RunInfo info;
    info.scenarioName = scenario.name;
    info.scheduler = scenario.policy.scheduler;
    info.placement = scenario.policy.placement;
    info.seed = scenario.seed;
    info.sampleIntervalS = scenario.policy.sampleIntervalS;
    info.nodes = scenario.cluster.nodeCount();
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes) {
                if (const NodeType *type = scenario.findNodeType(node.type))
                    info.totalSlots += type->accelerators;
            }
        }
    }
    return info;
}

std::string metricsJson(const RunMetrics &m, const RunInfo &info)
{
    nlohmann::ordered_json j;
    j["jobs_submitted"] = m.jobsSubmitted;
    j["jobs_completed"] = m.jobsCompleted;
    j["jobs_rejected"] = m.jobsRejected;
    j["jobs_skipped"] = m.jobsSkipped;
    j["mean_wait_s"] = m.meanWaitS;
    j["p50_wait_s"] = m.p50WaitS;
    j["p95_wait_s"] = m.p95WaitS;
    j["p99_wait_s"] = m.p99WaitS;
    j["max_wait_s"] = m.maxWaitS;
    j["mean_bounded_slowdown"] = m.meanBoundedSlowdown;
    j["makespan_s"] = m.makespanS;
    j["utilization"] = m.utilization;
    j["load_balance_cov"] = m.loadBalanceCov;
    j["jain_index"] = m.jainIndex;
    j["energy_kwh"] = m.energyKwh;
    j["mean_power_w"] = m.meanPowerW;
    j["peak_power_w"] = m.peakPowerW;
    j["jobs_preempted"] = m.preemptions;
    j["scenario"] = info.scenarioName;
    j["scheduler"] = std::string(toString(info.scheduler));
    j["placement"] = std::string(toString(info.placement));
    j["seed"] = info.seed;
    j["sample_interval_s"] = info.sampleIntervalS;
    j["nodes"] = info.nodes;
    j["total_slots"] = info.totalSlots;
    j["headroom_version"] = kVersion;
    j["fragmented_slots"] = m.fragmentedSlots;
    j["fragmentation"] = m.fragmentation;
    nlohmann::ordered_json tenants = nlohmann::ordered_json::array();
    for (const TenantMetrics &t : m.tenants) {
        nlohmann::ordered_json entry;
        entry["tenant"] = t.tenant;
        entry["jobs_submitted"] = t.jobsSubmitted;
        entry["jobs_completed"] = t.jobsCompleted;
        entry["jobs_rejected"] = t.jobsRejected;
        entry["utilization"] = t.utilization;
        entry["mean_wait_s"] = t.meanWaitS;
        entry["p95_wait_s"] = t.p95WaitS;
        tenants.push_back(std::move(entry));
    }
    j["tenants"] = std::move(tenants);
    // docs/design.md §4 energy (appended: earlier keys keep their order).
    j["it_energy_kwh"] = m.itEnergyKwh;
    j["facility_energy_kwh"] = m.facilityEnergyKwh;
    j["cost"] = m.cost;
    j["currency"] = m.currency;
    j["carbon_kg"] = m.carbonKg;
    j["mean_facility_power_w"] = m.meanFacilityPowerW;
    j["peak_facility_power_w"] = m.peakFacilityPowerW;
    j["time_at_power_cap_s"] = m.timeAtPowerCapS;
    j["boots"] = m.boots;
    j["node_hours_off"] = m.nodeHoursOff;
    j["boot_energy_kwh"] = m.bootEnergyKwh;
    j["rack_peak_power_w"] = m.rackPeakPowerW;
    j["rack_budget_w"] = m.rackBudgetW;
    // Inference services (appended, and only for scenarios that have any, so that runs without
    // services keep their output byte for byte).
    if (!m.services.empty()) {
        j["service_shortfall_fraction"] = m.serviceShortfallFraction;
        nlohmann::ordered_json services = nlohmann::ordered_json::array();
        for (const ServiceMetrics &s : m.services) {
            nlohmann::ordered_json entry;
            entry["name"] = s.name;
            entry["tenant"] = s.tenant;
            entry["offered_requests"] = s.offeredRequests;
            entry["served_requests"] = s.servedRequests;
            entry["shortfall_fraction"] = s.shortfallFraction;
            entry["mean_replicas"] = s.meanReplicas;
            entry["max_replicas_used"] = s.maxReplicasUsed;
            entry["mean_utilization"] = s.meanUtilization;
            services.push_back(std::move(entry));
        }
        j["services"] = std::move(services);
    }
    // Failures and checkpoints (docs/design.md §10.6): appended, and only for scenarios with a
    // failure model, like the services above.
    if (const std::optional<ReliabilityMetrics> &r = m.reliability) {
        j["node_failures"] = r->nodeFailures;
        j["planned_outages"] = r->plannedOutages;
        j["interruptions"] = r->interruptions;
        j["lost_accelerator_hours"] = r->lostAcceleratorHours;
        j["goodput"] = r->goodput;
        j["node_hours_down"] = r->nodeHoursDown;
        j["replica_interruptions"] = r->replicaInterruptions;
    }
    return j.dump(2) + "\n";
}

namespace {

std::string jobRows(const RunResult &result, bool waitReason)
{
    // docs/design.md §10.6: the interruptions column only with a failure model.
    const bool interruptions = result.metrics.reliability.has_value();
    std::string out;
    out.reserve((waitReason ? 60 : 48) * (result.jobs.size() + 1));
    out += waitReason ? "id,submit_s,start_s,end_s,slots,state,wait_reason"
                      : "id,submit_s,start_s,end_s,slots,state";
    out += interruptions ? ",interruptions\n" : "\n";
    for (const JobOutcome &job : result.jobs) {
        out += std::to_string(job.id);
        out += ',';
        appendTime(out, job.submit);
        out += ',';
        if (job.started())
            appendTime(out, job.firstStart);
        out += ',';
        if (job.state == JobState::Completed)
            appendTime(out, job.end);
        out += ',';
        out += std::to_string(job.slots);
        out += ',';
        switch (job.state) {
        case JobState::Completed:
            out += "completed";
            break;
        case JobState::Rejected:
            out += "rejected";
            break;
        case JobState::Running:
            out += "running"; // only in results taken before the run finished
            break;
        case JobState::Queued:
        case JobState::Pending:
            out += "queued";
            break;
        }
        if (waitReason) {
            out += ',';
            out += csvName(job.waitedFor.reason);
        }
        if (interruptions) {
            out += ',';
            out += std::to_string(job.interruptions);
        }
        out += '\n';
    }
    return out;
}

} // namespace

std::string jobsCsv(const RunResult &result)
{
    return jobRows(result, false);
}

std::string jobsTableCsv(const RunResult &result)
{
    return jobRows(result, true);
}

std::string timeseriesCsv(const RunResult &result)
{
    std::string out;
    out.reserve(80 * (result.samples.size() + 1));
    // docs/design.md §10.6: nodes down, last, only with a failure model.
    const bool down = result.metrics.reliability.has_value();
    out += "time_s,queued,running,busy_slots,utilization,it_power_w,load_balance_cov,"
           "jain_index";
    out += down ? ",nodes_down\n" : "\n";
    for (const Sample &s : result.samples) {
        appendTime(out, s.time);
        out += ',';
        out += std::to_string(s.queued);
        out += ',';
        out += std::to_string(s.running);
        out += ',';
        out += std::to_string(s.busySlots);
        out += ',';
        appendNumber(out, s.utilization);
        out += ',';
        appendNumber(out, s.itPowerW);
        out += ',';
        appendNumber(out, s.loadBalanceCov);
        out += ',';
        appendNumber(out, s.jainIndex);
        if (down) {
            out += ',';
            out += std::to_string(s.nodesDown);
        }
        out += '\n';
    }
    return out;
}

} // namespace headroom
