#include "core/engine/compiled_cluster.h"

#include "core/model/scenario.h"

#include <algorithm>

namespace headroom {
namespace {

template<typename Items>
int indexOf(const Items &items, const std::string &name)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i] == name)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace

long long CompiledCluster::totalSlots() const
{
    long long total = 0;
    for (const CompiledNode &node : nodes)
        total += node.slots;
    return total;
}

int CompiledCluster::maxSlotsPerNode() const
{
    int best = 0;
    for (const CompiledNodeType &type : types) {
        if (!type.nodes.empty())
            best = std::max(best, type.slots);
    }
    return best;
}

int CompiledCluster::typeIndex(const std::string &name) const
{
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (types[i].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

int CompiledCluster::rackIndex(const std::string &name) const
{
    return indexOf(rackNames, name);
}
int CompiledCluster::zoneIndex(const std::string &name) const
{
    return indexOf(zoneNames, name);
}

int CompiledCluster::tenantIndex(const std::string &name) const
{
    return indexOf(tenantNames, name);
}

int CompiledCluster::nodeIndex(const std::string &name) const
{
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

CompiledCluster compileCluster(const Scenario &scenario)
{
    CompiledCluster out;
    for (const NodeType &type : scenario.nodeTypes) {
        CompiledNodeType compiled;
        compiled.name = type.name;
        compiled.slots = type.accelerators;
        compiled.power = type.power;
        compiled.hasPower = type.power.maxW() > 0.0;
        out.types.push_back(std::move(compiled));
    }
    for (const Zone &zone : scenario.cluster.zones) {
        const int zoneIndex = static_cast<int>(out.zoneNames.size());
        const int zoneBegin = out.nodeCount();
        out.zoneNames.push_back(zone.name);
        for (const Rack &rack : zone.racks) {
            const int rackIndex = static_cast<int>(out.rackNames.size());
            const int rackBegin = out.nodeCount();
            out.rackNames.push_back(rack.name);
            for (const NodeSpec &spec : rack.nodes) {
                CompiledNode node;
                node.name = spec.name;
                node.type = out.typeIndex(spec.type);
                node.rack = rackIndex;
                node.zone = zoneIndex;
                // Validation rejects unknown types before compiling; stay safe anyway.
                node.slots = node.type >= 0 ? out.types[node.type].slots : 0;
                if (!spec.tenant.empty()) {
                    node.owner = out.tenantIndex(spec.tenant);
                    if (node.owner < 0) {
                        node.owner = static_cast<int>(out.tenantNames.size());
                        out.tenantNames.push_back(spec.tenant);
                    }
                }
                out.nodes.push_back(std::move(node));
            }
            out.rackNodes.push_back({rackBegin, out.nodeCount()});
        }
        out.zoneNodes.push_back({zoneBegin, out.nodeCount()});
    }
    // Each type's nodes by reservation group, topology order within a group (see
    // CompiledNodeType::nodes).
    const int groups = static_cast<int>(out.tenantNames.size()) + 1;
    std::vector<std::vector<std::vector<int>>> grouped(
            out.types.size(), std::vector<std::vector<int>>(static_cast<std::size_t>(groups)));
    for (int n = 0; n < out.nodeCount(); ++n) {
        const CompiledNode &node = out.nodes[n];
        if (node.type >= 0)
            grouped[node.type][node.owner + 1].push_back(n);
    }
    out.typePosition.assign(out.nodes.size(), -1);
    for (std::size_t type = 0; type < out.types.size(); ++type) {
        CompiledNodeType &compiled = out.types[type];
        for (const std::vector<int> &group : grouped[type]) {
            compiled.groupBegin.push_back(static_cast<int>(compiled.nodes.size()));
            for (int n : group) {
                out.typePosition[n] = static_cast<int>(compiled.nodes.size());
                compiled.nodes.push_back(n);
            }
        }
        compiled.groupBegin.push_back(static_cast<int>(compiled.nodes.size()));
    }
    for (int type = 0; type < static_cast<int>(out.types.size()); ++type) {
        if (!out.types[type].nodes.empty())
            out.typeOrder.push_back(type);
    }
    // By first node in topology order (the grouping may put a later node first in `nodes`).
    const auto firstNode = [&](int type) {
        const std::vector<int> &nodes = out.types[type].nodes;
        return *std::min_element(nodes.begin(), nodes.end());
    };
    std::sort(out.typeOrder.begin(), out.typeOrder.end(),
              [&](int a, int b) { return firstNode(a) < firstNode(b); });
    return out;
}

} // namespace headroom
