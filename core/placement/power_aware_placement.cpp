#include "core/placement/power_aware_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"
#include "core/power/power_caps.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom {

RackLoadIndex::RackLoadIndex(const CompiledCluster &layout)
    : m_layout(&layout)
{
    const std::size_t racks = layout.rackNodes.size();
    m_rackType.assign(racks, -1);
    m_partialMask.assign(racks, 0);
    m_idle.assign(racks, 0);
    m_partialCount.resize(racks);
    m_nodeFree.assign(layout.nodeCount(), -1);
    m_nodeIdle.assign(layout.nodeCount(), 1);
    for (std::size_t rack = 0; rack < racks; ++rack) {
        const NodeRange nodes = layout.rackNodes[rack];
        for (int node = nodes.begin; node < nodes.end; ++node) {
            const int type = layout.nodes[node].type;
            if (node == nodes.begin)
                m_rackType[rack] = type;
            else if (m_rackType[rack] != type)
                m_usable = false;
            if (layout.nodes[node].slots > 63)
                m_usable = false;
        }
        m_idle[rack] = nodes.end - nodes.begin; // every node starts on and idle
        m_partialCount[rack].assign(64, 0);
    }
    m_typeMask.assign(layout.types.size(), 0);
    m_typePartialCount.assign(layout.types.size(), std::vector<int>(64, 0));
    m_typeIdle.assign(layout.types.size(), 0);
    for (int node = 0; node < layout.nodeCount(); ++node)
        ++m_typeIdle[layout.nodes[node].type];
}

void RackLoadIndex::update(const ClusterState &state, int node)
{
    if (!m_usable)
        return;
    const int rack = m_layout->nodes[node].rack;
    const int capacity = state.capacity(node);
    const bool on = state.switchedOn(node);
    const int free = state.freeSlots(node);
    const int partly = on && free > 0 && free < capacity ? free : -1;
    const std::uint8_t idle = on && free == capacity ? 1 : 0;
    const int type = m_layout->nodes[node].type;
    if (m_nodeFree[node] >= 0) {
        if (--m_partialCount[rack][m_nodeFree[node]] == 0)
            m_partialMask[rack] &= ~(std::uint64_t(1) << m_nodeFree[node]);
        if (--m_typePartialCount[type][m_nodeFree[node]] == 0)
            m_typeMask[type] &= ~(std::uint64_t(1) << m_nodeFree[node]);
    }
    if (partly >= 0) {
        if (m_partialCount[rack][partly]++ == 0)
            m_partialMask[rack] |= std::uint64_t(1) << partly;
        if (m_typePartialCount[type][partly]++ == 0)
            m_typeMask[type] |= std::uint64_t(1) << partly;
    }
    m_nodeFree[node] = partly;
    m_idle[rack] += int(idle) - int(m_nodeIdle[node]);
    m_typeIdle[type] += int(idle) - int(m_nodeIdle[node]);
    m_nodeIdle[node] = idle;
}

void PowerAwarePlacement::attach(const PowerCaps *caps, const RackLoadIndex *index)
{
    m_caps = caps;
    m_index = index;
    m_rackBudgets = false;
    if (caps) {
        const std::vector<double> &budgets = caps->model().rackBudgetsW();
        m_rackBudgets =
                std::any_of(budgets.begin(), budgets.end(), [](double w) { return w >= 0.0; });
    }
}

bool PowerAwarePlacement::place(const JobDemand &demand, const ClusterState &state, Allocation &out)
{
    out.clear();
    m_refusedByCap = false;
    return demand.gang ? placeGang(demand, state, out) : placeSingle(demand, state, out);
}

bool PowerAwarePlacement::fast(const JobDemand &demand, const ClusterState &state) const
{
    return m_index && m_index->usable() && m_caps && &state == &m_caps->live() &&
           state.coversAllNodes(demand.filter->range) &&
           demand.filter->owner == NodeFilter::kAnyOwner;
}

double PowerAwarePlacement::headroom(const ClusterState &state, int rack) const
{
    return m_caps ? m_caps->rackHeadroomW(state, rack) : 0.0;
}

bool PowerAwarePlacement::admits(const ClusterState &state, const Allocation &allocation) const
{
    return !m_caps || m_caps->admits(state, allocation);
}

