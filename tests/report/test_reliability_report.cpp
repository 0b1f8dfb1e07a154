// The report's reliability section (docs/design.md §10): present exactly when the scenario
// has a failure model, with the run's figures as the metrics give them, the checkpoint
// advice per class of jobs worked by hand, and the same section in the PDF.
#include "core/engine/simulation.h"
#include "report/checkpoint_advice.h"
#include "report/report_data.h"
#include "report/report_document.h"
#include "report/report_format.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <cmath>

using namespace headroom;
using namespace headroom::report;

namespace {

// Four 8-accelerator nodes (MTBF 1000 h, 2 h repairs); a 32-accelerator job checkpointing
// hourly at 60 s with a 2 min restart, three small jobs without checkpoints; a planned
// outage of r-n1 at 1 h for 30 min interrupts the big one.
Scenario failureScenario()
{
    Scenario s = test::ScenarioBuilder()
                         .nodes(4, 8, "h100", "r", "z")
                         .linearPower("h100", 1500, 10200)
                         .job(1, 0, 32, 36000)
                         .job(2, 10, 8, 600)
                         .job(3, 20, 8, 600)
                         .job(4, 30, 8, 600)
                         .build();
    s.nodeTypes[0].mtbfH = 1000.0;
    s.nodeTypes[0].repairH = 2.0;
    s.jobs[0].checkpoints = JobCheckpoints{3600.0, 60.0, 120.0};
    s.outages = {{s.cluster.zones[0].racks[0].nodes[1].name, 3600.0, 1800.0}};
    return s;
}

// The figures a run with failures reports (docs/design.md §10.6), set on a run of the
// scenario: the report shows what the metrics say, whatever produced them.
RunResult withFailures(RunResult r)
{
    ReliabilityMetrics m;
    m.nodeFailures = 2;
    m.plannedOutages = 1;
    m.interruptions = 3;
    m.lostAcceleratorHours = 12.3;
    m.goodput = 0.925;
    m.nodeHoursDown = 6.5;
    r.metrics.reliability = m;
    r.jobs[0].interruptions = 2;
    r.jobs[1].interruptions = 1;
    for (std::size_t i = 0; i < r.samples.size(); i += 3)
        r.samples[i].nodesDown = 1;
    return r;
}

// `engine`: the figures as the engine measured them; else set by withFailures().
ReportData reportOf(const Scenario &scenario, RunResult *result = nullptr, bool engine = false)
{
    Simulation simulation(scenario);
    simulation.run();
    RunResult r = simulation.result();
    const bool model = scenario.failures.enabled || !scenario.outages.empty() ||
                       scenario.nodeTypes[0].mtbfH > 0;
    if (model && !engine)
        r = withFailures(std::move(r));
    if (result)
        *result = r;
    ReportOptions options;
    options.date = QDate(2026, 1, 1);
    options.version = QStringLiteral("9.9.9-test");
    return buildReportData(scenario, r, runInfoFor(scenario), options);
}

const ReportFacts *factsAfter(const ReportDocument &document, const QString &heading)
{
    bool seen = false;
    for (const ReportBlock &block : document.blocks) {
        if (const auto *h = std::get_if<ReportHeading>(&block))
            seen = h->text == heading;
        else if (const auto *facts = std::get_if<ReportFacts>(&block); facts && seen)
            return facts;
    }
    return nullptr;
}

QString factValue(const ReportFacts &facts, const QString &label)
{
    for (const ReportFacts::Fact &fact : facts.facts) {
        if (fact.label == label)
            return fact.value;
    }
    return QStringLiteral("<missing %1>").arg(label);
}

} // namespace

class TestReliabilityReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noSectionWithoutAFailureModel()
    {
        Scenario s = failureScenario();
        s.outages.clear();
        s.jobs[0].checkpoints = JobCheckpoints{};
        s.nodeTypes[0].mtbfH = 0.0; // nothing fails, nothing checkpoints
        const ReportData data = reportOf(s);
        QVERIFY(!data.hasReliability());
        const QString html = reportHtml(buildReportDocument(data));
        QVERIFY(!html.contains("Reliability"));
        QVERIFY(!html.contains("Goodput"));
    }

    void sectionShowsTheRunsFigures()
    {
        RunResult result;
        const ReportData data = reportOf(failureScenario(), &result);
        QVERIFY(data.hasReliability());
        const ReliabilityMetrics &r = *result.metrics.reliability;
        QCOMPARE(data.interruptedJobs, 2LL);
        QCOMPARE(data.mostInterruptions, 2u);
        QCOMPARE(data.plannedOutages, 1LL);
        QCOMPARE(data.plannedOutageNodeHours, 0.5);

        const ReportDocument document = buildReportDocument(data);
        const ReportFacts *facts = factsAfter(document, QStringLiteral("Reliability"));
        QVERIFY(facts);
        QCOMPARE(factValue(*facts, "Node failures"), QString("2"));
        QCOMPARE(factValue(*facts, "Interruptions"), QString("3"));
        QCOMPARE(factValue(*facts, "Lost accelerator-hours"), QString("12.3"));
        QCOMPARE(factValue(*facts, "Goodput"), percent(0.925, 1));
        QCOMPARE(factValue(*facts, "Goodput"), QString("92.5") + kNbsp + "%");
        QCOMPARE(factValue(*facts, "Node-hours down"), QString("6.5"));
        QCOMPARE(r.interruptions, 3LL);
        // The summary leads with the goodput too.
        const ReportFacts *summary = factsAfter(document, QStringLiteral("Executive summary"));
        QVERIFY(summary);
        QCOMPARE(factValue(*summary, "Goodput"), percent(r.goodput, 1));

        const QString html = reportHtml(document);
        QVERIFY(html.contains("<h2>Reliability</h2>"));
        QVERIFY(html.contains("<h3>Checkpoints</h3>"));
        // Before the tenants, after the charts.
        QVERIFY(html.indexOf("<h2>Reliability</h2>") > html.indexOf("<h2>Charts</h2>"));
        QVERIFY(html.indexOf("<h2>Reliability</h2>") < html.indexOf("<h2>Tenants</h2>"));
        QVERIFY(html.contains("Nodes down")); // the chart
    }

    // The engine's own figures for the outage: r-n1 down for 30 min at 1 h interrupts the
    // gang once; the report prints them as the metrics have them.
    void sectionShowsTheEnginesFigures()
    {
        RunResult result;
        const ReportData data = reportOf(failureScenario(), &result, true);
        QVERIFY(data.hasReliability());
        const ReliabilityMetrics &r = *result.metrics.reliability;
        QCOMPARE(r.interruptions, 1LL);
        QCOMPARE(r.plannedOutages, 1LL);
        QCOMPARE(r.nodeFailures, 0LL); // random failures are off
        QCOMPARE(r.nodeHoursDown, 0.5);
        QVERIFY(r.goodput < 1.0 && r.lostAcceleratorHours > 0.0);
        QCOMPARE(data.interruptedJobs, 1LL);
        const ReportDocument document = buildReportDocument(data);
        const ReportFacts *facts = factsAfter(document, QStringLiteral("Reliability"));
        QVERIFY(facts);
        QCOMPARE(factValue(*facts, "Interruptions"), QString("1"));
        QCOMPARE(factValue(*facts, "Node-hours down"), QString("0.5"));
        QCOMPARE(factValue(*facts, "Goodput"), percent(r.goodput, 1));
        QCOMPARE(factValue(*facts, "Lost accelerator-hours"), number(r.lostAcceleratorHours, 1));
    }

    // docs/design.md §10.4: with services the section counts the replicas lost. Two nodes; the
    // service's one whole-node replica sits on r-n0 (first fit), which an outage takes down at
    // 1 h: the replica moves to r-n1, free since job 1 ended. Without services, no such fact.
    void replicaInterruptionsWithServices()
    {
        test::ScenarioBuilder b;
        b.nodes(2, 8, "h100", "r", "z").job(1, 0, 8, 600).service("api", 8, 100, 1, 1, 50);
        Scenario s = b.build();
        s.outages = {{"r-n0", 3600.0, 1800.0}};
        RunResult result;
        const ReportData data = reportOf(s, &result, true);
        QCOMPARE(result.metrics.reliability->replicaInterruptions, 1LL);
        const ReportDocument document = buildReportDocument(data);
        const ReportFacts *facts = factsAfter(document, QStringLiteral("Reliability"));
        QVERIFY(facts);
        QCOMPARE(factValue(*facts, "Replica interruptions"), QString("1"));
        QVERIFY(reportHtml(document).contains("loses the service replicas on it"));

        const ReportDocument jobsOnly =
                buildReportDocument(reportOf(failureScenario(), nullptr, true));
        const ReportFacts *without = factsAfter(jobsOnly, QStringLiteral("Reliability"));
        QVERIFY(without);
        QVERIFY(factValue(*without, "Replica interruptions").startsWith("<missing"));
    }

    // Young/Daly by hand: job 1 holds 4 nodes of MTBF 1000 h, so MTBF_job = 900,000 s and
    // c = √(2 · 60 · 900,000) ≈ 10,392 s; the small jobs, without checkpoints, get no
    // suggestion and lose half a run per interruption on average.
    void checkpointAdvicePerClass()
    {
        const Scenario s = failureScenario();
        const CheckpointAdvice big = checkpointAdvice(s, s.jobs[0]);
        QCOMPARE(big.nodes, 4);
        QCOMPARE(big.jobMtbfS, 900000.0);
        QCOMPARE(big.suggestedS, 10392.0);
        QVERIFY(std::abs(big.goodput - (1.0 - 60.0 / 3600.0 - (1800.0 + 120.0) / 900000.0)) <
                1e-12);
        QVERIFY(std::abs(big.suggestedGoodput -
                         (1.0 - 60.0 / 10392.0 - (5196.0 + 120.0) / 900000.0)) < 1e-12);
        const CheckpointAdvice small = checkpointAdvice(s, s.jobs[1]);
        QCOMPARE(small.nodes, 1);
        QVERIFY(!small.hasSuggestion());
        QVERIFY(std::abs(small.goodput - (1.0 - 300.0 / 3600000.0)) < 1e-12);

        const ReportData data = reportOf(s);
        QCOMPARE(data.checkpointClasses.size(), std::size_t(2));
        const ReportCheckpointClass &first = data.checkpointClasses[0]; // most accel.-hours
        QCOMPARE(first.jobs, 1LL);
        QCOMPARE(first.advice.suggestedS, 10392.0);
        QCOMPARE(data.checkpointClasses[1].jobs, 3LL);
        const QString html = reportHtml(buildReportDocument(data));
        QVERIFY2(html.contains(duration(10392.0).toHtmlEscaped()), "the suggested interval");
        QVERIFY(html.contains(percent(first.advice.suggestedGoodput, 1).toHtmlEscaped()));
    }

    void pdfHasTheSection()
    {
        const ReportDocument document = buildReportDocument(reportOf(failureScenario()));
        QString error;
        const QByteArray pdf = reportPdf(document, &error);
        QVERIFY2(!pdf.isEmpty(), qPrintable(error));
        const std::vector<QImage> pages = reportPageImages(document, 40);
        const ReportDocument plain = [] {
            Scenario s = failureScenario();
            s.outages.clear();
            s.jobs[0].checkpoints = JobCheckpoints{};
            s.nodeTypes[0].mtbfH = 0.0;
            return buildReportDocument(reportOf(s));
        }();
        // The section takes room: at least as many pages as without it.
        QVERIFY(pages.size() >= reportPageImages(plain, 40).size());
        QVERIFY(document.blocks.size() > plain.blocks.size());
    }
};

QTEST_MAIN(TestReliabilityReport)
#include "test_reliability_report.moc"
