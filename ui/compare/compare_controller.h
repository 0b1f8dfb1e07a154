#pragma once

#include "ui/compare/compare_policies_dialog.h"
#include "ui/compare/compare_window.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace headroom::ui {

class ComparedRunsModel;
class RunController;
class ScenarioDocument;

// The comparison menu's handler (docs/design.md §8.1): keeps finished runs under a name (up
// to ComparedRunsModel::kMaxRuns) while the user edits and runs again, opens the Compare
// window on the kept runs and the current one, and runs Compare Policies….
class CompareController : public QObject
{
    Q_OBJECT

public:
    CompareController(ScenarioDocument *document, RunController *run, QWidget *window);

    // Wires Keep Run for Comparison, Compare Runs and Compare Policies… and keeps their
    // enabled state current.
    void attach(QAction *keepRun, QAction *compare, QAction *comparePolicies);

    ComparedRunsModel *kept() const { return m_kept; }
    // Keeps the finished current run under `name` (made unique); false when there is no
    // finished run, it is already kept, or kMaxRuns runs are kept.
    bool keepCurrentRun(const QString &name);
    bool canKeep() const;
    // The Compare window last opened, while it is open.
    CompareWindow *compareWindow() const { return m_window; }

public Q_SLOTS:
    void keepRun();           // asks for the name
    CompareWindow *compare(); // the kept runs and the current finished one, if not kept
    void comparePolicies();

private:
    CompareWindow *showWindow();
    void updateActions();

    ScenarioDocument *m_document;
    RunController *m_run;
    QWidget *m_parent;
    ComparedRunsModel *m_kept;
    quint64 m_keptRunId = 0; // the run last kept: keeping it twice would compare it to itself
    QPointer<CompareWindow> m_window;
    QPointer<ComparePoliciesDialog> m_policies;
    QAction *m_keepAction = nullptr;
    QAction *m_compareAction = nullptr;
};

} // namespace headroom::ui
