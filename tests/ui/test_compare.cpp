// Comparison in the GUI (docs/design.md §8.1): kept runs and the current one side by side with
// the metrics `simulate` gives and deltas coloured by whether they got better; Compare
// Policies… gives what core/plan gives for each variant run directly, and stops on Cancel.
#include "core/plan/evaluation.h"
#include "core/plan/metric_direction.h"
#include "core/plan/scenario_overrides.h"
#include "tests/support/scenario_builder.h"
#include "ui/compare/compare_chart_view.h"
#include "ui/compare/compare_controller.h"
#include "ui/compare/compare_policies_dialog.h"
#include "ui/compare/compare_window.h"
#include "ui/compare/compared_runs_model.h"
#include "ui/compare/metrics_table_model.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/plan/plan_task.h"
#include "ui/plan/study_run_bar.h"
#include "ui/run/run_controller.h"

#include <QFile>
#include <QFileInfo>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace headroom;
using namespace headroom::test;
using namespace headroom::ui;

namespace {

constexpr int kWaitMs = 60000;

// Two one-slot nodes; a two-slot job blocks the queue behind a running one. FCFS holds the
// short third job behind it; EASY backfills it on the idle node (it ends before the big job
// could start), so EASY waits less and keeps the nodes busier.
Scenario backfillable()
{
    ScenarioBuilder builder;
    builder.nodes(2, 1);
    builder.job(1, 0, 1, 100, 100);
    builder.job(2, 1, 2, 100, 100);
    builder.job(3, 2, 1, 50, 50);
    builder.scheduler(SchedulerKind::Fcfs);
    return builder.build();
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

Evaluation direct(Scenario scenario, const std::vector<ScenarioOverride> &overrides = {})
{
    applyOverrides(scenario, overrides);
    EvaluationSettings settings;
    settings.keepSeries = true;
    return evaluateScenario(scenario, settings);
}

int rowOf(const MetricsTableModel &model, const QString &key)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.headerData(row, Qt::Vertical, Qt::DisplayRole).toString() == key)
            return row;
    }
    return -1;
}

