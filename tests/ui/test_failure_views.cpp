// The failure model in the GUI (docs/design.md §10): its edits through the panels and dialogs
// (checkpoints with the suggested interval, node type reliability, failure settings, planned
// outages from the topology's context menu), and a run's failures on the live views (a down
// tile with its repair countdown, interruptions on the Gantt timeline, the failures chart, the
// status bar).
#include "core/io/scenario_json.h"
#include "core/model/scenario.h"
#include "report/report_format.h"
#include "ui/charts/live_charts.h"
#include "ui/charts/sample_history.h"
#include "ui/charts/time_series_chart.h"
#include "ui/dialogs/add_job_dialog.h"
#include "ui/dialogs/node_type_dialog.h"
#include "ui/dialogs/outage_dialog.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/models/duration_text.h"
#include "ui/models/jobs_filter_proxy.h"
#include "ui/models/jobs_table_model.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/properties_panel.h"
#include "ui/run/live_jobs.h"
#include "ui/run/run_controller.h"
#include "ui/timeline/gantt_model.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/topology_tooltips.h"
#include "ui/topology/topology_view.h"
#include "ui/window/run_status_bar.h"

#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QValueAxis>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace headroom;
using namespace headroom::ui;

namespace {

// One rack of four 8-accelerator nodes that fail every 1000 h and take 2 h to repair. Job 1 is
// a 32-accelerator gang (all four nodes) that checkpoints every hour at 60 s and restarts in
// 2 min; job 2 a small one. Node r1-n02 has a planned outage from 1 h for 30 min.
Scenario fixture()
{
    Scenario s;
    s.name = "failures";
    NodeType h100;
    h100.name = "h100";
    h100.accelerators = 8;
    h100.power = PowerCurve::linear(1500, 10200);
    h100.offW = 50;
    h100.mtbfH = 1000.0;
    h100.repairH = 2.0;
    s.nodeTypes = {h100};
    Rack r1{"r1", std::nullopt, {}};
    for (int i = 1; i <= 4; ++i)
        r1.nodes.push_back({"r1-n0" + std::to_string(i), "h100"});
    s.cluster.zones = {{"z1", {r1}}};
    Job big;
    big.id = 1;
    big.name = "pretrain";
    big.slots = 32;
    big.runS = 36000.0;
    big.checkpoints = JobCheckpoints{3600.0, 60.0, 120.0};
    Job small;
    small.id = 2;
    small.slots = 8;
    small.runS = 600.0;
    small.submitS = 10.0;
    s.jobs = {big, small};
    s.outages = {{"r1-n02", 3600.0, 1800.0}};
    return s;
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Runs `interact` on the dialog that `open` shows modally.
template<typename Dialog>
void withModal(const std::function<void()> &open, const std::function<void(Dialog *)> &interact)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        interact(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    open();
    QVERIFY(seen);
}

QAction *actionNamed(QMenu &menu, const QString &name)
{
    for (QAction *action : menu.actions()) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

// Young/Daly worked by hand for job 1 of the fixture: 4 nodes of MTBF 1000 h fail every
// 900,000 s; with δ = 60 s the interval is √(2 · 60 · 900,000) = 10,392.3 s.
constexpr double kJobMtbfS = 1000.0 * 3600.0 / 4.0;
constexpr double kSuggestedS = 10392.0;
double goodput(double c, double delta, double r)
{
    return 1.0 - delta / c - (c / 2.0 + r) / kJobMtbfS;
}

} // namespace

class TestFailureViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suggestionMathInTheAddJobDialog()
    {
        QCOMPARE(std::round(std::sqrt(2.0 * 60.0 * kJobMtbfS)), kSuggestedS);
        ScenarioDocument doc(fixture());
        AddJobDialog dialog(doc.scenario());
        dialog.setNodeType("h100");
        child<QSpinBox>(&dialog, "accelerators")->setValue(32);
        auto *interval = child<DurationEdit>(&dialog, "checkpointInterval");
        auto *cost = child<DurationEdit>(&dialog, "checkpointCost");
        auto *apply = child<QPushButton>(&dialog, "applyCheckpointSuggestion");
        auto *advice = child<QLabel>(&dialog, "checkpointAdvice");
        // No interval: the cost means nothing and there is nothing to suggest.
        QVERIFY(!cost->isEnabled());
        QVERIFY(!apply->isEnabled());
        QVERIFY2(advice->text().contains(formatDuration(kJobMtbfS)), qPrintable(advice->text()));

        typeInto(interval, "1 h");
        QVERIFY(cost->isEnabled());
        typeInto(cost, "60");
        typeInto(child<DurationEdit>(&dialog, "checkpointRestart"), "2 min");
        QVERIFY2(dialog.isValid(), qPrintable(dialog.problem()));
        const QString text = advice->text();
        QVERIFY2(text.contains(formatDuration(kSuggestedS)), qPrintable(text));
        QVERIFY2(text.contains(report::percent(goodput(3600, 60, 120), 1)), qPrintable(text));
        QVERIFY2(text.contains(report::percent(goodput(kSuggestedS, 60, 120), 1)),
                 qPrintable(text));
        QVERIFY(text.contains("98.1") && text.contains("98.8"));
        QVERIFY(apply->isEnabled());

        apply->click();
        QCOMPARE(interval->seconds().value_or(0.0), kSuggestedS);
        const Job job = dialog.job();
        QCOMPARE(job.checkpoints->intervalS, kSuggestedS);
        QCOMPARE(job.checkpoints->costS, 60.0);
        QCOMPARE(job.checkpoints->restartOverheadS, 120.0);
        QVERIFY(!apply->isEnabled()); // taken

        // Clearing the interval drops the cost with it (no file may hold a cost alone).
        typeInto(interval, "");
        QTest::keyClick(interval, Qt::Key_Backspace);
        QCOMPARE(dialog.job().checkpoints->costS, 0.0);
        QVERIFY(!cost->isEnabled());
    }

    void jobPageTakesTheSuggestionAsOneStep()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        selection.setJobs({0});
        auto *interval = child<DurationEdit>(&panel, "checkpointInterval");
        QCOMPARE(interval->text(), formatDuration(3600));
        auto *apply = child<QPushButton>(&panel, "applyCheckpointSuggestion");
        QVERIFY(apply->isEnabled());
        apply->click();
        QCOMPARE(doc.scenario().jobs[0].checkpoints->intervalS, kSuggestedS);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), QString("Change checkpoint interval of job 1"));

        typeInto(child<DurationEdit>(&panel, "checkpointRestart"), "5 min");
        QCOMPARE(doc.scenario().jobs[0].checkpoints->restartOverheadS, 300.0);
        QCOMPARE(doc.undoStack()->count(), 2); // keystrokes of one field: one more step

        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
        QCOMPARE(interval->text(), formatDuration(3600)); // the page follows undo
        doc.undoStack()->redo();
        QCOMPARE(interval->text(), formatDuration(kSuggestedS));
    }

    void scenarioPageEditsFailuresAndOutages()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const std::string before = serializeScenario(doc.scenario());

        auto *enabled = child<QCheckBox>(&panel, "failuresEnabled");
        QVERIFY(!enabled->isChecked());
        enabled->click();
        QVERIFY(doc.scenario().failures.enabled);
        QCOMPARE(doc.undoStack()->undoText(), QString("Change failures"));
        typeInto(child<QLineEdit>(&panel, "failureSeed"), "99");
        QCOMPARE(doc.scenario().failures.seed, std::uint64_t(99));
        auto *requeue = child<QComboBox>(&panel, "requeuePolicy");
        requeue->setCurrentIndex(requeue->findData(int(RequeuePolicy::Tail)));
        Q_EMIT requeue->activated(requeue->currentIndex());
        QVERIFY(doc.scenario().failures.requeue == RequeuePolicy::Tail);
        QCOMPARE(doc.undoStack()->count(), 3); // a step per field

        auto *table = child<QTableWidget>(&panel, "outages");
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QString("r1-n02"));
        QCOMPARE(table->item(0, 1)->text(), formatDuration(3600));
        QCOMPARE(table->item(0, 2)->text(), formatDuration(1800));

        // Edit it through its dialog, then remove it.
        table->selectRow(0);
        withModal<OutageDialog>([&] { child<QPushButton>(&panel, "editOutage")->click(); },
                                [](OutageDialog *dialog) {
                                    typeInto(child<DurationEdit>(dialog, "outageDuration"), "2 h");
                                    dialog->accept();
                                });
        QCOMPARE(doc.scenario().outages[0].durationS, 7200.0);
        QCOMPARE(table->item(0, 2)->text(), formatDuration(7200));
        table->selectRow(0);
        child<QPushButton>(&panel, "removeOutages")->click();
        QVERIFY(doc.scenario().outages.empty());
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(doc.undoStack()->undoText(), QString("Remove outage of r1-n02"));

        doc.undoStack()->undo();
        QCOMPARE(table->rowCount(), 1);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), before);
        QVERIFY(!enabled->isChecked());
        QCOMPARE(table->item(0, 2)->text(), formatDuration(1800));
    }

    void nodeTypeDialogEditsReliability()
    {
        NodeType initial = fixture().nodeTypes[0];
        initial.mtbfH = 1234.5678; // more digits than the field shows
        NodeTypeDialog untouched(initial, false);
        QCOMPARE(untouched.nodeType(), initial);

        NodeTypeDialog dialog(initial, false);
        auto *mtbf = child<QDoubleSpinBox>(&dialog, "mtbfH");
        auto *ok = child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok);
        // Below the format's least MTBF (0.01 h) the field reads "never fails", not a typo's
        // thousands of failures an hour.
        mtbf->setValue(0.004);
        QCOMPARE(mtbf->text(), QString("never fails"));
        QCOMPARE(dialog.nodeType().mtbfH, 0.0);
        mtbf->setValue(0.01);
        QCOMPARE(dialog.nodeType().mtbfH, 0.01);
        QVERIFY(ok->isEnabled());
        mtbf->setValue(500.0);
        child<QDoubleSpinBox>(&dialog, "repairH")->setValue(3.5);
        auto *distribution = child<QComboBox>(&dialog, "repairDistribution");
        distribution->setCurrentIndex(distribution->findData(int(RepairDistribution::Exponential)));
        QVERIFY(dialog.problem().isEmpty());
        const NodeType type = dialog.nodeType();
        QCOMPARE(type.mtbfH, 500.0);
        QCOMPARE(type.repairH, 3.5);
        QVERIFY(type.repairDistribution == RepairDistribution::Exponential);
        mtbf->setValue(0.0);
        QCOMPARE(mtbf->text(), QString("never fails"));
        QVERIFY(dialog.problem().isEmpty());

        // Through the document: one step, undone exactly.
        ScenarioDocument doc(fixture());
        dialog.setCommit([&doc](const NodeType &t, QString *why) {
            return edits::replaceNodeType(doc, "h100", t, why);
        });
        mtbf->setValue(250.0);
        dialog.accept();
        QCOMPARE(doc.scenario().nodeTypes[0].mtbfH, 250.0);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
    }

    void topologyContextMenuTakesANodeDown()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        TopologyView view(&doc, &selection, nullptr);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto posOf = [&](int node) {
            const QGraphicsItem *tile = view.topologyScene()->tile(node);
            return view.mapFromScene(tile->mapToScene(tile->boundingRect().center()));
        };

        std::unique_ptr<QMenu> menu = view.contextMenuAt(posOf(2)); // r1-n03
        QAction *down = actionNamed(*menu, "takeNodeDown");
        QVERIFY(down);
        QVERIFY(!actionNamed(*menu, "cancelOutage0")); // r1-n03 has no outage
        withModal<OutageDialog>([&] { down->trigger(); },
                                [](OutageDialog *dialog) {
                                    typeInto(child<DurationEdit>(dialog, "outageStart"), "6 h");
                                    typeInto(child<DurationEdit>(dialog, "outageDuration"),
                                             "90 min");
                                    dialog->accept();
                                });
        QCOMPARE(doc.scenario().outages.size(), std::size_t(2));
        const PlannedOutage added = doc.scenario().outages.back();
        QCOMPARE(added.node, std::string("r1-n03"));
        QCOMPARE(added.startS, 6 * 3600.0);
        QCOMPARE(added.durationS, 5400.0);
        QCOMPARE(doc.undoStack()->undoText(), QString("Take r1-n03 down"));

        // An overlapping outage is refused in the dialog, which stays open and says why.
        menu = view.contextMenuAt(posOf(2));
        QString refusal;
        withModal<OutageDialog>([&] { actionNamed(*menu, "takeNodeDown")->trigger(); },
                                [&refusal](OutageDialog *dialog) {
                                    typeInto(child<DurationEdit>(dialog, "outageStart"), "6 h");
                                    dialog->accept();
                                    QVERIFY(dialog->isVisible());
                                    refusal = child<QLabel>(dialog, "message")->text();
                                });
        QVERIFY2(refusal.contains("overlaps"), qPrintable(refusal));
        QCOMPARE(doc.scenario().outages.size(), std::size_t(2));

        // The node with the fixture's outage offers to cancel it.
        menu = view.contextMenuAt(posOf(1));
        QAction *cancel = actionNamed(*menu, "cancelOutage0");
        QVERIFY(cancel);
        cancel->trigger();
        QCOMPARE(doc.scenario().outages.size(), std::size_t(1));
        QCOMPARE(doc.scenario().outages[0].node, std::string("r1-n03"));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
    }

    // What a run with the fixture's outage reports, fed as the worker would: r1-n02 goes down
    // at 1 h, interrupting the gang that holds all four nodes, and is back at 1.5 h, when the
    // gang restarts. The tile shows the node down with its return in the tooltip, the
    // timeline marks the interruption, the down stretch and the restart, and the failures
    // chart counts both.
    void failureSnapshotsOnTheLiveViews()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        TopologyView view(&doc, &selection, nullptr);
        LiveJobs live;
        live.reset(4, doc.scenario().jobs.size());
        GanttModel gantt;
        gantt.reset(doc.scenario());
        SampleHistory history(nullptr);
        auto feed = [&](const LiveSnapshot &snapshot) {
            live.apply(snapshot);
            gantt.apply(snapshot, live, doc.scenario().jobs);
            history.append(snapshot.newSamples);
            view.topologyScene()->setBusy(snapshot.nodeBusy);
            view.topologyScene()->setPowerStates(snapshot.nodePower);
        };
        auto sample = [](double t, long long down, long long interruptions) {
            Sample s;
            s.time = t;
            s.nodesDown = down;
            s.interruptions = interruptions;
            return s;
        };

        LiveSnapshot start;
        start.status.now = 0.0;
        start.nodeBusy = {8, 8, 8, 8};
        start.nodePower.assign(4, NodePowerState::Busy);
        start.newEvents.push_back({JobEvent::Kind::Started, 0.0, 0, {0, 1, 2, 3}});
        start.newSamples = {sample(0.0, 0, 0)};
        feed(start);

        LiveSnapshot down;
        down.status.now = 4200.0;
        down.nodeBusy = {0, 0, 0, 0};
        down.nodePower = {NodePowerState::Idle, NodePowerState::Down, NodePowerState::Idle,
                          NodePowerState::Idle};
        down.newEvents.push_back({JobEvent::Kind::Interrupted, 3600.0, 0, {}});
        down.downNodes = {DownNode{1, 3600.0, 5400.0, true}};
        down.status.plannedOutages = 1;
        down.status.interruptions = 1;
        down.newSamples = {sample(3600.0, 1, 1), sample(3900.0, 1, 1)};
        feed(down);

        const NodeTileItem *tile = view.topologyScene()->tile(1);
        QVERIFY(tile->powerState() == NodeTileItem::PowerState::Down);
        QVERIFY(view.topologyScene()->tile(0)->powerState() == NodeTileItem::PowerState::Idle);
        const QString tip = TopologyToolTips(doc.scenario(), *view.topologyScene(), true)
                                    .node(1, {}, &down.downNodes[0], down.status.now);
        QVERIFY2(tip.contains("planned outage"), qPrintable(tip));
        QVERIFY2(tip.contains(formatDuration(1200)), qPrintable(tip)); // back in 20 min
        QVERIFY2(tip.contains(report::power(50)), qPrintable(tip));    // a down node: off_w
        QVERIFY(live.state(0) == LiveJobState::Queued);
        QVERIFY(live.nodesOf(0).empty());

        // Each node's piece of the gang ends interrupted at 1 h; r1-n02 is down from then on.
        for (int node = 0; node < 4; ++node) {
            const GanttModel::Row &row = gantt.row(node);
            QCOMPARE(row.segments.size(), std::size_t(1));
            QVERIFY(row.segments[0].flags & GanttModel::kInterrupted);
            QVERIFY(!(row.segments[0].flags & GanttModel::kPreempted));
            QCOMPARE(row.segments[0].end, 3600.0);
        }
        QCOMPARE(gantt.row(1).down.size(), std::size_t(1));
        QCOMPARE(gantt.row(1).down[0].first, 3600.0);
        QCOMPARE(gantt.row(1).down[0].second, GanttModel::kOpen);
        QVERIFY(gantt.row(0).down.empty());

        LiveSnapshot back;
        back.status.now = 6000.0;
        back.nodeBusy = {8, 8, 8, 8};
        back.nodePower.assign(4, NodePowerState::Busy);
        back.newEvents.push_back({JobEvent::Kind::Started, 5400.0, 0, {0, 1, 2, 3}});
        back.status.plannedOutages = 1;
        back.status.interruptions = 1;
        back.newSamples = {sample(5400.0, 0, 1), sample(5700.0, 0, 1)};
        feed(back);

        QVERIFY(tile->powerState() == NodeTileItem::PowerState::Busy);
        // Closed at the return the worker announced, not when a snapshot first saw it back.
        QCOMPARE(gantt.row(1).down[0].second, 5400.0);
        QCOMPARE(gantt.row(2).segments.size(), std::size_t(2));
        QVERIFY(gantt.row(2).segments[1].flags & GanttModel::kRestarted);
        QVERIFY(!(gantt.row(2).segments[1].flags & GanttModel::kInterrupted));
        QVERIFY(!(gantt.row(2).segments[0].flags & GanttModel::kRestarted));

        // The failures chart: nodes down and interruptions so far, as the samples say.
        const auto nodesDown = history.values(SampleHistory::Metric::NodesDown);
        const auto interruptions = history.values(SampleHistory::Metric::Interruptions);
        QCOMPARE(std::vector<double>(nodesDown.begin(), nodesDown.end()),
                 (std::vector<double>{0, 1, 1, 0, 0}));
        QCOMPARE(std::vector<double>(interruptions.begin(), interruptions.end()),
                 (std::vector<double>{0, 1, 1, 1, 1}));
    }

    // The jobs table's Interruptions column is there only with a failure model (like the jobs
    // CSV's), counts the run's interruptions as their events arrive and sorts by them.
    void jobsTableInterruptionsColumn()
    {
        Scenario plain = fixture();
        plain.outages.clear();
        plain.jobs[0].checkpoints = JobCheckpoints{};
        ScenarioDocument doc(plain);
        RunController run(&doc);
        JobsTableModel model(&doc, &run);
        JobsFilterProxy proxy;
        proxy.setJobsModel(&model);
        const int column = JobsTableModel::InterruptionsColumn;
        QVERIFY(!model.hasInterruptionsColumn());
        QCOMPARE(model.columnCount(), column);
        QVERIFY(!model.index(0, column).isValid());
        QSignalSpy inserted(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::columnsRemoved);

        // A planned outage gives the scenario a failure model, and the table the column.
        QVERIFY(edits::addOutage(doc, {"r1-n02", 3600.0, 1800.0}));
        QCOMPARE(model.columnCount(), column + 1);
        QCOMPARE(proxy.columnCount(), column + 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted[0][1].toInt(), column);
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), QString("Interruptions"));
        QVERIFY(model.index(0, column).data().toString().isEmpty()); // no run yet

        // The outage hits the running gang (job position 0): events made by hand.
        QSignalSpy live(&model, &JobsTableModel::liveStatesChanged);
        LiveSnapshot started;
        started.runId = run.runId();
        started.newEvents.push_back({JobEvent::Kind::Started, 0.0, 0, {0, 1, 2, 3}});
        Q_EMIT run.snapshotArrived(started);
        QCOMPARE(model.index(0, column).data().toString(), QString("0"));
        LiveSnapshot hit;
        hit.runId = run.runId();
        hit.status.now = 3600.0;
        hit.newEvents.push_back({JobEvent::Kind::Interrupted, 3600.0, 0, {}});
        live.clear();
        Q_EMIT run.snapshotArrived(hit);
        QCOMPARE(live.count(), 1);
        QCOMPARE(model.index(0, column).data().toLongLong(), 1LL);
        QCOMPARE(model.index(0, column).data(JobsTableModel::RawValueRole).toLongLong(), 1LL);
        QCOMPARE(model.index(1, column).data().toLongLong(), 0LL);
        QVERIFY2(model.index(0, column).data(Qt::ToolTipRole).toString().contains("once"),
                 qPrintable(model.index(0, column).data(Qt::ToolTipRole).toString()));
        QCOMPARE(model.index(0, JobsTableModel::StateColumn).data().toString(), QString("queued"));

        // Sorted like the other counts, ties by job id: the uninterrupted job 2 first going up.
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, JobsTableModel::IdColumn).data().toLongLong(), 2LL);
        proxy.sort(column, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, JobsTableModel::IdColumn).data().toLongLong(), 1LL);
        proxy.sort(-1);

        // Without the outage the column goes; a job's checkpoints bring it back, and it goes
        // again once the last job with checkpoints loses them (looked at after the event).
        QVERIFY(edits::removeOutages(doc, {0}));
        QCOMPARE(model.columnCount(), column);
        QCOMPARE(removed.count(), 1);
        Job job = doc.scenario().jobs[0];
        job.checkpoints = JobCheckpoints{3600.0, 60.0, 120.0};
        edits::editJob(doc, 0, job);
        QCOMPARE(model.columnCount(), column + 1);
        QCOMPARE(inserted.count(), 2);
        job.checkpoints = JobCheckpoints{};
        edits::editJob(doc, 0, job);
        QCoreApplication::processEvents();
        QCOMPARE(model.columnCount(), column);
        QCOMPARE(removed.count(), 2);
        // Failures switched on: the column, at once.
        FailurePolicy failures;
        failures.enabled = true;
        edits::setFailures(doc, failures);
        QCOMPARE(model.columnCount(), column + 1);
    }

    // A run of the fixture with the outage: r1-n02 goes down at 1 h, interrupting the gang;
    // the tile shows it down with its return in the tooltip, the timeline marks the
    // interruption and the restart, and the status bar counts it.
    void simulatedOutageOnTheLiveViews()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        RunController run(&doc);
        TopologyView view(&doc, &selection, &run);
        RunStatusBar status(&doc, &run);
        SampleHistory history(&run);
        JobsTableModel jobsTable(&doc, &run);
        GanttModel gantt;
        gantt.reset(doc.scenario());
        QObject::connect(&run, &RunController::snapshotArrived, &view,
                         [&](const LiveSnapshot &snapshot) {
                             gantt.apply(snapshot, run.liveJobs(), doc.scenario().jobs);
                         });
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        run.runUntil(3600.0 + 600.0); // 10 min into the outage
        QTRY_VERIFY_WITH_TIMEOUT(run.state() == RunState::Paused && run.latest() &&
                                         run.latest()->status.now >= 4200.0,
                                 20000);
        const LiveSnapshot &snapshot = *run.latest();
        QVERIFY(snapshot.nodePower[1] == NodePowerState::Down);
        QCOMPARE(snapshot.downNodes.size(), std::size_t(1));
        QCOMPARE(snapshot.downNodes[0].node, 1);
        QVERIFY(snapshot.downNodes[0].planned);
        QCOMPARE(snapshot.downNodes[0].until, 5400.0);
        QCOMPARE(snapshot.status.interruptions, 1LL);
        QCOMPARE(snapshot.status.plannedOutages, 1LL);
        QCOMPARE(snapshot.status.nodeFailures, 0LL);
        const NodeTileItem *tile = view.topologyScene()->tile(1);
        QVERIFY(tile->powerState() == NodeTileItem::PowerState::Down);
        QCOMPARE(view.topologyScene()->tile(0)->powerState() == NodeTileItem::PowerState::Down,
                 false);
        const QString tip = TopologyToolTips(doc.scenario(), *view.topologyScene(), true)
                                    .node(1, {}, &snapshot.downNodes[0], snapshot.status.now);
        QVERIFY2(tip.contains("planned outage"), qPrintable(tip));
        QVERIFY2(tip.contains(formatDuration(1200)), qPrintable(tip)); // back in 20 min
        QVERIFY2(tip.contains(report::power(50)), qPrintable(tip));    // a down node: off_w
        QVERIFY2(status.failuresLabel()->isVisibleTo(&status), "the field shows");
        // Failures and planned outages apart, from the engine's counters.
        const QString counts = status.failuresLabel()->text();
        QVERIFY2(counts.startsWith("1 down · 0 failures · 1 outage · 1 interruption"),
                 qPrintable(counts));

        // The jobs table counts the gang's interruption.
        QVERIFY(jobsTable.hasInterruptionsColumn());
        QCOMPARE(jobsTable.index(0, JobsTableModel::InterruptionsColumn).data().toLongLong(), 1LL);
        QCOMPARE(jobsTable.index(1, JobsTableModel::InterruptionsColumn).data().toLongLong(), 0LL);

        // A Failures chart opened now reads the samples so far: one interruption, not 0.
        QWidget host;
        const std::vector<ChartPanel> panels = createLiveCharts(&run, &doc, &host);
        TimeSeriesChart *late = nullptr;
        for (const ChartPanel &panel : panels) {
            if (panel.objectName == "failuresChart")
                late = qobject_cast<TimeSeriesChart *>(panel.widget);
        }
        QVERIFY(late);
        QCOMPARE(late->seriesCount(), 2);
        const QList<QPointF> lateDown = late->series(0)->points();
        const QList<QPointF> lateInterrupted = late->series(1)->points();
        QVERIFY(!lateInterrupted.isEmpty());
        QCOMPARE(lateInterrupted.front().y(), 0.0);
        QCOMPARE(lateInterrupted.back().y(), 1.0);
        QCOMPARE(lateDown.back().y(), 1.0);
        // Nodes down is a filled staircase: a step straight up at the outage's first sample.
        QCOMPARE(late->drawnSeries(0)->type(), QAbstractSeries::SeriesTypeArea);
        QCOMPARE(late->drawnSeries(1)->type(), QAbstractSeries::SeriesTypeLine);
        bool verticalStep = false;
        for (qsizetype i = 1; i < lateDown.size(); ++i)
            verticalStep = verticalStep || (lateDown[i].x() == lateDown[i - 1].x() &&
                                            lateDown[i].y() != lateDown[i - 1].y());
        QVERIFY(verticalStep);
        // Interruptions: a dashed line of another colour, on the right axis; both in the legend.
        QVERIFY(late->series(1)->pen().dashPattern().front() < 100.0);
        QCOMPARE(static_cast<QAreaSeries *>(late->drawnSeries(0))->pen().style(), Qt::SolidLine);
        QVERIFY(late->series(1)->pen().color() !=
                static_cast<QAreaSeries *>(late->drawnSeries(0))->pen().color());
        QVERIFY(late->series(1)->attachedAxes().contains(
                static_cast<QAbstractAxis *>(late->rightAxis())));
        QVERIFY(late->chart()->legend()->isVisible());
        const QList<QLegendMarker *> markers = late->chart()->legend()->markers();
        QCOMPARE(markers.size(), 2);
        QCOMPARE(markers[0]->series(), late->drawnSeries(0));
        QCOMPARE(markers[1]->series(), late->drawnSeries(1));
        QCOMPARE(markers[0]->label(), QString("Nodes down"));

        // The gang's pieces on r1-n01 before the outage end interrupted.
        const GanttModel::Row &row = gantt.row(0);
        QVERIFY(!row.segments.empty());
        QVERIFY(row.segments.front().flags & GanttModel::kInterrupted);
        QCOMPARE(row.segments.front().end, 3600.0);
        QCOMPARE(gantt.row(1).down.size(), std::size_t(1));
        QCOMPARE(gantt.row(1).down[0].first, 3600.0);

        // To the end: the node comes back, the gang restarts (a restart piece) and finishes.
        run.play();
        QTRY_VERIFY_WITH_TIMEOUT(run.result() != nullptr, 60000);
        QCOMPARE(view.topologyScene()->tile(1)->powerState() == NodeTileItem::PowerState::Down,
                 false);
        QCOMPARE(gantt.row(1).down[0].second, 5400.0);
        bool restarted = false;
        for (const GanttModel::Segment &s : gantt.row(0).segments)
            restarted = restarted || (s.flags & GanttModel::kRestarted);
        QVERIFY(restarted);
        QVERIFY(run.result()->metrics.reliability.has_value());
        QCOMPARE(run.result()->metrics.reliability->interruptions, 1LL);
        QVERIFY2(status.failuresLabel()->text().contains("goodput"),
                 qPrintable(status.failuresLabel()->text()));
        // The failures chart's columns: a node down during the outage, one interruption.
        const auto down = history.values(SampleHistory::Metric::NodesDown);
        const auto interrupted = history.values(SampleHistory::Metric::Interruptions);
        QVERIFY(!down.empty());
        QCOMPARE(history.maxValue(SampleHistory::Metric::NodesDown), 1.0);
        QCOMPARE(interrupted.back(), 1.0);
        QCOMPARE(interrupted.front(), 0.0);
    }
};

QTEST_MAIN(TestFailureViews)
#include "test_failure_views.moc"
