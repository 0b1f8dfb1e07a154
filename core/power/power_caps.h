#pragma once

#include "core/engine/allocation.h"
#include "core/engine/cluster_state.h"
#include "core/engine/node_power_state.h"
#include "core/power/power_meter.h"
#include "core/power/power_model.h"

#include <span>
#include <utility>
#include <vector>

namespace headroom {

// docs/design.md §4 power capping: whether starting a job (or switching nodes) keeps every rack
// within its power_budget_kw and the cluster within energy.cluster_power_cap_kw.
//
// The check is on the power after the change, counted as PowerModel::capWatts (a job's nodes
// at the busy accelerators it adds, which is what they then draw; booting nodes at the larger
// of boot and idle draw). A rack's figure is the meter's exact running sum plus the exact
// changes, so a start is never admitted that the meter then shows above the cap, at a cost
// that does not grow with the rack. The cluster's starts from the meter's census sum and, only
// when within a hair of the cap, recomputes it with the changes the way the meter will. Any
// ClusterState can be asked (SRTF plans on a copy); a copy is summed node by node.
class PowerCaps
{
public:
    PowerCaps(const PowerModel &model, const PowerMeter &meter, const ClusterState &live);

    bool active() const { return m_model->hasCaps(); }
    // Whether `allocation` may start on `state` (every node of it on).
    bool admits(const ClusterState &state, const Allocation &allocation) const;
    struct Switch
    {
        int node;
        NodePowerState state; // Idle, Off, Booting or ShuttingDown
    };
    // Whether the live cluster may switch these nodes (e.g. boot them) at once.
    bool admitsSwitches(std::span<const Switch> switches) const;

    // Budget minus cap-counted power; +infinity for a rack without a budget.
    double rackHeadroomW(const ClusterState &state, int rack) const;
    // Cluster cap minus cap-counted IT power; +infinity without a cluster cap.
    double clusterHeadroomW(const ClusterState &state) const;

    const PowerModel &model() const { return *m_model; }
    // Changes whenever the live cluster's power changes anywhere.
    std::uint64_t liveChanges() const { return m_meter->changes(); }
    const ClusterState &live() const { return *m_live; }

private:
    struct Change
    {
        int node;
        int index; // state index after the change
    };
    bool admitsChanges(const ClusterState &state) const;
    int indexOn(const ClusterState &state, int node) const;
    ExactWatts::Fixed rackCapExactW(const ClusterState &state, int rack) const;
    double clusterCapW(const ClusterState &state, bool withChanges) const;

    const PowerModel *m_model;
    const PowerMeter *m_meter;
    const ClusterState *m_live;
    mutable std::vector<Change> m_changes;
    mutable std::vector<std::pair<int, ExactWatts::Fixed>> m_rackDelta;
    mutable std::vector<std::vector<long long>> m_census; // scratch for clusterCapW
};

} // namespace headroom
