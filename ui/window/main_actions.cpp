#include "ui/window/main_actions.h"

#include "ui/document/scenario_document.h"
#include "ui/files/file_controller.h"
#include "ui/files/recent_files.h"
#include "ui/run/run_controller.h"
#include "ui/topology/topology_view.h"
#include "ui/window/run_toolbar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

namespace headroom::ui {
namespace {

QIcon standardIcon(QStyle::StandardPixmap pixmap)
{
    return QApplication::style()->standardIcon(pixmap);
}

QIcon themedIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), standardIcon(fallback));
}

// The desktop's icon theme first; Headroom's own drawing where the theme has none (the
// style's standard pixmaps have no zoom icons).
QIcon themedIcon(const char *name, const char *bundled)
{
    return QIcon::fromTheme(QString::fromLatin1(name), QIcon(QString::fromLatin1(bundled)));
}

QAction *action(QObject *parent, const QString &text, const QKeySequence &shortcut = {},
                const QIcon &icon = {})
{
    auto *a = new QAction(icon, text, parent);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    return a;
}

} // namespace

MainActions::MainActions(QMainWindow *window, ScenarioDocument *document, FileController *files,
                         TopologyView *topology, RunController *run)
    : QObject(window)
    , m_files(files)
    , m_run(run)
{
    newScenario = action(this, tr("&New"), QKeySequence::New,
                         themedIcon("document-new", QStyle::SP_FileIcon));
    newScenario->setToolTip(tr("Start an empty scenario"));
    connect(newScenario, &QAction::triggered, files, &FileController::newScenario);
    open = action(this, tr("&Open…"), QKeySequence::Open,
                  themedIcon("document-open", QStyle::SP_DialogOpenButton));
    open->setToolTip(tr("Open a scenario file or an SWF trace"));
    connect(open, &QAction::triggered, files, &FileController::open);
    save = action(this, tr("&Save"), QKeySequence::Save,
                  themedIcon("document-save", QStyle::SP_DialogSaveButton));
    save->setToolTip(tr("Save the scenario"));
    connect(save, &QAction::triggered, files, &FileController::save);
    saveAs = action(this, tr("Save &As…"), QKeySequence::SaveAs);
    connect(saveAs, &QAction::triggered, files, &FileController::saveAs);
    importTrace = action(this, tr("&SWF Trace…"), QKeySequence(tr("Ctrl+I")));
    importTrace->setToolTip(tr("Replay a trace from the Parallel Workloads Archive, on its own "
                               "cluster or on this one"));
    connect(importTrace, &QAction::triggered, files, &FileController::importTrace);
    importSlurm = action(this, tr("S&lurm Accounting…"), {});
    importSlurm->setToolTip(tr("Jobs from sacct -P, with the nodes from scontrol show node -o"));
    connect(importSlurm, &QAction::triggered, files, &FileController::importSlurm);
    importKubernetes = action(this, tr("&Kubernetes Nodes…"), {});
    importKubernetes->setToolTip(tr("The cluster from kubectl get nodes -o json"));
    connect(importKubernetes, &QAction::triggered, files, &FileController::importKubernetes);
    importOpenb = action(this, tr("&Alibaba GPU Trace…"), {});
    importOpenb->setToolTip(tr("Nodes and pods of cluster-trace-gpu-v2023 (openb)"));
    connect(importOpenb, &QAction::triggered, files, &FileController::importOpenb);
    importCsv = action(this, tr("&CSV Jobs…"), {});
    importCsv->setToolTip(tr("Jobs from any CSV, with a column mapping"));
    connect(importCsv, &QAction::triggered, files, &FileController::importCsv);
    importSlotsGpu = action(this, tr("Slots Are &GPUs"), {});
    importSlotsGpu->setToolTip(tr("Slurm, Kubernetes and Alibaba imports: a node's slots are its "
                                  "GPUs, a job's its GPUs (gres/gpu); CPU-only jobs are skipped"));
    importSlotsCpu = action(this, tr("Slots Are CPU C&ores"), {});
    importSlotsCpu->setToolTip(tr("Slurm, Kubernetes and Alibaba imports: a node's slots are its "
                                  "CPU cores, a job's its CPUs (NCPUS), for a CPU cluster"));
    auto *slots = new QActionGroup(this);
    for (QAction *choice : {importSlotsGpu, importSlotsCpu}) {
        choice->setCheckable(true);
        slots->addAction(choice);
    }
    (FileController::importSlots() == ImportSlots::Cpu ? importSlotsCpu : importSlotsGpu)
            ->setChecked(true);
    connect(importSlotsGpu, &QAction::triggered, this,
            [] { FileController::setImportSlots(ImportSlots::Gpu); });
    connect(importSlotsCpu, &QAction::triggered, this,
            [] { FileController::setImportSlots(ImportSlots::Cpu); });
    exportReport = action(this, tr("&Export Report…"), QKeySequence(tr("Ctrl+E")));
    exportReport->setToolTip(
            tr("Write a planning report (PDF or HTML), the CSV tables or the metrics of the run"));
    quit = action(this, tr("&Quit"), QKeySequence::Quit);
    connect(quit, &QAction::triggered, window, &QWidget::close);

    UndoHistory *history = document->undoStack();
    undo = history->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(themedIcon("edit-undo", QStyle::SP_ArrowBack));
    redo = history->createRedoAction(this, tr("&Redo"));
    // Ctrl+Y as well as the platform's own (Ctrl+Shift+Z on Linux): both are habits.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(tr("Ctrl+Y"))))
        redoKeys.append(QKeySequence(tr("Ctrl+Y")));
    redo->setShortcuts(redoKeys);
    redo->setIcon(themedIcon("edit-redo", QStyle::SP_ArrowForward));

    deleteSelection =
            action(this, tr("&Delete"), {}, themedIcon("edit-delete", QStyle::SP_TrashIcon));
    deleteSelection->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    deleteSelection->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    deleteSelection->setToolTip(tr("Delete the selected nodes, racks or zones"));
    connect(deleteSelection, &QAction::triggered, topology, &TopologyView::deleteSelection);
    topology->addAction(deleteSelection);
    duplicate = action(this, tr("D&uplicate"), QKeySequence(tr("Ctrl+D")));
    duplicate->setToolTip(tr("Duplicate the selected nodes or racks"));
    connect(duplicate, &QAction::triggered, topology, &TopologyView::duplicateSelection);
    selectAll = action(this, tr("Select &All Nodes"), QKeySequence::SelectAll);
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(selectAll, &QAction::triggered, topology, &TopologyView::selectAll);
    topology->addAction(selectAll);

    zoomIn = action(this, tr("Zoom &In"), QKeySequence::ZoomIn,
                    themedIcon("zoom-in", ":/icons/zoom-in.svg"));
    connect(zoomIn, &QAction::triggered, topology, &TopologyView::zoomIn);
    zoomOut = action(this, tr("Zoom &Out"), QKeySequence::ZoomOut,
                     themedIcon("zoom-out", ":/icons/zoom-out.svg"));
    connect(zoomOut, &QAction::triggered, topology, &TopologyView::zoomOut);
    fitToWindow = action(this, tr("&Fit to Window"), QKeySequence(tr("Ctrl+0")),
                         themedIcon("zoom-fit-best", ":/icons/zoom-fit.svg"));
    connect(fitToWindow, &QAction::triggered, topology, &TopologyView::fitToView);
    resetLayout = action(this, tr("&Reset Layout"));

    play = action(this, tr("&Run"), QKeySequence(Qt::Key_Space),
                  standardIcon(QStyle::SP_MediaPlay));
    play->setToolTip(tr("Run or pause the simulation (Space)"));
    connect(play, &QAction::triggered, run, &RunController::togglePlayPause);
    step = action(this, tr("&Step"), QKeySequence(tr("Ctrl+Right")),
                  standardIcon(QStyle::SP_MediaSkipForward));
    step->setToolTip(tr("Process the next instant's events (Ctrl+Right)"));
    connect(step, &QAction::triggered, run, &RunController::step);
    reset = action(this, tr("Rese&t"), QKeySequence(tr("Ctrl+R")),
                   standardIcon(QStyle::SP_MediaSkipBackward));
    reset->setToolTip(tr("Start the simulation over (Ctrl+R)"));
    connect(reset, &QAction::triggered, run, &RunController::reset);
    runUntil = action(this, tr("Run &Until…"), QKeySequence(tr("Ctrl+U")),
                      standardIcon(QStyle::SP_MediaSeekForward));
    runUntil->setToolTip(tr("Run to a simulated time, then pause (Ctrl+U)"));
    explain = action(this, tr("&Explain Placement…"), QKeySequence(tr("Ctrl+Shift+E")));
    explain->setObjectName("explainPlacement");
    explain->setToolTip(tr("Show why the placement strategy would put the selected job on its "
                           "nodes, node by node (Ctrl+Shift+E)"));
    explain->setStatusTip(explain->toolTip());

    keepRun = action(this, tr("&Keep Run for Comparison…"), QKeySequence(tr("Ctrl+K")));
    keepRun->setObjectName("keepRun");
    keepRun->setIconText(tr("Keep Run")); // the toolbar's button
    keepRun->setToolTip(tr("Keep the finished run's results under a name, to compare it with "
                           "the next runs (Ctrl+K)"));
    keepRun->setStatusTip(keepRun->toolTip());
    compareRuns = action(this, tr("&Compare Runs"), QKeySequence(tr("Ctrl+Shift+K")));
    compareRuns->setObjectName("compareRuns");
    compareRuns->setToolTip(tr("Show the kept runs and the current one side by side "
                               "(Ctrl+Shift+K)"));
    compareRuns->setStatusTip(compareRuns->toolTip());
    comparePolicies = action(this, tr("Compare &Policies…"));
    comparePolicies->setObjectName("comparePolicies");
    comparePolicies->setToolTip(tr("Run variants of the scenario's policy side by side"));
    comparePolicies->setStatusTip(comparePolicies->toolTip());

    sizeCluster = action(this, tr("&Size Cluster…"));
    sizeCluster->setObjectName("sizeCluster");
    sizeCluster->setToolTip(tr("Find the node counts that meet service levels at least cost"));
    sizeCluster->setStatusTip(sizeCluster->toolTip());
    forecastDemand = action(this, tr("&Forecast Demand…"));
    forecastDemand->setObjectName("forecastDemand");
    forecastDemand->setToolTip(tr("Fit the daily demand's trend and forecast it"));
    forecastDemand->setStatusTip(forecastDemand->toolTip());
    runway = action(this, tr("&Runway…"));
    runway->setObjectName("runway");
    runway->setToolTip(tr("Find the month in which growing load first breaks a service level"));
    runway->setStatusTip(runway->toolTip());

    userGuide = action(this, tr("&User Guide"), QKeySequence::HelpContents);
    userGuide->setObjectName("userGuide");
    keyboardShortcuts = action(this, tr("&Keyboard Shortcuts"));
    keyboardShortcuts->setObjectName("keyboardShortcuts");
    about = action(this, tr("&About Headroom"));

    createMenus(window->menuBar());
    createToolBars(window, document);
    connect(files->recentFiles(), &RecentFiles::changed, this, &MainActions::updateRecentMenu);
    connect(run, &RunController::stateChanged, this, &MainActions::updateRunActions);
    updateRecentMenu();
    updateRunActions();
}

