#include "ui/main_window.h"

#include "core/model/policy.h"
#include "headroom_version.h"
#include "report/report_data.h"
#include "report/report_format.h"
#include "ui/charts/live_charts.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/explain/explain_panel.h"
#include "ui/files/autosave.h"
#include "ui/files/background_task.h"
#include "ui/files/recent_files.h"
#include "ui/files/scenario_io.h"
#include "ui/models/duration_text.h"
#include "ui/models/policy_choices.h"
#include "ui/panels/palette_panel.h"
#include "ui/panels/properties_panel.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/services_panel.h"
#include "ui/panels/workloads_panel.h"
#include "ui/report/report_dialog.h"
#include "ui/report/report_run.h"
#include "ui/run/run_controller.h"
#include "ui/settings_keys.h"
#include "ui/timeline/gantt_view.h"
#include "ui/timeline/time_axis.h"
#include "ui/topology/topology_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QUndoView>

#include <cmath>

namespace headroom::ui {
namespace {

// ".headroom.json" is the extension the desktop associates with Headroom (packaging/linux);
// any .json scenario still opens.
constexpr const char *kScenarioFilter =
        QT_TRANSLATE_NOOP("MainWindow", "Headroom scenarios (*.headroom.json *.json)");
constexpr const char *kTraceFilter = QT_TRANSLATE_NOOP(
        "MainWindow", "Standard Workload Format traces (*.swf *.swf.gz);;All files (*)");

struct SpeedChoice
{
    const char *label;
    double simSecondsPerSecond; // 0: as fast as possible
};

constexpr SpeedChoice kSpeeds[] = {
        {QT_TRANSLATE_NOOP("MainWindow", "1 min / s"), 60.0},
        {QT_TRANSLATE_NOOP("MainWindow", "10 min / s"), 600.0},
        {QT_TRANSLATE_NOOP("MainWindow", "1 h / s"), 3600.0},
        {QT_TRANSLATE_NOOP("MainWindow", "6 h / s"), 6 * 3600.0},
        {QT_TRANSLATE_NOOP("MainWindow", "1 day / s"), 86400.0},
        {QT_TRANSLATE_NOOP("MainWindow", "1 week / s"), 7 * 86400.0},
        {QT_TRANSLATE_NOOP("MainWindow", "As fast as possible"), 0.0},
};
constexpr int kDefaultSpeed = 2; // 1 h / s: a day of jobs plays in 24 seconds

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ScenarioDocument({}, this))
    , m_selection(new Selection(this))
    , m_run(new RunController(m_document, this))
    , m_recent(new RecentFiles(this))
    , m_autosave(new Autosave(m_document, Autosave::defaultDirectory(), this))
{
    setObjectName("MainWindow");
    setDockNestingEnabled(true);
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);

    m_topology = new TopologyView(m_document, m_selection, m_run, this);
    m_topology->setToolTip(tr("Cluster topology: drag node types onto racks and jobs onto "
                              "nodes. Ctrl+wheel zooms."));
    setCentralWidget(m_topology);
    connect(m_topology, &TopologyView::statusMessage, this,
            [this](const QString &message) { showStatus(message); });

    createActions();
    createMenus();
    createToolBars();
    createDocks();
    createStatusBar();

