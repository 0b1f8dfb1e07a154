#pragma once

#include "core/model/scenario.h"
#include "ui/run/live_snapshot.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace headroom {
class Simulation;
struct PlacementExplanation;
} // namespace headroom

namespace headroom::ui {

class SnapshotCollector;

// Runs a Simulation on its own thread (OMNeT++ Qtenv's lesson, minus running it on the GUI
// thread): works in slices of a few milliseconds so that pause, step and reset requests,
// which arrive as queued calls, are handled promptly; publishes a snapshot at most once per
// frame, independent of how many events were simulated in between.
class SimulationWorker : public QObject
{
    Q_OBJECT

public:
    explicit SimulationWorker(QObject *parent = nullptr);
    ~SimulationWorker() override;

    // Called from the GUI thread just before it queues load(runId): a load that is already
    // outdated when the worker gets to it is skipped instead of compiling a stale scenario.
    void noteLatestRunId(quint64 runId) { m_latestRunId.store(runId); }
    // Called from the GUI thread when it has handled a snapshot. The worker does not publish
    // the next regular frame before that (back-pressure): a GUI thread that falls behind gets
    // fewer, larger snapshots instead of a growing queue of them.
    void snapshotConsumed() { m_inFlight.store(false); }

    // Where the placement strategy would put job `job` (position in Scenario::jobs) on the
    // cluster as it is now. Worker thread only, and only while the run is not running (the
    // GUI calls it through a blocking queued call when paused); nullopt otherwise.
    std::optional<PlacementExplanation> explain(std::size_t job);

    static constexpr int kFrameMs = 33; // publish rate: ~30 frames per second
    static constexpr int kSliceMs = 12; // longest stretch without looking at the event loop
    // Back pressure: while the GUI is still applying a frame, the run goes no further than
    // this many job events ahead of it (see tick()).
    static constexpr std::size_t kMaxUnsentEvents = 20000;

public Q_SLOTS:
    void load(std::shared_ptr<const headroom::Scenario> scenario, quint64 runId);
    void play();
    void pause();
    void stepOnce();
    void runUntil(double time);
    // Simulated seconds per wall-clock second; 0 runs as fast as possible.
    void setSpeed(double simSecondsPerSecond);

Q_SIGNALS:
    void snapshotReady(headroom::ui::SnapshotPtr snapshot);
    void stateChanged(headroom::ui::RunState state, quint64 runId);
    void failed(const QString &message, quint64 runId);

private:
    void tick();
    void publish();
    void setState(RunState state);
    void restartPacing();

    std::shared_ptr<const Scenario> m_scenario;
    std::unique_ptr<Simulation> m_simulation;
    std::unique_ptr<SnapshotCollector> m_collector;
    quint64 m_runId = 0;
    std::atomic<quint64> m_latestRunId{0};
    std::atomic<bool> m_inFlight{false};
    RunState m_state = RunState::Idle;
    QTimer m_ticker;
    QElapsedTimer m_frameClock;
    QElapsedTimer m_paceClock;
    double m_speed = 0.0;
    double m_paceStartSimTime = 0.0;
    double m_stopAt = -1.0; // runUntil target, or < 0
    quint64 m_eventsAtLastFrame = 0;
    double m_eventsPerSecond = 0.0;
};

} // namespace headroom::ui
