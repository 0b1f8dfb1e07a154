// The energy and placement views: power states on the topology tiles during a run with dynamic
// power management, the power chart's cap line and facility series read in like terms (IT
// power against the IT cap, facility power against the lines × PUE), present before a run
// and following the scenario's edits, the placement explain
// model (QAbstractItemModelTester, verdicts on a hand-built cluster, live state when paused)
// and the results panel against the core's metrics.
#include "core/engine/simulation.h"
#include "tests/support/scenario_builder.h"
#include "ui/charts/chart_switch.h"
#include "ui/charts/live_charts.h"
#include "ui/charts/time_series_chart.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/explain/explain_panel.h"
#include "ui/explain/placement_explain_model.h"
#include "ui/panels/results_panel.h"
#include "ui/run/run_controller.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/topology_view.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QHelpEvent>
#include <QLabel>
#include <QLineSeries>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>
#include <QtTest>

#include <limits>
#include <map>

using namespace headroom;
using namespace headroom::ui;

namespace {

// How long a run on the worker thread may take to get somewhere (a loaded CI machine, a
// sanitized build).
constexpr int kRunTimeoutMs = 30000;

// Four 8-accelerator nodes with power management: idle for 60 s, a node shuts down (30 s) and
// stays off; a job needing all four arrives at t = 1000 and waits for four 300 s boots.
Scenario dpmScenario()
{
    Scenario s = test::ScenarioBuilder()
                         .nodes(4, 8, "gpu8", "r0", "z0")
                         .linearPower("gpu8", 1000, 6000)
                         .job(1, 0, 8, 100)
                         .job(2, 1000, 32, 100)
                         .tenant(1, "research")
                         .tenant(2, "prod")
                         .sampleInterval(60)
                         .build();
    NodeType &type = s.nodeTypes.front();
    type.bootS = 300;
    type.shutdownS = 30;
    type.offW = 50;
    s.energy.dpmEnabled = true;
    s.energy.idleTimeoutS = 60;
    s.energy.spareNodes = 0;
    s.energy.pue = 1.3;
    s.energy.pricePerKwh.values = {0.2};
    return s;
}

// r0: two 8-accelerator nodes; r1: a 4-accelerator node and an 8-accelerator node reserved
// for tenant "other". Job #1 needs 8 accelerators (tenant "team"); job #2 asks for gpu4.
Scenario explainScenario()
{
    Scenario s = test::ScenarioBuilder()
                         .nodes(2, 8, "gpu8", "r0", "z0")
                         .nodes(1, 4, "gpu4", "r1", "z0")
                         .nodes(1, 8, "gpu8", "r1", "z0")
                         .reserve("r1-n1", "other")
                         .job(1, 0, 8, 1000)
                         .tenant(1, "team")
                         .job(2, 0, 4, 100)
                         .job(3, 0, 8, 100)
                         .tenant(3, "team")
                         .build();
    JobConstraints gpu4;
    gpu4.nodeType = "gpu4";
    s.jobs[1].constraints = gpu4;
    return s;
}

std::map<std::string, NodeVerdict> verdictsByNode(const PlacementExplainModel &model)
{
    std::map<std::string, NodeVerdict> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out[model.node(row).name] = model.node(row).verdict;
    return out;
}

} // namespace

class TestEnergyViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explainModelPassesTheTester();
    void explainGivesTheExpectedVerdicts();
    void explainPanelUsesThePausedRun();
    void explainPanelShowsWhyAQueuedJobWaits();
    void tilesShowOffAndBootingNodes();
    void powerChartShowsTheCapAndFacilityPower();
    void powerChartComparesLikeWithLike();
    void powerChartShowsItsLinesBeforeARun();
    void resultsPanelShowsTheCoreMetrics();
};

