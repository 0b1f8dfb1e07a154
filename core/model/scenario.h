#pragma once

#include "core/model/cluster.h"
#include "core/model/energy_policy.h"
#include "core/model/failures.h"
#include "core/model/job.h"
#include "core/model/node_type.h"
#include "core/model/policy.h"
#include "core/model/service.h"

#include <cstdint>
#include <string>
#include <vector>

namespace headroom {

// Everything a run depends on. A run is a pure function of (Scenario, seed).
struct Scenario
{
    std::string name;
    std::string description;
    std::uint64_t seed = 1;
    std::vector<NodeType> nodeTypes;
    Cluster cluster;
    std::vector<Job> jobs;
    std::vector<Service> services;
    Policy policy;
    EnergyPolicy energy;
    FailurePolicy failures;             // docs/design.md §10.1
    std::vector<PlannedOutage> outages; // docs/design.md §10.2

    const NodeType *findNodeType(const std::string &typeName) const;
    // docs/design.md §10: failures enabled, planned outages, or a job with checkpoint figures.
    // Without one, runs and their outputs know nothing of failures. Looks at every job.
    bool hasFailureModel() const;
    bool operator==(const Scenario &) const = default;
};

} // namespace headroom
