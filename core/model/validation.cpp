#include "core/model/validation.h"

#include "core/model/limits.h"
#include "core/model/scenario.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string>

namespace headroom {
namespace {

using namespace limits;

class Checker
{
public:
    std::vector<Problem> problems;

    void add(const std::string &path, const std::string &message)
    {
        problems.push_back({path, message});
    }
    void finiteAtLeast(const std::string &path, double value, double minimum, double maximum)
    {
        if (!std::isfinite(value))
            add(path, "must be a finite number");
        else if (value < minimum)
            add(path, "must be >= " + format(minimum) + " (is " + format(value) + ")");
        else if (value > maximum)
            add(path, "must be <= " + format(maximum) + " (is " + format(value) + ")");
    }
    void positive(const std::string &path, double value, double maximum)
    {
        if (!std::isfinite(value))
            add(path, "must be a finite number");
        else if (value <= 0.0)
            add(path, "must be > 0 (is " + format(value) + ")");
        else if (value > maximum)
            add(path, "must be <= " + format(maximum) + " (is " + format(value) + ")");
    }
    void nonEmptyUnique(const std::string &path, const std::string &name,
                        std::set<std::string> &seen, const char *what)
    {
        if (name.empty())
            add(path, "must not be empty");
        else if (!seen.insert(name).second)
            add(path, std::string("duplicate ") + what + " name \"" + name + "\"");
    }

    // std::to_chars ignores the locale (snprintf would print "0,5" in a German session).
    static std::string format(double value)
    {
        char buffer[64];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        return std::string(buffer, result.ptr);
    }
};

void checkNodeTypes(const Scenario &s, Checker &c)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < s.nodeTypes.size(); ++i) {
        const NodeType &t = s.nodeTypes[i];
        const std::string p = "node_types[" + std::to_string(i) + "]";
        c.nonEmptyUnique(p + ".name", t.name, names, "node type");
        if (t.accelerators < 1 || t.accelerators > kMaxSlots)
            c.add(p + ".accelerators", "must be between 1 and " + std::to_string(kMaxSlots) +
                                               " (is " + std::to_string(t.accelerators) + ")");
        if (t.cpuCores < 0)
            c.add(p + ".cpu_cores", "must be >= 0");
        c.finiteAtLeast(p + ".memory_gb", t.memoryGb, 0.0, kMaxHardwareFigure);
        c.finiteAtLeast(p + ".peak_bf16_tflops", t.peakTflopsPerAccelerator, 0.0,
                        kMaxHardwareFigure);
        if (const auto problem = t.power.findProblem())
            c.add(p + ".power." + problem->field, problem->message);
        c.finiteAtLeast(p + ".off_w", t.offW, 0.0, kMaxHardwareFigure);
        c.finiteAtLeast(p + ".boot_s", t.bootS, 0.0, kMaxSeconds);
        c.finiteAtLeast(p + ".shutdown_s", t.shutdownS, 0.0, kMaxSeconds);
        c.finiteAtLeast(p + ".cost_per_hour", t.costPerHour, 0.0, kMaxRate);
        if (t.priceUsd)
            c.finiteAtLeast(p + ".price_usd", *t.priceUsd, 0.0, kMaxRate);
        if (t.bootW)
            c.finiteAtLeast(p + ".boot_w", *t.bootW, 0.0, kMaxHardwareFigure);
        if (t.mtbfH != 0.0)
            c.finiteAtLeast(p + ".mtbf_h", t.mtbfH, kMinMtbfH, kMaxHours);
        c.finiteAtLeast(p + ".repair_h", t.repairH, 0.0, kMaxHours);
        std::set<double> frequencies;
        for (std::size_t l = 0; l < t.dvfs.size(); ++l) {
            const DvfsLevel &level = t.dvfs[l];
            const std::string lp = p + ".dvfs[" + std::to_string(l) + "]";
            c.positive(lp + ".frequency", level.frequency, kMaxDvfsRatio);
            c.positive(lp + ".speed", level.speed, kMaxDvfsRatio);
            c.finiteAtLeast(lp + ".power", level.power, 0.0, kMaxDvfsRatio);
            if (!frequencies.insert(level.frequency).second)
                c.add(lp + ".frequency",
                      "duplicate DVFS frequency " + Checker::format(level.frequency));
        }
    }
}

