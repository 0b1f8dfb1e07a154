#include "tests/support/scenario_builder.h"

#include <algorithm>
#include <stdexcept>

namespace headroom::test {

ScenarioBuilder::ScenarioBuilder()
{
    m_scenario.name = "test";
    m_scenario.policy.scheduler = SchedulerKind::Fcfs;
    m_scenario.policy.sampleIntervalS = 1.0;
}

ScenarioBuilder &ScenarioBuilder::nodes(int count, int slots, const std::string &type,
                                        const std::string &rack, const std::string &zone)
{
    if (!m_scenario.findNodeType(type)) {
        NodeType nodeType;
        nodeType.name = type;
        nodeType.accelerators = slots;
        m_scenario.nodeTypes.push_back(nodeType);
    }
    Zone *z = m_scenario.cluster.findZone(zone);
    if (!z)
        z = &m_scenario.cluster.zones.emplace_back(Zone{zone, {}});
    auto r = std::find_if(z->racks.begin(), z->racks.end(),
                          [&](const Rack &x) { return x.name == rack; });
    if (r == z->racks.end()) {
        z->racks.push_back({rack, std::nullopt, {}});
        r = z->racks.end() - 1;
    }
    for (int i = 0; i < count; ++i)
        r->nodes.push_back({rack + "-n" + std::to_string(r->nodes.size()), type});
    return *this;
}

ScenarioBuilder &ScenarioBuilder::linearPower(const std::string &type, double idleW, double maxW)
{
    for (NodeType &t : m_scenario.nodeTypes) {
        if (t.name == type)
            t.power = PowerCurve::linear(idleW, maxW);
    }
    return *this;
}

ScenarioBuilder &ScenarioBuilder::job(JobId id, SimTime submit, int slots, SimTime run,
                                      SimTime requested)
{
    Job job;
    job.id = id;
    job.submitS = submit;
    job.slots = slots;
    job.runS = run;
    job.requestedS = requested;
    m_scenario.jobs.push_back(job);
    return *this;
}

ScenarioBuilder &ScenarioBuilder::constrain(JobId id, const JobConstraints &constraints)
{
    for (Job &job : m_scenario.jobs) {
        if (job.id == id) {
            job.constraints = constraints;
            return *this;
        }
    }
    throw std::logic_error("constrain: no job " + std::to_string(id));
}

ScenarioBuilder &ScenarioBuilder::tenant(JobId id, const std::string &tenant, bool dedicated)
{
    for (Job &job : m_scenario.jobs) {
        if (job.id == id) {
            job.tenant = tenant;
            job.dedicated = dedicated;
            return *this;
        }
    }
    throw std::logic_error("tenant: no job " + std::to_string(id));
}

ScenarioBuilder &ScenarioBuilder::reserve(const std::string &node, const std::string &tenant)
{
    NodeSpec *spec = m_scenario.cluster.findNode(node);
    if (!spec)
        throw std::logic_error("reserve: no node " + node);
    spec->tenant = tenant;
    return *this;
}

ScenarioBuilder &ScenarioBuilder::service(const std::string &name, int acceleratorsPerReplica,
                                          double capacityRps, int minReplicas, int maxReplicas,
                                          double loadRps, SimTime scaleUpDelayS)
{
    Service service;
    service.name = name;
    service.acceleratorsPerReplica = acceleratorsPerReplica;
    service.capacityRps = capacityRps;
    service.minReplicas = minReplicas;
    service.maxReplicas = maxReplicas;
    service.targetUtilization = 1.0;
    service.scaleUpDelayS = scaleUpDelayS;
    service.load.kind = LoadProfile::Kind::Diurnal;
    service.load.troughRps = loadRps;
    service.load.peakRps = loadRps;
    m_scenario.services.push_back(service);
    return *this;
}

ScenarioBuilder &ScenarioBuilder::hourlyLoad(const std::vector<double> &rps)
{
    if (m_scenario.services.empty())
        throw std::logic_error("hourlyLoad: no service");
    LoadProfile &load = m_scenario.services.back().load;
    load.kind = LoadProfile::Kind::Hourly;
    load.hourlyRps.values = rps;
    return *this;
}

ScenarioBuilder &ScenarioBuilder::placement(PlacementKind kind)
{
    m_scenario.policy.placement = kind;
    return *this;
}

ScenarioBuilder &ScenarioBuilder::scheduler(SchedulerKind kind)
{
    m_scenario.policy.scheduler = kind;
    return *this;
}

ScenarioBuilder &ScenarioBuilder::sampleInterval(SimTime seconds)
{
    m_scenario.policy.sampleIntervalS = seconds;
    return *this;
}

ScenarioBuilder &ScenarioBuilder::restartOverhead(SimTime seconds)
{
    m_scenario.policy.srtfRestartOverheadS = seconds;
    return *this;
}

} // namespace headroom::test
