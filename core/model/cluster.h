#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
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

// Where something sits in the cluster tree. A zone has no rack or node, a rack no node.
struct ClusterPlace
{
    const Zone *zone = nullptr;
    const Rack *rack = nullptr;
    const NodeSpec *node = nullptr;

    explicit operator bool() const { return zone != nullptr; }
};

// Zones -> racks -> nodes. The order of this tree is the *topology order* that first-fit
// placement and every per-node output use.
struct Cluster
{
    std::vector<Zone> zones;

    int nodeCount() const;

    // Lookups by name, null when there is none. A valid scenario's zone, rack and node names
    // are each unique (validateScenario); otherwise these find the first in topology order.
    // Each walks the tree: for one look-up, not for every job of a trace.
    const Zone *findZone(std::string_view name) const;
    Zone *findZone(std::string_view name);
    const Rack *findRack(std::string_view name) const;
    Rack *findRack(std::string_view name);
    const NodeSpec *findNode(std::string_view name) const;
    NodeSpec *findNode(std::string_view name);
    // The node called `name` with its zone and rack; empty when there is none.
    ClusterPlace placeOfNode(std::string_view name) const;
    // The rack called `name` with its zone; empty when there is none.
    ClusterPlace placeOfRack(std::string_view name) const;
    // Whatever is called `name`: a zone, a rack or a node, the first met walking the tree in
    // topology order (a zone before its racks, a rack before its nodes).
    ClusterPlace find(std::string_view name) const;
    // Every zone, rack and node name: the names a new one must not take.
    std::set<std::string> names() const;

    bool operator==(const Cluster &) const = default;
};

} // namespace headroom