int PowerAwarePlacement::firstInRack(const JobDemand &demand, const ClusterState &state, int rack,
                                     bool partly, int minimum) const
{
    const CompiledCluster &layout = state.layout();
    const NodeRange nodes = placement::intersect(layout.rackNodes[rack], demand.filter->range);
    for (int node = nodes.begin; node < nodes.end; ++node) {
        if (!state.switchedOn(node) || !demand.filter->admits(layout.nodes[node], node))
            continue;
        const int capacity = state.capacity(node);
        const int need = minimum > 0 ? minimum : freeSlotsNeeded(demand, capacity);
        const int free = state.freeSlots(node);
        if (need > 0 && free >= need && (partly ? free < capacity : free == capacity))
            return node;
    }
    return -1;
}

// A lower bound of the power (as caps count it) a single-node job adds to any node it may
// use: over power classes and the busy accelerators a node could already have.
double PowerAwarePlacement::leastDelta(const JobDemand &demand, const ClusterState &state) const
{
    if (!m_caps)
        return 0.0;
    const PowerModel &model = m_caps->model();
    double least = std::numeric_limits<double>::infinity();
    for (int cls = 0; cls < model.classCount(); ++cls) {
        const int slots = model.classSlots(cls);
        const int type = model.classType(cls);
        if (demand.slots > slots || (demand.filter->type >= 0 && demand.filter->type != type))
            continue;
        for (int busy = 0; busy + demand.slots <= slots; ++busy) {
            least = std::min(least,
                             model.capWatts(cls, busy + demand.slots) - model.capWatts(cls, busy));
        }
    }
    (void)state;
    return std::isinf(least) ? 0.0 : least;
}

const std::vector<PowerAwarePlacement::Candidate> &
PowerAwarePlacement::sortedRacks(const ClusterState &state)
{
    // Without rack budgets every rack has infinite headroom and the order is the rack order
    // for the whole run: sorting it again after every start and completion cost a tenth of a
    // million-job replay.
    const bool stale = m_rackBudgets ? m_sortedChanges != m_caps->liveChanges()
                                     : m_sortedChanges == ~std::uint64_t(0);
    if (!stale)
        return m_sorted;
    if (m_sortedChanges == ~std::uint64_t(0)) {
        const CompiledCluster &layout = state.layout();
        for (int rack = 0; rack < static_cast<int>(layout.rackNodes.size()); ++rack) {
            if (m_index->rackType(rack) >= 0)
                m_sorted.push_back({headroom(state, rack), rack});
        }
    } else {
        for (Candidate &candidate : m_sorted)
            candidate.headroom = headroom(state, candidate.rack);
    }
    m_sortedChanges = m_caps->liveChanges();
    // A start or an end moves a rack or two: insertion sort from the previous order is nearly
    // linear (the order is total, so the result is the same as any sort's).
    for (std::size_t i = 1; i < m_sorted.size(); ++i) {
        const Candidate moving = m_sorted[i];
        std::size_t j = i;
        for (; j > 0 && moving < m_sorted[j - 1]; --j)
            m_sorted[j] = m_sorted[j - 1];
        m_sorted[j] = moving;
    }
    return m_sorted;
}

// placeSingle() on the live cluster with an unrestricted filter: the same choice, from the
// rack index and the racks kept sorted by headroom, without looking at every rack per call.
bool PowerAwarePlacement::placeSingleFast(const JobDemand &demand, const ClusterState &state,
                                          Allocation &out)
{
    const CompiledCluster &layout = state.layout();
    const double least = leastDelta(demand, state);
    const double clusterRoom = m_caps->clusterHeadroomW(state);
    for (const bool partly : {true, false}) {
        if (partly && demand.exclusive)
            continue;
        bool any = false;
        for (int type : layout.typeOrder) {
            if (demand.filter->type >= 0 && demand.filter->type != type)
                continue;
            const int need = freeSlotsNeeded(demand, layout.types[type].slots);
            any = any || (need > 0 && (partly ? m_index->typeHasPartial(type, need)
                                              : m_index->typeIdleNodes(type) > 0));
        }
        if (!any)
            continue;
        if (clusterRoom < least) {
            m_refusedByCap = true;
            continue;
        }
        for (const Candidate &candidate : sortedRacks(state)) {
            if (candidate.headroom < least) {
                m_refusedByCap = true;
                break; // sorted: the rest have less
            }
            const int type = m_index->rackType(candidate.rack);
            if (demand.filter->type >= 0 && demand.filter->type != type)
                continue;
            const int need = freeSlotsNeeded(demand, layout.types[type].slots);
            if (need == 0 || (partly ? !m_index->hasPartial(candidate.rack, need)
                                     : m_index->idleNodes(candidate.rack) == 0))
                continue;
            const int node = firstInRack(demand, state, candidate.rack, partly, 0);
            if (node < 0)
                continue;
            out.assign(1, placement::singleShare(state, demand, node));
            if (admits(state, out))
                return true;
            m_refusedByCap = true;
        }
    }
    out.clear();
    return false;
}

