#pragma once

#include "ui/run/live_snapshot.h"

#include <cstddef>
#include <unordered_map>
#include <vector>

namespace headroom::ui {

// Which jobs run on which nodes right now, rebuilt from the stream of job events in the
// snapshots (LiveSnapshot carries only busy counts per node, not who is busy). Node indices
// are in topology order.
class RunningJobs
{
public:
    void reset(int nodeCount);
    // Returns true if any job started or stopped.
    bool apply(const std::vector<JobEvent> &events);

    // Ascending job positions; empty for an unknown node.
    const std::vector<std::size_t> &jobsOn(int node) const;
    // Nodes of a running job in allocation order; empty when it is not running.
    const std::vector<int> &nodesOf(std::size_t job) const;
    bool isRunning(std::size_t job) const { return m_nodesOfJob.count(job) > 0; }

private:
    void stop(std::size_t job);

    std::vector<std::vector<std::size_t>> m_jobsOnNode;
    std::unordered_map<std::size_t, std::vector<int>> m_nodesOfJob;
};

} // namespace headroom::ui
