#include "core/engine/node_filter_index.h"

#include <algorithm>

namespace headroom {
namespace {

FilterCapacity capacityOf(const NodeFilter &filter, const CompiledCluster &cluster)
{
    FilterCapacity capacity;
    capacity.nodesOfType.assign(cluster.types.size(), 0);
    for (int node = filter.range.begin; node < filter.range.end; ++node) {
        const CompiledNode &info = cluster.nodes[node];
        if (!filter.admits(info, node))
            continue;
        ++capacity.nodesOfType[info.type];
        capacity.largestNode = std::max(capacity.largestNode, info.slots);
    }
    return capacity;
}

NodeRange intersect(NodeRange a, NodeRange b)
{
    const NodeRange out{std::max(a.begin, b.begin), std::min(a.end, b.end)};
    return out.begin < out.end ? out : NodeRange{0, 0};
}

} // namespace

NodeFilterIndex::NodeFilterIndex(const CompiledCluster &cluster)
    : m_cluster(cluster)
{
    intern({-1, {0, cluster.nodeCount()}, NodeFilter::kAnyOwner});
}

int NodeFilterIndex::intern(const NodeFilter &filter)
{
    const auto key = std::tuple(filter.type, filter.range.begin, filter.range.end, filter.owner);
    const auto [it, inserted] = m_index.emplace(key, static_cast<int>(m_filters.size()));
    if (inserted) {
        m_filters.push_back(filter);
        m_capacity.push_back(capacityOf(filter, m_cluster));
        m_ignoringReservations.push_back(it->second);
    }
    return it->second;
}

int NodeFilterIndex::filterFor(const JobConstraints &constraints, const std::string &tenant)
{
    const bool reservations = m_cluster.hasReservations();
    if (constraints.empty() && !reservations)
        return 0;
    NodeFilter filter{-1, {0, m_cluster.nodeCount()}, NodeFilter::kAnyOwner};
    if (!constraints.nodeType.empty()) {
        filter.type = m_cluster.typeIndex(constraints.nodeType);
        if (filter.type < 0)
            filter.range = {0, 0};
    }
    if (!constraints.zone.empty()) {
        const int zone = m_cluster.zoneIndex(constraints.zone);
        filter.range =
                zone < 0 ? NodeRange{0, 0} : intersect(filter.range, m_cluster.zoneNodes[zone]);
    }
    if (!constraints.rack.empty()) {
        const int rack = m_cluster.rackIndex(constraints.rack);
        filter.range =
                rack < 0 ? NodeRange{0, 0} : intersect(filter.range, m_cluster.rackNodes[rack]);
    }
    if (!constraints.pinNode.empty()) {
        if (m_nodeByName.empty()) { // built for the first pinned job: most scenarios have none
            m_nodeByName.reserve(static_cast<std::size_t>(m_cluster.nodeCount()));
            for (int node = 0; node < m_cluster.nodeCount(); ++node)
                m_nodeByName.emplace(m_cluster.nodes[node].name, node);
        }
        const auto it = m_nodeByName.find(constraints.pinNode);
        filter.range = it == m_nodeByName.end()
                               ? NodeRange{0, 0}
                               : intersect(filter.range, {it->second, it->second + 1});
    }
    const int ignoring = intern(filter);
    if (!reservations)
        return ignoring;

    auto owner = m_ownerOf.find(tenant);
    if (owner == m_ownerOf.end()) {
        const int index = tenant.empty() ? -1 : m_cluster.tenantIndex(tenant);
        owner = m_ownerOf.emplace(tenant, index < 0 ? NodeFilter::kSharedOnly : index).first;
    }
    // The only tenant with reservations may use every node: keep the cheap unrestricted form.
    if (owner->second >= 0 && m_cluster.tenantNames.size() == 1)
        return ignoring;
    filter.owner = owner->second;
    const int restricted = intern(filter);
    m_ignoringReservations[restricted] = ignoring;
    return restricted;
}

bool NodeFilterIndex::fits(int filter, int slots, bool *gang) const
{
    const FilterCapacity &capacity = m_capacity[filter];
    bool fits = slots <= capacity.largestNode;
    if (gang)
        *gang = !fits;
    for (std::size_t type = 0; !fits && type < m_cluster.types.size(); ++type) {
        fits = capacity.nodesOfType[type] > 0 &&
               capacity.nodesOfType[type] >= gangNodesNeeded(slots, m_cluster.types[type].slots);
    }
    return fits;
}

RejectReason NodeFilterIndex::feasibility(int filter, int slots, bool *gang) const
{
    if (fits(filter, slots, gang))
        return RejectReason::None;
    const int ignoring = m_ignoringReservations[filter];
    if (ignoring != filter && fits(ignoring, slots, nullptr))
        return RejectReason::ReservedForOtherTenants;
    return ignoring == 0 ? RejectReason::LargerThanCluster : RejectReason::ConstraintsTooSmall;
}

} // namespace headroom
