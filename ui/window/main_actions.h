#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QMenuBar;

namespace headroom::ui {

class FileController;
class RunController;
class ScenarioDocument;
class TopologyView;

// The main window's actions, with their shortcuts, and the menus and toolbars that show them.
// File, edit, view and run actions are wired to what they act on here; actions that open the
// window's own dialogs (export, explain, run until, layout, help) are the window's to wire.
class MainActions : public QObject
{
    Q_OBJECT

public:
    MainActions(QMainWindow *window, ScenarioDocument *document, FileController *files,
                TopologyView *topology, RunController *run);

    // File
    QAction *newScenario = nullptr;
    QAction *open = nullptr;
    QAction *save = nullptr;
    QAction *saveAs = nullptr;
    QAction *importTrace = nullptr;
    QAction *importSlurm = nullptr;
    QAction *importKubernetes = nullptr;
    QAction *importOpenb = nullptr;
    QAction *importCsv = nullptr;
    // What the Slurm, Kubernetes and openb imports count as slots: one of the two is checked.
    QAction *importSlotsGpu = nullptr;
    QAction *importSlotsCpu = nullptr;
    QAction *exportReport = nullptr;
    QAction *quit = nullptr;
    // Edit
    QAction *undo = nullptr;
    QAction *redo = nullptr;
    QAction *deleteSelection = nullptr;
    QAction *duplicate = nullptr;
    QAction *selectAll = nullptr;
    // View
    QAction *zoomIn = nullptr;
    QAction *zoomOut = nullptr;
    QAction *fitToWindow = nullptr;
    QAction *resetLayout = nullptr;
    // Simulation
    QAction *play = nullptr;
    QAction *step = nullptr;
    QAction *reset = nullptr;
    QAction *runUntil = nullptr;
    QAction *explain = nullptr;
    // Comparison (the window wires them to its CompareController)
    QAction *keepRun = nullptr;
    QAction *compareRuns = nullptr;
    QAction *comparePolicies = nullptr;
    // Plan (the window wires them to its PlanController)
    QAction *sizeCluster = nullptr;
    QAction *forecastDemand = nullptr;
    QAction *runway = nullptr;
    // Help
    QAction *userGuide = nullptr;
    QAction *keyboardShortcuts = nullptr;
    QAction *about = nullptr;

    // The View menu: zoom actions; the window adds its docks' toggles.
    QMenu *viewMenu() const { return m_viewMenu; }
    // Every action of the menus, in menu order (Help → Keyboard Shortcuts lists them).
    QList<QAction *> menuActions() const;

private:
    void createMenus(QMenuBar *bar);
    void createToolBars(QMainWindow *window, ScenarioDocument *document);
    void updateRecentMenu();
    void updateRunActions();

    FileController *m_files;
    RunController *m_run;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QList<QMenu *> m_menus;
};

} // namespace headroom::ui
