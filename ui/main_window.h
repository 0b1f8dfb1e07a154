#pragma once

#include "core/model/scenario.h"
#include "ui/run/live_snapshot.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QUndoView;

namespace headroom::ui {

class Autosave;
class ExplainPanel;
class ResultsPanel;
class GanttView;
class PalettePanel;
class PropertiesPanel;
class RecentFiles;
class RunController;
class ScenarioDocument;
class Selection;
class TopologyView;
class WorkloadsPanel;

// The Headroom main window: the topology editor in the centre, panels and live charts in
// docks, run controls in a toolbar, and the usual file and edit habits (recent files,
// unsaved-changes prompt, autosave with crash recovery, remembered layout).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument *document() const { return m_document; }
    Selection *selection() const { return m_selection; }
    RunController *runController() const { return m_run; }
    TopologyView *topologyView() const { return m_topology; }
    Autosave *autosave() const { return m_autosave; }
    ExplainPanel *explainPanel() const { return m_explain; }
    ResultsPanel *resultsPanel() const { return m_results; }
    QAction *explainAction() const { return m_explainAction; }

    // Opens a scenario (.json) or imports a trace (.swf, .swf.gz). Returns false and tells
    // the user why when it cannot. Does not ask about unsaved changes (callers do).
    bool openFile(const QString &path);
    // Offers to restore what a crashed session left behind; returns true if it restored.
    bool offerRecovery();
    // Shows a scenario built elsewhere (a generator, a test) as a new, unsaved document.
    void showScenario(Scenario scenario);

public Q_SLOTS:
    void newScenario();
    void open();
    bool save();
    bool saveAs();
    void importTrace();
    void runUntilDialog();
    // File → Export Report…: uses the finished run, or runs the scenario first.
    void exportReport();
    // Simulation → Explain Placement…: shows the explain panel for the selected job.
    void explainPlacement();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBars();
    void createDocks();
    void createStatusBar();
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    bool maybeSave();
    bool saveTo(const QString &path);
    void replaceScenario(Scenario scenario, const QString &path);
    void updateTitle();
    void updateRecentMenu();
    void updateRunActions();
    void syncPolicyCombos();
    void onSnapshot(const LiveSnapshot &snapshot);
    void clearRunStatus();
    void showStatus(const QString &message, int timeoutMs = 6000);
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);

    ScenarioDocument *m_document;
    Selection *m_selection;
    RunController *m_run;
    RecentFiles *m_recent;
    Autosave *m_autosave;

    TopologyView *m_topology = nullptr;
    PalettePanel *m_palette = nullptr;
    WorkloadsPanel *m_workloads = nullptr;
    PropertiesPanel *m_properties = nullptr;
    GanttView *m_gantt = nullptr;
    QUndoView *m_undoView = nullptr;
    ExplainPanel *m_explain = nullptr;
    ResultsPanel *m_results = nullptr;
    QDockWidget *m_explainDock = nullptr;
    QList<QDockWidget *> m_docks;
    QByteArray m_defaultState;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportReportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_selectAllAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_runUntilAction = nullptr;
    QAction *m_explainAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QComboBox *m_speedCombo = nullptr;
    QComboBox *m_schedulerCombo = nullptr;
    QComboBox *m_placementCombo = nullptr;

    QLabel *m_timeLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_jobsLabel = nullptr;
    QLabel *m_powerLabel = nullptr;
};

} // namespace headroom::ui
