// Inference services in the engine (Simulation's class comment, "Inference services").
#include "core/engine/node_filter_index.h"
#include "core/engine/simulation.h"
#include "core/model/scenario.h"
#include "core/placement/placement_strategy.h"
#include "core/sched/scheduler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom {
namespace {

bool constantLoad(const LoadProfile &load)
{
    if (load.kind == LoadProfile::Kind::Diurnal)
        return load.troughRps == load.peakRps;
    const std::vector<double> &rps = load.hourlyRps.values;
    return std::adjacent_find(rps.begin(), rps.end(), std::not_equal_to<>()) == rps.end();
}

} // namespace

int Simulation::desiredReplicas(const Service &spec, double loadRps)
{
    // An exact multiple of the per-replica target counts as enough (no extra replica for the
    // rounding of capacity × target).
    const double needed = loadRps / (spec.capacityRps * spec.targetUtilization);
    const double wanted = std::ceil(needed * (1.0 - 1e-12));
    return static_cast<int>(std::clamp(wanted, double(spec.minReplicas), double(spec.maxReplicas)));
}

void Simulation::initServices(const Scenario &scenario)
{
    NodeFilterIndex filters(m_cluster);
    m_services.reserve(scenario.services.size());
    for (const Service &spec : scenario.services) {
        ServiceRun service;
        service.spec = spec;
        JobConstraints constraints;
        constraints.nodeType = spec.nodeType;
        const int filter = filters.filterFor(constraints, spec.tenant);
        bool gang = false;
        service.feasible = filters.feasibility(filter, spec.acceleratorsPerReplica, &gang) ==
                           RejectReason::None;
        service.gang = gang;
        service.filter = filters.filter(filter);
        m_services.push_back(std::move(service));
    }
    for (int cls = 0; cls < m_model.classCount(); ++cls) {
        const int slots = m_model.classSlots(cls);
        m_dynamicWPerSlot.push_back(
                slots > 0 ? (m_model.watts(cls, slots) - m_model.watts(cls, 0)) / slots : 0.0);
    }
    m_serviceIdleSlotSeconds.assign(static_cast<std::size_t>(m_cluster.nodeCount()), 0.0);
    m_serviceIdleRackW.assign(m_cluster.rackNodes.size(), 0.0);
    m_serviceSince = m_firstEvent;
    m_nextTick = m_firstEvent;
    m_serviceUntil =
            scenario.policy.horizonS ? *scenario.policy.horizonS : m_firstEvent + kServiceHorizonS;
    m_nextReady = std::numeric_limits<SimTime>::infinity();
    m_lastJobActivity = m_firstEvent;
    m_nextServiceEvent = m_firstEvent;
}

void Simulation::advanceServices(SimTime time)
{
    const SimTime dt = time - m_serviceSince;
    if (dt <= 0.0)
        return;
    for (ServiceRun &service : m_services) {
        const double capacity = service.readyCapacityRps();
        service.offered += service.loadRps * dt;
        service.served += std::min(service.loadRps, capacity) * dt;
        service.readyCapacitySeconds += capacity * dt;
        service.replicaSeconds += double(service.placed) * dt;
    }
    for (const auto &[node, idle] : m_serviceIdleSlots)
        m_serviceIdleSlotSeconds[node] += idle * dt;
    m_serviceSince = time;
}

