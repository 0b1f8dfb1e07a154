#pragma once

#include "core/plan/evaluation.h"
#include "core/plan/worker_pool.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace headroom::ui {

// Runs one planning study (a sizing, a runway) off the GUI thread, with progress and Cancel
// (docs/design.md §7.5): a pool thread starts the study's own WorkerPool of the chosen size
// and hands it the core's progress callback and CancelFlag; the GUI thread reads the progress
// a few times a second, so a fast study never floods the event queue. One study at a time.
class PlanTask : public QObject
{
    Q_OBJECT

public:
    // The study: runs on a pool thread and stores its result where the caller can read it
    // once finished() is emitted (the work is over by then).
    using Work = std::function<void(WorkerPool &pool, const PlanProgressCallback &progress,
                                    const CancelFlag *cancel)>;

    explicit PlanTask(QObject *parent = nullptr);
    // Cancels a study still running and waits for it: its result would have no reader.
    ~PlanTask() override;

    bool isRunning() const { return m_running; }
    // Starts `work` on a pool of `threads` threads (< 1: one per hardware thread).
    void start(int threads, Work work);
    // Asks the study to stop; finished() follows once it has.
    void cancel();
    bool cancelRequested() const { return m_state && m_state->cancel.cancelled(); }
    // Why the last study failed (it threw); empty when it did not.
    QString error() const { return m_error; }
    // Waits up to `timeoutMs` for the study to end, processing events (tests).
    bool waitForFinished(int timeoutMs);

Q_SIGNALS:
    void progressChanged(int done, int total);
    void finished();

private:
    struct State
    {
        CancelFlag cancel;
        std::atomic<int> done{0};
        std::atomic<int> total{0};
    };

    void poll();
    void onFinished();

    std::shared_ptr<State> m_state;
    QFutureWatcher<QString> m_watcher;
    QTimer m_poll;
    QString m_error;
    bool m_running = false;
    int m_shownDone = -1;
    int m_shownTotal = -1;
};

} // namespace headroom::ui
