#include "ui/plan/plan_task.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace headroom::ui {

PlanTask::PlanTask(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &PlanTask::poll);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &PlanTask::onFinished);
}

PlanTask::~PlanTask()
{
    if (m_running) {
        m_state->cancel.cancel();
        m_watcher.waitForFinished();
    }
}

void PlanTask::start(int threads, Work work)
{
    Q_ASSERT(!m_running);
    m_state = std::make_shared<State>();
    m_error.clear();
    m_running = true;
    m_shownDone = m_shownTotal = -1;
    const std::shared_ptr<State> state = m_state;
    m_watcher.setFuture(QtConcurrent::run([state, threads, work = std::move(work)]() -> QString {
        try {
            WorkerPool pool(threads);
            work(
                    pool,
                    [state](const PlanProgress &progress) {
                        state->total.store(progress.total);
                        state->done.store(progress.done);
                    },
                    &state->cancel);
            return {};
        } catch (const std::exception &error) {
            return QString::fromStdString(error.what());
        }
    }));
    m_poll.start();
    poll();
}

void PlanTask::cancel()
{
    if (m_running)
        m_state->cancel.cancel();
}

bool PlanTask::waitForFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_running && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return !m_running;
}

void PlanTask::poll()
{
    if (!m_state)
        return;
    const int done = m_state->done.load();
    const int total = m_state->total.load();
    if (done == m_shownDone && total == m_shownTotal)
        return;
    m_shownDone = done;
    m_shownTotal = total;
    Q_EMIT progressChanged(done, total);
}

void PlanTask::onFinished()
{
    m_poll.stop();
    poll();
    m_error = m_watcher.result();
    m_running = false;
    Q_EMIT finished();
}

} // namespace headroom::ui