bool Simulation::stepServices(SimTime time)
{
    advanceServices(time);
    bool changed = m_replicasLost; // power and readiness to work out afresh
    m_replicasLost = false;
    bool released = false;
    if (!m_servicesStarted) {
        // Deployed when the run begins: the minimum replicas that fit serve at once.
        m_servicesStarted = true;
        for (ServiceRun &service : m_services) {
            service.replicas.resize(static_cast<std::size_t>(service.spec.minReplicas));
            placeWaitingReplicas(service, time, 0.0);
        }
        changed = true;
    }
    if (m_nextReady <= time) {
        for (ServiceRun &service : m_services) {
            for (int i = 0; i < service.placed; ++i) {
                ServiceReplica &replica = service.replicas[i];
                if (!replica.ready && replica.readyAt <= time) {
                    replica.ready = true;
                    ++service.ready;
                }
            }
        }
        changed = true;
    }
    if (time >= m_nextTick) {
        const std::uint64_t tick = m_tickIndex;
        const auto window = static_cast<std::uint64_t>(kScaleDownWindowS / kServiceTickS);
        for (ServiceRun &service : m_services) {
            const Service &spec = service.spec;
            service.loadRps = std::max(0.0, spec.load.at(time));
            const int desired = desiredReplicas(spec, service.loadRps);
            service.recentDesired.emplace_back(tick, desired);
            while (service.recentDesired.front().first + window <= tick)
                service.recentDesired.pop_front();
            int keep = desired;
            for (const auto &entry : service.recentDesired)
                keep = std::max(keep, entry.second);
            const int have = static_cast<int>(service.replicas.size());
            if (desired > have) {
                service.replicas.resize(static_cast<std::size_t>(desired));
            } else {
                // Newest first: waiting replicas, then starting ones, then serving ones.
                while (static_cast<int>(service.replicas.size()) > keep) {
                    ServiceReplica &replica = service.replicas.back();
                    if (replica.placed) {
                        releaseReplica(replica);
                        --service.placed;
                        if (replica.ready)
                            --service.ready;
                        released = true;
                    }
                    service.replicas.pop_back();
                }
            }
        }
        m_nextTick = m_firstEvent + static_cast<double>(++m_tickIndex) * kServiceTickS;
        changed = true;
        m_ticksSuspended = ticksCannotChangeAnything();
    }
    for (ServiceRun &service : m_services) {
        if (service.placed < static_cast<int>(service.replicas.size()) &&
            placeWaitingReplicas(service, time, service.spec.scaleUpDelayS))
            changed = true;
    }
    if (changed) {
        m_nextReady = std::numeric_limits<SimTime>::infinity();
        for (const ServiceRun &service : m_services) {
            for (int i = 0; i < service.placed; ++i) {
                if (!service.replicas[i].ready)
                    m_nextReady = std::min(m_nextReady, service.replicas[i].readyAt);
            }
        }
        refreshServicePower();
    }
    updateNextServiceEvent(time);
    return released;
}

void Simulation::updateNextServiceEvent(SimTime time)
{
    m_nextServiceEvent = std::min(m_nextTick, m_nextReady);
    if (m_serviceUntil > time) // the horizon is an instant of its own
        m_nextServiceEvent = std::min(m_nextServiceEvent, m_serviceUntil);
}

// Whether later ticks would find what this one found and change nothing: each service's load
// is constant, and it has exactly the replicas it wants, all placed and serving, with no
// larger count left in the scale-down window. With power management on, a queued job's
// instants may still matter (its wake-ups), so ticks go on while one waits.
bool Simulation::ticksCannotChangeAnything() const
{
    if (m_dpm.enabled() && m_scheduler->queueLength() > 0)
        return false;
    for (const ServiceRun &service : m_services) {
        const int have = static_cast<int>(service.replicas.size());
        if (!constantLoad(service.spec.load) || service.placed != have || service.ready != have)
            return false;
        for (const auto &entry : service.recentDesired) {
            if (entry.second != have)
                return false;
        }
    }
    return true;
}

