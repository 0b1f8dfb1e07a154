#pragma once

#include "core/model/scenario.h"

#include <QMainWindow>

class QAction;
class QDockWidget;

namespace headroom::ui {

class Autosave;
class ExplainPanel;
class FileController;
class MainActions;
class CompareController;
class PlanController;
class ResultsPanel;
class RunController;
class RunStatusBar;
class ScenarioDocument;
class Selection;
class TopologyView;
class WorkloadsPanel;

// The Headroom main window: the topology editor in the centre, panels and live charts in
// docks, run controls in a toolbar, the live run in the status bar. It wires the parts that
// hold the rest: the actions, menus and toolbars (ui/window/main_actions.h), the file
// lifecycle (ui/files/file_controller.h) and the run status bar (ui/window/run_status_bar.h).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument *document() const { return m_document; }
    Selection *selection() const { return m_selection; }
    RunController *runController() const { return m_run; }
    FileController *files() const { return m_files; }
    MainActions *actions() const { return m_actions; }
    TopologyView *topologyView() const { return m_topology; }
    Autosave *autosave() const;
    ExplainPanel *explainPanel() const { return m_explain; }
    ResultsPanel *resultsPanel() const { return m_results; }
    WorkloadsPanel *workloadsPanel() const { return m_workloads; }
    RunStatusBar *runStatusBar() const { return m_statusBar; }
    PlanController *planController() const { return m_plan; }
    CompareController *compareController() const { return m_compare; }
    QAction *explainAction() const;

    // Opens a scenario or imports a trace (FileController::openFile).
    bool openFile(const QString &path);
    // Offers to restore what a crashed session left behind; returns true if it restored.
    bool offerRecovery();
    // Shows a scenario built elsewhere (a generator, a test) as a new, unsaved document.
    void showScenario(Scenario scenario);

public Q_SLOTS:
    void runUntilDialog();
    // File → Export Report…: uses the finished run, or runs the scenario first.
    void exportReport();
    // Simulation → Explain Placement…: shows the explain panel for the selected job.
    void explainPlacement();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createDocks();
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    void applyDefaultDockSizes();
    void updateTitle();
    void showStatus(const QString &message, int timeoutMs = 6000);

    ScenarioDocument *m_document;
    Selection *m_selection;
    RunController *m_run;
    FileController *m_files;
    TopologyView *m_topology;
    MainActions *m_actions;
    RunStatusBar *m_statusBar;
    PlanController *m_plan;
    CompareController *m_compare;

    WorkloadsPanel *m_workloads = nullptr;
    ExplainPanel *m_explain = nullptr;
    ResultsPanel *m_results = nullptr;
    QDockWidget *m_explainDock = nullptr;
    QDockWidget *m_paletteDock = nullptr;
    QDockWidget *m_chartsDock = nullptr; // the first chart of the right-hand column
    QDockWidget *m_workloadsDock = nullptr;
    QDockWidget *m_resultsDock = nullptr;
    QList<QDockWidget *> m_docks;
    QByteArray m_defaultState;
    bool m_stateRestored = false; // the user's saved layout was restored
    bool m_dockSizesSet = false;
};

} // namespace headroom::ui
