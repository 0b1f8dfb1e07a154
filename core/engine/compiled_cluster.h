#pragma once

#include "core/model/power_curve.h"

#include <string>
#include <vector>

namespace headroom {

struct Scenario;

// Half-open range of node indices in topology order.
struct NodeRange
{
    int begin = 0;
    int end = 0;
    bool contains(int node) const { return node >= begin && node < end; }
    bool operator==(const NodeRange &) const = default;
};

struct CompiledNodeType
{
    std::string name;
    int slots = 1;
    PowerCurve power;
    bool hasPower = false; // false for SWF traces without a power model: the node draws 0 W
    // Its nodes by reservation group (shared nodes first, then each reserving tenant's in the
    // order of CompiledCluster::tenantNames), each group in topology order. On a cluster without
    // reservations that is plain topology order. Grouping makes the nodes a job may use (the
    // shared group plus its tenant's) whole stretches of the type's free tree.
    std::vector<int> nodes;
    // Group g holds nodes[groupBegin[g]] .. nodes[groupBegin[g + 1] - 1]; group 0 is the
    // shared nodes, group t + 1 those reserved for tenantNames[t].
    std::vector<int> groupBegin;

    int groupCount() const { return static_cast<int>(groupBegin.size()) - 1; }
};

struct CompiledNode
{
    std::string name;
    int type = 0;
    int rack = 0;
    int zone = 0;
    int slots = 1;
    int owner = -1; // index into CompiledCluster::tenantNames of the tenant it is reserved for
};

// The cluster flattened into index arrays for the engine. Zones and racks are contiguous
// node ranges because nodes are numbered in topology order.
struct CompiledCluster
{
    std::vector<CompiledNodeType> types;
    std::vector<CompiledNode> nodes;
    std::vector<NodeRange> rackNodes;
    std::vector<NodeRange> zoneNodes;
    std::vector<std::string> rackNames;
    std::vector<std::string> zoneNames;
    std::vector<std::string> tenantNames; // tenants with reserved nodes, by first reserved node
    std::vector<int> typePosition;        // node -> its index inside types[type].nodes
    std::vector<int> typeOrder;           // types with nodes, by the position of their first node

    int nodeCount() const { return static_cast<int>(nodes.size()); }
    long long totalSlots() const;
    int maxSlotsPerNode() const;
    bool hasReservations() const { return !tenantNames.empty(); }

    // Index lookups; -1 when unknown.
    int typeIndex(const std::string &name) const;
    int rackIndex(const std::string &name) const;
    int zoneIndex(const std::string &name) const;
    int nodeIndex(const std::string &name) const;
    int tenantIndex(const std::string &name) const;
};

CompiledCluster compileCluster(const Scenario &scenario);

} // namespace headroom
