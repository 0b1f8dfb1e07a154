#include "core/placement/node_search.h"

#include "core/engine/cluster_state.h"

#include <algorithm>

namespace headroom::placement {

NodeRange intersect(NodeRange a, NodeRange b)
{
    const NodeRange out{std::max(a.begin, b.begin), std::min(a.end, b.end)};
    return out.begin < out.end ? out : NodeRange{0, 0};
}

namespace {

// firstOfType() with `range` already intersected with the filter's.
int firstOfTypeIn(const ClusterState &state, const NodeFilter &filter, int type, int minimum,
                  NodeRange range)
{
    const CompiledNodeType &nodeType = state.layout().types[type];
    const MaxTree &tree = state.freeTree(type);
    if (nodeType.groupCount() == 1) {
        // No reservations: one stretch in topology order. The common case, and first-fit asks
        // it for every job a scheduler tries, so it is kept short.
        const NodeRange local = state.typeLocalRange(type, range);
        const int position = tree.firstAtLeast(minimum, local.begin, local.end);
        return position < 0 ? -1 : nodeType.nodes[position];
    }
    int best = -1;
    for (int group = 0; group < nodeType.groupCount(); ++group) {
        if (!filter.admitsGroup(group))
            continue;
        const NodeRange local = state.typeLocalRange(type, range, group);
        const int position = tree.firstAtLeast(minimum, local.begin, local.end);
        if (position < 0)
            continue;
        const int node = nodeType.nodes[position];
        if (best < 0 || node < best)
            best = node;
    }
    return best;
}

} // namespace

int firstOfType(const ClusterState &state, const NodeFilter &filter, int type, int minimum,
                NodeRange within)
{
    return firstOfTypeIn(state, filter, type, minimum, intersect(filter.range, within));
}

int firstFitting(const ClusterState &state, const JobDemand &demand, NodeRange within)
{
    const CompiledCluster &layout = state.layout();
    const NodeFilter &filter = *demand.filter;
    const NodeRange range = intersect(filter.range, within);
    const int firstType = filter.type >= 0 ? filter.type : 0;
    const int endType = filter.type >= 0 ? filter.type + 1 : state.typeCount();
    int best = -1;
    for (int type = firstType; type < endType; ++type) {
        const CompiledNodeType &nodeType = layout.types[type];
        const int needed = freeSlotsNeeded(demand, nodeType.slots);
        if (needed == 0 || nodeType.nodes.empty())
            continue;
        const int node = firstOfTypeIn(state, filter, type, needed, range);
        if (node >= 0 && (best < 0 || node < best))
            best = node;
    }
    return best;
}

namespace {

// Calls visit(type, position) with the node per (type, group) stretch that `pick` chooses.
template<typename Pick, typename Visit>
void forEachStretchChoice(const ClusterState &state, const JobDemand &demand, Pick pick,
                          Visit visit)
{
    const CompiledCluster &layout = state.layout();
    const NodeFilter &filter = *demand.filter;
    for (int type = 0; type < state.typeCount(); ++type) {
        if (filter.type >= 0 && filter.type != type)
            continue;
        const CompiledNodeType &nodeType = layout.types[type];
        const int needed = freeSlotsNeeded(demand, nodeType.slots);
        if (needed == 0 || nodeType.nodes.empty())
            continue;
        for (int group = 0; group < nodeType.groupCount(); ++group) {
            if (!filter.admitsGroup(group))
                continue;
            const NodeRange local = state.typeLocalRange(type, filter.range, group);
            const int position = pick(type, needed, local);
            if (position >= 0)
                visit(nodeType.nodes[position]);
        }
    }
}

} // namespace

int mostFreeFitting(const ClusterState &state, const JobDemand &demand)
{
    int best = -1;
    forEachStretchChoice(
            state, demand,
            [&](int type, int needed, NodeRange local) {
                const MaxTree &tree = state.freeTree(type);
                const int most = tree.maxIn(local.begin, local.end);
                // The first position holding the maximum is the lowest-index emptiest node.
                return most < needed ? -1 : tree.firstAtLeast(most, local.begin, local.end);
            },
            [&](int node) {
                if (best < 0 || state.freeSlots(node) > state.freeSlots(best) ||
                    (state.freeSlots(node) == state.freeSlots(best) && node < best))
                    best = node;
            });
    return best;
}

int leastFreeFitting(const ClusterState &state, const JobDemand &demand)
{
    int best = -1;
    const FreeOrderIndex &order = state.freeOrder();
    forEachStretchChoice(
            state, demand,
            [&](int type, int needed, NodeRange local) {
                return order.leastAtLeast(type, needed, local.begin, local.end);
            },
            [&](int node) {
                if (best < 0 || state.freeSlots(node) < state.freeSlots(best) ||
                    (state.freeSlots(node) == state.freeSlots(best) && node < best))
                    best = node;
            });
    return best;
}

NodeShare singleShare(const ClusterState &state, const JobDemand &demand, int node)
{
    return {node, demand.exclusive ? state.capacity(node) : demand.slots, demand.slots};
}

void collectFree(const ClusterState &state, const NodeFilter &filter, int type, int minimum,
                 NodeRange within, int limit, std::vector<int> &out)
{
    const CompiledNodeType &nodeType = state.layout().types[type];
    const MaxTree &tree = state.freeTree(type);
    const NodeRange range = intersect(filter.range, within);
    const std::size_t start = out.size();
    int groupsUsed = 0;
    for (int group = 0; group < nodeType.groupCount(); ++group) {
        if (!filter.admitsGroup(group))
            continue;
        const NodeRange local = state.typeLocalRange(type, range, group);
        const std::size_t before = out.size();
        for (int from = local.begin; static_cast<int>(out.size() - before) < limit;) {
            const int position = tree.firstAtLeast(minimum, from, local.end);
            if (position < 0)
                break;
            out.push_back(nodeType.nodes[position]);
            from = position + 1;
        }
        groupsUsed += out.size() > before ? 1 : 0;
    }
    if (groupsUsed > 1) {
        // Each group came out ascending; the lowest `limit` of their union are wanted.
        std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
        if (static_cast<int>(out.size() - start) > limit)
            out.resize(start + static_cast<std::size_t>(limit));
    }
}

int countFree(const ClusterState &state, const NodeFilter &filter, int type, int minimum)
{
    if (state.coversAllNodes(filter.range) && filter.owner == NodeFilter::kAnyOwner)
        return state.nodesWithFreeAtLeast(type, minimum);
    const CompiledNodeType &nodeType = state.layout().types[type];
    const MaxTree &tree = state.freeTree(type);
    int count = 0;
    for (int group = 0; group < nodeType.groupCount(); ++group) {
        if (!filter.admitsGroup(group))
            continue;
        const NodeRange local = state.typeLocalRange(type, filter.range, group);
        for (int from = local.begin;;) {
            const int position = tree.firstAtLeast(minimum, from, local.end);
            if (position < 0)
                break;
            ++count;
            from = position + 1;
        }
    }
    return count;
}

bool gangMayUse(const JobDemand &demand, int type)
{
    return demand.filter->type < 0 || demand.filter->type == type;
}

void gangShares(const ClusterState &state, const JobDemand &demand, const std::vector<int> &nodes,
                Allocation &out)
{
    out.clear();
    int remaining = demand.slots;
    for (int node : nodes) {
        const int capacity = state.capacity(node);
        const int busy = std::min(remaining, capacity);
        out.push_back({node, capacity, busy});
        remaining -= busy;
    }
}

bool placeGangByType(const JobDemand &demand, const ClusterState &state, GangTypeChoice choice,
                     std::vector<int> &scratch, Allocation &out)
{
    const CompiledCluster &layout = state.layout();
    int bestType = -1;
    int bestCount = 0;
    for (int type : layout.typeOrder) {
        if (!gangMayUse(demand, type))
            continue;
        const int slots = layout.types[type].slots;
        const int count = countFree(state, *demand.filter, type, slots);
        if (count < gangNodesNeeded(demand.slots, slots))
            continue;
        const bool better =
                choice == GangTypeChoice::FewestFreeNodes ? count < bestCount : count > bestCount;
        if (bestType < 0 || better) {
            bestType = type;
            bestCount = count;
        }
    }
    if (bestType < 0)
        return false;
    const int slots = layout.types[bestType].slots;
    scratch.clear();
    collectFree(state, *demand.filter, bestType, slots, {0, state.nodeCount()},
                gangNodesNeeded(demand.slots, slots), scratch);
    gangShares(state, demand, scratch, out);
    return true;
}

} // namespace headroom::placement