bool PowerAwarePlacement::placeSingle(const JobDemand &demand, const ClusterState &state,
                                      Allocation &out)
{
    const CompiledCluster &layout = state.layout();
    const bool useIndex = fast(demand, state);
    if (useIndex)
        return placeSingleFast(demand, state, out);
    const int racks = static_cast<int>(layout.rackNodes.size());
    for (const bool partly : {true, false}) {
        if (partly && demand.exclusive)
            continue; // a dedicated job needs a whole free node
        m_candidates.clear();
        for (int rack = 0; rack < racks; ++rack) {
            if (useIndex) {
                const int type = m_index->rackType(rack);
                if (type < 0 || (demand.filter->type >= 0 && demand.filter->type != type))
                    continue;
                const int need = freeSlotsNeeded(demand, layout.types[type].slots);
                if (need == 0 ||
                    (partly ? !m_index->hasPartial(rack, need) : m_index->idleNodes(rack) == 0))
                    continue;
            } else if (firstInRack(demand, state, rack, partly, 0) < 0) {
                continue;
            }
            m_candidates.push_back({headroom(state, rack), rack});
        }
        if (m_candidates.empty())
            continue;
        // No rack with less headroom than the least the job can add can take it.
        const double least = leastDelta(demand, state);
        if (m_caps && m_caps->clusterHeadroomW(state) < least) {
            m_refusedByCap = true;
            continue;
        }
        // The best rack nearly always admits the job; sort the rest only when it does not.
        std::iter_swap(m_candidates.begin(),
                       std::min_element(m_candidates.begin(), m_candidates.end()));
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            if (i == 1)
                std::sort(m_candidates.begin() + 1, m_candidates.end());
            if (m_candidates[i].headroom < least) {
                m_refusedByCap = true;
                break; // sorted: the rest have less
            }
            const int node = firstInRack(demand, state, m_candidates[i].rack, partly, 0);
            if (node < 0)
                continue;
            out.assign(1, placement::singleShare(state, demand, node));
            if (admits(state, out))
                return true;
            m_refusedByCap = true; // it fits, but not under the caps (so far)
        }
    }
    out.clear();
    return false;
}

int PowerAwarePlacement::countIdle(const JobDemand &demand, const ClusterState &state, int rack,
                                   int type) const
{
    const CompiledCluster &layout = state.layout();
    const NodeRange nodes = placement::intersect(layout.rackNodes[rack], demand.filter->range);
    int count = 0;
    for (int node = nodes.begin; node < nodes.end; ++node) {
        count += layout.nodes[node].type == type && state.switchedOn(node) &&
                 state.freeSlots(node) == state.capacity(node) &&
                 demand.filter->admits(layout.nodes[node], node);
    }
    return count;
}

// What placeGang()'s walk over m_candidates does, by counts: whether it takes `needed` nodes
// with the gang's slots (each node's cap-counted delta against what its rack and the cluster
// have left, in the same order and arithmetic).
bool PowerAwarePlacement::gangFitsUnderCaps(const JobDemand &demand, int type, double lightest,
                                            double clusterLeft) const
{
    if (!m_caps)
        return true;
    const PowerModel &model = m_caps->model();
    const CompiledCluster &layout = model.layout();
    const int capacity = layout.types[type].slots;
    int remaining = demand.slots;
    for (const Candidate &candidate : m_candidates) {
        if (candidate.headroom < lightest || clusterLeft < lightest)
            break;
        double rackLeft = candidate.headroom;
        const int cls = model.classOf(layout.rackNodes[candidate.rack].begin);
        for (int taken = 0; taken < m_index->idleNodes(candidate.rack) && remaining > 0; ++taken) {
            const double delta =
                    model.capWatts(cls, std::min(remaining, capacity)) - model.capWatts(cls, 0);
            if (delta > rackLeft || delta > clusterLeft)
                break;
            rackLeft -= delta;
            clusterLeft -= delta;
            remaining -= std::min(remaining, capacity);
        }
        if (remaining == 0)
            return true;
    }
    return false;
}

