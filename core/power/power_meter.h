#pragma once

#include "core/engine/compiled_cluster.h"
#include "core/model/sim_time.h"

#include <vector>

namespace headroom {

// Cluster IT power and its exact integral.
//
// Power depends only on how many accelerators are busy on each node, so the meter keeps,
// per node type, how many nodes have k busy accelerators and recomputes the sum from that
// histogram. That makes the value independent of the order of changes (no drift from
// adding and subtracting floating-point deltas a million times). Power is piecewise
// constant between events, so energy += power × elapsed at every change is the exact
// integral (SimGrid's host-energy plugin integrates the same lazy way).
class PowerMeter
{
public:
    explicit PowerMeter(const CompiledCluster &layout);

    void busyChanged(int node, int oldBusy, int newBusy);
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

private:
    double computeW() const;

    const CompiledCluster *m_layout;
    std::vector<std::vector<double>> m_wattsAt;   // [type][busy accelerators]
    std::vector<std::vector<long long>> m_census; // [type][busy accelerators] -> nodes
    bool m_dirty = true;
    bool m_started = false;
    bool m_hasModel = false;
    double m_currentW = 0.0;
    SimTime m_start = 0.0;
    SimTime m_since = 0.0; // when m_currentW took effect
    double m_energyJ = 0.0;
    double m_peakW = 0.0;
};

} // namespace headroom
