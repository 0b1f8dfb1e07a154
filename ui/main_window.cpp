#include "ui/main_window.h"

#include "report/report_data.h"
#include "ui/charts/live_charts.h"
#include "ui/compare/compare_controller.h"
#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/explain/explain_panel.h"
#include "ui/files/background_task.h"
#include "ui/files/file_controller.h"
#include "ui/panels/palette_panel.h"
#include "ui/panels/properties_panel.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/services_panel.h"
#include "ui/panels/workloads_panel.h"
#include "ui/plan/plan_controller.h"
#include "ui/plan/plan_session.h"
#include "ui/report/report_dialog.h"
#include "ui/report/report_run.h"
#include "ui/run/run_controller.h"
#include "ui/settings_keys.h"
#include "ui/timeline/gantt_view.h"
#include "ui/topology/topology_view.h"
#include "ui/window/help_dialogs.h"
#include "ui/window/main_actions.h"
#include "ui/window/run_status_bar.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QTableView>
#include <QTimer>
#include <QUndoView>

#include <algorithm>

namespace headroom::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ScenarioDocument({}, this))
    , m_selection(new Selection(this))
    , m_run(new RunController(m_document, this))
    , m_files(new FileController(m_document, m_selection, this))
    , m_topology(new TopologyView(m_document, m_selection, m_run, this))
    , m_actions(new MainActions(this, m_document, m_files, m_topology, m_run))
    , m_statusBar(new RunStatusBar(m_document, m_run, this))
    , m_plan(new PlanController(m_document, this))
    , m_compare(new CompareController(m_document, m_run, this))
{
    setObjectName("MainWindow");
    setDockNestingEnabled(true);
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);

    m_topology->setToolTip(tr("Cluster topology: drag node types onto racks and jobs onto "
                              "nodes. Ctrl+wheel zooms."));
    setCentralWidget(m_topology);
    setStatusBar(m_statusBar);
    createDocks();

    connect(m_topology, &TopologyView::statusMessage, this,
            [this](const QString &message) { showStatus(message); });
    connect(m_files, &FileController::statusMessage, this, &MainWindow::showStatus);
    connect(m_files, &FileController::scenarioReplaced, this, [this] {
        updateTitle();
        m_topology->fitToView();
    });
    connect(m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::metadataChanged, this, &MainWindow::updateTitle);
    connect(m_run, &RunController::failed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Simulation failed"), message);
    });

    connect(m_actions->exportReport, &QAction::triggered, this, &MainWindow::exportReport);
    connect(m_actions->runUntil, &QAction::triggered, this, &MainWindow::runUntilDialog);
    connect(m_actions->explain, &QAction::triggered, this, &MainWindow::explainPlacement);
    connect(m_actions->sizeCluster, &QAction::triggered, m_plan, &PlanController::sizeCluster);
    connect(m_actions->forecastDemand, &QAction::triggered, m_plan,
            &PlanController::forecastDemand);
    connect(m_actions->runway, &QAction::triggered, m_plan, &PlanController::runway);
    m_compare->attach(m_actions->keepRun, m_actions->compareRuns, m_actions->comparePolicies);
    connect(m_actions->resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_actions->userGuide, &QAction::triggered, this,
            [this] { showUserGuide(this, m_actions->menuActions()); });
    connect(m_actions->keyboardShortcuts, &QAction::triggered, this,
            [this] { showKeyboardShortcuts(this, m_actions->menuActions()); });
    connect(m_actions->about, &QAction::triggered, this, [this] { showAbout(this); });

    m_defaultState = saveState();
    restoreLayout();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The document and the run are children, destroyed after this body by QWidget's destructor,
    // and they still signal as they go: a document with unsaved changes reports its undo stack
    // clean one last time. Nothing of that may reach this half-destroyed window.
    disconnect(m_document, nullptr, this, nullptr);
    disconnect(m_run, nullptr, this, nullptr);
}

Autosave *MainWindow::autosave() const
{
    return m_files->autosave();
}

QAction *MainWindow::explainAction() const
{
    return m_actions->explain;
}

bool MainWindow::openFile(const QString &path)
{
    return m_files->openFile(path);
}

bool MainWindow::offerRecovery()
{
    return m_files->offerRecovery();
}

void MainWindow::showScenario(Scenario scenario)
{
    m_files->showScenario(std::move(scenario));
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    m_actions->viewMenu()->addAction(dock->toggleViewAction());
    m_docks.append(dock);
    return dock;
}