// After each instant while ticks change nothing: the only tick still needed is the one at
// which a stalled queue is given up (the run's end, see servicesMayStop), on the tick grid as
// before; with no job queued, none. Power management with a job queued ticks again. A long
// horizon then costs its events rather than a step a minute.
void Simulation::planSuspendedTicks(SimTime time)
{
    if (!m_ticksSuspended)
        return;
    const bool queued = m_scheduler->queueLength() > 0;
    if (queued && m_dpm.enabled())
        m_ticksSuspended = false;
    // A stalled queue is given up at the first instant at or after both the horizon (an
    // instant of its own) and a day without job activity: a tick only if the latter is later.
    const SimTime never = std::numeric_limits<SimTime>::infinity();
    SimTime from = time;
    if (m_ticksSuspended) {
        const SimTime stall = m_lastJobActivity + kServiceHorizonS;
        from = queued && stall > m_serviceUntil ? std::max(time, stall) : never;
    }
    if (std::isinf(from)) {
        m_nextTick = from;
    } else {
        // The first tick after `time`, at or after `from`.
        double next = std::max(0.0, std::ceil((from - m_firstEvent) / kServiceTickS));
        const auto tickTime = [&](double k) { return m_firstEvent + k * kServiceTickS; };
        while (next > 0.0 && tickTime(next - 1.0) >= from && tickTime(next - 1.0) > time)
            next -= 1.0;
        while (tickTime(next) < from || tickTime(next) <= time)
            next += 1.0;
        m_tickIndex = static_cast<std::uint64_t>(next);
        m_nextTick = tickTime(next);
    }
    updateNextServiceEvent(time);
}

bool Simulation::placeWaitingReplicas(ServiceRun &service, SimTime time, SimTime delay)
{
    if (!service.feasible)
        return false;
    const JobDemand demand = service.demand();
    Allocation allocation;
    bool any = false;
    while (service.placed < static_cast<int>(service.replicas.size())) {
        if (!m_placement->place(demand, m_state, allocation))
            break;
        // Counted at full load (what the census will say): a replica may reach it at any tick.
        if (m_caps.active() && !m_caps.admits(m_state, allocation))
            break;
        m_placement->started(allocation);
        occupy(allocation);
        for (const NodeShare &share : allocation)
            m_state.pin(share);
        // The first minReplicas are never released (releases go newest first, never below
        // the minimum): what no job can ever use (docs/design.md §3.2).
        if (service.placed < service.spec.minReplicas)
            holdPermanently(allocation);
        ServiceReplica &replica = service.replicas[static_cast<std::size_t>(service.placed++)];
        replica.allocation = allocation;
        replica.placed = true;
        replica.readyAt = time + delay;
        replica.ready = replica.readyAt <= time;
        if (replica.ready)
            ++service.ready;
        service.maxPlaced = std::max(service.maxPlaced, service.placed);
        // The cluster changed under EASY's kept reservation: the next pass looks afresh.
        m_capacityReleased = true;
        any = true;
    }
    return any;
}

void Simulation::releaseReplica(ServiceReplica &replica)
{
    for (const NodeShare &share : replica.allocation)
        m_state.unpin(share);
    release(replica.allocation);
    replica.allocation.clear();
    m_capacityReleased = true;
}

// docs/design.md §10.4: a node going down loses every replica holding slots on it (one on several
// nodes is lost whole). The service still wants it: it becomes a waiting replica again, first in
// line behind the placed ones, and is placed, starts and serves like any replica added by a tick.
void Simulation::loseReplicasOn(int node)
{
    if (m_state.pinnedSlots(node) == 0)
        return;
    advanceServices(m_now); // the integrals up to now count it as it was
    const auto elsewhere = [node](const ServiceReplica &replica) {
        return std::none_of(replica.allocation.begin(), replica.allocation.end(),
                            [node](const NodeShare &share) { return share.node == node; });
    };
    for (ServiceRun &service : m_services) {
        const auto placedEnd = service.replicas.begin() + service.placed;
        const auto lost = std::stable_partition(service.replicas.begin(), placedEnd, elsewhere);
        for (auto replica = lost; replica != placedEnd; ++replica) {
            releaseReplica(*replica);
            if (replica->ready)
                --service.ready;
            *replica = ServiceReplica{};
            --service.placed;
            ++m_replicaInterruptions;
            m_replicasLost = true;
        }
    }
    // The replicas behind a lost one moved up: the first minReplicas placed may be others now.
    if (m_replicasLost && !m_permanentHeld.empty())
        rebuildPermanentHolds();
}

