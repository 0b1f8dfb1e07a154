#pragma once

#include "core/engine/live_status.h"
#include "core/engine/node_power_state.h"
#include "core/engine/run_result.h"
#include "core/model/scenario.h"

#include <QMetaType>

#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace headroom::ui {

// The nodes of one job start. Almost every job runs on one or two nodes, so those are kept
// inline: a flat-out run reports hundreds of thousands of starts per second, and a heap
// allocation for each (and its free on the GUI thread) showed up in the GUI's frame time.
class NodeList
{
public:
    NodeList() = default;
    NodeList(std::initializer_list<int> nodes) { assign(nodes.begin(), nodes.end()); }
    NodeList(const std::vector<int> &nodes) { assign(nodes.begin(), nodes.end()); } // NOLINT

    void push_back(int node)
    {
        if (m_size < kInline) {
            m_inline[m_size] = node;
        } else {
            if (m_size == kInline)
                m_spill.assign(m_inline, m_inline + kInline);
            m_spill.push_back(node);
        }
        ++m_size;
    }
    void reserve(std::size_t n)
    {
        if (n > kInline)
            m_spill.reserve(n);
    }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const int *begin() const { return m_size <= kInline ? m_inline : m_spill.data(); }
    const int *end() const { return begin() + m_size; }
    int operator[](std::size_t i) const { return begin()[i]; }
    int front() const { return *begin(); }

private:
    template<typename It>
    void assign(It first, It last)
    {
        for (; first != last; ++first)
            push_back(*first);
    }

    static constexpr std::size_t kInline = 2;
    int m_inline[kInline] = {};
    std::size_t m_size = 0;
    std::vector<int> m_spill; // all nodes, once there are more than kInline
};

// A job starting, being preempted or interrupted (a node under it went down, docs/design.md
// §10.4) or ending, as the Gantt timeline needs it.
struct JobEvent
{
    enum class Kind : quint8 { Started, Preempted, Completed, Rejected, Interrupted };
    Kind kind = Kind::Started;
    SimTime time = 0.0;
    std::size_t job = 0;                            // position in Scenario::jobs
    NodeList nodes;                                 // for Started
    RejectReason rejectReason = RejectReason::None; // for Rejected
};

// A node that is down now (docs/design.md §10): since when, until when its repair or
// planned outage lasts, and which of the two it is.
struct DownNode
{
    int node = 0; // topology order
    SimTime since = 0.0;
    SimTime until = 0.0;
    bool planned = false;
    bool operator==(const DownNode &) const = default;
};

// What the worker publishes once per frame. Immutable once sent; shared between threads.
struct LiveSnapshot
{
    quint64 runId = 0;
    LiveStatus status;
    std::vector<int> nodeBusy; // busy accelerators per node, topology order
    // Power state per node, topology order (Idle/Busy, or Off/Booting/ShuttingDown under
    // power management).
    std::vector<NodePowerState> nodePower;
    long long boots = 0;             // node boots so far (power management)
    std::vector<DownNode> downNodes; // nodes down now, by node (counts so far: in status)
    std::vector<Sample> newSamples;  // since the previous snapshot
    std::vector<JobEvent> newEvents; // since the previous snapshot
    // What every queued job waits for now (Simulation::queuedWaits(), docs/design.md §3.12):
    // (position in Scenario::jobs, reason), oldest first; empty once finished (the result's
    // JobOutcome::waitedFor then says why a job never started).
    std::vector<std::pair<std::size_t, WaitInfo>> waits;
    double eventsPerWallSecond = 0.0; // recent engine throughput
    bool finished = false;
    std::shared_ptr<const RunResult> result; // set once finished
};

using SnapshotPtr = std::shared_ptr<const LiveSnapshot>;

enum class RunState { Idle, Loading, Running, Paused, Finished, Failed };

} // namespace headroom::ui

Q_DECLARE_METATYPE(headroom::ui::SnapshotPtr)
Q_DECLARE_METATYPE(std::shared_ptr<const headroom::Scenario>)
Q_DECLARE_METATYPE(std::shared_ptr<const headroom::RunResult>)
Q_DECLARE_METATYPE(headroom::ui::RunState)
