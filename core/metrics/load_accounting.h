#pragma once

#include "core/engine/compiled_cluster.h"
#include "core/model/sim_time.h"

#include <vector>

namespace headroom {

// Busy accelerator-seconds per node (for per-node utilization and load balance) and the
// instantaneous spread of load across nodes (for the time series).
//
// Each node integrates lazily: its busy count is constant between its own changes, so
// busy × elapsed is added only when it changes. The instantaneous CoV and Jain's index come
// from integer sums of busy and busy² per node size, which stay exact however many changes
// are applied.
class LoadAccounting
{
public:
    explicit LoadAccounting(const CompiledCluster &layout);

    void busyChanged(int node, int oldBusy, int newBusy, SimTime time)
    {
        NodeLoad &load = m_nodes[node];
        load.integral += static_cast<double>(oldBusy) * (time - load.since);
        load.since = time;
        load.busy = newBusy;
        m_sum[load.size] += newBusy - oldBusy;
        m_sumSq[load.size] += static_cast<long long>(newBusy) * newBusy -
                              static_cast<long long>(oldBusy) * oldBusy;
    }

    // Asks for the node's line ahead of a change.
    void prefetch(int node) const { __builtin_prefetch(&m_nodes[node]); }

    // Busy accelerator-seconds of `node` up to `time` (>= its last change).
    double busySlotSeconds(int node, SimTime time) const;

    struct Spread
    {
        double cov = 0.0;
        double jain = 1.0;
    };
    // CoV and Jain's index of the current per-node busy fractions.
    Spread currentSpread() const;

private:
    const CompiledCluster *m_layout;
    struct NodeLoad // what a change reads and writes, side by side
    {
        SimTime since = 0.0;
        double integral = 0.0;
        int busy = 0;
        int size = 0; // index into m_sizes
    };
    std::vector<NodeLoad> m_nodes;
    std::vector<int> m_sizes;       // distinct node sizes
    std::vector<long long> m_sum;   // per size: Σ busy
    std::vector<long long> m_sumSq; // per size: Σ busy²
};

} // namespace headroom