void checkCluster(const Scenario &s, Checker &c, std::set<std::string> &zoneNames,
                  std::set<std::string> &rackNames, std::set<std::string> &nodeNames)
{
    for (std::size_t z = 0; z < s.cluster.zones.size(); ++z) {
        const Zone &zone = s.cluster.zones[z];
        const std::string zp = "cluster.zones[" + std::to_string(z) + "]";
        c.nonEmptyUnique(zp + ".name", zone.name, zoneNames, "zone");
        for (std::size_t r = 0; r < zone.racks.size(); ++r) {
            const Rack &rack = zone.racks[r];
            const std::string rp = zp + ".racks[" + std::to_string(r) + "]";
            c.nonEmptyUnique(rp + ".name", rack.name, rackNames, "rack");
            if (rack.powerBudgetKw)
                c.positive(rp + ".power_budget_kw", *rack.powerBudgetKw, kMaxHardwareFigure);
            if (rack.dvfsFrequency)
                c.positive(rp + ".dvfs_frequency", *rack.dvfsFrequency, kMaxDvfsRatio);
            for (std::size_t n = 0; n < rack.nodes.size(); ++n) {
                const NodeSpec &node = rack.nodes[n];
                const std::string np = rp + ".nodes[" + std::to_string(n) + "]";
                c.nonEmptyUnique(np + ".name", node.name, nodeNames, "node");
                if (!s.findNodeType(node.type))
                    c.add(np + ".type", "unknown node type \"" + node.type + "\"");
            }
        }
    }
}

void checkJobIds(const Scenario &s, Checker &c)
{
    // Traces number their jobs in increasing order: then no id repeats and nothing is sorted.
    if (std::adjacent_find(s.jobs.begin(), s.jobs.end(),
                           [](const Job &a, const Job &b) { return a.id >= b.id; }) == s.jobs.end())
        return;
    std::vector<std::pair<JobId, std::size_t>> ids;
    ids.reserve(s.jobs.size());
    for (std::size_t i = 0; i < s.jobs.size(); ++i)
        ids.emplace_back(s.jobs[i].id, i);
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 1; i < ids.size(); ++i) {
        if (ids[i].first == ids[i - 1].first)
            c.add("jobs[" + std::to_string(ids[i].second) + "].id",
                  "duplicate job id " + std::to_string(ids[i].first) + " (also jobs[" +
                          std::to_string(ids[i - 1].second) + "])");
    }
}

