// The Plan menu (docs/design.md §7): Size Cluster, Forecast Demand and Runway prefill from the
// scenario, give what core/plan gives when called directly, stop on Cancel, and Apply resizes
// the cluster as one undo step; the report dialog shows the session's studies.
#include "core/engine/simulation.h"
#include "core/plan/cluster_resize.h"
#include "core/plan/demand_forecast.h"
#include "core/plan/runway.h"
#include "core/plan/sizing.h"
#include "report/report_data.h"
#include "tests/support/scenario_builder.h"
#include "ui/document/scenario_document.h"
#include "ui/main_window.h"
#include "ui/plan/forecast_dialog.h"
#include "ui/plan/plan_controller.h"
#include "ui/plan/plan_session.h"
#include "ui/plan/plan_task.h"
#include "ui/plan/runway_dialog.h"
#include "ui/plan/size_cluster_dialog.h"
#include "ui/plan/slo_editor.h"
#include "ui/plan/spec_chart_view.h"
#include "ui/plan/study_run_bar.h"
#include "ui/report/report_dialog.h"
#include "ui/window/main_actions.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QtTest>

using namespace headroom;
using namespace headroom::test;
using namespace headroom::ui;

namespace {

constexpr int kWaitMs = 60000;

// Six one-slot jobs of 100 s at once and one at t = 900, on three one-slot nodes: six nodes
// serve them with no wait, five do not (tests/core/test_sizing.cpp works it by hand).
Scenario sixAtOnce()
{
    ScenarioBuilder builder;
    builder.nodes(3, 1);
    for (int id = 1; id <= 6; ++id)
        builder.job(id, 0, 1, 100);
    builder.job(7, 900, 1, 100);
    return builder.build();
}

// Two types in the cluster and one in the catalog only.
Scenario threeTypes()
{
    ScenarioBuilder builder;
    builder.nodes(8, 8, "big", "rb").nodes(2, 4, "small", "rs");
    builder.job(1, 0, 1, 100);
    Scenario scenario = builder.build();
    NodeType spare = scenario.nodeTypes.front();
    spare.name = "spare";
    scenario.nodeTypes.push_back(spare);
    scenario.nodeTypes[0].priceUsd = 300000.0;
    return scenario;
}

// Many short jobs, so that one simulation takes long enough to cancel in the middle.
Scenario busy()
{
    ScenarioBuilder builder;
    builder.nodes(4, 1);
    for (int id = 1; id <= 60000; ++id)
        builder.job(id, id * 3.0, 1, 10.0 + id % 7);
    return builder.build();
}

// Three weeks of one job a day, d_k = 2 (1 + k) accelerator-hours.
Scenario threeWeeks()
{
    ScenarioBuilder builder;
    builder.nodes(1, 8);
    for (int day = 0; day < 21; ++day)
        builder.job(day + 1, day * 86400.0 + 60.0, 2, 3600.0 * (1 + day));
    return builder.build();
}

std::vector<Slo> zeroWaitSlos()
{
    return {*parseSlo("max_wait_s<=0"), *parseSlo("jobs_completed>=7")};
}

} // namespace

class TestPlanDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("HeadroomTest");
        QCoreApplication::setApplicationName("test_plan_dialogs");
    }
    void init() { QSettings().clear(); }

    void sizeDialogPrefillsFromTheScenario()
    {
        ScenarioDocument document(threeTypes());
        SizeClusterDialog dialog(&document, nullptr);
        const SizingRequest request = dialog.request();
        // Types with nodes are varied around today's count; the catalog-only one is not.
        QCOMPARE(request.vary.size(), std::size_t(2));
        QCOMPARE(request.vary[0], (VaryRange{"big", 2, 16}));
        QCOMPARE(request.vary[1], (VaryRange{"small", 1, 4}));
        // The first study's SLOs: the p95 wait within an hour, nothing rejected.
        QCOMPARE(request.slos.size(), std::size_t(2));
        QCOMPARE(request.slos[0].text(), std::string("p95_wait_s<=3600"));
        QCOMPARE(request.slos[1].text(), std::string("jobs_rejected<=0"));
        QVERIFY(request.objective == SizingObjective::Cost);
        QVERIFY(dialog.runBar()->threads() >= 1);
        // "small" has no price: the cost objective says what that means.
        QVERIFY2(dialog.message().contains("small has no price_usd: its capital cost is "
                                           "counted as 0"),
                 qPrintable(dialog.message()));
        QVERIFY(!dialog.message().contains("big has no price"));
        dialog.setObjective(SizingObjective::Accelerators);
        QVERIFY(dialog.message().isEmpty());

        RunwayDialog runway(&document, nullptr);
        QCOMPARE(runway.request().months, 24);
        QCOMPARE(runway.request().growthPerMonth, 0.05);
        QCOMPARE(runway.request().slos.size(), std::size_t(2));
    }

    // Tab walks the dialog top to bottom: the types, the SLO rows, the objective, the results,
    // the run bar, the buttons (the default chain followed creation, which is not the layout).
    void sizeDialogTabOrderFollowsTheLayout()
    {
        ScenarioDocument document(threeTypes());
        SizeClusterDialog dialog(&document, nullptr);
        QStringList chain;
        QWidget *start = dialog.findChild<QCheckBox *>();
        QWidget *w = start;
        do {
            // Spin boxes hand focus to their line edit; count each field once.
            if ((w->focusPolicy() & Qt::TabFocus) && !qobject_cast<QLineEdit *>(w)) {
                QString name = w->accessibleName();
                if (name.isEmpty())
                    name = w->property("text").toString();
                chain << (name.isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                         : name);
            }
            w = w->nextInFocusChain();
        } while (w != start && chain.size() < 60);
        const QStringList expected{"big (8 now)",
                                   "Fewest big nodes",
                                   "Most big nodes",
                                   "small (2 now)",
                                   "Fewest small nodes",
                                   "Most small nodes",
                                   "spare (0 now)",
                                   "Fewest spare nodes",
                                   "Most spare nodes",
                                   "Metric",
                                   "Bound",
                                   "Value",
                                   "Remove service level",
                                   "Metric",
                                   "Bound",
                                   "Value",
                                   "Remove service level",
                                   "&Add Service Level"};
        QCOMPARE(chain.mid(0, expected.size()), expected);
        const auto at = [&](const QString &name) { return chain.indexOf(name); };
        QVERIFY(at("&Add Service Level") < at("QComboBox")); // the objective
        QVERIFY(at("QComboBox") < at("Evaluated configurations"));
        QVERIFY(at("Evaluated configurations") < at("&Run Study"));
        QVERIFY(at("&Run Study") < at("&Cancel"));
        QVERIFY(at("&Cancel") < at("&Apply to Cluster"));
        QVERIFY(at("&Apply to Cluster") < at("Close"));
        QCOMPARE(chain.last(), QStringLiteral("Close"));
    }

    void settingsAreRemembered()
    {
        ScenarioDocument document(sixAtOnce());
        {
            SizeClusterDialog dialog(&document, nullptr);
            dialog.setRange("node", true, 1, 10);
            dialog.sloEditor()->setSlos(zeroWaitSlos());
            dialog.setObjective(SizingObjective::Accelerators);
            QVERIFY(dialog.run());
            QVERIFY(dialog.task()->waitForFinished(kWaitMs));
        }
        SizeClusterDialog again(&document, nullptr);
        QCOMPARE(again.request().slos, zeroWaitSlos());
        QVERIFY(again.request().objective == SizingObjective::Accelerators);
        RunwayDialog runway(&document, nullptr);
        QCOMPARE(runway.request().slos, zeroWaitSlos());
    }

    void sizingFromTheDialogEqualsCore()
    {
        ScenarioDocument document(sixAtOnce());
        PlanSession session;
        SizeClusterDialog dialog(&document, &session);
        dialog.setRange("node", true, 1, 10);
        dialog.sloEditor()->setSlos(zeroWaitSlos());
        dialog.setObjective(SizingObjective::Accelerators);
        QSignalSpy finished(&dialog, &SizeClusterDialog::studyFinished);
        QVERIFY(dialog.run());
        QVERIFY(dialog.task()->isRunning() || finished.count() == 1);
        QVERIFY(dialog.task()->waitForFinished(kWaitMs));
        QCOMPARE(finished.count(), 1);

        WorkerPool pool(1);
        const SizingResult direct = sizeCluster(document.scenario(), dialog.request(), pool);
        const std::shared_ptr<const SizingResult> result = dialog.result();
        QVERIFY(result);
        QVERIFY(result->recommendedPoint());
        QCOMPARE(result->recommendedPoint()->counts, std::vector<int>{6});
        QCOMPARE(result->recommendedPoint()->counts, direct.recommendedPoint()->counts);
        QCOMPARE(result->points.size(), direct.points.size());
        QCOMPARE(result->recommendedPoint()->evaluation.metrics,
                 direct.recommendedPoint()->evaluation.metrics);
        QVERIFY2(dialog.summary().contains("6 × node meet every SLO"),
                 qPrintable(dialog.summary()));

        // The table lists every point; sorted by the count column it runs along the range.
        QTableView *view = dialog.pointsView();
        QCOMPARE(view->model()->rowCount(), int(direct.points.size()));
        view->sortByColumn(2, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, 2).data().toString(), QStringLiteral("10"));
        const int last = view->model()->rowCount() - 1;
        QCOMPARE(view->model()->index(last, 2).data(Qt::UserRole).toInt(), 1);
        // The chart marks the SLO and the recommendation.
        const report::ChartSpec &chart = dialog.chartView()->spec();
        QCOMPARE(chart.rules.size(), std::size_t(2));
        QCOMPARE(chart.rules[1].value, 6.0);
        QVERIFY(!dialog.chartView()->chart()->series().isEmpty());
        // The session keeps the study for the report.
        QVERIFY(session.studies().sizing);
        QCOMPARE(session.studies().currentCounts, std::vector<int>{3});
        QVERIFY(dialog.applyButton()->isEnabled());
    }

    void cancelStopsTheStudy()
    {
        ScenarioDocument document(busy());
        PlanSession session;
        SizeClusterDialog dialog(&document, &session);
        dialog.setRange("node", true, 1, 4000);
        dialog.sloEditor()->setSlos({*parseSlo("max_wait_s<=0")});
        dialog.setObjective(SizingObjective::Accelerators);
        dialog.runBar()->setThreads(2);
        QVERIFY(dialog.run());
        QVERIFY(dialog.runBar()->cancelButton()->isEnabled());
        QVERIFY(!dialog.runBar()->runButton()->isEnabled());
        dialog.runBar()->cancelButton()->click();
        QVERIFY(dialog.task()->waitForFinished(kWaitMs));
        QVERIFY(dialog.result());
        QVERIFY(dialog.result()->cancelled);
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(dialog.summary().startsWith("Cancelled"));
        QVERIFY(!session.studies().sizing); // a cancelled study is not reported
        QVERIFY(dialog.runBar()->runButton()->isEnabled());

        // Runway: the months are one round, dropped whole on Cancel.
        RunwayDialog runway(&document, &session);
        runway.setMonths(24);
        runway.setGrowthPerMonth(0.1);
        runway.sloEditor()->setSlos({*parseSlo("max_wait_s<=0")});
        QVERIFY(runway.run());
        runway.runBar()->cancelButton()->click();
        QVERIFY(runway.task()->waitForFinished(kWaitMs));
        QVERIFY(runway.result());
        QVERIFY(runway.result()->cancelled);
        QVERIFY(runway.sentence().startsWith("Cancelled"));
        QVERIFY(!session.studies().runway);
    }

    void applyIsOneUndoStep()
    {
        Scenario scenario = sixAtOnce();
        const std::string pinned = scenario.cluster.zones[0].racks[0].nodes[2].name;
        JobConstraints pin;
        pin.pinNode = pinned;
        scenario.jobs[0].constraints = pin;
        ScenarioDocument document(scenario);
        const Cluster before = document.scenario().cluster;
        SizeClusterDialog dialog(&document, nullptr);
        // Any count meets "jobs_completed>=0", so the fewest accelerators is one node: the
        // cluster shrinks, the pinned node goes, and its job follows in the same step.
        dialog.setRange("node", true, 1, 3);
        dialog.sloEditor()->setSlos({*parseSlo("jobs_completed>=0")});
        dialog.setObjective(SizingObjective::Accelerators);
        QVERIFY(dialog.run());
        QVERIFY(dialog.task()->waitForFinished(kWaitMs));
        QCOMPARE(dialog.result()->recommendedPoint()->counts, std::vector<int>{1});

        const int steps = document.undoStack()->count();
        QVERIFY(dialog.apply());
        QCOMPARE(document.undoStack()->count(), steps + 1);
        QCOMPARE(nodeCountOfType(document.scenario().cluster, "node"), 1);
        QVERIFY(document.scenario().jobs[0].constraints->pinNode.empty());
        QCOMPARE(document.scenario().jobs[0].constraints->nodeType, std::string("node"));
        QVERIFY(document.undoStack()->undoText().startsWith("Resize cluster to 1 × node"));
        QVERIFY(!dialog.applyButton()->isEnabled());

        document.undoStack()->undo();
        QCOMPARE(document.scenario().cluster, before);
        QCOMPARE(document.scenario().jobs[0].constraints->pinNode, pinned);
        document.undoStack()->redo();
        QCOMPARE(nodeCountOfType(document.scenario().cluster, "node"), 1);
    }

    void forecastDialogShowsTheFit()
    {
        ScenarioDocument document(threeWeeks());
        ForecastDialog dialog(&document);
        QVERIFY(dialog.forecast());
        const DemandForecast direct =
                forecastDemand(dailyDemand(document.scenario()), 30, ForecastSolver::Qr);
        const DemandForecast &shown = *dialog.forecast();
        QCOMPARE(shown.slopePerDay, direct.slopePerDay);
        QVERIFY(std::fabs(shown.slopePerDay - 2.0) < 1e-9);
        QLineSeries *fitted = dialog.fittedSeries();
        QVERIFY(fitted);
        QCOMPARE(fitted->count(), 21);
        for (int k = 0; k < fitted->count(); ++k)
            QCOMPARE(fitted->at(k).y(), direct.fitted[std::size_t(k)]);
        QCOMPARE(dialog.forecastSeries()->count(), 30);
        QCOMPARE(dialog.forecastSeries()->at(0).y(), direct.forecast[0].point);

        dialog.setHorizonDays(10);
        QCOMPARE(dialog.forecastSeries()->count(), 10);
        dialog.setSolver(ForecastSolver::Adam);
        QVERIFY(dialog.forecast()->solver == ForecastSolver::Adam);
        QVERIFY(std::fabs(dialog.forecast()->slopePerDay - direct.slopePerDay) <
                1e-6 * std::fabs(direct.slopePerDay));

        ScenarioDocument shortHistory(sixAtOnce());
        ForecastDialog tooShort(&shortHistory);
        QVERIFY(!tooShort.forecast());
        QVERIFY2(tooShort.message().contains("at least 9 days"), qPrintable(tooShort.message()));
    }

    void runwayFromTheDialogEqualsCore()
    {
        // One node, jobs at 0 and 200 of 100 s: at load scale s the second waits
        // max(0, 100 − 200 ÷ s), so doubling each month breaks "no wait" in month 2.
        ScenarioDocument document(
                ScenarioBuilder().nodes(1, 1).job(1, 0, 1, 100).job(2, 200, 1, 100).build());
        PlanSession session;
        RunwayDialog dialog(&document, &session);
        dialog.setGrowthPerMonth(1.0);
        dialog.setMonths(4);
        dialog.sloEditor()->setSlos({*parseSlo("max_wait_s<=0")});
        QVERIFY(dialog.run());
        QVERIFY(dialog.task()->waitForFinished(kWaitMs));
        WorkerPool pool(1);
        const RunwayResult direct = runway(document.scenario(), dialog.request(), pool);
        QVERIFY(dialog.result());
        QCOMPARE(dialog.result()->breachMonth, direct.breachMonth);
        QCOMPARE(*dialog.result()->breachMonth, 2);
        QCOMPARE(dialog.sentence(),
                 QString::fromUtf8("max wait passes 0\u00a0s in month 2 at 4.00× today's load."));
        QCOMPARE(dialog.chartView()->spec().lines.front().points.size(), std::size_t(5));
        QVERIFY(session.studies().runway);

        // Growth from the forecast of a workload too short to fit: said, and nothing changes.
        QVERIFY(!dialog.growthFromForecast());
        QVERIFY(dialog.message().contains("a forecast needs at least 9"));
        QCOMPARE(dialog.request().growthPerMonth, 1.0);
    }

    void reportDialogShowsTheStudiesOnlyWhenThereAreSome()
    {
        const Scenario scenario = sixAtOnce();
        Simulation simulation(scenario);
        simulation.run();
        auto result = std::make_shared<const RunResult>(simulation.result());
        auto shared = std::make_shared<const Scenario>(scenario);
        auto data = std::make_shared<const report::ReportData>(
                report::buildReportData(scenario, *result, report::runInfoFor(scenario)));
        auto hasHeading = [](const report::ReportDocument &document, const QString &text) {
            for (const report::ReportBlock &block : document.blocks) {
                const auto *heading = std::get_if<report::ReportHeading>(&block);
                if (heading && heading->text == text)
                    return true;
            }
            return false;
        };
        {
            ReportDialog plain(shared, result, data);
            QVERIFY(!hasHeading(plain.document(), "Sizing to service levels"));
        }
        WorkerPool pool(1);
        SizingRequest request;
        request.vary = {{"node", 1, 10}};
        request.slos = zeroWaitSlos();
        request.objective = SizingObjective::Accelerators;
        report::PlanningStudies studies;
        studies.sizing = sizeCluster(scenario, request, pool);
        ReportDialog withStudy(shared, result, data, nullptr, studies);
        QVERIFY(hasHeading(withStudy.document(), "Sizing to service levels"));
        QVERIFY(withStudy.previewPageCount() >= 2);
    }

    void mainWindowHasThePlanMenu()
    {
        MainWindow window;
        MainActions *actions = window.actions();
        const QList<QAction *> listed = actions->menuActions();
        for (QAction *action : {actions->sizeCluster, actions->forecastDemand, actions->runway}) {
            QVERIFY(action);
            QVERIFY(listed.contains(action));
        }
        bool found = false;
        for (QAction *menu : window.menuBar()->actions())
            found = found || menu->text() == QStringLiteral("&Plan");
        QVERIFY(found);
        // A new scenario forgets the studies of the previous one.
        PlanSession *session = window.planController()->session();
        session->setRunway(RunwayResult{}, "USD");
        QVERIFY(session->hasStudies());
        window.showScenario(sixAtOnce());
        QVERIFY(!session->hasStudies());
    }
};

QTEST_MAIN(TestPlanDialogs)
#include "test_plan_dialogs.moc"
