#pragma once

#include <QStatusBar>

class QLabel;

namespace headroom::ui {

class RunController;
class ScenarioDocument;
struct LiveSnapshot;

// The main window's status bar: messages on the left; on the right, the live run in four
// fields (simulated time, events per second, jobs, power and energy), and a fifth with nodes
// down, failures, interruptions and, once finished, the goodput when the scenario has
// failures or outages (docs/design.md §10); or the scenario's size while no run has started.
class RunStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    RunStatusBar(ScenarioDocument *document, RunController *run, QWidget *parent = nullptr);

    QLabel *timeLabel() const { return m_time; }
    QLabel *jobsLabel() const { return m_jobs; }
    QLabel *powerLabel() const { return m_power; }
    QLabel *failuresLabel() const { return m_failures; }

private:
    void showSnapshot(const LiveSnapshot &snapshot);
    void showScenarioSize();

    ScenarioDocument *m_document;
    RunController *m_run;
    QLabel *m_time;
    QLabel *m_rate;
    QLabel *m_jobs;
    QLabel *m_power;
    QLabel *m_failures; // only for a scenario with failures or planned outages
};

} // namespace headroom::ui
