#include "ui/run/live_jobs.h"

#include <algorithm>
#include <optional>
#include <type_traits>

namespace headroom::ui {
namespace {

const std::vector<std::size_t> kNoJobs;
const NodeList kNoNodes;

LiveJobState stateAfter(JobEvent::Kind kind)
{
    switch (kind) {
    case JobEvent::Kind::Started:
        return LiveJobState::Running;
    case JobEvent::Kind::Preempted:
    case JobEvent::Kind::Interrupted:
        return LiveJobState::Queued;
    case JobEvent::Kind::Completed:
        return LiveJobState::Done;
    case JobEvent::Kind::Rejected:
        return LiveJobState::Rejected;
    }
    return LiveJobState::None;
}

} // namespace

void LiveJobs::reset(int nodeCount, std::size_t jobCount)
{
    m_states.assign(jobCount, LiveJobState::None);
    m_jobsOnNode.assign(std::size_t(std::max(nodeCount, 0)), {});
    m_nodesOfJob.clear();
    m_waits.clear();
    m_waitList.clear();
    m_waitListCurrent = true;
    m_rejectReasons.clear();
    m_interruptions.clear();
    m_hasRun = false;
    m_now = 0.0;
    m_releasedBegin.clear();
    m_released.clear();
    m_runningChanged = false;
    m_statesChanged = false;
}

void LiveJobs::apply(const LiveSnapshot &snapshot)
{
    m_hasRun = true;
    m_now = snapshot.status.now;
    m_runningChanged = false;
    m_statesChanged = false;
    m_released.clear();
    m_releasedBegin.assign(1, 0);
    m_releasedBegin.reserve(snapshot.newEvents.size() + 1);
    for (const JobEvent &event : snapshot.newEvents) {
        // A start of a job still running elsewhere (a restart after preemption) ends that
        // stretch first, so no node keeps it forever.
        stop(event.job);
        if (event.kind == JobEvent::Kind::Started)
            start(event);
        setState(event.job, stateAfter(event.kind));
        if (event.kind == JobEvent::Kind::Rejected)
            m_rejectReasons[event.job] = event.rejectReason;
        if (event.kind == JobEvent::Kind::Interrupted && event.job < m_states.size()) {
            ++m_interruptions[event.job];
            m_statesChanged = true;
        }
        m_releasedBegin.push_back(std::uint32_t(m_released.size()));
    }
    if (!snapshot.result && m_waitListCurrent && snapshot.waits == m_waitList)
        return; // the same waits as the previous snapshot: m_waits is current
    std::unordered_map<std::size_t, WaitInfo> waits;
    if (snapshot.result) {
        // The result's counts are the jobs CSV's; they agree with the events counted above.
        const bool counts = snapshot.result->jobs.size() == m_states.size();
        if (counts)
            m_interruptions.clear();
        for (std::size_t job = 0; job < snapshot.result->jobs.size(); ++job) {
            const JobOutcome &outcome = snapshot.result->jobs[job];
            if (outcome.rejectReason == RejectReason::NotStartedByEnd)
                waits.emplace(job, outcome.waitedFor);
            if (counts && outcome.interruptions > 0)
                m_interruptions.emplace(job, outcome.interruptions);
        }
    } else {
        waits.reserve(snapshot.waits.size());
        for (const auto &[job, wait] : snapshot.waits)
            waits.emplace(job, wait);
    }
    m_waitListCurrent = !snapshot.result;
    m_waitList = snapshot.result ? decltype(m_waitList){} : snapshot.waits;
    if (waits != m_waits) {
        m_waits = std::move(waits);
        m_statesChanged = true;
    }
}

WaitInfo LiveJobs::waitOf(std::size_t job) const
{
    const auto it = m_waits.find(job);
    return it == m_waits.end() ? WaitInfo{} : it->second;
}

RejectReason LiveJobs::rejectReasonOf(std::size_t job) const
{
    const auto it = m_rejectReasons.find(job);
    return it == m_rejectReasons.end() ? RejectReason::None : it->second;
}

std::uint32_t LiveJobs::interruptionsOf(std::size_t job) const
{
    const auto it = m_interruptions.find(job);
    return it == m_interruptions.end() ? 0 : it->second;
}

void LiveJobs::start(const JobEvent &event)
{
    NodeList &nodes = m_nodesOfJob[event.job];
    for (const int node : event.nodes) {
        if (node < 0 || node >= int(m_jobsOnNode.size()))
            continue; // a snapshot from a cluster that no longer exists
        std::vector<std::size_t> &jobs = m_jobsOnNode[std::size_t(node)];
        jobs.insert(std::lower_bound(jobs.begin(), jobs.end(), event.job), event.job);
        nodes.push_back(node);
    }
    m_runningChanged = true;
}

void LiveJobs::stop(std::size_t job)
{
    const auto it = m_nodesOfJob.find(job);
    if (it == m_nodesOfJob.end())
        return;
    for (const int node : it->second) {
        std::vector<std::size_t> &jobs = m_jobsOnNode[std::size_t(node)];
        const auto at = std::lower_bound(jobs.begin(), jobs.end(), job);
        if (at != jobs.end() && *at == job)
            jobs.erase(at);
        m_released.push_back(node);
    }
    m_nodesOfJob.erase(it);
    m_runningChanged = true;
}

void LiveJobs::setState(std::size_t job, LiveJobState state)
{
    if (job >= m_states.size() || m_states[job] == state)
        return;
    m_states[job] = state;
    m_statesChanged = true;
}

LiveJobState LiveJobs::state(std::size_t job) const
{
    return job < m_states.size() ? m_states[job] : LiveJobState::None;
}

const std::vector<std::size_t> &LiveJobs::jobsOn(int node) const
{
    if (node < 0 || node >= int(m_jobsOnNode.size()))
        return kNoJobs;
    return m_jobsOnNode[std::size_t(node)];
}

const NodeList &LiveJobs::nodesOf(std::size_t job) const
{
    const auto it = m_nodesOfJob.find(job);
    return it == m_nodesOfJob.end() ? kNoNodes : it->second;
}

std::span<const int> LiveJobs::releasedBy(std::size_t index) const
{
    if (index + 1 >= m_releasedBegin.size())
        return {};
    return std::span<const int>(m_released)
            .subspan(m_releasedBegin[index], m_releasedBegin[index + 1] - m_releasedBegin[index]);
}

// Moves every job position through `map` (new position, or nullopt for a job that is gone).
// `map` is monotonic, so the per-node lists stay sorted.
template<typename Map>
void LiveJobs::renumber(Map &&map)
{
    std::unordered_map<std::size_t, NodeList> running;
    running.reserve(m_nodesOfJob.size());
    for (auto &[job, nodes] : m_nodesOfJob) {
        if (const std::optional<std::size_t> moved = map(job))
            running.emplace(*moved, std::move(nodes));
    }
    m_nodesOfJob = std::move(running);
    const auto move = [&map](auto &table) {
        std::remove_reference_t<decltype(table)> moved;
        for (const auto &[job, value] : table) {
            if (const std::optional<std::size_t> to = map(job))
                moved.emplace(*to, value);
        }
        table = std::move(moved);
    };
    move(m_waits);
    m_waitListCurrent = false;
    move(m_rejectReasons);
    move(m_interruptions);
    for (std::vector<std::size_t> &jobs : m_jobsOnNode) {
        std::size_t out = 0;
        for (const std::size_t job : jobs) {
            if (const std::optional<std::size_t> moved = map(job))
                jobs[out++] = *moved;
        }
        jobs.resize(out);
    }
}

void LiveJobs::insertJobs(std::size_t first, std::size_t count)
{
    first = std::min(first, m_states.size());
    m_states.insert(m_states.begin() + std::ptrdiff_t(first), count, LiveJobState::None);
    renumber([first, count](std::size_t job) -> std::optional<std::size_t> {
        return job >= first ? job + count : job;
    });
}

void LiveJobs::removeJobs(const std::vector<std::size_t> &sortedIndices)
{
    if (sortedIndices.empty())
        return;
    // The same compaction as the document's.
    std::size_t out = sortedIndices.front();
    std::size_t next = 0;
    for (std::size_t i = sortedIndices.front(); i < m_states.size(); ++i) {
        if (next < sortedIndices.size() && sortedIndices[next] == i)
            ++next;
        else
            m_states[out++] = m_states[i];
    }
    m_states.resize(std::min(out, m_states.size()));
    renumber([&sortedIndices](std::size_t job) -> std::optional<std::size_t> {
        const auto below = std::lower_bound(sortedIndices.begin(), sortedIndices.end(), job);
        if (below != sortedIndices.end() && *below == job)
            return std::nullopt;
        return job - std::size_t(below - sortedIndices.begin());
    });
}

} // namespace headroom::ui
