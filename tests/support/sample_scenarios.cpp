#include "tests/support/sample_scenarios.h"

#include "tests/support/scenario_builder.h"

#include <cmath>
#include <random>
#include <string>

namespace headroom::test {

Scenario richScenario()
{
    Scenario s;
    s.name = "Rich scénario \"quoted\" \\ 日本";
    s.description = "Line one\nLine two\twith a tab and a \u0001 control character";
    s.seed = 18446744073709551615ull;

    NodeType h100;
    h100.name = "dgx-h100";
    h100.acceleratorModel = "NVIDIA H100 SXM5 80GB";
    h100.accelerators = 8;
    h100.cpuCores = 112;
    h100.memoryGb = 2048;
    h100.peakTflopsPerAccelerator = 989.4;
    h100.power = PowerCurve::linear(1500.5, 10200);
    h100.offW = 35.25;
    h100.bootS = 300;
    h100.shutdownS = 60.5;
    h100.costPerHour = 98.32;
    h100.priceUsd = 412345.5;
    h100.source = "NVIDIA DGX H100 datasheet: 10.2 kW max; H100 SXM 989 TFLOP/s dense BF16";
    h100.bootW = 3100.5;
    h100.dvfs = {{1.0, 1.0, 1.0}, {0.8, 0.86, 0.7}, {0.6, 0.7, 0.45}};
    h100.mtbfH = 6575.5;
    h100.repairH = 2.25;
    h100.repairDistribution = RepairDistribution::Exponential;

    NodeType cpu;
    cpu.name = "cpu-box";
    cpu.acceleratorModel = "none";
    cpu.accelerators = 1;
    cpu.cpuCores = 64;
    cpu.memoryGb = 512.5;
    cpu.peakTflopsPerAccelerator = 0.1;
    cpu.power = PowerCurve::table(
            {90.5, 110, 121.25, 133, 145.1, 158, 171, 185, 199.99, 214, 230.0625});
    cpu.offW = 0.5;
    cpu.bootS = 0.1;
    cpu.shutdownS = 1e-3;
    cpu.costPerHour = 0.7;
    cpu.source = "SPECpower_ssj2008 result, illustrative";
    s.nodeTypes = {h100, cpu};

    Rack r1{"eu-r1", 41.5, {{"eu-r1-n0", "dgx-h100"}, {"eu-r1-n1", "dgx-h100"}}};
    Rack r2{"eu-r2", std::nullopt, {{"c0", "cpu-box"}, {"c1", "cpu-box"}, {"c2", "cpu-box"}}};
    Rack r3{"us-r1", 20, {{"us-r1-n0", "dgx-h100", "research"}}};
    r3.dvfsFrequency = 0.8;
    Rack empty{"empty-rack", std::nullopt, {}};
    s.cluster.zones = {{"eu-west", {r1, r2}}, {"us-east", {r3, empty}}, {"empty-zone", {}}};

    Job full;
    full.id = -5;
    full.name = "llama-70b pretrain";
    full.tenant = "research";
    full.submitS = 0.25;
    full.slots = 16;
    full.runS = 7200.125;
    full.requestedS = 9000;
    full.priority = -3;
    full.constraints = JobConstraints{"dgx-h100", "eu-west", "eu-r1", "eu-r1-n1"};
    full.checkpoints = JobCheckpoints{1800.5, 45.25, 120};
    Job minimal;
    minimal.id = 9223372036854775807;
    minimal.submitS = 1e9 + 0.5;
    minimal.slots = 1;
    minimal.runS = 1e-6;
    Job zoneOnly;
    zoneOnly.id = 3;
    zoneOnly.submitS = 3;
    zoneOnly.slots = 24;
    zoneOnly.runS = 1.0 / 3.0;
    zoneOnly.requestedS = -1; // "not given", kept as written
    zoneOnly.constraints = JobConstraints{"", "us-east", "", ""};
    Job tenantOnly;
    tenantOnly.id = 4;
    tenantOnly.tenant = "prod";
    tenantOnly.submitS = 4;
    tenantOnly.slots = 2;
    tenantOnly.runS = 0.1 + 0.2; // 0.30000000000000004
    tenantOnly.priority = 7;
    tenantOnly.dedicated = true;
    s.jobs = {full, minimal, zoneOnly, tenantOnly};

    Service chat;
    chat.name = "chat-api";
    chat.tenant = "prod";
    chat.nodeType = "dgx-h100";
    chat.acceleratorsPerReplica = 2;
    chat.capacityRps = 12.5;
    chat.minReplicas = 1;
    chat.maxReplicas = 6;
    chat.targetUtilization = 0.65;
    chat.scaleUpDelayS = 240;
    chat.load = {LoadProfile::Kind::Diurnal, 3.5, 60, 15.5, {}};
    Service batch;
    batch.name = "embed";
    batch.capacityRps = 100;
    batch.load.kind = LoadProfile::Kind::Hourly;
    batch.load.hourlyRps = {{10, 20, 0.5}};
    s.services = {chat, batch};

    s.energy.pue = 1.31;
    s.energy.clusterPowerCapKw = 55.5;
    s.energy.dpmEnabled = true;
    s.energy.idleTimeoutS = 600;
    s.energy.spareNodes = 2;
    s.energy.dvfsFrequency = 0.6;
    s.energy.currency = "EUR";
    s.energy.pricePerKwh = {{0.21, 0.18, 0.35}};
    s.energy.carbonGPerKwh = {{320, 280.5}};
    s.policy.rackSpreadPenalty = 0.15;
    s.policy.horizonS = 86400;

    s.policy.scheduler = SchedulerKind::Srtf;
    s.policy.placement = PlacementKind::TopologyAware;
    s.policy.srtfRestartOverheadS = 12.5;
    s.policy.sampleIntervalS = 30;
    s.failures = {true, 18446744073709551615ull, RequeuePolicy::Tail};
    s.outages = {{"eu-r1-n0", 3600.5, 7200}, {"c1", 0, 0.25}};
    return s;
}

Scenario largeScenario(int jobCount)
{
    Scenario s;
    s.name = "large";
    NodeType type;
    type.name = "dgx-h100";
    type.accelerators = 8;
    type.power = PowerCurve::linear(1500, 10200);
    s.nodeTypes = {type};
    Rack rack{"r0", 40, {}};
    for (int i = 0; i < 64; ++i)
        rack.nodes.push_back({"n" + std::to_string(i), "dgx-h100"});
    s.cluster.zones = {{"z0", {rack}}};
    std::mt19937_64 random(7);
    std::exponential_distribution<double> gap(1.0 / 30.0);
    std::lognormal_distribution<double> run(7.0, 1.5);
    double now = 0.0;
    for (int i = 0; i < jobCount; ++i) {
        Job job;
        job.id = i + 1;
        now += gap(random);
        job.submitS = std::round(now);
        job.slots = 1 << (random() % 7);
        job.runS = std::round(run(random)) + 1;
        job.requestedS = i % 3 ? job.runS * 2 : 0.0;
        if (i % 10 == 0) {
            job.name = "job-" + std::to_string(i);
            job.tenant = "team-" + std::to_string(i % 7);
        }
        s.jobs.push_back(job);
    }
    return s;
}

Scenario twoRackScenario()
{
    Scenario s = ScenarioBuilder()
                         .nodes(4, 8, "gpu8", "r0", "z0")
                         .nodes(2, 8, "gpu8", "r1", "z0")
                         .linearPower("gpu8", 1000, 6000)
                         .job(1, 0, 16, 100)
                         .job(2, 0, 4, 100)
                         .job(3, 0, 8, 100)
                         .job(4, 10, 2, 50)
                         .build();
    s.jobs[0].name = "pretrain";
    s.jobs[0].tenant = "research";
    s.jobs[1].tenant = "prod";
    return s;
}

} // namespace headroom::test