void runToEnd(RunController &run)
{
    run.setSpeed(0.0);
    run.play();
    QTRY_VERIFY_WITH_TIMEOUT(run.state() == RunState::Finished && run.result(), kWaitMs);
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricDirections_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("delta");
        QTest::addColumn<int>("verdict");
        QTest::newRow("wait down") << "mean_wait_s" << -3.0 << 1;
        QTest::newRow("p95 wait up") << "p95_wait_s" << 2.0 << -1;
        QTest::newRow("slowdown up") << "mean_bounded_slowdown" << 0.5 << -1;
        QTest::newRow("energy down") << "facility_energy_kwh" << -1.0 << 1;
        QTest::newRow("cost up") << "cost" << 10.0 << -1;
        QTest::newRow("rejected up") << "jobs_rejected" << 1.0 << -1;
        QTest::newRow("utilization up") << "utilization" << 0.1 << 1;
        QTest::newRow("jain down") << "jain_index" << -0.1 << -1;
        QTest::newRow("makespan neutral") << "makespan_s" << 100.0 << 0;
        QTest::newRow("nodes neutral") << "nodes" << 2.0 << 0;
        QTest::newRow("no change") << "mean_wait_s" << 0.0 << 0;
    }
    void metricDirections()
    {
        QFETCH(QString, key);
        QFETCH(double, delta);
        QFETCH(int, verdict);
        QCOMPARE(deltaVerdict(key.toStdString(), delta), verdict);
    }

    void keptRunsAreComparedWithColouredDeltas()
    {
        const Scenario fcfs = backfillable();
        Scenario easy = fcfs;
        easy.policy.scheduler = SchedulerKind::Easy;
        const Evaluation fcfsDirect = direct(fcfs);
        const Evaluation easyDirect = direct(easy);
        // The premise: EASY waits less and uses the nodes more.
        QVERIFY(*easyDirect.metrics.find("mean_wait_s") < *fcfsDirect.metrics.find("mean_wait_s"));
        QVERIFY(*easyDirect.metrics.find("utilization") > *fcfsDirect.metrics.find("utilization"));

        QWidget parent;
        ScenarioDocument document(fcfs);
        RunController run(&document);
        CompareController controller(&document, &run, &parent);
        QVERIFY(!controller.canKeep()); // nothing ran yet
        runToEnd(run);
        QVERIFY(controller.canKeep());
        QVERIFY(controller.keepCurrentRun("fcfs"));
        QVERIFY(!controller.keepCurrentRun("again")); // the same run is kept once

        Policy policy = document.scenario().policy;
        policy.scheduler = SchedulerKind::Easy;
        edits::setPolicy(document, policy);
        runToEnd(run);
        QVERIFY(controller.keepCurrentRun("easy"));
        QCOMPARE(controller.kept()->rowCount(), 2);

        CompareWindow *window = controller.compare();
        QVERIFY(window);
        MetricsTableModel *table = window->metrics();
        // Both kept runs; the current run is the second kept one, so it is not added again.
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), "fcfs");
        QCOMPARE(table->headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), "easy");
        QCOMPARE(table->rowCount(), int(fcfsDirect.metrics.entries.size()));
        for (const MetricValue &entry : fcfsDirect.metrics.entries) {
            const int row = rowOf(*table, QString::fromStdString(entry.key));
            QVERIFY2(row >= 0, entry.key.c_str());
            QCOMPARE(table->data(table->index(row, 0), MetricsTableModel::ValueRole).toDouble(),
                     entry.value);
            QCOMPARE(table->data(table->index(row, 1), MetricsTableModel::ValueRole).toDouble(),
                     *easyDirect.metrics.find(entry.key));
        }
        const int wait = rowOf(*table, "mean_wait_s");
        QCOMPARE(table->data(table->index(wait, 1), MetricsTableModel::DeltaVerdictRole).toInt(),
                 1);
        QCOMPARE(table->data(table->index(wait, 1), Qt::BackgroundRole).value<QColor>(),
                 MetricsTableModel::betterColor());
        QCOMPARE(table->data(table->index(wait, 0), Qt::BackgroundRole), QVariant());
        const int makespan = rowOf(*table, "makespan_s");
        QCOMPARE(table->data(table->index(makespan, 1), Qt::BackgroundRole), QVariant());
        // Every chart has a line per run, and the wait CDF ends at all jobs.
        for (CompareChartView *chart : window->charts())
            QCOMPARE(chart->seriesCount(), 2);

        // The other way round, EASY as the baseline, FCFS got worse.
        std::vector<ComparedRun> reversed(window->runs()->runs().rbegin(),
                                          window->runs()->runs().rend());
        window->runs()->setRuns(reversed);
        QCOMPARE(table->data(table->index(wait, 1), MetricsTableModel::DeltaVerdictRole).toInt(),
                 -1);
        QCOMPARE(table->data(table->index(wait, 1), Qt::BackgroundRole).value<QColor>(),
                 MetricsTableModel::worseColor());
        const int utilization = rowOf(*table, "utilization");
        QCOMPARE(table->data(table->index(utilization, 1), Qt::BackgroundRole).value<QColor>(),
                 MetricsTableModel::worseColor());

        // Removing a run from the window forgets the kept run too.
        window->runs()->setRuns(controller.kept()->runs());
        QSignalSpy removed(window, &CompareWindow::runRemoved);
        auto *list = window->findChild<QListView *>();
        QVERIFY(list);
        list->setCurrentIndex(window->runs()->index(0));
        QVERIFY(window->removeButton()->isEnabled());
        window->removeButton()->click();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.front().front().toString(), QStringLiteral("fcfs"));
        QCOMPARE(controller.kept()->rowCount(), 1);
        QCOMPARE(table->columnCount(), 1);
        QCOMPARE(window->charts()[0]->seriesCount(), 1);
    }

    void currentRunJoinsTheKeptOnes()
    {
        QWidget parent;
        ScenarioDocument document(backfillable());
        RunController run(&document);
        CompareController controller(&document, &run, &parent);
        runToEnd(run);
        QVERIFY(controller.keepCurrentRun("first"));
        Policy policy = document.scenario().policy;
        policy.scheduler = SchedulerKind::Easy;
        edits::setPolicy(document, policy);
        runToEnd(run);
        CompareWindow *window = controller.compare();
        QCOMPARE(window->runs()->rowCount(), 2);
        QCOMPARE(window->runs()->runs()[1].name, QStringLiteral("Current run"));
    }

    void comparePoliciesMatchesDirectRuns()
    {
        ScenarioDocument document(backfillable());
        ComparePoliciesDialog dialog(&document);
        dialog.select({SchedulerKind::Fcfs, SchedulerKind::Easy},
                      {document.scenario().policy.placement});
        const std::vector<NamedVariant> variants = dialog.variants();
        QCOMPARE(variants.size(), std::size_t(2));
        QSignalSpy ready(&dialog, &ComparePoliciesDialog::comparisonReady);
        dialog.runBar()->setThreads(2);
        QVERIFY(dialog.run());
        QVERIFY(dialog.task()->waitForFinished(kWaitMs));
        QCOMPARE(ready.count(), 1);
        QCOMPARE(dialog.results().size(), std::size_t(2));
        for (std::size_t i = 0; i < variants.size(); ++i) {
            const Evaluation expected = direct(document.scenario(), variants[i].overrides);
            const ComparedRun &got = dialog.results()[i];
            QCOMPARE(got.name, QString::fromStdString(variants[i].name));
            QVERIFY(got.metrics == expected.metrics);
            QCOMPARE(got.samples.size(), expected.samples.size());
            QCOMPARE(got.waitsS, expected.waitsS);
        }
        QVERIFY(*dialog.results()[1].metrics.find("mean_wait_s") <
                *dialog.results()[0].metrics.find("mean_wait_s"));
    }

    void comparisonExportsAReport()
    {
        Scenario fcfs = backfillable();
        Scenario easy = fcfs;
        easy.policy.scheduler = SchedulerKind::Easy;
        CompareWindow window;
        window.runs()->setRuns(
                {comparedRunOf("fcfs", direct(fcfs)), comparedRunOf("easy", direct(easy))});
        QTemporaryDir dir;
        const QString path = dir.filePath("comparison.html");
        QString error;
        QVERIFY2(window.exportReport(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.contains("mean_wait_s"));
        QVERIFY(html.contains("easy"));
        QVERIFY(html.contains(" better")); // EASY's mean wait
        QCOMPARE(html.count("<svg"), 4);   // utilization, power, queue, waits
        QVERIFY(window.exportReport(dir.filePath("comparison.pdf"), &error));
        QVERIFY(QFileInfo(dir.filePath("comparison.pdf")).size() > 1000);
    }

    void comparePoliciesNeedsTwoToFourVariants()
    {
        ScenarioDocument document(backfillable());
        ComparePoliciesDialog dialog(&document);
        dialog.select({SchedulerKind::Fcfs}, {document.scenario().policy.placement});
        QVERIFY(!dialog.run());
        dialog.select({SchedulerKind::Fcfs, SchedulerKind::Easy, SchedulerKind::Sjf},
                      {PlacementKind::FirstFit, PlacementKind::BestFit});
        QCOMPARE(dialog.variants().size(), std::size_t(6));
        QVERIFY(!dialog.run());
    }

    void cancelStopsComparePolicies()
    {
        ScenarioDocument document(busy());
        ComparePoliciesDialog dialog(&document);
        dialog.select({SchedulerKind::Fcfs, SchedulerKind::Easy},
                      {document.scenario().policy.placement});
        QSignalSpy ready(&dialog, &ComparePoliciesDialog::comparisonReady);
        dialog.runBar()->setThreads(2);
        QVERIFY(dialog.run());
        QVERIFY(dialog.runBar()->cancelButton()->isEnabled());
        dialog.runBar()->cancelButton()->click();
        QVERIFY(dialog.task()->waitForFinished(kWaitMs));
        QVERIFY(dialog.task()->cancelRequested());
        QCOMPARE(ready.count(), 0);
        QVERIFY(dialog.results().empty());
    }
};

QTEST_MAIN(TestCompare)
#include "test_compare.moc"
