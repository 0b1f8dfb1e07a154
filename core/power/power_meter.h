#pragma once

#include "core/engine/compiled_cluster.h"
#include "core/engine/node_power_state.h"
#include "core/model/sim_time.h"
#include "core/power/power_model.h"

#include <cstdint>
#include <vector>

namespace headroom {

// Cluster IT power, per-rack power, and their exact integrals.
//
// Power depends only on each node's power class and state (PowerModel: busy accelerators
// while on, or off, booting, shutting down), so the meter keeps, per class, how many nodes
// are in each state and recomputes the sum from that census. That makes the value independent
// of the order of changes (no drift from adding and subtracting floating-point deltas a
// million times). A rack's power is a running sum in exact fixed point (ExactWatts), updated
// by each node change and rounded to a double when read: O(1) per change whatever the rack's
// size, and the exact sum over its nodes. A rack holding service replicas is the exception:
// its figure starts from their undrawn power (any fraction) and adds its nodes one by one, in
// topology order, as it always did (the exact sum would move the last digit of such racks'
// peaks), so it costs a walk of the rack per settle in which it changed. Power is piecewise
// constant between events, so energy += power × elapsed at every change is the exact integral
// (SimGrid's host-energy plugin integrates the same lazy way); cost and carbon add power × ∫ price
// (or intensity) over the same interval, which HourlyProfile integrates exactly across hour
// boundaries.
class PowerMeter
{
public:
    PowerMeter(const CompiledCluster &layout, const PowerModel &model);

    // A node that is on changed its busy accelerators.
    void busyChanged(int node, int /*oldBusy*/, int newBusy)
    {
        if (m_tracking)
            setIndex(node, newBusy);
    }
    // Inference services (Simulation): their replicas' accelerators count as busy in the
    // census, so caps budget every service at full load (which it may reach at any autoscale
    // tick without asking scheduling), but a replica at utilization u does not draw (1 − u) of
    // its accelerators' dynamic power. The caller gives that undrawn power per rack, recomputed
    // from its replicas at every service change (never accumulated from deltas), so the figure
    // stays independent of the order of changes. Cap-counted power (capWatts) ignores it, and
    // changes() does not count it.
    void setServiceIdleW(const std::vector<double> &perRackW);
    // A node that holds nothing was switched: Idle (on), Off, Booting or ShuttingDown.
    void switched(int node, NodePowerState state);
    // Called after every batch of events at `time`. Integrates the power that was in effect
    // up to `time` when it changes, so energy is accumulated once per power step (exactly the
    // sum an observer of powerChanged() would compute). Returns true if the power changed
    // (or on the first call).
    bool settle(SimTime time);

    double itPowerW() const { return m_currentW; }
    // Energy from the first settle() to `time` (>= the last change).
    double energyJ(SimTime time) const { return m_energyJ + m_currentW * (time - m_since); }
    double peakPowerW() const { return m_peakW; }
    SimTime startTime() const { return m_start; }
    bool hasPowerModel() const { return m_hasModel; }

    // ∫ IT power × price dt and ∫ IT power × carbon intensity dt up to `time`, in
    // W·s·(unit per kWh): × PUE / 3.6e6 gives the cost (currency) and the carbon (g).
    double priceWeightedJ(SimTime time) const;
    double carbonWeightedJ(SimTime time) const;
    // ∫ (nodes off) dt and ∫ (power of booting nodes) dt up to `time`.
    double offNodeSeconds(SimTime time) const
    {
        return m_offSeconds + double(m_offNow) * (time - m_auxSince);
    }
    double bootEnergyJ(SimTime time) const { return m_bootJ + m_bootNowW * (time - m_auxSince); }

    // Between settles, the current values (they include changes not yet settled).
    double rackPowerW(int rack) const
    {
        return m_rackOffsetW[rack] == 0.0 ? ExactWatts::toWatts(m_rackW[rack])
                                          : rackPowerWithServicesW(rack);
    }
    // Per rack, the highest power seen at the end of an instant.
    const std::vector<double> &rackPeaksW() const { return m_rackPeakW; }
    // Power that caps count (PowerModel::capWatts), now: per rack and for the cluster.
    double rackCapW(int rack) const
    {
        if (m_rackCapStale[rack]) { // rounded once per change, however often it is read
            m_rackCapRounded[rack] = ExactWatts::toWatts(m_rackCapW[rack]);
            m_rackCapStale[rack] = 0;
        }
        return m_rackCapRounded[rack];
    }
    // The same, exact: PowerCaps adds the changes it weighs to it.
    ExactWatts::Fixed rackCapExactW(int rack) const { return m_rackCapW[rack]; }
    double clusterCapW() const;
    int stateIndex(int node) const { return m_nodes[node].index; }
    long long census(int cls, int index) const { return m_census[m_classBase[cls] + index]; }
    // Counts node changes: equal counts mean unchanged power everywhere.
    std::uint64_t changes() const { return m_changes; }

private:
    void setIndex(int node, int index);
    double computeW() const;
    double rackPowerWithServicesW(int rack) const;

    const CompiledCluster *m_layout;
    const PowerModel *m_model;
    // Without a power model, caps or power management nothing the meter shows can change:
    // it then ignores changes (a trace's replay pays nothing for power).
    bool m_tracking = true;
    // What a change reads of a node, side by side: its state index in its class's table.
    struct NodeEntry
    {
        int index = 0;
        int cls = 0;
        int rack = 0;
    };
    std::vector<NodeEntry> m_nodes;
    // The classes' tables end to end: class c's state i is at m_classBase[c] + i.
    std::vector<int> m_classBase;
    std::vector<long long> m_census; // nodes per (class, state)
    std::vector<ExactWatts::Fixed> m_exactW;
    std::vector<ExactWatts::Fixed> m_exactCapW;
    std::uint64_t m_changes = 0;
    bool m_dirty = true;
    bool m_started = false;
    bool m_hasModel = false;
    double m_currentW = 0.0;
    SimTime m_start = 0.0;
    SimTime m_since = 0.0; // when m_currentW took effect
    double m_energyJ = 0.0;
    double m_peakW = 0.0;
    double m_priceJ = 0.0;
    double m_carbonJ = 0.0;

    SimTime m_auxSince = 0.0;
    long long m_offNow = 0;
    double m_bootNowW = 0.0;
    double m_offSeconds = 0.0;
    double m_bootJ = 0.0;

    // Per rack, exact: the nodes' watts and cap-counted watts.
    std::vector<ExactWatts::Fixed> m_rackW;
    std::vector<ExactWatts::Fixed> m_rackCapW;
    mutable std::vector<double> m_rackCapRounded; // rackCapW()'s cache
    mutable std::vector<std::uint8_t> m_rackCapStale;
    // Per rack, minus the services' undrawn power: +0.0 on a rack without replicas.
    std::vector<double> m_rackOffsetW;
    std::vector<double> m_rackPeakW;
    std::vector<std::uint8_t> m_peakPending; // per rack: in m_pendingPeak
    std::vector<int> m_pendingPeak;          // racks changed since the last settle
    // Minus the services' undrawn power in all (sum in rack order): the cluster's sum starts
    // from it, +0.0 without services, which leaves it bit for bit as before.
    double m_offsetW = 0.0;
    mutable double m_clusterCapW = 0.0;
    mutable bool m_clusterCapStale = true;
};

} // namespace headroom
