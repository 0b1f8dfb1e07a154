#include "core/power/power_manager.h"

#include <algorithm>
#include <limits>

namespace headroom {

PowerManager::PowerManager(const PowerModel &model, ClusterState &cluster, PowerMeter &meter,
                           const PowerCaps &caps, Listener &listener)
    : m_model(&model)
    , m_cluster(&cluster)
    , m_meter(&meter)
    , m_caps(&caps)
    , m_listener(&listener)
    , m_enabled(model.energy().dpmEnabled)
    , m_timeout(model.energy().idleTimeoutS)
    , m_spare(model.energy().spareNodes)
{
    if (!m_enabled)
        return;
    const CompiledCluster &layout = model.layout();
    m_generation.assign(layout.nodeCount(), 0);
    for (const CompiledNodeType &type : layout.types) {
        const std::vector<int> zeros(type.nodes.size(), 0);
        m_offTree.emplace_back(zeros, 1);
        m_bootingTree.emplace_back(zeros, 1);
    }
    m_bootingOfType.assign(layout.types.size(), 0);
    m_offOfType.assign(layout.types.size(), 0);
    m_forJob.assign(layout.nodeCount(), 0);
    m_have.assign(layout.types.size(), 0);
    m_rackRoom.assign(layout.rackNodes.size(), 0.0);
    // Each type's nodes rack by rack, where each rack's are of one power class (as DVFS
    // levels are set per rack); otherwise none, and wake() walks the nodes.
    m_typeRacks.resize(layout.types.size());
    for (int type = 0; type < static_cast<int>(layout.types.size()); ++type) {
        const CompiledNodeType &nodeType = layout.types[type];
        bool oneClassPerRack = nodeType.groupCount() == 1;
        for (int rack = 0; oneClassPerRack && rack < int(layout.rackNodes.size()); ++rack) {
            const NodeRange local = cluster.typeLocalRange(type, layout.rackNodes[rack]);
            if (local.begin >= local.end)
                continue;
            const int cls = model.classOf(nodeType.nodes[local.begin]);
            for (int position = local.begin; position < local.end; ++position)
                oneClassPerRack = oneClassPerRack && model.classOf(nodeType.nodes[position]) == cls;
            m_typeRacks[type].push_back({rack, local.begin, local.end, cls});
        }
        if (!oneClassPerRack)
            m_typeRacks[type].clear();
    }
    m_rackRoomStamp.assign(layout.rackNodes.size(), 0);
}

void PowerManager::begin(SimTime time)
{
    if (!m_enabled)
        return;
    for (int node = 0; node < m_model->layout().nodeCount(); ++node)
        nodeBecameIdle(node, time);
}

void PowerManager::nodeBecameIdle(int node, SimTime now)
{
    ++m_idleOn;
    m_timeouts.push_back({now + m_timeout, node, ++m_generation[node]});
}

void PowerManager::nodeBecameBusy(int node)
{
    --m_idleOn;
    ++m_generation[node];
}

void PowerManager::dropStaleTimeouts()
{
    while (!m_timeouts.empty() &&
           m_timeouts.front().generation != m_generation[m_timeouts.front().node])
        m_timeouts.pop_front();
}

SimTime PowerManager::nextEventTime()
{
    SimTime next = std::numeric_limits<SimTime>::infinity();
    if (!m_enabled)
        return next;
    dropStaleTimeouts();
    if (!m_timeouts.empty())
        next = m_timeouts.front().time;
    if (!m_booting.empty())
        next = std::min(next, m_booting.front().ready);
    if (!m_shutdowns.empty())
        next = std::min(next, m_shutdowns.top().time);
    return next;
}

void PowerManager::setSwitched(int node, NodePowerState state)
{
    const CompiledCluster &layout = m_model->layout();
    const int type = layout.nodes[node].type;
    const int position = layout.typePosition[node];
    const NodePowerState before = m_cluster->powerState(node);
    if (before == NodePowerState::Off) {
        --m_off;
        --m_offOfType[type];
        m_offTree[type].set(position, 0);
    } else if (before == NodePowerState::Booting) {
        --m_bootingOfType[type];
        m_bootingTree[type].set(position, 0);
    }
    if (state == NodePowerState::Off) {
        ++m_off;
        ++m_offOfType[type];
        m_offTree[type].set(position, 1);
    } else if (state == NodePowerState::Booting) {
        ++m_bootingOfType[type];
        m_bootingTree[type].set(position, 1);
    }
    m_cluster->setSwitched(node, state);
    m_meter->switched(node, state);
    m_listener->nodeSwitched(node, state);
}

PowerManager::Transitions PowerManager::completeTransitions(SimTime now)
{
    Transitions done;
    if (!m_enabled)
        return done;
    std::size_t ready = 0;
    while (ready < m_booting.size() && m_booting[ready].ready <= now)
        ++ready;
    if (ready > 0) {
        const std::vector<BootingNode> finished(m_booting.begin(), m_booting.begin() + ready);
        m_booting.erase(m_booting.begin(), m_booting.begin() + ready);
        for (const BootingNode &boot : finished) {
            if (m_forJob[boot.node]) {
                m_forJob[boot.node] = 0;
                --m_wakeBooting;
                m_wakeBootEnded = now;
            }
            setSwitched(boot.node, NodePowerState::Idle);
            nodeBecameIdle(boot.node, now);
            ++done.booted;
        }
    }
    while (!m_shutdowns.empty() && m_shutdowns.top().time <= now) {
        const int node = m_shutdowns.top().node;
        const std::uint32_t generation = m_shutdowns.top().generation;
        m_shutdowns.pop();
        if (generation != m_generation[node])
            continue; // it went down while shutting down (docs/design.md §10.5)
        setSwitched(node, NodePowerState::Off);
        ++done.shutDown;
    }
    return done;
}

void PowerManager::expireIdle(SimTime now)
{
    if (!m_enabled)
        return;
    m_expired.clear();
    for (dropStaleTimeouts(); !m_timeouts.empty() && m_timeouts.front().time <= now;
         dropStaleTimeouts()) {
        const Timeout timeout = m_timeouts.front();
        m_timeouts.pop_front();
        // Also deferred at the instant a wake boot ends: the pass that follows may start the
        // job on this node together with the booted one. (A gang whose nodes could only be
        // booted one at a time, with boots as long as the idle timeout, otherwise never had
        // all of them on at once: each timed out as the next came up.)
        if (m_wakeBooting > 0 || m_wakeBootEnded == now)
            m_deferred.push_back(timeout);
        else
            m_expired.push_back(timeout.node);
    }
    if (!m_expired.empty())
        switchOff(m_expired, now);
}

void PowerManager::switchOffDeferred(SimTime now)
{
    if (!m_enabled || m_wakeBooting > 0 || m_deferred.empty())
        return;
    m_expired.clear();
    for (const Timeout &timeout : m_deferred) {
        if (timeout.generation == m_generation[timeout.node])
            m_expired.push_back(timeout.node);
    }
    m_deferred.clear();
    if (!m_expired.empty())
        switchOff(m_expired, now);
}

void PowerManager::switchOff(std::vector<int> &candidates, SimTime now)
{
    // Highest index first, so that the spares left on are the lowest-index nodes.
    std::sort(candidates.begin(), candidates.end(), std::greater<>());
    for (int node : candidates) {
        if (m_idleOn <= m_spare)
            return;
        const PowerCaps::Switch off{node, NodePowerState::ShuttingDown};
        if (!m_caps->admitsSwitches({&off, 1}))
            continue; // only if off_w exceeds idle power: stays on rather than break a cap
        ++m_generation[node];
        --m_idleOn;
        setSwitched(node, NodePowerState::ShuttingDown);
        m_shutdowns.push({now + m_model->shutdownS(node), node, m_generation[node]});
    }
}

void PowerManager::takeDown(int node)
{
    if (m_enabled) {
        switch (m_cluster->powerState(node)) {
        case NodePowerState::Idle:
            --m_idleOn;
            ++m_generation[node]; // its idle timeout is stale
            break;
        case NodePowerState::Booting: {
            const auto it =
                    std::find_if(m_booting.begin(), m_booting.end(),
                                 [node](const BootingNode &boot) { return boot.node == node; });
            if (it != m_booting.end())
                m_booting.erase(it);
            if (m_forJob[node]) {
                m_forJob[node] = 0;
                --m_wakeBooting;
            }
            break;
        }
        case NodePowerState::ShuttingDown:
            ++m_generation[node]; // its shutdown completion is stale
            break;
        case NodePowerState::Off:
        case NodePowerState::Busy:
        case NodePowerState::Down:
            break;
        }
    }
    setSwitched(node, NodePowerState::Down);
}

void PowerManager::bringUp(int node, SimTime now)
{
    setSwitched(node, NodePowerState::Idle);
    if (m_enabled)
        nodeBecameIdle(node, now);
}

bool PowerManager::unrestricted(const NodeFilter &filter) const
{
    return m_cluster->coversAllNodes(filter.range) &&
           (filter.owner == NodeFilter::kAnyOwner || !m_model->layout().hasReservations());
}

int PowerManager::countAtLeast(const MaxTree &tree, int type, const NodeFilter &filter, int minimum,
                               int limit) const
{
    const CompiledNodeType &nodeType = m_model->layout().types[type];
    int count = 0;
    for (int group = 0; group < nodeType.groupCount() && count < limit; ++group) {
        if (!filter.admitsGroup(group))
            continue;
        const NodeRange local = m_cluster->typeLocalRange(type, filter.range, group);
        count += tree.countAtLeast(minimum, local.begin, local.end, limit - count);
    }
    return count;
}

void PowerManager::bootNode(int node, SimTime now)
{
    setSwitched(node, NodePowerState::Booting);
    const BootingNode entry{now + m_model->bootS(node), node};
    m_booting.insert(std::upper_bound(m_booting.begin(), m_booting.end(), entry), entry);
    ++m_boots;
}

int PowerManager::replenishSpares(SimTime now)
{
    int deficit = m_spare - m_idleOn - nodesBooting();
    if (!m_enabled || deficit <= 0 || m_off == 0)
        return 0;
    // Lowest-index off nodes first (types in topology order), each only if the caps allow its
    // boot; a refusal skips the rest of that rack.
    int booted = 0;
    const CompiledCluster &layout = m_model->layout();
    for (int type : layout.typeOrder) {
        const CompiledNodeType &nodeType = layout.types[type];
        for (int group = 0; group < nodeType.groupCount() && booted < deficit; ++group) {
            const NodeRange local = m_cluster->typeLocalRange(type, {0, layout.nodeCount()}, group);
            for (int from = local.begin; booted < deficit;) {
                const int position = m_offTree[type].firstAtLeast(1, from, local.end);
                if (position < 0)
                    break;
                const int node = nodeType.nodes[position];
                const PowerCaps::Switch boot{node, NodePowerState::Booting};
                if (m_caps->admitsSwitches({&boot, 1})) {
                    bootNode(node, now);
                    ++booted;
                    from = position + 1;
                } else {
                    const NodeRange rack = layout.rackNodes[layout.nodes[node].rack];
                    from = std::max(
                            position + 1,
                            m_cluster->typeLocalRange(type, {rack.end, layout.nodeCount()}, group)
                                    .begin);
                }
            }
        }
    }
    return booted;
}

// Walks the admitted nodes of `type` whose `tree` value is at least `minimum` in topology
// order, calling visit(node), which says whether to go on to the next node, skip the rest of
// the node's rack, or stop.
template<typename Visit>
void PowerManager::forEachNode(const MaxTree &tree, int type, const NodeFilter &filter, int minimum,
                               Visit visit) const
{
    const CompiledCluster &layout = m_model->layout();
    const CompiledNodeType &nodeType = layout.types[type];
    for (int group = 0; group < nodeType.groupCount(); ++group) {
        if (!filter.admitsGroup(group))
            continue;
        const NodeRange local = m_cluster->typeLocalRange(type, filter.range, group);
        for (int from = local.begin;;) {
            const int position = tree.firstAtLeast(minimum, from, local.end);
            if (position < 0)
                break;
            const int node = nodeType.nodes[position];
            const Walk next = visit(node);
            if (next == Walk::Stop)
                return;
            from = position + 1;
            if (next == Walk::SkipRack) {
                const int rackEnd = layout.rackNodes[layout.nodes[node].rack].end;
                from = std::max(
                        from, m_cluster->typeLocalRange(type, {rackEnd, layout.nodeCount()}, group)
                                      .begin);
            }
        }
    }
}

PowerManager::Wake PowerManager::wake(SimTime now, const JobDemand &demand)
{
    Wake result;
    if (!m_enabled || m_off == 0)
        return result;
    const WakeMemo &last = m_lastWake;
    if (last.changes == m_meter->changes() && last.demand.slots == demand.slots &&
        last.demand.gang == demand.gang && last.demand.filter == demand.filter &&
        last.demand.exclusive == demand.exclusive) {
        result.refusedByCap = last.refusedByCap;
        return result;
    }
    result = wakeWalk(now, demand);
    if (result.booted == 0)
        m_lastWake = {m_meter->changes(), demand, result.refusedByCap};
    return result;
}

PowerManager::Wake PowerManager::wakeWalk(SimTime now, const JobDemand &demand)
{
    Wake result;
    const CompiledCluster &layout = m_model->layout();
    const NodeFilter &filter = *demand.filter;
    const bool caps = m_caps->active();
    const bool fast = unrestricted(filter) && !caps;

    // The power a node of class `cls` would add once running the job (what caps count).
    // `fromIndex` is the node's state index: its busy accelerators if it is on (the job's come
    // on top of those of a partly used node), or off.
    const auto jobDelta = [&](int cls, int fromIndex) {
        const int slots = m_model->classSlots(cls);
        const int busyNow = fromIndex <= slots ? fromIndex : 0;
        const int busy = std::min(busyNow + std::min(demand.slots, slots), slots);
        return m_model->capWatts(cls, busy) - m_model->capWatts(cls, fromIndex);
    };
    const auto onDelta = [&](int node) {
        return jobDelta(m_model->classOf(node), m_meter->stateIndex(node));
    };
    // Room left under the caps as nodes are counted or chosen: per rack, and the cluster.
    double clusterRoom = 0.0;
    const auto resetRoom = [&]() {
        if (++m_roomStamp == 0) { // wrapped: no stamp may look current
            std::fill(m_rackRoomStamp.begin(), m_rackRoomStamp.end(), 0);
            m_roomStamp = 1;
        }
        clusterRoom = m_caps->clusterHeadroomW(*m_cluster);
    };
    const auto rackRoom = [&](int rack) -> double & {
        if (m_rackRoomStamp[rack] != m_roomStamp) {
            m_rackRoomStamp[rack] = m_roomStamp;
            m_rackRoom[rack] = m_caps->rackHeadroomW(*m_cluster, rack);
        }
        return m_rackRoom[rack];
    };
    // Takes `delta` of the room if node's rack and the cluster have it. If not, and not even
    // `least` (the least any node of the walk may add) is left, the rest of the rack, or of the
    // walk, cannot fit either: under a binding cap most racks have no room at all, and looking
    // at each of their nodes after every pass was most of the cost of a power-capped replay.
    struct Fit
    {
        bool fitted;
        Walk next; // where the walk goes on: the rest may still fit or not
    };
    const auto fit = [&](int node, double delta, double least) -> Fit {
        if (!caps)
            return {true, Walk::Next};
        double &room = rackRoom(layout.nodes[node].rack);
        if (delta <= room && delta <= clusterRoom) {
            room -= delta;
            clusterRoom -= delta;
            return {true, Walk::Next};
        }
        if (clusterRoom < least)
            return {false, Walk::Stop};
        return {false, room < least ? Walk::SkipRack : Walk::Next};
    };
    // The least a node of `type` adds when the job runs on it: on a free on-node, and (booted
    // for it) on an off node.
    const auto leastOnDelta = [&](int type) {
        double least = std::numeric_limits<double>::infinity();
        for (int cls = 0; cls < m_model->classCount(); ++cls) {
            if (m_model->classType(cls) != type)
                continue;
            const int slots = m_model->classSlots(cls);
            for (int busy = 0; busy + std::min(demand.slots, slots) <= slots; ++busy)
                least = std::min(least, jobDelta(cls, busy));
        }
        return least;
    };
    // What a node of class `cls` adds if booted and then running the job (the larger of its
    // boot draw and its draw running the job, over off).
    const auto offDelta = [&](int cls) {
        const int off = m_model->stateIndex(cls, NodePowerState::Off, 0);
        const int booting = m_model->stateIndex(cls, NodePowerState::Booting, 0);
        return std::max(jobDelta(cls, off),
                        m_model->capWatts(cls, booting) - m_model->capWatts(cls, off));
    };
    const auto leastOffDelta = [&](int type) {
        double least = std::numeric_limits<double>::infinity();
        for (int cls = 0; cls < m_model->classCount(); ++cls) {
            if (m_model->classType(cls) == type)
                least = std::min(least, offDelta(cls));
        }
        return least;
    };
    // Counts the free on-nodes of `type` (at least `threshold` slots free) whose rack and the
    // cluster have the power for the job, up to `needed`, taking that power off a fresh room.
    const auto countUsableOn = [&](int type, int threshold, int needed) {
        resetRoom();
        const double least = caps ? leastOnDelta(type) : 0.0;
        int count = 0;
        if (caps && threshold == layout.types[type].slots && unrestricted(filter) &&
            !m_typeRacks[type].empty()) {
            // Whole free nodes, which all add the same within a rack (one power class): what
            // the walk below counts, rack by rack from the free tree's counts. Once a node of
            // a rack does not fit, none of the rest of it does.
            for (const TypeRack &stretch : m_typeRacks[type]) {
                const int free = m_cluster->freeTree(type).countAtLeast(
                        threshold, stretch.begin, stretch.end, needed - count);
                if (free == 0)
                    continue;
                const double delta = jobDelta(stretch.cls, 0);
                for (int i = 0; i < free; ++i) {
                    const Fit f = fit(layout.rackNodes[stretch.rack].begin, delta, least);
                    if (!f.fitted) {
                        if (f.next == Walk::Stop)
                            return count;
                        break;
                    }
                    if (++count == needed)
                        return count;
                }
            }
            return count;
        }
        forEachNode(m_cluster->freeTree(type), type, filter, threshold, [&](int node) {
            const Fit f = fit(node, onDelta(node), least);
            count += f.fitted ? 1 : 0;
            return count < needed ? f.next : Walk::Stop;
        });
        return count;
    };

    // Already covered by free on-nodes (where the caps let the job run) and nodes booting?
    for (int type : layout.typeOrder) {
        m_have[type] = -1;
        if (filter.type >= 0 && filter.type != type)
            continue;
        const int nodeSlots = layout.types[type].slots;
        const int threshold = freeSlotsNeeded(demand, nodeSlots);
        if (threshold == 0)
            continue;
        const int needed = demand.gang ? gangNodesNeeded(demand.slots, nodeSlots) : 1;
        int have = 0;
        if (fast) {
            have = std::min(needed, m_cluster->nodesWithFreeAtLeast(type, threshold)) +
                   m_bootingOfType[type];
        } else {
            have = countUsableOn(type, threshold, needed);
            have += countAtLeast(m_bootingTree[type], type, filter, 1, needed - have);
        }
        if (have >= needed)
            return result;
        m_have[type] = have;
    }

    // Boot the missing nodes of the first type that can supply them: lowest index first,
    // skipping nodes in racks without the power to boot them and then run the job.
    for (int type : layout.typeOrder) {
        if (m_have[type] < 0)
            continue;
        const CompiledNodeType &nodeType = layout.types[type];
        const int needed = demand.gang ? gangNodesNeeded(demand.slots, nodeType.slots) : 1;
        const int missing = needed - m_have[type];
        // Too few nodes of this type are off to make up the number, whatever the filter and
        // the caps: nothing to boot here, and no need to look. (A head far larger than the
        // idle capacity asks this after every pass while it waits; walking every off node each
        // time was the largest cost of power management in a long replay.)
        if (m_offOfType[type] < missing)
            continue;
        m_switches.clear();
        // The power the counted on-nodes will draw once running the job comes off the room
        // first: booting only what fits on its own would let the whole gang exceed the cap,
        // the job never start, and the booted nodes time out and be booted again for ever.
        // (Without caps the room is not looked at.)
        if (caps)
            countUsableOn(type, freeSlotsNeeded(demand, nodeType.slots), needed);
        const double leastOff = caps ? leastOffDelta(type) : 0.0;
        forEachNode(m_offTree[type], type, filter, 1, [&](int node) {
            const Fit f = fit(node, offDelta(m_model->classOf(node)), leastOff);
            if (f.fitted)
                m_switches.push_back({node, NodePowerState::Booting});
            return static_cast<int>(m_switches.size()) < missing ? f.next : Walk::Stop;
        });
        if (static_cast<int>(m_switches.size()) < missing || !m_caps->admitsSwitches(m_switches)) {
            // If enough nodes were off, a cap is what kept them off. (With too few, the job
            // waits for running jobs to end, caps or not.)
            if (countAtLeast(m_offTree[type], type, filter, 1, missing) >= missing)
                result.refusedByCap = true;
            continue;
        }
        for (const PowerCaps::Switch &boot : m_switches) {
            bootNode(boot.node, now);
            m_forJob[boot.node] = 1;
            ++m_wakeBooting;
            ++result.booted;
        }
        result.refusedByCap = false;
        return result;
    }
    return result;
}

} // namespace headroom
