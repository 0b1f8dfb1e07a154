#pragma once

#include "core/engine/allocation.h"
#include "core/engine/compiled_cluster.h"
#include "core/engine/node_power_state.h"
#include "core/model/energy_policy.h"
#include "core/model/node_type.h"
#include "core/power/exact_watts.h"

#include <vector>

namespace headroom {

struct Scenario;

// The static side of docs/design.md §4: what each node draws in each power state, the DVFS level
// it runs at, how long it takes to boot and shut down, and the power caps.
//
// Nodes of one type at one DVFS level draw the same in every state; such a group is a *power
// class*. A class's watts table is indexed by state: 0..slots busy accelerators while on, then
// off, booting, shutting down and down (stateIndex(); a down node draws off_w, docs/design.md
// §10.5, but has its own entry so that it is not counted as switched off). Power meters count nodes
// per (class, state) and never sum per-node deltas, which keeps every figure exact and independent
// of the order of changes.
//
// DVFS: a node runs at the level of its type whose frequency is the highest at or below the
// rack's dvfs_frequency (else the cluster's); below every level of the table, at its lowest
// level. A type without a table runs at nominal (frequency, speed and power factor 1). The
// level multiplies the dynamic power, curve(u) − idle, by its power factor.
class PowerModel
{
public:
    PowerModel(const Scenario &scenario, const CompiledCluster &layout);

    int classCount() const { return static_cast<int>(m_classes.size()); }
    int classOf(int node) const { return m_classOf[node]; }
    int classType(int cls) const { return m_classes[cls].type; }
    int classSlots(int cls) const { return m_classes[cls].slots; }
    int stateCount(int cls) const { return m_classes[cls].slots + 5; }
    int stateIndex(int cls, NodePowerState state, int busy) const
    {
        switch (state) {
        case NodePowerState::Off:
            return m_classes[cls].slots + 1;
        case NodePowerState::Booting:
            return m_classes[cls].slots + 2;
        case NodePowerState::ShuttingDown:
            return m_classes[cls].slots + 3;
        case NodePowerState::Down:
            return m_classes[cls].slots + 4;
        case NodePowerState::Idle:
        case NodePowerState::Busy:
            break;
        }
        return busy;
    }
    // What a node of the class draws in the state: what meters report.
    double watts(int cls, int index) const { return m_classes[cls].watts[index]; }
    // What power caps count for it: the most it may draw before scheduling is asked again.
    // A booting node counts the larger of its boot and idle draw (it idles once booted), a
    // shutting-down node the larger of idle and off; otherwise as watts().
    double capWatts(int cls, int index) const { return m_classes[cls].capWatts[index]; }
    // The same two figures as exact fixed-point numbers, for running per-rack sums.
    ExactWatts::Fixed exactWatts(int cls, int index) const
    {
        return m_classes[cls].exactWatts[index];
    }
    ExactWatts::Fixed exactCapWatts(int cls, int index) const
    {
        return m_classes[cls].exactCapWatts[index];
    }
    const std::vector<double> &wattsTable(int cls) const { return m_classes[cls].watts; }
    const std::vector<double> &capWattsTable(int cls) const { return m_classes[cls].capWatts; }

    const DvfsLevel &dvfs(int node) const { return m_classes[m_classOf[node]].level; }
    // Speed of a job on `allocation`: the slowest node's DVFS speed (a gang runs in lockstep)
    // divided by 1 + rack spread penalty × (racks spanned − 1).
    double jobSpeed(const Allocation &allocation) const;
    // No job can run faster than this (for EASY's early outs).
    double maxSpeed() const { return m_maxSpeed; }
    // Every job runs at speed 1: no DVFS level slows a node and no spread penalty applies.
    bool uniformSpeed() const { return m_uniformSpeed; }

    SimTime bootS(int node) const { return m_types[m_layout->nodes[node].type].bootS; }
    SimTime shutdownS(int node) const { return m_types[m_layout->nodes[node].type].shutdownS; }

    bool hasRackBudget(int rack) const { return m_rackBudgetW[rack] >= 0.0; }
    double rackBudgetW(int rack) const { return m_rackBudgetW[rack]; } // < 0: none
    const std::vector<double> &rackBudgetsW() const { return m_rackBudgetW; }
    bool hasClusterCap() const { return m_clusterCapW >= 0.0; }
    double clusterCapW() const { return m_clusterCapW; } // < 0: none
    bool hasCaps() const { return m_hasCaps; }

    const EnergyPolicy &energy() const { return m_energy; }
    const CompiledCluster &layout() const { return *m_layout; }

private:
    struct TypeInfo
    {
        SimTime bootS = 0.0;
        SimTime shutdownS = 0.0;
    };
    struct PowerClass
    {
        int type = 0;
        int slots = 0;
        DvfsLevel level;
        std::vector<double> watts;
        std::vector<double> capWatts;
        std::vector<ExactWatts::Fixed> exactWatts;
        std::vector<ExactWatts::Fixed> exactCapWatts;
    };

    const CompiledCluster *m_layout;
    EnergyPolicy m_energy;
    std::vector<TypeInfo> m_types;
    std::vector<PowerClass> m_classes;
    std::vector<int> m_classOf;
    std::vector<double> m_nodeSpeed;
    std::vector<double> m_rackBudgetW;
    double m_clusterCapW = -1.0;
    bool m_hasCaps = false;
    double m_spreadPenalty = 0.0;
    double m_maxSpeed = 1.0;
    bool m_uniformSpeed = true;
};

// The level a node of a type with `levels` runs at under `frequency` (see PowerModel).
DvfsLevel dvfsLevelFor(const std::vector<DvfsLevel> &levels, double frequency);

} // namespace headroom