void MainActions::createMenus(QMenuBar *bar)
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->addActions({newScenario, open});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addActions({save, saveAs});
    file->addSeparator();
    QMenu *import = file->addMenu(tr("&Import"));
    import->addActions({importTrace, importSlurm, importKubernetes, importOpenb, importCsv});
    import->addSeparator();
    import->addActions({importSlotsGpu, importSlotsCpu});
    file->addAction(exportReport);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addActions({deleteSelection, duplicate, selectAll});

    m_viewMenu = bar->addMenu(tr("&View"));
    m_viewMenu->addActions({zoomIn, zoomOut, fitToWindow});
    m_viewMenu->addSeparator();

    QMenu *simulation = bar->addMenu(tr("&Simulation"));
    simulation->addActions({play, step, runUntil, reset});
    simulation->addSeparator();
    simulation->addAction(explain);
    simulation->addSeparator();
    simulation->addActions({keepRun, compareRuns, comparePolicies});

    QMenu *plan = bar->addMenu(tr("&Plan"));
    plan->addActions({sizeCluster, forecastDemand, runway});

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addActions({userGuide, keyboardShortcuts});
    help->addSeparator();
    help->addAction(about);
    m_menus = {file, edit, m_viewMenu, simulation, plan, help};
}

void MainActions::createToolBars(QMainWindow *window, ScenarioDocument *document)
{
    QToolBar *fileBar = window->addToolBar(tr("File"));
    fileBar->setObjectName("FileToolBar");
    fileBar->addActions({newScenario, open, save});
    fileBar->addSeparator();
    fileBar->addActions({undo, redo});

    QToolBar *runBar = new RunToolBar(document, m_run, {play, step, runUntil, reset}, window);
    runBar->addAction(keepRun);
    window->addToolBar(runBar);

    QToolBar *viewBar = window->addToolBar(tr("View"));
    viewBar->setObjectName("ViewToolBar");
    viewBar->addActions({zoomIn, zoomOut, fitToWindow});
}

QList<QAction *> MainActions::menuActions() const
{
    QList<QAction *> out;
    for (const QMenu *menu : m_menus) {
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator() && !a->menu())
                out.append(a);
        }
    }
    return out;
}

void MainActions::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_files->recentFiles()->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction *recent = m_recentMenu->addAction(
                QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        recent->setToolTip(path);
        recent->setStatusTip(path);
        connect(recent, &QAction::triggered, m_files, [this, path] { m_files->openFile(path); });
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    connect(clear, &QAction::triggered, m_files->recentFiles(), &RecentFiles::clear);
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainActions::updateRunActions()
{
    const RunState state = m_run->state();
    const bool running = state == RunState::Running;
    play->setText(running ? tr("&Pause") : tr("&Run"));
    play->setIcon(standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    step->setEnabled(!running && state != RunState::Finished);
    runUntil->setEnabled(state != RunState::Finished);
}

} // namespace headroom::ui
