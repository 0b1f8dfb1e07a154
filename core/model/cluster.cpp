#include "core/model/cluster.h"

#include <utility>

namespace headroom {

int Cluster::nodeCount() const
{
    int count = 0;
    for (const Zone &zone : zones) {
        for (const Rack &rack : zone.racks)
            count += static_cast<int>(rack.nodes.size());
    }
    return count;
}

const Zone *Cluster::findZone(std::string_view name) const
{
    for (const Zone &zone : zones) {
        if (zone.name == name)
            return &zone;
    }
    return nullptr;
}

Zone *Cluster::findZone(std::string_view name)
{
    return const_cast<Zone *>(std::as_const(*this).findZone(name));
}

const Rack *Cluster::findRack(std::string_view name) const
{
    return placeOfRack(name).rack;
}

Rack *Cluster::findRack(std::string_view name)
{
    return const_cast<Rack *>(std::as_const(*this).findRack(name));
}

const NodeSpec *Cluster::findNode(std::string_view name) const
{
    return placeOfNode(name).node;
}

NodeSpec *Cluster::findNode(std::string_view name)
{
    return const_cast<NodeSpec *>(std::as_const(*this).findNode(name));
}

ClusterPlace Cluster::placeOfNode(std::string_view name) const
{
    for (const Zone &zone : zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes) {
                if (node.name == name)
                    return {&zone, &rack, &node};
            }
        }
    }
    return {};
}

ClusterPlace Cluster::placeOfRack(std::string_view name) const
{
    for (const Zone &zone : zones) {
        for (const Rack &rack : zone.racks) {
            if (rack.name == name)
                return {&zone, &rack, nullptr};
        }
    }
    return {};
}

ClusterPlace Cluster::find(std::string_view name) const
{
    for (const Zone &zone : zones) {
        if (zone.name == name)
            return {&zone, nullptr, nullptr};
        for (const Rack &rack : zone.racks) {
            if (rack.name == name)
                return {&zone, &rack, nullptr};
            for (const NodeSpec &node : rack.nodes) {
                if (node.name == name)
                    return {&zone, &rack, &node};
            }
        }
    }
    return {};
}

std::set<std::string> Cluster::names() const
{
    std::set<std::string> out;
    for (const Zone &zone : zones) {
        out.insert(zone.name);
        for (const Rack &rack : zone.racks) {
            out.insert(rack.name);
            for (const NodeSpec &node : rack.nodes)
                out.insert(node.name);
        }
    }
    return out;
}

} // namespace headroom
