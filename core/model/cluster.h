#pragma once

#include <optional>
#include <string>
#include <vector>

namespace headroom {

struct NodeSpec
{
    std::string name; // unique in the cluster; pins refer to it
    std::string type; // NodeType::name

    bool operator==(const NodeSpec &) const = default;
};

struct Rack
{
    std::string name; // unique in the cluster
    std::optional<double> powerBudgetKw;
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
