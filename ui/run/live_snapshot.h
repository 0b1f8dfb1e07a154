#pragma once

#include "core/engine/run_result.h"
#include "core/engine/simulation.h"
#include "core/model/scenario.h"

#include <QMetaType>

#include <memory>
#include <vector>

namespace headroom::ui {

// A job starting, being preempted or ending, as the Gantt timeline needs it.
struct JobEvent
{
    enum class Kind : quint8 { Started, Preempted, Completed, Rejected };
    Kind kind = Kind::Started;
    SimTime time = 0.0;
    std::size_t job = 0;    // position in Scenario::jobs
    std::vector<int> nodes; // for Started
};

// What the worker publishes once per frame. Immutable once sent; shared between threads.
struct LiveSnapshot
{
    quint64 runId = 0;
    LiveStatus status;
    std::vector<int> nodeBusy;        // busy accelerators per node, topology order
    std::vector<Sample> newSamples;   // since the previous snapshot
    std::vector<JobEvent> newEvents;  // since the previous snapshot
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
