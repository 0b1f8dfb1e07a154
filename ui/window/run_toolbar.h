#pragma once

#include <QToolBar>

class QComboBox;

namespace headroom::ui {

class RunController;
class ScenarioDocument;

// The Simulation toolbar: run actions (given), then the speed of the live run (remembered
// across sessions) and the scenario's scheduler and placement, which it edits through the
// document and follows when they change elsewhere (undo, the Properties dock).
class RunToolBar : public QToolBar
{
    Q_OBJECT

public:
    RunToolBar(ScenarioDocument *document, RunController *run, const QList<QAction *> &actions,
               QWidget *parent = nullptr);

    QComboBox *speedCombo() const { return m_speed; }
    QComboBox *schedulerCombo() const { return m_scheduler; }
    QComboBox *placementCombo() const { return m_placement; }

private:
    void applyPolicy();
    void showPolicy();

    ScenarioDocument *m_document;
    QComboBox *m_speed;
    QComboBox *m_scheduler;
    QComboBox *m_placement;
};

} // namespace headroom::ui
