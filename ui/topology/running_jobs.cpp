#include "ui/topology/running_jobs.h"

#include <algorithm>

namespace headroom::ui {
namespace {

const std::vector<std::size_t> kNoJobs;
const std::vector<int> kNoNodes;

} // namespace

void RunningJobs::reset(int nodeCount)
{
    m_jobsOnNode.assign(static_cast<std::size_t>(std::max(nodeCount, 0)), {});
    m_nodesOfJob.clear();
}

bool RunningJobs::apply(const std::vector<JobEvent> &events)
{
    bool changed = false;
    for (const JobEvent &event : events) {
        switch (event.kind) {
        case JobEvent::Kind::Started: {
            stop(event.job); // a restart after preemption may land elsewhere
            std::vector<int> &nodes = m_nodesOfJob[event.job];
            for (int node : event.nodes) {
                if (node < 0 || node >= int(m_jobsOnNode.size()))
                    continue; // a snapshot from a cluster that no longer exists
                std::vector<std::size_t> &jobs = m_jobsOnNode[std::size_t(node)];
                jobs.insert(std::lower_bound(jobs.begin(), jobs.end(), event.job), event.job);
                nodes.push_back(node);
            }
            changed = true;
            break;
        }
        case JobEvent::Kind::Preempted:
        case JobEvent::Kind::Completed:
        case JobEvent::Kind::Rejected:
            if (m_nodesOfJob.count(event.job)) {
                stop(event.job);
                changed = true;
            }
            break;
        }
    }
    return changed;
}

void RunningJobs::stop(std::size_t job)
{
    const auto it = m_nodesOfJob.find(job);
    if (it == m_nodesOfJob.end())
        return;
    for (int node : it->second) {
        std::vector<std::size_t> &jobs = m_jobsOnNode[std::size_t(node)];
        const auto at = std::lower_bound(jobs.begin(), jobs.end(), job);
        if (at != jobs.end() && *at == job)
            jobs.erase(at);
    }
    m_nodesOfJob.erase(it);
}

const std::vector<std::size_t> &RunningJobs::jobsOn(int node) const
{
    if (node < 0 || node >= int(m_jobsOnNode.size()))
        return kNoJobs;
    return m_jobsOnNode[std::size_t(node)];
}

const std::vector<int> &RunningJobs::nodesOf(std::size_t job) const
{
    const auto it = m_nodesOfJob.find(job);
    return it == m_nodesOfJob.end() ? kNoNodes : it->second;
}

} // namespace headroom::ui