    connect(m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::metadataChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::policyChanged, this, &MainWindow::syncPolicyCombos);
    connect(m_document, &ScenarioDocument::scenarioReset, this, &MainWindow::syncPolicyCombos);
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    connect(m_run, &RunController::stateChanged, this, &MainWindow::updateRunActions);
    connect(m_run, &RunController::stateChanged, this, [this](RunState state) {
        if (state == RunState::Running)
            statusBar()->clearMessage(); // e.g. "Press Space to run it"
    });
    connect(m_run, &RunController::snapshotArrived, this, &MainWindow::onSnapshot);
    connect(m_run, &RunController::runReset, this, &MainWindow::clearRunStatus);
    connect(m_document, &ScenarioDocument::changed, this, [this] {
        if (!m_run->latest())
            clearRunStatus();
    });
    connect(m_run, &RunController::notice, this, [this](const QString &m) { showStatus(m); });
    connect(m_run, &RunController::failed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Simulation failed"), message);
    });
    connect(m_run, &RunController::finished, this,
            [this] { showStatus(tr("Simulation finished."), 0); });

    m_defaultState = saveState();
    restoreLayout();
    updateTitle();
    updateRecentMenu();
    updateRunActions();
    syncPolicyCombos();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newAction = new QAction(themedIcon("document-new", QStyle::SP_FileIcon), tr("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Start an empty scenario"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newScenario);

    m_openAction = new QAction(themedIcon("document-open", QStyle::SP_DialogOpenButton),
                               tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a scenario file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);

    m_saveAction = new QAction(themedIcon("document-save", QStyle::SP_DialogSaveButton),
                               tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save the scenario"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_saveAsAction = new QAction(tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_importAction = new QAction(tr("&Import SWF Trace…"), this);
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_importAction->setToolTip(tr("Replay a trace from the Parallel Workloads Archive"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importTrace);

    m_exportReportAction = new QAction(tr("&Export Report…"), this);
    m_exportReportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_exportReportAction->setToolTip(
            tr("Write a planning report (PDF or HTML), the CSV tables or the metrics of the run"));
    connect(m_exportReportAction, &QAction::triggered, this, &MainWindow::exportReport);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    UndoHistory *history = m_document->undoStack();
    m_undoAction = history->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(themedIcon("edit-undo", QStyle::SP_ArrowBack));
    m_redoAction = history->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(themedIcon("edit-redo", QStyle::SP_ArrowForward));

    m_deleteAction =
            new QAction(themedIcon("edit-delete", QStyle::SP_TrashIcon), tr("&Delete"), this);
    m_deleteAction->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAction->setToolTip(tr("Delete the selected nodes, racks or zones"));
    connect(m_deleteAction, &QAction::triggered, m_topology, &TopologyView::deleteSelection);
    m_topology->addAction(m_deleteAction);

    m_duplicateAction = new QAction(tr("D&uplicate"), this);
    m_duplicateAction->setShortcut(QKeySequence(tr("Ctrl+D")));
    m_duplicateAction->setToolTip(tr("Duplicate the selected nodes or racks"));
    connect(m_duplicateAction, &QAction::triggered, m_topology, &TopologyView::duplicateSelection);

    m_selectAllAction = new QAction(tr("Select &All Nodes"), this);
    m_selectAllAction->setShortcut(QKeySequence::SelectAll);
    m_selectAllAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_selectAllAction, &QAction::triggered, m_topology, &TopologyView::selectAll);
    m_topology->addAction(m_selectAllAction);

    m_zoomInAction =
            new QAction(themedIcon("zoom-in", ":/icons/zoom-in.svg"), tr("Zoom &In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, m_topology, &TopologyView::zoomIn);
    m_zoomOutAction =
            new QAction(themedIcon("zoom-out", ":/icons/zoom-out.svg"), tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_topology, &TopologyView::zoomOut);
    m_fitAction = new QAction(themedIcon("zoom-fit-best", ":/icons/zoom-fit.svg"),
                              tr("&Fit to Window"), this);
    m_fitAction->setShortcut(QKeySequence(tr("Ctrl+0")));
    connect(m_fitAction, &QAction::triggered, m_topology, &TopologyView::fitToView);
    m_resetLayoutAction = new QAction(tr("&Reset Layout"), this);
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    m_playAction = new QAction(standardIcon(QStyle::SP_MediaPlay), tr("&Run"), this);
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_playAction->setToolTip(tr("Run or pause the simulation (Space)"));
    connect(m_playAction, &QAction::triggered, m_run, &RunController::togglePlayPause);

    m_stepAction = new QAction(standardIcon(QStyle::SP_MediaSkipForward), tr("&Step"), this);
    m_stepAction->setShortcut(QKeySequence(tr("Ctrl+Right")));
    m_stepAction->setToolTip(tr("Process the next instant's events (Ctrl+Right)"));
    connect(m_stepAction, &QAction::triggered, m_run, &RunController::step);

    m_resetAction = new QAction(standardIcon(QStyle::SP_MediaSkipBackward), tr("Rese&t"), this);
    m_resetAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_resetAction->setToolTip(tr("Start the simulation over (Ctrl+R)"));
    connect(m_resetAction, &QAction::triggered, m_run, &RunController::reset);

    m_runUntilAction =
            new QAction(standardIcon(QStyle::SP_MediaSeekForward), tr("Run &Until…"), this);
    m_runUntilAction->setShortcut(QKeySequence(tr("Ctrl+U")));
    m_runUntilAction->setToolTip(tr("Run to a simulated time, then pause (Ctrl+U)"));
    connect(m_runUntilAction, &QAction::triggered, this, &MainWindow::runUntilDialog);

    m_explainAction = new QAction(tr("&Explain Placement…"), this);
    m_explainAction->setObjectName("explainPlacement");
    m_explainAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_explainAction->setToolTip(tr("Show why the placement strategy would put the selected job "
                                   "on its nodes, node by node (Ctrl+Shift+E)"));
    m_explainAction->setStatusTip(m_explainAction->toolTip());
    connect(m_explainAction, &QAction::triggered, this, &MainWindow::explainPlacement);

    m_aboutAction = new QAction(tr("&About Headroom"), this);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Headroom"),
                           tr("<h3>Headroom %1</h3><p>Capacity planning for AI compute clusters: "
                              "replay workloads on a simulated cluster and see utilization, load "
                              "balance, queueing and power.</p>")
                                   .arg(QString::fromLatin1(kVersion)));
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportReportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_deleteAction);
    edit->addAction(m_duplicateAction);
    edit->addAction(m_selectAllAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_fitAction);
    m_viewMenu->addSeparator();

    QMenu *simulation = menuBar()->addMenu(tr("&Simulation"));
    simulation->addAction(m_playAction);
    simulation->addAction(m_stepAction);
    simulation->addAction(m_runUntilAction);
    simulation->addAction(m_resetAction);
    simulation->addSeparator();
    simulation->addAction(m_explainAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBars()
{
    QToolBar *fileBar = addToolBar(tr("File"));
    fileBar->setObjectName("FileToolBar");
    fileBar->addAction(m_newAction);
    fileBar->addAction(m_openAction);
    fileBar->addAction(m_saveAction);
    fileBar->addSeparator();
    fileBar->addAction(m_undoAction);
    fileBar->addAction(m_redoAction);

    QToolBar *runBar = addToolBar(tr("Simulation"));
    runBar->setObjectName("SimulationToolBar");
    runBar->addAction(m_playAction);
    runBar->addAction(m_stepAction);
    runBar->addAction(m_runUntilAction);
    runBar->addAction(m_resetAction);
    runBar->addSeparator();

    m_speedCombo = new QComboBox(runBar);
    m_speedCombo->setToolTip(tr("Simulated time per second of wall-clock time"));
    for (const SpeedChoice &choice : kSpeeds)
        m_speedCombo->addItem(tr(choice.label), choice.simSecondsPerSecond);
    runBar->addWidget(new QLabel(tr(" Speed "), runBar));
    runBar->addWidget(m_speedCombo);
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_run->setSpeed(m_speedCombo->itemData(index).toDouble());
        QSettings().setValue(settings::kRunSpeed, index);
    });
    const int speed = QSettings().value(settings::kRunSpeed, kDefaultSpeed).toInt();
    m_speedCombo->setCurrentIndex(speed >= 0 && speed < m_speedCombo->count() ? speed
                                                                              : kDefaultSpeed);
    m_run->setSpeed(m_speedCombo->currentData().toDouble());

    m_schedulerCombo = new QComboBox(runBar);
    m_schedulerCombo->setToolTip(tr("Scheduler: FCFS, shortest job first, shortest remaining "
                                    "time first (preemptive) or EASY backfilling"));
    addSchedulerChoices(m_schedulerCombo);
    runBar->addWidget(new QLabel(tr(" Scheduler "), runBar));
    runBar->addWidget(m_schedulerCombo);

    m_placementCombo = new QComboBox(runBar);
    m_placementCombo->setToolTip(tr("Which free nodes a starting job gets"));
    addPlacementChoices(m_placementCombo);
    runBar->addWidget(new QLabel(tr(" Placement "), runBar));
    runBar->addWidget(m_placementCombo);

    auto applyPolicy = [this] {
        Policy policy = m_document->scenario().policy;
        policy.scheduler = static_cast<SchedulerKind>(m_schedulerCombo->currentData().toInt());
        policy.placement = static_cast<PlacementKind>(m_placementCombo->currentData().toInt());
        if (!(policy == m_document->scenario().policy))
            edits::setPolicy(*m_document, policy);
    };
    connect(m_schedulerCombo, &QComboBox::activated, this, applyPolicy);
    connect(m_placementCombo, &QComboBox::activated, this, applyPolicy);

    QToolBar *viewBar = addToolBar(tr("View"));
    viewBar->setObjectName("ViewToolBar");
    viewBar->addAction(m_zoomInAction);
    viewBar->addAction(m_zoomOutAction);
    viewBar->addAction(m_fitAction);
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    m_docks.append(dock);
    return dock;
}

void MainWindow::createDocks()
{
    m_palette = new PalettePanel(m_document, this);
    QDockWidget *palette = addDock(m_palette, tr("Palette"), "PaletteDock", Qt::LeftDockWidgetArea);

    m_properties = new PropertiesPanel(m_document, m_selection, this);
    QDockWidget *properties =
            addDock(m_properties, tr("Properties"), "PropertiesDock", Qt::LeftDockWidgetArea);
    splitDockWidget(palette, properties, Qt::Vertical);

    m_undoView = new QUndoView(this);
    m_document->undoStack()->showIn(m_undoView);
    m_undoView->setEmptyLabel(tr("<scenario opened>"));
    QDockWidget *history =
            addDock(m_undoView, tr("History"), "HistoryDock", Qt::LeftDockWidgetArea);
    tabifyDockWidget(properties, history);
    properties->raise();

    m_workloads = new WorkloadsPanel(m_document, m_selection, m_run, this);
    QDockWidget *workloads =
            addDock(m_workloads, tr("Workloads"), "WorkloadsDock", Qt::BottomDockWidgetArea);

    // Results and the placement explanation share a tab group right of the jobs table: both
    // are read next to it. Split before tabifying: a split next to a tabbed dock only adds a
    // tab.
    m_results = new ResultsPanel(m_document, m_run, this);
    QDockWidget *results =
            addDock(m_results, tr("Results"), "ResultsDock", Qt::BottomDockWidgetArea);
    splitDockWidget(workloads, results, Qt::Horizontal);
    m_explain = new ExplainPanel(m_document, m_selection, m_run, this);
    m_explainDock =
            addDock(m_explain, tr("Explain Placement"), "ExplainDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(results, m_explainDock);
    results->raise();
    connect(m_run, &RunController::finished, results, &QDockWidget::raise);

    // Inference services next to the jobs: both are the load the cluster carries.
    QDockWidget *services = addDock(new ServicesPanel(m_document, this), tr("Services"),
                                    "ServicesDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(workloads, services);

    m_gantt = new GanttView(m_document, m_selection, m_run, this);
    QDockWidget *timeline =
            addDock(m_gantt, tr("Timeline"), "TimelineDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(workloads, timeline);
    workloads->raise();

    m_viewMenu->addSeparator();
    // Time-series charts stacked in one column on the right; the per-node view, which reads
    // best wide, shares the bottom area with the jobs table and the timeline.
    QDockWidget *firstChart = nullptr;
    for (const ChartPanel &chart : createLiveCharts(m_run, m_document, this)) {
        const bool perNode = chart.objectName == QLatin1String("nodeUtilizationChart");
        QDockWidget *dock = addDock(chart.widget, chart.title, chart.objectName,
                                    perNode ? Qt::BottomDockWidgetArea : Qt::RightDockWidgetArea);
        if (perNode)
            tabifyDockWidget(timeline, dock);
        else if (!firstChart)
            firstChart = dock;
    }
    workloads->raise();

    // Right-click on a job: the table's own actions and "why would it go there?".
    QTableView *jobsView = m_workloads->view();
    jobsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    jobsView->addAction(m_workloads->addJobAction());
    jobsView->addAction(m_workloads->deleteAction());
    auto *separator = new QAction(jobsView);
    separator->setSeparator(true);
    jobsView->addAction(separator);
    jobsView->addAction(m_explainAction);

    // The bottom docks span the centre only, so the side columns keep their full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({palette, firstChart}, {290, 380}, Qt::Horizontal);
    resizeDocks({workloads}, {260}, Qt::Vertical);
    resizeDocks({workloads, results}, {640, 420}, Qt::Horizontal);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_resetLayoutAction);
}

void MainWindow::createStatusBar()
{
    m_timeLabel = new QLabel(this);
    m_timeLabel->setToolTip(tr("Simulated time"));
    m_rateLabel = new QLabel(this);
    m_rateLabel->setToolTip(tr("Simulation events processed per second of wall-clock time"));
    m_jobsLabel = new QLabel(this);
    m_jobsLabel->setToolTip(tr("Jobs completed / running / queued (rejected)"));
    m_powerLabel = new QLabel(this);
    m_powerLabel->setToolTip(tr("IT power draw now and IT energy so far; facility power (IT × "
                                "PUE), nodes switched off or booting under power management, "
                                "and, once the run finished, the time jobs waited at a power "
                                "cap"));
    for (QLabel *label : {m_timeLabel, m_rateLabel, m_jobsLabel, m_powerLabel})
        statusBar()->addPermanentWidget(label);
    clearRunStatus();
    showStatus(tr("Ready"));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(settings::kWindowGeometry).toByteArray())) {
        // First start: most of the screen, never more than it.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(available.size().boundedTo(QSize(1680, 1050)) * 0.94);
        move(available.center() - rect().center());
    }
    restoreState(settings.value(settings::kWindowState).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(settings::kWindowGeometry, saveGeometry());
    settings.setValue(settings::kWindowState, saveState());
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->show();
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — Headroom").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction *action = m_recentMenu->addAction(
                QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    connect(clear, &QAction::triggered, m_recent, &RecentFiles::clear);
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateRunActions()
{
    const RunState state = m_run->state();
    const bool running = state == RunState::Running;
    m_playAction->setText(running ? tr("&Pause") : tr("&Run"));
    m_playAction->setIcon(standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_stepAction->setEnabled(!running && state != RunState::Finished);
    m_runUntilAction->setEnabled(state != RunState::Finished);
}

void MainWindow::syncPolicyCombos()
{
    const Policy &policy = m_document->scenario().policy;
    m_schedulerCombo->setCurrentIndex(
            m_schedulerCombo->findData(static_cast<int>(policy.scheduler)));
    m_placementCombo->setCurrentIndex(
            m_placementCombo->findData(static_cast<int>(policy.placement)));
}

void MainWindow::onSnapshot(const LiveSnapshot &snapshot)
{
    const LiveStatus &s = snapshot.status;
    m_timeLabel->setText(tr("t = %1").arg(formatSimTime(std::floor(s.now))));
    m_rateLabel->setText(snapshot.eventsPerWallSecond > 0
                                 ? tr("%1 events/s")
                                           .arg(report::count(static_cast<long long>(
                                                   snapshot.eventsPerWallSecond)))
                                 : QString());
    QString jobs = tr("%1 done · %2 running · %3 queued")
                           .arg(report::count(s.completed), report::count(s.running),
                                report::count(s.queued));
    if (s.rejected > 0)
        jobs += tr(" · %1 rejected").arg(report::count(s.rejected));
    m_jobsLabel->setText(jobs);
    const QString energy = report::energy(s.energyJ / 3.6e6);
    QString power = s.facilityPowerW > s.itPowerW * (1.0 + 1e-9)
                            ? tr("IT %1 · facility %2 · %3 IT")
                                      .arg(report::power(s.itPowerW),
                                           report::power(s.facilityPowerW), energy)
                            : tr("%1 · %2").arg(report::power(s.itPowerW), energy);
    if (s.nodesOff > 0 || s.nodesBooting > 0 || snapshot.boots > 0)
        power += tr(" · %1 off · %2 booting · %3 boots")
                         .arg(report::count(s.nodesOff), report::count(s.nodesBooting),
                              report::count(snapshot.boots));
    if (snapshot.result) {
        const RunMetrics &m = snapshot.result->metrics;
        if (m.timeAtPowerCapS > 0.0 || m_document->scenario().energy.clusterPowerCapKw)
            power += tr(" · at cap %1").arg(formatDuration(std::round(m.timeAtPowerCapS)));
    }
    m_powerLabel->setText(power);
}

void MainWindow::clearRunStatus()
{
    const Scenario &scenario = m_document->scenario();
    m_timeLabel->setText(tr("t = —"));
    m_rateLabel->clear();
    m_jobsLabel->setText(tr("%1 jobs on %2 nodes")
                                 .arg(report::count(qint64(scenario.jobs.size())),
                                      report::count(scenario.cluster.nodeCount())));
    m_powerLabel->clear();
}

void MainWindow::showStatus(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
            this, tr("Unsaved changes"),
            tr("%1 has unsaved changes. Save them first?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::replaceScenario(Scenario scenario, const QString &path)
{
    m_selection->clear();
    m_document->undoStack()->clear();
    m_document->resetScenario(std::move(scenario));
    m_document->setFilePath(path);
    m_document->markSaved();
    m_autosave->discard();
    updateTitle();
    m_topology->fitToView();
}

void MainWindow::showScenario(Scenario scenario)
{
    replaceScenario(std::move(scenario), QString());
}

void MainWindow::newScenario()
{
    if (!maybeSave())
        return;
    Scenario scenario;
    scenario.name = tr("Untitled").toStdString();
    replaceScenario(std::move(scenario), QString());
}

bool MainWindow::openFile(const QString &path)
{
    const QString lower = path.toLower();
    const bool trace = lower.endsWith(".swf") || lower.endsWith(".swf.gz");
    const LoadOutcome outcome =
            runInBackground(this,
                            trace ? tr("Reading trace %1…").arg(QFileInfo(path).fileName())
                                  : tr("Opening %1…").arg(QFileInfo(path).fileName()),
                            [path, trace] { return trace ? importSwf(path) : loadScenario(path); });
    if (!outcome.scenario) {
        QMessageBox::warning(this, trace ? tr("Cannot import trace") : tr("Cannot open scenario"),
                             outcome.error);
        if (!QFileInfo::exists(path))
            m_recent->remove(path);
        return false;
    }
    // A trace becomes a new, unsaved scenario; so does the bundled example (a resource
    // cannot be saved over); a scenario file stays attached to its path.
    const bool bundled = path.startsWith(':');
    replaceScenario(*outcome.scenario, trace || bundled ? QString() : path);
    if (bundled) {
        showStatus(tr("Opened the example cluster. Press Space to run it."), 0);
    } else if (trace) {
        QString message = tr("Imported %1 jobs from %2")
                                  .arg(report::count(qint64(m_document->scenario().jobs.size())),
                                       QFileInfo(path).fileName());
        if (outcome.skipped > 0)
            message += tr(" (%1 skipped: run time or size not positive)")
                               .arg(report::count(outcome.skipped));
        showStatus(message, 0);
    } else {
        m_recent->add(path);
        showStatus(tr("Opened %1").arg(QFileInfo(path).fileName()));
    }
    return true;
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Scenario"), settings.value(settings::kFilesLastDirectory).toString(),
            tr(kScenarioFilter) + ";;" + tr(kTraceFilter));
    if (path.isEmpty())
        return;
    settings.setValue(settings::kFilesLastDirectory, QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::importTrace()
{
    if (!maybeSave())
        return;
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Import SWF Trace"), settings.value(settings::kFilesLastDirectory).toString(),
            tr(kTraceFilter));
    if (path.isEmpty())
        return;
    settings.setValue(settings::kFilesLastDirectory, QFileInfo(path).absolutePath());
    openFile(path);
}

bool MainWindow::saveTo(const QString &path)
{
    // The progress dialog is modal, so the scenario cannot change while it is written.
    const Scenario *scenario = &m_document->scenario();
    const auto [saved, error] = runInBackground(
            this, tr("Saving %1…").arg(QFileInfo(path).fileName()), [scenario, path] {
                QString message;
                const bool ok = saveScenario(*scenario, path, &message);
                return std::pair(ok, message);
            });
    if (!saved) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    m_document->setFilePath(path);
    m_document->markSaved();
    m_autosave->discard();
    m_recent->add(path);
    showStatus(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QSettings settings;
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty())
        suggestion = settings.value(settings::kFilesLastDirectory).toString() + "/" +
                     m_document->displayName() + ".headroom.json";
    QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario As"), suggestion,
                                                tr(kScenarioFilter));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(".json", Qt::CaseInsensitive))
        path += ".headroom.json";
    settings.setValue(settings::kFilesLastDirectory, QFileInfo(path).absolutePath());
    return saveTo(path);
}

void MainWindow::runUntilDialog()
{
    bool ok = false;
    const double current = m_run->latest() ? m_run->latest()->status.now : 0.0;
    const double hours =
            QInputDialog::getDouble(this, tr("Run Until"), tr("Run until simulated time (hours):"),
                                    current / 3600.0 + 1.0, 0.0, 1e7, 2, &ok);
    if (ok)
        m_run->runUntil(hours * 3600.0);
}

void MainWindow::exportReport()
{
    const std::shared_ptr<const Scenario> scenario = m_document->sharedScenario();
    if (scenario->jobs.empty() && scenario->services.empty()) {
        QMessageBox::information(this, tr("Export Report"),
                                 tr("The scenario has no jobs and no services: there is nothing "
                                    "to report yet."));
        return;
    }
    // Any edit resets the run, so a finished run is always a run of the scenario as it is.
    std::shared_ptr<const RunResult> result;
    if (m_run->state() == RunState::Finished)
        result = m_run->result();
    if (!result)
        result = runForReport(this, scenario);
    if (!result)
        return;
    report::ReportOptions options;
    // HEADROOM_REPORT_DATE, as the CLI; else today.
    options.date = report::reportDateFromEnvironment();
    const auto reportData =
            runInBackground(this, tr("Preparing the report…"), [scenario, result, options] {
                return std::make_shared<const report::ReportData>(report::buildReportData(
                        *scenario, *result, report::runInfoFor(*scenario), options));
            });
    ReportDialog dialog(scenario, result, reportData, this);
    dialog.exec();
}

void MainWindow::explainPlacement()
{
    const std::vector<std::size_t> jobs = m_workloads->selectedJobs();
    m_explainDock->show();
    m_explainDock->raise();
    if (!jobs.empty())
        m_explain->explainJob(jobs.front());
    else
        m_explain->refresh();
    if (!m_explain->job())
        showStatus(tr("Select a job in the Workloads table to explain its placement."));
}

bool MainWindow::offerRecovery()
{
    const QString directory = Autosave::defaultDirectory();
    const std::vector<RecoveryCandidate> candidates = Autosave::findRecoverable(directory);
    if (candidates.empty())
        return false;
    const RecoveryCandidate &newest = candidates.front();
    const QString name = newest.originalPath.isEmpty() ? tr("an unsaved scenario")
                                                       : QFileInfo(newest.originalPath).fileName();
    const auto answer = QMessageBox::question(
            this, tr("Recover unsaved changes?"),
            tr("Headroom did not shut down cleanly. Restore the changes to %1 autosaved at "
               "%2?")
                    .arg(name,
                         QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    bool restored = false;
    if (answer == QMessageBox::Yes) {
        const LoadOutcome outcome = loadScenario(newest.scenarioPath);
        if (outcome.scenario) {
            replaceScenario(*outcome.scenario, newest.originalPath);
            // Restored work is unsaved work: make it a change the user has to save.
            m_document->undoStack()->resetClean();
            updateTitle();
            showStatus(tr("Restored unsaved changes to %1").arg(name), 0);
            restored = true;
        } else {
            QMessageBox::warning(this, tr("Cannot recover"), outcome.error);
        }
    }
    for (const RecoveryCandidate &candidate : candidates)
        Autosave::remove(candidate, directory);
    return restored;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave->discard();
    saveLayout();
    event->accept();
}

} // namespace headroom::ui
