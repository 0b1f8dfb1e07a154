#pragma once

#include "ui/run/live_snapshot.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace headroom::ui {

// What a job is doing in the live run, as far as its events tell. In display order for
// sorting. LiveJobs stores None (no event yet), Queued (preempted, back in the queue),
// Running, Done and Rejected; Pending is for views that know the job's submit time (the jobs
// table shows a job without events as pending before it and queued after it).
enum class LiveJobState : std::uint8_t { None, Pending, Queued, Running, Done, Rejected };

// The one record of the live run's jobs: the state of every job, which jobs run on which
// nodes, and the simulated time of the latest snapshot. RunController owns it and applies
// each snapshot's job events once, before any view hears of the snapshot; the topology, the
// Gantt timeline and the jobs table read it (a snapshot itself carries only busy counts per
// node, not who is busy). Jobs are positions in Scenario::jobs, nodes topology indices.
class LiveJobs
{
public:
    // A new run of a scenario with these many nodes and jobs: nothing has happened yet.
    void reset(int nodeCount, std::size_t jobCount);
    void apply(const LiveSnapshot &snapshot);

    // Job positions follow the document's job list through inserts and removals, so that
    // whatever reads the record between an edit and the run's reset (an edit resets a loaded
    // run) never shows one job's state on another job's row.
    void insertJobs(std::size_t first, std::size_t count);
    void removeJobs(const std::vector<std::size_t> &sortedIndices);

    // A snapshot of this run has been applied.
    bool hasRun() const { return m_hasRun; }
    // Simulated time of the latest snapshot.
    SimTime now() const { return m_now; }
    // None for a job without events so far, or an unknown position.
    LiveJobState state(std::size_t job) const;
    std::size_t jobCount() const { return m_states.size(); }

    // Ascending job positions; empty for an unknown node.
    const std::vector<std::size_t> &jobsOn(int node) const;
    // Nodes of a running job in allocation order; empty when it is not running.
    const NodeList &nodesOf(std::size_t job) const;
    bool isRunning(std::size_t job) const { return m_nodesOfJob.contains(job); }

    // About the latest apply(), for views that follow the events themselves:
    // the nodes that event `index` of its snapshot took a job off (a preemption, completion
    // or rejection of a running job, or a start of a job that was still running elsewhere);
    // empty for the others.
    std::span<const int> releasedBy(std::size_t index) const;
    // Whether a job started or stopped running.
    bool runningChanged() const { return m_runningChanged; }
    // Whether a job's state, or what a queued job waits for, changed.
    bool statesChanged() const { return m_statesChanged; }
    // What a queued job waits for as of the latest snapshot (docs/design.md §3.12); once the run
    // has finished, what a job rejected at its end waited for. None otherwise.
    WaitInfo waitOf(std::size_t job) const;
    // The rule that rejected a job; None if it was not rejected.
    RejectReason rejectReasonOf(std::size_t job) const;
    // How often a node going down interrupted the job so far (docs/design.md §10.4): its
    // Interrupted events; once the run has finished, JobOutcome::interruptions.
    std::uint32_t interruptionsOf(std::size_t job) const;

private:
    void start(const JobEvent &event);
    void stop(std::size_t job);
    void setState(std::size_t job, LiveJobState state);
    template<typename Map>
    void renumber(Map &&map);

    std::vector<LiveJobState> m_states; // one byte per job
    std::vector<std::vector<std::size_t>> m_jobsOnNode;
    std::unordered_map<std::size_t, NodeList> m_nodesOfJob; // running jobs only
    std::unordered_map<std::size_t, WaitInfo> m_waits;      // queued jobs (or, finished,
                                                            // those never started)
    // The latest snapshot's list behind m_waits: most frames repeat it (every slice of a big
    // frame carries the same one), and comparing it is cheaper than hashing it again.
    std::vector<std::pair<std::size_t, WaitInfo>> m_waitList;
    bool m_waitListCurrent = true; // false once m_waits came from elsewhere (a result, a
                                   // renumbering)
    std::unordered_map<std::size_t, RejectReason> m_rejectReasons;
    std::unordered_map<std::size_t, std::uint32_t> m_interruptions; // interrupted jobs only
    bool m_hasRun = false;
    SimTime m_now = 0.0;

    // The latest apply(): released nodes of event i are
    // m_released[m_releasedBegin[i] .. m_releasedBegin[i + 1]).
    std::vector<std::uint32_t> m_releasedBegin;
    std::vector<int> m_released;
    bool m_runningChanged = false;
    bool m_statesChanged = false;
};

} // namespace headroom::ui