void Simulation::refreshServicePower()
{
    m_serviceIdleSlots.clear();
    m_serviceIdleSlotsNow = 0.0;
    std::fill(m_serviceIdleRackW.begin(), m_serviceIdleRackW.end(), 0.0);
    for (ServiceRun &service : m_services) {
        const double capacity = service.readyCapacityRps();
        service.utilization = capacity > 0.0 ? std::min(1.0, service.loadRps / capacity) : 0.0;
        for (int i = 0; i < service.placed; ++i) {
            const ServiceReplica &replica = service.replicas[i];
            const double undrawn = 1.0 - (replica.ready ? service.utilization : 0.0);
            if (undrawn <= 0.0)
                continue;
            for (const NodeShare &share : replica.allocation) {
                const double idle = double(share.busy) * undrawn;
                m_serviceIdleSlots.emplace_back(share.node, idle);
                m_serviceIdleSlotsNow += idle;
                m_serviceIdleRackW[m_cluster.nodes[share.node].rack] +=
                        idle * m_dynamicWPerSlot[m_model.classOf(share.node)];
            }
        }
    }
    m_power.setServiceIdleW(m_serviceIdleRackW);
}

void Simulation::wakeForServices(SimTime time)
{
    for (const ServiceRun &service : m_services) {
        if (service.feasible && service.placed < static_cast<int>(service.replicas.size())) {
            m_dpm.wake(time, service.demand());
            return; // one demand at a time, as for the oldest queued job
        }
    }
}

bool Simulation::servicesMayStop(SimTime time) const
{
    if (time < m_serviceUntil)
        return false;
    return m_scheduler->queueLength() == 0 || time >= m_lastJobActivity + kServiceHorizonS;
}

std::vector<double> Simulation::serviceIdleSlotSeconds(SimTime until) const
{
    std::vector<double> idle = m_serviceIdleSlotSeconds;
    const SimTime dt = until - m_serviceSince;
    if (dt > 0.0) {
        for (const auto &[node, slots] : m_serviceIdleSlots)
            idle[node] += slots * dt;
    }
    return idle;
}

void Simulation::addServiceMetrics(RunMetrics &metrics) const
{
    const SimTime until = m_lastEvent;
    const SimTime dt = std::max(0.0, until - m_serviceSince);
    const SimTime span = until - m_firstEvent;
    double offeredAll = 0.0;
    double servedAll = 0.0;
    for (const ServiceRun &service : m_services) {
        const double capacity = service.readyCapacityRps();
        ServiceMetrics m;
        m.name = service.spec.name;
        m.tenant = service.spec.tenant;
        m.offeredRequests = service.offered + service.loadRps * dt;
        m.servedRequests = service.served + std::min(service.loadRps, capacity) * dt;
        m.shortfallFraction = m.offeredRequests > 0.0
                                      ? (m.offeredRequests - m.servedRequests) / m.offeredRequests
                                      : 0.0;
        const double replicaSeconds = service.replicaSeconds + double(service.placed) * dt;
        m.meanReplicas = span > 0.0 ? replicaSeconds / span : double(service.placed);
        m.maxReplicasUsed = service.maxPlaced;
        const double capacitySeconds = service.readyCapacitySeconds + capacity * dt;
        m.meanUtilization = capacitySeconds > 0.0 ? m.servedRequests / capacitySeconds : 0.0;
        offeredAll += m.offeredRequests;
        servedAll += m.servedRequests;
        metrics.services.push_back(std::move(m));
    }
    metrics.serviceShortfallFraction =
            offeredAll > 0.0 ? (offeredAll - servedAll) / offeredAll : 0.0;
}

} // namespace headroom
