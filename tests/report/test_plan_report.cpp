// The report's planning section (report/plan_report.h, docs/design.md §7): it appears only
// when a study was run, before the appendix, and holds the recommendation, the chart and every
// evaluated configuration; the runway's sentence; planning figures in words.
#include "core/engine/simulation.h"
#include "core/plan/runway.h"
#include "core/plan/sizing.h"
#include "report/chart_painter.h"
#include "report/plan_figures.h"
#include "report/plan_report.h"
#include "report/report_data.h"
#include "report/report_document.h"
#include "report/report_format.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

using namespace headroom;
using namespace headroom::report;
using namespace headroom::test;

namespace {

const QString kNb(kNbsp);

// Six one-slot jobs of 100 s at once and one at t = 900: six one-slot nodes, no wait.
Scenario sixAtOnce()
{
    ScenarioBuilder builder;
    builder.nodes(3, 1);
    for (int id = 1; id <= 6; ++id)
        builder.job(id, 0, 1, 100);
    builder.job(7, 900, 1, 100);
    return builder.build();
}

ReportDocument plainReport(const Scenario &scenario)
{
    Simulation simulation(scenario);
    simulation.setRecordsSamples(true);
    simulation.run();
    ReportOptions options;
    options.date = QDate(2026, 1, 1);
    return buildReportDocument(
            buildReportData(scenario, simulation.result(), runInfoFor(scenario), options));
}

SizingResult sized(const Scenario &scenario)
{
    SizingRequest request;
    request.vary = {{"node", 1, 10}};
    request.slos = {*parseSlo("max_wait_s<=0"), *parseSlo("jobs_completed>=7")};
    request.objective = SizingObjective::Accelerators;
    WorkerPool pool(2);
    return sizeCluster(scenario, request, pool);
}

int headingAt(const ReportDocument &document, const QString &prefix)
{
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const auto *heading = std::get_if<ReportHeading>(&document.blocks[i]);
        if (heading && heading->text.startsWith(prefix))
            return int(i);
    }
    return -1;
}

// The first table after the heading that starts with `prefix`.
const ReportTable *tableAfter(const ReportDocument &document, const QString &prefix)
{
    const int heading = headingAt(document, prefix);
    for (std::size_t i = std::size_t(std::max(heading, 0)); i < document.blocks.size(); ++i) {
        if (const auto *table = std::get_if<ReportTable>(&document.blocks[i]))
            return heading >= 0 ? table : nullptr;
    }
    return nullptr;
}

template<typename Block>
std::vector<const Block *> blocksOf(const ReportDocument &document)
{
    std::vector<const Block *> out;
    for (const ReportBlock &block : document.blocks) {
        if (const auto *b = std::get_if<Block>(&block))
            out.push_back(b);
    }
    return out;
}

} // namespace

class TestPlanReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noStudyNoSection()
    {
        const Scenario scenario = sixAtOnce();
        ReportDocument document = plainReport(scenario);
        const std::size_t blocks = document.blocks.size();
        appendPlanningSections(document, {});
        QCOMPARE(document.blocks.size(), blocks);
        QCOMPARE(headingAt(document, "Sizing"), -1);
        QCOMPARE(headingAt(document, "Runway"), -1);
    }

    void sizingSectionHoldsTheRecommendation()
    {
        const Scenario scenario = sixAtOnce();
        ReportDocument document = plainReport(scenario);
        PlanningStudies studies;
        studies.sizing = sized(scenario);
        studies.currentCounts = {3};
        appendPlanningSections(document, studies);

        const int sizing = headingAt(document, "Sizing to service levels");
        const int appendix = headingAt(document, "Appendix");
        QVERIFY(sizing > 0);
        QVERIFY(appendix > sizing);
        QCOMPARE(headingAt(document, "Runway"), -1);

        bool recommended = false;
        for (const ReportFacts *facts : blocksOf<ReportFacts>(document)) {
            for (const ReportFacts::Fact &fact : facts->facts) {
                if (fact.label == "Recommended") {
                    QCOMPARE(fact.value, QStringLiteral("6 × node"));
                    QCOMPARE(fact.detail, QStringLiteral("now 3 × node"));
                    recommended = true;
                }
            }
        }
        QVERIFY(recommended);

        // Every evaluated point has a row; the recommendation is marked.
        const ReportTable *points = tableAfter(document, "Evaluated configurations");
        QVERIFY(points);
        QCOMPARE(points->rows.size(), studies.sizing->points.size());
        int marked = 0;
        for (const QStringList &row : points->rows) {
            if (row.at(1) == QStringLiteral("6 × node (recommended)")) {
                ++marked;
                QCOMPARE(row.last(), QStringLiteral("meets"));
            }
        }
        QCOMPARE(marked, 1);

        // The chart: the SLO metric against the node count, the SLO and the answer marked.
        const ChartSpec chart = sizingChart(*studies.sizing);
        QVERIFY(chart.xAxis == ChartSpec::XAxis::Number);
        QCOMPARE(chart.rules.size(), std::size_t(2));
        QVERIFY(chart.rules[0].direction == ChartRule::Direction::Horizontal);
        QCOMPARE(chart.rules[1].value, 6.0);
        QCOMPARE(chart.rules[1].label, QStringLiteral("recommended: 6 nodes"));
        QVERIFY(chart.lines.at(1).markers); // meets
        for (const QPointF &p : chart.lines.at(1).points)
            QVERIFY(p.x() >= 6.0);
        for (const QPointF &p : chart.lines.at(2).points)
            QVERIFY(p.x() < 6.0);

        const QString html = reportHtml(document);
        QVERIFY(html.contains("Sizing to service levels"));
        QVERIFY(html.contains("recommended: 6 nodes"));
        QString error;
        QVERIFY(reportPdf(document, &error).startsWith("%PDF"));
        QVERIFY(reportPageImages(document, 40.0).size() >
                reportPageImages(plainReport(scenario), 40.0).size());
    }

    void infeasibleSizingSaysWhy()
    {
        const Scenario scenario = sixAtOnce();
        SizingRequest request;
        request.vary = {{"node", 1, 4}};
        request.slos = {*parseSlo("max_wait_s<=0")};
        request.objective = SizingObjective::Accelerators;
        WorkerPool pool(1);
        const SizingResult result = sizeCluster(scenario, request, pool);
        QVERIFY(!result.feasible);
        QVERIFY(sizingSummary(result).startsWith("Nothing in the ranges meets the SLOs: "));
        ReportDocument document = plainReport(scenario);
        PlanningStudies studies;
        studies.sizing = result;
        appendPlanningSections(document, studies);
        QVERIFY(headingAt(document, "Sizing to service levels") > 0);
    }

    void runwaySectionHasTheSentence()
    {
        const Scenario scenario =
                ScenarioBuilder().nodes(1, 1).job(1, 0, 1, 100).job(2, 200, 1, 100).build();
        RunwayRequest request;
        request.growthPerMonth = 1.0;
        request.months = 4;
        request.slos = {*parseSlo("max_wait_s<=0")};
        WorkerPool pool(1);
        const RunwayResult result = runway(scenario, request, pool);
        QCOMPARE(runwaySentence(result),
                 QStringLiteral("max wait passes 0%1s in month 2 at 4.00× today's load.").arg(kNb));
        const ChartSpec chart = runwayChart(result);
        QCOMPARE(chart.lines.front().points.size(), std::size_t(5));
        QCOMPARE(chart.rules.back().label, QStringLiteral("first breach: month 2"));

        ReportDocument document = plainReport(scenario);
        PlanningStudies studies;
        studies.runway = result;
        appendPlanningSections(document, studies);
        QVERIFY(headingAt(document, "Runway") > 0);
        QCOMPARE(headingAt(document, "Sizing"), -1);
        QVERIFY(tableAfter(document, "Runway"));
        QCOMPARE(tableAfter(document, "Runway")->rows.size(), std::size_t(5));

        request.months = 1;
        QCOMPARE(runwaySentence(runway(scenario, request, pool)),
                 QStringLiteral("Every SLO holds through month 1, at 2.00× today's load."));
    }

    void planningFiguresInWords()
    {
        QCOMPARE(metricLabel("p95_wait_s"), QStringLiteral("p95 wait"));
        QCOMPARE(metricLabel("jobs_rejected"), QStringLiteral("jobs rejected"));
        QCOMPARE(metricUnit("p95_wait_s"), QStringLiteral("s"));
        QCOMPARE(metricUnit("peak_facility_power_w"), QStringLiteral("W"));
        QCOMPARE(metricUnit("jobs_completed"), QStringLiteral("jobs"));
        QCOMPARE(metricUnit("cost", "EUR"), QStringLiteral("EUR"));
        QCOMPARE(metricValue("p95_wait_s", 3600.0), QStringLiteral("1.0%1h").arg(kNb));
        QCOMPARE(metricValue("utilization", 0.5), QStringLiteral("50.0%1%").arg(kNb));
        QCOMPARE(sloText(*parseSlo("jobs_completed>=190")), QStringLiteral("jobs completed ≥ 190"));
        const MetricAxis hours = metricAxis("p95_wait_s", 36000.0);
        QCOMPARE(hours.divisor, 3600.0);
        QCOMPARE(hours.unit, QStringLiteral("h"));
    }
};

QTEST_MAIN(TestPlanReport)
#include "test_plan_report.moc"