void MainWindow::createDocks()
{
    QDockWidget *palette = addDock(new PalettePanel(m_document, this), tr("Palette"), "PaletteDock",
                                   Qt::LeftDockWidgetArea);
    m_paletteDock = palette;

    QDockWidget *properties = addDock(new PropertiesPanel(m_document, m_selection, this),
                                      tr("Properties"), "PropertiesDock", Qt::LeftDockWidgetArea);
    splitDockWidget(palette, properties, Qt::Vertical);

    auto *undoView = new QUndoView(this);
    m_document->undoStack()->showIn(undoView);
    undoView->setEmptyLabel(tr("<scenario opened>"));
    QDockWidget *history = addDock(undoView, tr("History"), "HistoryDock", Qt::LeftDockWidgetArea);
    tabifyDockWidget(properties, history);
    properties->raise();

    m_workloads = new WorkloadsPanel(m_document, m_selection, m_run, this);
    QDockWidget *workloads =
            addDock(m_workloads, tr("Workloads"), "WorkloadsDock", Qt::BottomDockWidgetArea);
    m_workloadsDock = workloads;

    // Results and the placement explanation share a tab group right of the jobs table: both
    // are read next to it. Split before tabifying: a split next to a tabbed dock only adds a
    // tab.
    m_results = new ResultsPanel(m_document, m_run, this);
    QDockWidget *results =
            addDock(m_results, tr("Results"), "ResultsDock", Qt::BottomDockWidgetArea);
    m_resultsDock = results;
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

    QDockWidget *timeline = addDock(new GanttView(m_document, m_selection, m_run, this),
                                    tr("Timeline"), "TimelineDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(workloads, timeline);
    workloads->raise();

    m_actions->viewMenu()->addSeparator();
    // Time-series charts stacked in one column on the right; the per-node view, which reads
    // best wide, and the failures chart, which says something only for a scenario with
    // failures or outages (a fifth chart in the column would squeeze the others), share the
    // bottom area with the jobs table and the timeline.
    for (const ChartPanel &chart : createLiveCharts(m_run, m_document, this)) {
        const bool bottom = chart.objectName == QLatin1String("nodeUtilizationChart") ||
                            chart.objectName == QLatin1String("failuresChart");
        QDockWidget *dock = addDock(chart.widget, chart.title, chart.objectName,
                                    bottom ? Qt::BottomDockWidgetArea : Qt::RightDockWidgetArea);
        if (bottom)
            tabifyDockWidget(timeline, dock);
        else if (!m_chartsDock)
            m_chartsDock = dock;
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
    jobsView->addAction(m_actions->explain);

    // The bottom docks span the centre only, so the side columns keep their full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_actions->viewMenu()->addSeparator();
    m_actions->viewMenu()->addAction(m_actions->resetLayout);
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
    m_stateRestored = restoreState(settings.value(settings::kWindowState).toByteArray());
}

void MainWindow::applyDefaultDockSizes()
{
    // Shares of the window, not fixed pixels: at 1280×800 fixed side columns left the jobs
    // table too narrow for its tabs. The jobs table gets most of the bottom; the results,
    // which scroll and reflow, the rest.
    const QSize window = size();
    const int side = std::clamp(int(window.width() * 0.17), 220, 340);
    const int charts = std::clamp(int(window.width() * 0.22), 280, 460);
    resizeDocks({m_paletteDock, m_chartsDock}, {side, charts}, Qt::Horizontal);
    resizeDocks({m_workloadsDock}, {std::max(int(window.height() * 0.3), 220)}, Qt::Vertical);
    const int centre = window.width() - side - charts;
    resizeDocks({m_workloadsDock, m_resultsDock}, {centre * 3 / 5, centre * 2 / 5}, Qt::Horizontal);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Sizes given before the window has its own size are scaled with it unevenly; a layout
    // the user left (restored) is theirs.
    if (!m_dockSizesSet) {
        m_dockSizesSet = true;
        // Once the dock layout has been laid out at the window's size, not before.
        if (!m_stateRestored)
            QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
    }
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
    applyDefaultDockSizes();
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — Headroom").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::showStatus(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
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
    // The planning studies of this session get their section (report/plan_report.h).
    ReportDialog dialog(scenario, result, reportData, this, m_plan->session()->studies());
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->confirmClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

} // namespace headroom::ui
