#include "ui/plan/study_run_bar.h"

#include "ui/plan/plan_task.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

#include <algorithm>

namespace headroom::ui {

StudyRunBar::StudyRunBar(PlanTask *task, QWidget *parent)
    : QWidget(parent)
    , m_task(task)
    , m_threads(new QSpinBox(this))
    , m_run(new QPushButton(tr("&Run Study"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_progress(new QProgressBar(this))
{
    m_threads->setRange(1, 256);
    m_threads->setValue(std::max(1, QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Simulations run at once; the answer is the same for any number "
                             "(default: one per core)"));
    auto *threadsLabel = new QLabel(tr("&Threads:"), this);
    threadsLabel->setBuddy(m_threads);
    m_run->setToolTip(tr("Simulate the configurations the study needs, off the window's thread"));
    m_cancel->setToolTip(tr("Stop the study; what it has evaluated so far is kept"));
    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("not run yet"));
    m_progress->setAccessibleName(tr("Study progress"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(threadsLabel);
    layout->addWidget(m_threads);
    layout->addWidget(m_run);
    layout->addWidget(m_cancel);
    layout->addWidget(m_progress, 1);

    connect(m_run, &QPushButton::clicked, this, &StudyRunBar::runClicked);
    connect(m_cancel, &QPushButton::clicked, m_task, &PlanTask::cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_progress->setFormat(tr("cancelling…"));
        m_cancel->setEnabled(false);
    });
    connect(m_task, &PlanTask::progressChanged, this, &StudyRunBar::onProgress);
    connect(m_task, &PlanTask::finished, this, [this] {
        updateState();
        m_progress->setFormat(m_task->cancelRequested() ? tr("cancelled") : tr("%v simulations"));
        m_progress->setRange(0, std::max(1, m_progress->value()));
        m_run->setFocus();
    });
    updateState();
}

QList<QWidget *> StudyRunBar::focusChain() const
{
    return {m_threads, m_run, m_cancel};
}

int StudyRunBar::threads() const
{
    return m_threads->value();
}

void StudyRunBar::setThreads(int threads)
{
    m_threads->setValue(threads);
}

void StudyRunBar::onProgress(int done, int total)
{
    updateState();
    m_progress->setRange(0, std::max({1, total, done}));
    m_progress->setValue(done);
    if (!m_task->cancelRequested())
        m_progress->setFormat(tr("%v of about %m simulations"));
}

void StudyRunBar::updateState()
{
    const bool running = m_task->isRunning();
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running && !m_task->cancelRequested());
    m_threads->setEnabled(!running);
}

} // namespace headroom::ui
