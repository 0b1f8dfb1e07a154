#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace headroom::ui {

class PlanTask;

// The row that starts a planning study and follows it: threads (one per core by default),
// Run, Cancel and a progress bar of simulations done of those expected (an estimate that
// can grow while a search runs, docs/design.md §7.5). Shared by Size Cluster and Runway.
class StudyRunBar : public QWidget
{
    Q_OBJECT

public:
    StudyRunBar(PlanTask *task, QWidget *parent = nullptr);

    int threads() const;
    void setThreads(int threads);
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QList<QWidget *> focusChain() const; // threads, Run, Cancel

Q_SIGNALS:
    void runClicked();

private:
    void onProgress(int done, int total);
    void updateState();

    PlanTask *m_task;
    QSpinBox *m_threads;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
};

} // namespace headroom::ui
