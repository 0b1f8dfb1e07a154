#pragma once

#include "core/model/scenario.h"

#include <string>
#include <vector>

namespace headroom::test {

// Builds small scenarios for tests in a line or two:
//   ScenarioBuilder().singleSlotNodes(4).job(1, 0, 2, 10).build()
class ScenarioBuilder
{
public:
    ScenarioBuilder();

    // Adds a node type (without a power model unless given) and `count` nodes of it to a
    // rack `rack` in zone `zone` (created as needed, in order of first use).
    ScenarioBuilder &nodes(int count, int slots, const std::string &type = "node",
                           const std::string &rack = "r0", const std::string &zone = "z0");
    ScenarioBuilder &singleSlotNodes(int count) { return nodes(count, 1); }
    ScenarioBuilder &linearPower(const std::string &type, double idleW, double maxW);

    // requested <= 0: not given (taken as the run time).
    ScenarioBuilder &job(JobId id, SimTime submit, int slots, SimTime run, SimTime requested = 0);
    ScenarioBuilder &constrain(JobId id, const JobConstraints &constraints);
    // Job `id` belongs to `tenant`; dedicated: tenant-isolated (Job::dedicated).
    ScenarioBuilder &tenant(JobId id, const std::string &tenant, bool dedicated = false);
    // Reserves the node named `node` for `tenant` (NodeSpec::tenant).
    ScenarioBuilder &reserve(const std::string &node, const std::string &tenant);
    // Adds an inference service with a constant load of `loadRps` (a diurnal profile whose
    // trough and peak are equal) and target utilization 1; adjust scenario().services.back()
    // for anything else.
    ScenarioBuilder &service(const std::string &name, int acceleratorsPerReplica,
                             double capacityRps, int minReplicas, int maxReplicas, double loadRps,
                             SimTime scaleUpDelayS = 0);
    // The last service's load: `rps[h]` in hour h, repeating (LoadProfile::Kind::Hourly).
    ScenarioBuilder &hourlyLoad(const std::vector<double> &rps);
    ScenarioBuilder &placement(PlacementKind kind);
    ScenarioBuilder &scheduler(SchedulerKind kind);
    ScenarioBuilder &sampleInterval(SimTime seconds);
    ScenarioBuilder &restartOverhead(SimTime seconds);

    Scenario build() const { return m_scenario; }
    Scenario &scenario() { return m_scenario; }

private:
    Scenario m_scenario;
};

} // namespace headroom::test