bool PowerAwarePlacement::placeGang(const JobDemand &demand, const ClusterState &state,
                                    Allocation &out)
{
    const CompiledCluster &layout = state.layout();
    const bool useIndex = fast(demand, state);
    const int racks = static_cast<int>(layout.rackNodes.size());
    const double infinity = std::numeric_limits<double>::infinity();
    for (int type : layout.typeOrder) {
        if (!placement::gangMayUse(demand, type))
            continue;
        const int capacity = layout.types[type].slots;
        const int needed = gangNodesNeeded(demand.slots, capacity);
        m_candidates.clear();
        if (useIndex) {
            if (m_index->typeIdleNodes(type) < needed)
                continue;
            for (const Candidate &candidate : sortedRacks(state)) {
                if (m_index->rackType(candidate.rack) == type &&
                    m_index->idleNodes(candidate.rack) > 0)
                    m_candidates.push_back(candidate);
            }
        }
        for (int rack = 0; rack < racks && !useIndex; ++rack) {
            {
                NodeFilter typed = *demand.filter;
                typed.type = type;
                const JobDemand whole{capacity, false, &typed, true};
                if (firstInRack(whole, state, rack, false, capacity) < 0)
                    continue;
            }
            m_candidates.push_back({headroom(state, rack), rack});
        }
        if (!useIndex)
            std::sort(m_candidates.begin(), m_candidates.end());
        m_nodes.clear();
        double clusterLeft = m_caps ? m_caps->clusterHeadroomW(state) : infinity;
        int remaining = demand.slots;
        // Less headroom than one node at its lightest load adds: no rack further down can help.
        double lightest = 0.0;
        if (m_caps) {
            lightest = infinity;
            const PowerModel &model = m_caps->model();
            for (int cls = 0; cls < model.classCount(); ++cls) {
                if (model.classType(cls) == type)
                    lightest = std::min(lightest, model.capWatts(cls, 1) - model.capWatts(cls, 0));
            }
        }
        // With the rack index, count first what the walk below would take (a rack's idle
        // on-nodes are all of one power class, so each adds the same): a gang the caps refuse
        // is then refused without visiting a node, however often EASY asks again.
        if (useIndex && !gangFitsUnderCaps(demand, type, lightest, clusterLeft)) {
            int idle = 0; // enough idle nodes, but not under the caps? (as below)
            for (const Candidate &candidate : m_candidates)
                idle += m_index->idleNodes(candidate.rack);
            m_refusedByCap = m_refusedByCap || idle >= needed;
            continue;
        }
        for (const Candidate &candidate : m_candidates) {
            if (candidate.headroom < lightest || clusterLeft < lightest)
                break;
            double rackLeft = candidate.headroom;
            const NodeRange nodes =
                    placement::intersect(layout.rackNodes[candidate.rack], demand.filter->range);
            for (int node = nodes.begin; node < nodes.end && remaining > 0; ++node) {
                if (layout.nodes[node].type != type || !state.switchedOn(node) ||
                    state.freeSlots(node) != capacity ||
                    !demand.filter->admits(layout.nodes[node], node))
                    continue;
                double delta = 0.0;
                if (m_caps) {
                    const PowerModel &model = m_caps->model();
                    const int cls = model.classOf(node);
                    delta = model.capWatts(cls, std::min(remaining, capacity)) -
                            model.capWatts(cls, 0);
                }
                if (delta > rackLeft || delta > clusterLeft)
                    break; // this rack has no room for more at full load
                m_nodes.push_back(node);
                rackLeft -= delta;
                clusterLeft -= delta;
                remaining -= std::min(remaining, capacity);
            }
            if (remaining == 0)
                break;
        }
        if (static_cast<int>(m_nodes.size()) < needed || remaining > 0) {
            // Enough idle nodes, but not under the caps?
            int idle = 0;
            for (const Candidate &candidate : m_candidates) {
                idle += useIndex ? m_index->idleNodes(candidate.rack)
                                 : countIdle(demand, state, candidate.rack, type);
            }
            m_refusedByCap = m_refusedByCap || idle >= needed;
            continue;
        }
        placement::gangShares(state, demand, m_nodes, out);
        if (admits(state, out))
            return true;
        m_refusedByCap = true;
        out.clear();
    }
    return false;
}

} // namespace headroom
