#pragma once

#include "ui/run/live_jobs.h"
#include "ui/run/live_snapshot.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace headroom {
struct PlacementExplanation;
}

namespace headroom::ui {

class ScenarioDocument;
class SimulationWorker;

// The GUI's handle on the simulation: owns the worker thread, forwards run controls to it,
// drops snapshots from runs that were reset, and keeps the state views read. Any edit of the
// scenario resets the run, so a run always shows the scenario as it is now
// (docs/architecture.md, "Edits reset the run").
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(ScenarioDocument *document, QObject *parent = nullptr);
    ~RunController() override;

    RunState state() const { return m_state; }
    quint64 runId() const { return m_runId; }
    // Latest snapshot of the current run; null before the first one arrives.
    const LiveSnapshot *latest() const { return m_latest.get(); }
    // Every sample of the current run so far.
    const std::vector<Sample> &samples() const { return m_samples; }
    // The current run's jobs: what each is doing and where the running ones run. Up to date
    // in every slot connected to snapshotArrived and runReset (see the constructor).
    const LiveJobs &liveJobs() const { return m_liveJobs; }
    std::shared_ptr<const RunResult> result() const { return m_result; }
    double speed() const { return m_speed; }
    // Where the placement strategy would put job `job` (position in Scenario::jobs) on the
    // live cluster of the current run. Only while paused (the worker is idle between two
    // steps, so this asks it synchronously); nullopt when running, finished or not loaded.
    std::optional<PlacementExplanation> explainLive(std::size_t job);

public Q_SLOTS:
    void reset();
    void play();
    void pause();
    void togglePlayPause();
    void step();
    void runUntil(double time);
    // Simulated seconds per wall-clock second; 0 = as fast as possible.
    void setSpeed(double simSecondsPerSecond);

Q_SIGNALS:
    // A new run was loaded (after reset or an edit): views drop what they accumulated.
    void runReset(quint64 runId);
    void snapshotArrived(const headroom::ui::LiveSnapshot &snapshot);
    void stateChanged(headroom::ui::RunState state);
    void finished(std::shared_ptr<const headroom::RunResult> result);
    void failed(const QString &message);
    // Something worth a status-bar line ("The scenario changed; the run was reset").
    void notice(const QString &message);

    // To the worker (queued).
    void requestLoad(std::shared_ptr<const headroom::Scenario> scenario, quint64 runId);
    void requestPlay();
    void requestPause();
    void requestStep();
    void requestRunUntil(double time);
    void requestSpeed(double simSecondsPerSecond);

private:
    void onSnapshot(SnapshotPtr snapshot);
    void deliverNextSlice();
    void deliver(const SnapshotPtr &slice, bool last);
    void onWorkerState(RunState state, quint64 runId);
    void onWorkerFailed(const QString &message, quint64 runId);
    void onDocumentChanged();
    void ensureLoaded();
    void resetLiveJobs();

    ScenarioDocument *m_document;
    QThread m_thread;
    SimulationWorker *m_worker; // lives on m_thread
    RunState m_state = RunState::Idle;
    quint64 m_runId = 0;
    bool m_loaded = false; // the worker holds the current document's scenario
    SnapshotPtr m_latest;
    // A frame with more job events than one event-loop turn should handle, cut into slices
    // delivered one per turn (oldest first); the worker hears the frame was consumed only
    // after its last slice, and worker states wait behind the slices.
    std::deque<std::pair<SnapshotPtr, bool>> m_slices; // (slice, is last of its frame)
    QTimer m_sliceTimer; // the next slice, after a pause as long as the last one took
    std::optional<RunState> m_stateAfterSlices;
    std::vector<Sample> m_samples;
    LiveJobs m_liveJobs;
    std::shared_ptr<const RunResult> m_result;
    double m_speed = 0.0;
};

// The running-job record of `run`, or an empty one for views built without a run.
const LiveJobs &liveJobsOf(const RunController *run);

} // namespace headroom::ui