void checkJobs(const Scenario &s, Checker &c, const std::set<std::string> &zoneNames,
               const std::set<std::string> &rackNames, const std::set<std::string> &nodeNames)
{
    checkJobIds(s, c);
    for (std::size_t i = 0; i < s.jobs.size(); ++i) {
        const Job &job = s.jobs[i];
        // Paths are built only for failing jobs: traces hold a million that pass.
        const bool plausible = std::isfinite(job.submitS) && job.submitS >= 0.0 &&
                               job.submitS <= kMaxSeconds && job.slots >= 1 &&
                               job.slots <= kMaxSlots && std::isfinite(job.runS) &&
                               job.runS > 0.0 && job.runS <= kMaxSeconds &&
                               std::isfinite(job.requestedS) && job.requestedS <= kMaxSeconds &&
                               job.constraints->empty() && job.checkpoints->empty();
        if (plausible)
            continue;
        const std::string p = "jobs[" + std::to_string(i) + "]";
        c.finiteAtLeast(p + ".submit_s", job.submitS, 0.0, kMaxSeconds);
        if (job.slots < 1 || job.slots > kMaxSlots)
            c.add(p + ".accelerators", "must be between 1 and " + std::to_string(kMaxSlots) +
                                               " (is " + std::to_string(job.slots) + ")");
        c.positive(p + ".run_s", job.runS, kMaxSeconds);
        if (!std::isfinite(job.requestedS) || job.requestedS > kMaxSeconds)
            c.add(p + ".requested_s", "must be a finite number <= " + Checker::format(kMaxSeconds));
        const JobConstraints &k = *job.constraints;
        const std::string kp = p + ".constraints";
        if (!k.nodeType.empty() && !s.findNodeType(k.nodeType))
            c.add(kp + ".node_type", "unknown node type \"" + k.nodeType + "\"");
        if (!k.zone.empty() && !zoneNames.count(k.zone))
            c.add(kp + ".zone", "unknown zone \"" + k.zone + "\"");
        if (!k.rack.empty() && !rackNames.count(k.rack))
            c.add(kp + ".rack", "unknown rack \"" + k.rack + "\"");
        if (!k.pinNode.empty() && !nodeNames.count(k.pinNode))
            c.add(kp + ".node", "unknown node \"" + k.pinNode + "\"");
        const JobCheckpoints &checkpoints = *job.checkpoints;
        c.finiteAtLeast(p + ".checkpoint_interval_s", checkpoints.intervalS, 0.0, kMaxSeconds);
        c.finiteAtLeast(p + ".checkpoint_cost_s", checkpoints.costS, 0.0, kMaxSeconds);
        c.finiteAtLeast(p + ".restart_overhead_s", checkpoints.restartOverheadS, 0.0, kMaxSeconds);
        if (checkpoints.costS > 0.0 && checkpoints.intervalS == 0.0)
            c.add(p + ".checkpoint_cost_s", "needs checkpoint_interval_s (a job without "
                                            "checkpoints pays no checkpoint cost)");
    }
}

// docs/design.md §10.2: outages name a node, and one node's outages do not overlap.
void checkOutages(const Scenario &s, Checker &c, const std::set<std::string> &nodeNames)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < s.outages.size(); ++i) {
        const PlannedOutage &outage = s.outages[i];
        const std::string p = "outages[" + std::to_string(i) + "]";
        const std::size_t before = c.problems.size();
        if (!nodeNames.count(outage.node))
            c.add(p + ".node", "unknown node \"" + outage.node + "\"");
        c.finiteAtLeast(p + ".start_s", outage.startS, 0.0, kMaxSeconds);
        c.positive(p + ".duration_s", outage.durationS, kMaxSeconds);
        if (c.problems.size() == before)
            order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const PlannedOutage &x = s.outages[a];
        const PlannedOutage &y = s.outages[b];
        return x.node != y.node ? x.node < y.node : x.startS < y.startS;
    });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const PlannedOutage &previous = s.outages[order[k - 1]];
        const PlannedOutage &outage = s.outages[order[k]];
        if (outage.node == previous.node && outage.startS < previous.startS + previous.durationS)
            c.add("outages[" + std::to_string(order[k]) + "].start_s",
                  "overlaps outages[" + std::to_string(order[k - 1]) + "] of node \"" +
                          outage.node + "\"");
    }
}

void checkProfile(const std::string &path, const HourlyProfile &profile, Checker &c)
{
    for (std::size_t i = 0; i < profile.values.size(); ++i)
        c.finiteAtLeast(path + "[" + std::to_string(i) + "]", profile.values[i], 0.0, kMaxRate);
}

