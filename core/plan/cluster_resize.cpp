#include "core/plan/cluster_resize.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

namespace headroom {
namespace {

// A name that the cluster does not use yet: prefix + k for the smallest k >= first.
std::string freshName(std::set<std::string> &taken, const std::string &prefix, int first)
{
    for (int k = first;; ++k) {
        std::string name = prefix + std::to_string(k);
        if (taken.insert(name).second)
            return name;
    }
}

void removeNodes(Scenario &scenario, const std::string &typeName, int excess)
{
    std::set<std::string> removed;
    for (auto zone = scenario.cluster.zones.rbegin(); zone != scenario.cluster.zones.rend();
         ++zone) {
        for (auto rack = zone->racks.rbegin(); rack != zone->racks.rend(); ++rack) {
            for (auto node = rack->nodes.end(); node != rack->nodes.begin() && excess > 0;) {
                --node;
                if (node->type != typeName)
                    continue;
                removed.insert(node->name);
                node = rack->nodes.erase(node);
                --excess;
            }
        }
    }
    for (Job &job : scenario.jobs) {
        if (job.constraints->pinNode.empty() || !removed.count(job.constraints->pinNode))
            continue;
        JobConstraints constraints = *job.constraints;
        constraints.pinNode.clear();
        if (constraints.nodeType.empty())
            constraints.nodeType = typeName;
        job.constraints = std::move(constraints);
    }
}

bool holdsType(const Rack &rack, const std::string &typeName)
{
    return std::any_of(rack.nodes.begin(), rack.nodes.end(),
                       [&](const NodeSpec &node) { return node.type == typeName; });
}

void addNodes(Scenario &scenario, const std::string &typeName, int missing)
{
    Cluster &cluster = scenario.cluster;
    std::set<std::string> taken = cluster.names();

    int rackSize = 0;
    Zone *homeZone = nullptr;
    const Rack *templateRack = nullptr;
    for (Zone &zone : cluster.zones) {
        for (const Rack &rack : zone.racks) {
            const auto ofType =
                    std::count_if(rack.nodes.begin(), rack.nodes.end(),
                                  [&](const NodeSpec &n) { return n.type == typeName; });
            if (ofType == 0)
                continue;
            rackSize = std::max(rackSize, static_cast<int>(ofType));
            homeZone = &zone;
            templateRack = &rack;
        }
    }
    rackSize = std::max(rackSize, 1);

    // 1. Fill the type's racks up to the rack size.
    for (Zone &zone : cluster.zones) {
        for (Rack &rack : zone.racks) {
            if (missing == 0 || !holdsType(rack, typeName))
                continue;
            while (missing > 0 && static_cast<int>(rack.nodes.size()) < rackSize) {
                const int next = static_cast<int>(rack.nodes.size()) + 1;
                rack.nodes.emplace_back(freshName(taken, rack.name + "-n", next), typeName);
                --missing;
            }
        }
    }
    if (missing == 0)
        return;

    // 2. New racks in the template rack's zone.
    std::optional<double> budgetKw;
    std::optional<double> dvfs;
    if (templateRack) {
        budgetKw = templateRack->powerBudgetKw;
        dvfs = templateRack->dvfsFrequency;
    }
    if (!homeZone) {
        if (cluster.zones.empty()) {
            Zone zone;
            zone.name = taken.insert("plan").second ? "plan" : freshName(taken, "plan", 1);
            cluster.zones.push_back(std::move(zone));
        }
        homeZone = &cluster.zones.back();
    }
    while (missing > 0) {
        Rack rack;
        rack.name = freshName(taken, typeName + "-rack", 1);
        rack.powerBudgetKw = budgetKw;
        rack.dvfsFrequency = dvfs;
        const int size = std::min(missing, rackSize);
        for (int i = 1; i <= size; ++i)
            rack.nodes.emplace_back(freshName(taken, rack.name + "-n", i), typeName);
        missing -= size;
        homeZone->racks.push_back(std::move(rack));
    }
}

} // namespace

int nodeCountOfType(const Cluster &cluster, std::string_view typeName)
{
    int count = 0;
    for (const Zone &zone : cluster.zones) {
        for (const Rack &rack : zone.racks) {
            count += static_cast<int>(
                    std::count_if(rack.nodes.begin(), rack.nodes.end(),
                                  [&](const NodeSpec &node) { return node.type == typeName; }));
        }
    }
    return count;
}

void setNodeCount(Scenario &scenario, const std::string &typeName, int count)
{
    if (!scenario.findNodeType(typeName))
        throw std::invalid_argument("unknown node type \"" + typeName + "\"");
    if (count < 0)
        throw std::invalid_argument("a node count must be >= 0");
    const int current = nodeCountOfType(scenario.cluster, typeName);
    if (count < current)
        removeNodes(scenario, typeName, current - count);
    else if (count > current)
        addNodes(scenario, typeName, count - current);
}

} // namespace headroom