void TestEnergyViews::explainModelPassesTheTester()
{
    PlacementExplainModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(PlacementExplainModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Scenario s = explainScenario();
    model.setExplanation(explainOnEmptyCluster(s, 0));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(PlacementExplainModel::ColumnCount));
    for (int column = 0; column < PlacementExplainModel::ColumnCount; ++column) {
        proxy.sort(column, Qt::AscendingOrder);
        proxy.sort(column, Qt::DescendingOrder);
    }
    model.setExplanation(explainOnEmptyCluster(s, 1));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestEnergyViews::explainGivesTheExpectedVerdicts()
{
    const Scenario s = explainScenario();
    PlacementExplainModel model;
    model.setExplanation(explainOnEmptyCluster(s, 0));
    auto v = verdictsByNode(model);
    QCOMPARE(v.size(), std::size_t(4));
    QCOMPARE(v["r1-n0"], NodeVerdict::TooSmall);
    QCOMPARE(v["r1-n1"], NodeVerdict::ReservedForOtherTenant);
    // One of the two shared 8-accelerator nodes is the pick, the other a candidate.
    QVERIFY((v["r0-n0"] == NodeVerdict::Chosen && v["r0-n1"] == NodeVerdict::Candidate) ||
            (v["r0-n1"] == NodeVerdict::Chosen && v["r0-n0"] == NodeVerdict::Candidate));
    QVERIFY(model.explanation().fits);

    // Chosen sorts first by verdict; text and sort roles are filled.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(PlacementExplainModel::SortRole);
    proxy.sort(PlacementExplainModel::VerdictColumn);
    QCOMPARE(proxy.index(0, PlacementExplainModel::VerdictColumn).data().toString(),
             verdictText(NodeVerdict::Chosen));
    QVERIFY(!proxy.index(0, PlacementExplainModel::ReasonColumn).data().toString().isEmpty());

    // Job #2 asks for gpu4: every gpu8 node is the wrong type.
    model.setExplanation(explainOnEmptyCluster(s, 1));
    v = verdictsByNode(model);
    QCOMPARE(v["r1-n0"], NodeVerdict::Chosen);
    QCOMPARE(v["r0-n0"], NodeVerdict::WrongType);
    QCOMPARE(v["r0-n1"], NodeVerdict::WrongType);
    QCOMPARE(v["r1-n1"], NodeVerdict::WrongType);
}

void TestEnergyViews::explainPanelUsesThePausedRun()
{
    ScenarioDocument document(explainScenario());
    Selection selection;
    RunController run(&document);
    ExplainPanel panel(&document, &selection, &run);
    panel.resize(700, 300);
    panel.show();

    // No run: the empty cluster.
    panel.explainJob(2);
    QVERIFY(!panel.isLive());
    QCOMPARE(panel.model()->rowCount(), 4);

    // Paused at t = 10: jobs #1 and #3 hold both shared 8-accelerator nodes, so job #3's
    // explanation (it is running, but the question is where it would go now) finds them full.
    run.runUntil(10.0);
    QTRY_VERIFY_WITH_TIMEOUT(run.state() == RunState::Paused && run.latest() &&
                                     run.latest()->status.now >= 10.0,
                             kRunTimeoutMs);
    panel.explainJob(2);
    QVERIFY(panel.isLive());
    const auto v = verdictsByNode(*panel.model());
    QCOMPARE(v.at("r0-n0"), NodeVerdict::TooFewFree);
    QCOMPARE(v.at("r0-n1"), NodeVerdict::TooFewFree);
    QVERIFY(!panel.model()->explanation().fits);

    // Clicking a node selects it in the shared selection (the topology follows it).
    QTableView *view = panel.view();
    const QModelIndex first = view->model()->index(0, PlacementExplainModel::NodeColumn);
    const std::string name = first.data().toString().toStdString();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    QCOMPARE(selection.elements(), Selection::Names{name});

    // Following the job selection.
    selection.setJobs({1});
    QCOMPARE(panel.job().value_or(99), std::size_t(1));
}

// While a run is in progress (not paused), a queued job is explained by what it waits for, not
// by a placement on an empty cluster where it would fit; a job the run rejected for good says
// which rule did.
void TestEnergyViews::explainPanelShowsWhyAQueuedJobWaits()
{
    ScenarioDocument document(explainScenario());
    Selection selection;
    RunController run(&document); // never played: the snapshot below is fed by hand
    ExplainPanel panel(&document, &selection, &run);
    panel.resize(700, 300);
    panel.show();
    const auto *summary = panel.findChild<QLabel *>("explainSummary");
    QVERIFY(summary);

    panel.explainJob(1); // no run: the empty cluster, one verdict per node
    QCOMPARE(panel.model()->rowCount(), 4);

    LiveSnapshot snapshot;
    snapshot.status.now = 50.0;
    snapshot.newEvents.push_back({JobEvent::Kind::Started, 0.0, 0, {0}});
    snapshot.newEvents.push_back(
            {JobEvent::Kind::Rejected, 0.0, 2, {}, RejectReason::NeedsServiceNodes});
    snapshot.waits = {{1, {WaitReason::NodesBusy, std::numeric_limits<double>::infinity()}}};
    Q_EMIT run.snapshotArrived(snapshot);
    panel.explainJob(1);
    QVERIFY(!panel.isLive());
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY2(summary->text().contains(QString::fromUtf8(describe(WaitReason::NodesBusy))),
             qPrintable(summary->text()));
    panel.explainJob(2);
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY2(summary->text().contains(QString::fromUtf8(describe(RejectReason::NeedsServiceNodes))),
             qPrintable(summary->text()));
    panel.explainJob(0); // running: no wait, so the placement as before
    QCOMPARE(panel.model()->rowCount(), 4);
}

void TestEnergyViews::tilesShowOffAndBootingNodes()
{
    ScenarioDocument document(dpmScenario());
    Selection selection;
    RunController run(&document);
    TopologyView view(&document, &selection, &run);
    view.resize(800, 600);
    view.show();
    const TopologyScene *scene = view.topologyScene();
    QCOMPARE(scene->nodeCount(), 4);
    using P = NodeTileItem::PowerState;

    auto pausedAt = [&](double t) {
        return run.state() == RunState::Paused && run.latest() && run.latest()->status.now >= t;
    };
    run.runUntil(500.0);
    QTRY_VERIFY_WITH_TIMEOUT(pausedAt(500.0), kRunTimeoutMs);
    for (int node = 0; node < 4; ++node)
        QCOMPARE(scene->tile(node)->powerState(), P::Off);
    // The tooltip says so, with the off draw.
    const QRectF tile = scene->tile(0)->sceneBoundingRect();
    const QPoint pos = view.mapFromScene(tile.center());
    QHelpEvent help(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(view.viewport(), &help);
    QVERIFY2(QToolTip::text().contains("Off") && QToolTip::text().contains(u"50\u00A0W"),
             qPrintable(QToolTip::text()));
    QToolTip::hideText();

    run.runUntil(1100.0);
    QTRY_VERIFY_WITH_TIMEOUT(pausedAt(1100.0), kRunTimeoutMs);
    for (int node = 0; node < 4; ++node)
        QCOMPARE(scene->tile(node)->powerState(), P::Booting);

    run.play();
    QTRY_VERIFY_WITH_TIMEOUT(run.result() != nullptr, kRunTimeoutMs);
    QVERIFY(run.result()->metrics.boots >= 4);
    QVERIFY(run.latest()->boots >= 4);
    for (int node = 0; node < 4; ++node)
        QVERIFY(scene->tile(node)->powerState() != P::NoRun);

    run.reset();
    QTRY_VERIFY_WITH_TIMEOUT(run.state() == RunState::Paused, kRunTimeoutMs);
    for (int node = 0; node < 4; ++node)
        QVERIFY(scene->tile(node)->powerState() == P::Idle);
}

void TestEnergyViews::powerChartShowsTheCapAndFacilityPower()
{
    Scenario s = dpmScenario();
    s.energy.clusterPowerCapKw = 15.0;
    ScenarioDocument document(s);
    RunController run(&document);
    QWidget host;
    TimeSeriesChart *power = nullptr;
    for (const ChartPanel &panel : createLiveCharts(&run, &document, &host)) {
        if (panel.objectName == QLatin1String("powerChart"))
            power = qobject_cast<TimeSeriesChart *>(panel.widget);
    }
    QVERIFY(power);
    QCOMPARE(power->referenceCount(), 2);
    QLineSeries *cap = power->reference(1);
    QCOMPARE(cap->name(), QStringLiteral("Cluster cap"));
    // Named in its tag beside the plot, with its value.
    QCOMPARE(power->referenceLabel(1), QStringLiteral("Cluster cap\n15\u00a0kW"));
    QVERIFY(cap->isVisible());
    QCOMPARE(power->referenceValue(1), 15.0);
    QCOMPARE(cap->count(), 2);
    QCOMPARE(cap->at(0).y(), 15.0);
    QCOMPARE(power->seriesCount(), 2);
    // Facility power (PUE 1.3) is read in its own terms, one click away.
    QTest::mouseClick(power->termsSwitch()->button(1), Qt::LeftButton);
    QVERIFY(power->series(1)->isVisible()); // facility power: PUE 1.3

    // The run's facility samples reach the second series.
    host.show();
    run.setSpeed(0.0);
    run.play();
    QTRY_VERIFY_WITH_TIMEOUT(run.result() != nullptr, kRunTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(power->series(1)->count() > 2, 5000);
    double maxIt = 0, maxFacility = 0;
    for (const QPointF &p : power->series(0)->points())
        maxIt = std::max(maxIt, p.y());
    for (const QPointF &p : power->series(1)->points())
        maxFacility = std::max(maxFacility, p.y());
    QVERIFY(maxIt > 0.0);
    QVERIFY(qAbs(maxFacility - 1.3 * maxIt) < 1e-6 * maxFacility + 1e-9);

    // No cap and PUE 1: the line and the facility series hide at the next run.
    s.energy.clusterPowerCapKw.reset();
    s.energy.pue = 1.0;
    document.resetScenario(s);
    run.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!power->reference(1)->isVisible(), 5000);
    QVERIFY(!power->series(1)->isVisible());
}

void TestEnergyViews::powerChartComparesLikeWithLike()
{
    // The cap holds IT power at 15 kW of the 24 kW the four nodes draw at full load, so a run
    // spends time at the cap; facility power (× 1.3) then sits well above 15 kW.
    Scenario s = dpmScenario();
    s.energy.clusterPowerCapKw = 15.0;
    s.energy.dpmEnabled = false;
    s.jobs[1].submitS = 0.0;
    s.jobs[1].slots = 16;
    ScenarioDocument document(s);
    RunController run(&document);
    QWidget host;
    TimeSeriesChart *power = nullptr;
    for (const ChartPanel &panel : createLiveCharts(&run, &document, &host)) {
        if (panel.objectName == QLatin1String("powerChart"))
            power = qobject_cast<TimeSeriesChart *>(panel.widget);
    }
    QVERIFY(power);
    QCOMPARE(power->termsCount(), 2);
    QCOMPARE(power->referenceCount(), 2);
    power->resize(500, 350); // room for the axis' full title
    host.show();
    run.setSpeed(0.0);
    run.play();
    QTRY_VERIFY_WITH_TIMEOUT(run.result() != nullptr, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(power->series(1)->count() > 2, 5000);
    const double fullLoadKw = 4 * 6.0;

    auto maxOf = [](QLineSeries *series) {
        double top = 0.0;
        for (const QPointF &p : series->points())
            top = std::max(top, p.y());
        return top;
    };
    // IT terms: IT power alone, against the IT cap, and it never crosses it (docs/design.md
    // §4.6: nothing starts that the meter would show above the cap).
    QCOMPARE(power->terms(), 0);
    QVERIFY(power->series(0)->isVisible());
    QVERIFY(!power->series(1)->isVisible());
    QCOMPARE(power->referenceValue(0), fullLoadKw);
    QCOMPARE(power->referenceValue(1), 15.0);
    QCOMPARE(power->reference(1)->at(0).y(), 15.0);
    QVERIFY(power->leftAxis()->titleText().startsWith(QStringLiteral("IT power")));
    QVERIFY(maxOf(power->series(0)) <= 15.0 + 1e-9);
    QVERIFY(maxOf(power->series(0)) > 15.0 * 0.5); // the cap is what held it
    QVERIFY(maxOf(power->series(1)) > 15.0);       // drawn together, it would "break" the cap

    // Facility terms: facility power alone, against both lines × PUE, and the tags say so.
    power->setTerms(1);
    QCOMPARE(power->terms(), 1);
    QVERIFY(!power->series(0)->isVisible());
    QVERIFY(power->series(1)->isVisible());
    QVERIFY(power->termsSwitch()->button(1)->isChecked());
    QCOMPARE(power->referenceValue(0), fullLoadKw * 1.3);
    QCOMPARE(power->referenceValue(1), 15.0 * 1.3);
    QCOMPARE(power->reference(1)->at(0).y(), 15.0 * 1.3);
    QCOMPARE(power->referenceLabel(1), QStringLiteral("Cluster cap\n\u00d7 PUE = 19.5\u00a0kW"));
    QVERIFY(power->leftAxis()->titleText().startsWith(QStringLiteral("Facility power")));
    QVERIFY(maxOf(power->series(1)) <= 15.0 * 1.3 + 1e-9);
    QVERIFY(power->leftAxis()->max() >= fullLoadKw * 1.3);

    // The terms last across runs; PUE 1 withdraws facility terms and the chart reads IT again.
    run.reset();
    QCOMPARE(power->terms(), 1);
    EnergyPolicy energy = document.scenario().energy;
    energy.pue = 1.0;
    QVERIFY(edits::setEnergy(document, energy));
    QCOMPARE(power->terms(), 0);
    QVERIFY(power->termsSwitch()->button(1)->isHidden());
    QCOMPARE(power->referenceValue(1), 15.0);
}

void TestEnergyViews::powerChartShowsItsLinesBeforeARun()
{
    // As the main window does: the charts exist before the scenario is opened.
    ScenarioDocument document;
    RunController run(&document);
    QWidget host;
    TimeSeriesChart *power = nullptr;
    for (const ChartPanel &panel : createLiveCharts(&run, &document, &host)) {
        if (panel.objectName == QLatin1String("powerChart"))
            power = qobject_cast<TimeSeriesChart *>(panel.widget);
    }
    QVERIFY(power);
    host.resize(400, 300);
    host.show();
    QVERIFY(!power->reference(0)->isVisible());
    QVERIFY(!power->reference(1)->isVisible());

    Scenario s = dpmScenario();
    s.energy.clusterPowerCapKw = 20.0;
    document.resetScenario(s);
    // No run, not even a loaded one: the lines are the scenario's.
    QCOMPARE(run.state(), RunState::Idle);
    QVERIFY(power->reference(0)->isVisible());
    QVERIFY(power->reference(1)->isVisible());
    QCOMPARE(power->referenceValue(0), 24.0);
    QCOMPARE(power->referenceValue(1), 20.0);
    QCOMPARE(power->reference(1)->count(), 2);
    QCOMPARE(power->reference(1)->at(1).y(), 20.0);
    QVERIFY(power->leftAxis()->max() >= 24.0); // both lines are on the axis
    QTRY_VERIFY(!power->referenceTagRect(1).isEmpty());
    QVERIFY(power->termsSwitch()->isOffered(1)); // PUE 1.3

    // An edit of the cap moves the line at once, still without a run.
    EnergyPolicy energy = document.scenario().energy;
    energy.clusterPowerCapKw = 12.0;
    QVERIFY(edits::setEnergy(document, energy));
    QCOMPARE(run.state(), RunState::Idle);
    QCOMPARE(power->referenceValue(1), 12.0);
    QCOMPARE(power->reference(1)->at(0).y(), 12.0);
    energy.clusterPowerCapKw.reset();
    QVERIFY(edits::setEnergy(document, energy));
    QVERIFY(!power->reference(1)->isVisible());
    QVERIFY(power->referenceTagRect(1).isEmpty());
}

void TestEnergyViews::resultsPanelShowsTheCoreMetrics()
{
    const Scenario s = dpmScenario();
    Simulation direct(s);
    direct.run();
    const RunMetrics expected = direct.result().metrics;

    ScenarioDocument document(s);
    RunController run(&document);
    ResultsPanel panel(&document, &run);
    panel.show();
    QVERIFY(!panel.hasResult());
    run.setSpeed(0.0);
    run.play();
    QTRY_VERIFY_WITH_TIMEOUT(panel.hasResult(), kRunTimeoutMs);

    auto value = [&](const char *key) {
        QLabel *label = panel.figureLabel(QString::fromLatin1(key));
        return label ? label->property("value").toDouble() : -1.0;
    };
    QCOMPARE(value("utilization"), expected.utilization);
    QCOMPARE(value("p95Wait"), expected.p95WaitS);
    QCOMPARE(value("meanWait"), expected.meanWaitS);
    QCOMPARE(value("itEnergy"), expected.itEnergyKwh);
    QCOMPARE(value("facilityEnergy"), expected.facilityEnergyKwh);
    QCOMPARE(value("cost"), expected.cost);
    QCOMPARE(value("carbon"), expected.carbonKg);
    QCOMPARE(value("peakPower"), expected.peakPowerW);
    QCOMPARE(value("timeAtCap"), expected.timeAtPowerCapS);
    QCOMPARE(value("boots"), double(expected.boots));
    QCOMPARE(value("nodeHoursOff"), expected.nodeHoursOff);
    QCOMPARE(value("fragmentation"), expected.fragmentation);
    QVERIFY(expected.boots >= 4);
    QVERIFY(expected.nodeHoursOff > 0.0);
    QVERIFY(expected.cost > 0.0);
    QVERIFY(qAbs(expected.facilityEnergyKwh - 1.3 * expected.itEnergyKwh) < 1e-6);

    // The text is the one resultFigures() formats for these metrics.
    for (const ResultFigure &f : resultFigures(*run.result(), s))
        QCOMPARE(panel.figureLabel(f.key)->text(), f.text);

    // One row per tenant, with its utilization.
    QTableWidget *tenants = panel.tenantTable();
    QCOMPARE(tenants->rowCount(), int(expected.tenants.size()));
    for (int row = 0; row < tenants->rowCount(); ++row) {
        const TenantMetrics &t = expected.tenants[std::size_t(row)];
        QCOMPARE(tenants->item(row, 0)->text().toStdString(), t.tenant);
        QCOMPARE(tenants->item(row, 2)->data(Qt::UserRole).toDouble(), t.utilization);
        QCOMPARE(tenants->item(row, 4)->data(Qt::UserRole).toDouble(), t.p95WaitS);
    }

    run.reset();
    QVERIFY(!panel.hasResult());
}

QTEST_MAIN(TestEnergyViews)
#include "test_energy_views.moc"
