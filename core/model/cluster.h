#pragma once

#include <optional>
#include <string>
#include <vector>

namespace headroom {

struct NodeSpec
{
    NodeSpec() = default;
    NodeSpec(std::string nodeName, std::string nodeType, std::string reservedFor = {})
        : name(std::move(nodeName))
        , type(std::move(nodeType))
        , tenant(std::move(reservedFor))
    {}

    std::string name;   // unique in the cluster; pins refer to it
    std::string type;   // NodeType::name
    std::string tenant; // reserved for this tenant's jobs; empty: shared

    bool operator==(const NodeSpec &) const = default;
};

struct Rack
{
    Rack() = default;
    Rack(std::string rackName, std::optional<double> budgetKw, std::vector<NodeSpec> rackNodes)
        : name(std::move(rackName))
        , powerBudgetKw(budgetKw)
        , nodes(std::move(rackNodes))
    {}

    std::string name; // unique in the cluster
    std::optional<double> powerBudgetKw;
    std::optional<double> dvfsFrequency; // overrides the cluster's DVFS level for this rack
    std::vector<NodeSpec> nodes;

    bool operator==(const Rack &) const = default;
};

struct Zone
{
    std::string name; // unique in the cluster
    std::vector<Rack> racks;

    bool operator==(const Zone &) const = default;
};

// Zones -> racks -> nodes. The order of this tree is the *topology order* that first-fit
// placement and every per-node output use.
struct Cluster
{
    std::vector<Zone> zones;

    int nodeCount() const;
    bool operator==(const Cluster &) const = default;
};

} // namespace headroom