void checkServices(const Scenario &s, Checker &c)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < s.services.size(); ++i) {
        const Service &service = s.services[i];
        const std::string p = "services[" + std::to_string(i) + "]";
        c.nonEmptyUnique(p + ".name", service.name, names, "service");
        if (!service.nodeType.empty() && !s.findNodeType(service.nodeType))
            c.add(p + ".node_type", "unknown node type \"" + service.nodeType + "\"");
        if (service.acceleratorsPerReplica < 1 || service.acceleratorsPerReplica > kMaxSlots)
            c.add(p + ".accelerators_per_replica",
                  "must be between 1 and " + std::to_string(kMaxSlots));
        c.positive(p + ".capacity_rps", service.capacityRps, kMaxRate);
        if (service.minReplicas < 0)
            c.add(p + ".min_replicas", "must be >= 0");
        if (service.maxReplicas < std::max(service.minReplicas, 1) ||
            service.maxReplicas > kMaxReplicas)
            c.add(p + ".max_replicas",
                  "must be between max(min_replicas, 1) and " + std::to_string(kMaxReplicas));
        if (!(service.targetUtilization > 0.0 && service.targetUtilization <= 1.0))
            c.add(p + ".target_utilization", "must be in (0, 1]");
        c.finiteAtLeast(p + ".scale_up_delay_s", service.scaleUpDelayS, 0.0, kMaxSeconds);
        const LoadProfile &load = service.load;
        if (load.kind == LoadProfile::Kind::Diurnal) {
            c.finiteAtLeast(p + ".load.trough_rps", load.troughRps, 0.0, kMaxRate);
            c.finiteAtLeast(p + ".load.peak_rps", load.peakRps, load.troughRps, kMaxRate);
            c.finiteAtLeast(p + ".load.peak_hour", load.peakHour, 0.0, 24.0);
        } else {
            if (load.hourlyRps.empty())
                c.add(p + ".load.rps", "needs at least one value");
            checkProfile(p + ".load.rps", load.hourlyRps, c);
        }
    }
}

void checkEnergy(const EnergyPolicy &e, Checker &c)
{
    if (!std::isfinite(e.pue) || e.pue < kMinPue || e.pue > kMaxPue)
        c.add("energy.pue",
              "must be between " + Checker::format(kMinPue) + " and " + Checker::format(kMaxPue) +
                      " (facility power = IT power × PUE; is " + Checker::format(e.pue) + ")");
    if (e.clusterPowerCapKw)
        c.positive("energy.cluster_power_cap_kw", *e.clusterPowerCapKw, kMaxHardwareFigure);
    c.positive("energy.dpm.idle_timeout_s", e.idleTimeoutS, kMaxSeconds);
    if (e.spareNodes < 0)
        c.add("energy.dpm.spare_nodes", "must be >= 0");
    c.positive("energy.dvfs_frequency", e.dvfsFrequency, kMaxDvfsRatio);
    checkProfile("energy.price_per_kwh", e.pricePerKwh, c);
    checkProfile("energy.carbon_g_per_kwh", e.carbonGPerKwh, c);
}

} // namespace

std::vector<Problem> validateScenario(const Scenario &s)
{
    Checker c;
    checkNodeTypes(s, c);
    std::set<std::string> zoneNames, rackNames, nodeNames;
    checkCluster(s, c, zoneNames, rackNames, nodeNames);
    checkJobs(s, c, zoneNames, rackNames, nodeNames);
    checkServices(s, c);
    checkOutages(s, c, nodeNames);
    checkEnergy(s.energy, c);
    c.finiteAtLeast("policy.rack_spread_penalty", s.policy.rackSpreadPenalty, 0.0,
                    kMaxRackSpreadPenalty);
    if (s.policy.horizonS)
        c.positive("policy.horizon_s", *s.policy.horizonS, kMaxSeconds);
    c.positive("policy.sample_interval_s", s.policy.sampleIntervalS, kMaxSeconds);
    c.finiteAtLeast("policy.srtf_restart_overhead_s", s.policy.srtfRestartOverheadS, 0.0,
                    kMaxSeconds);
    return std::move(c.problems);
}

} // namespace headroom
