// Planning reports: the data gathered from a run, the risks, the HTML (escaping, no remote
// resources, byte-identical for the same run and date), the PDF (pages and text, read back
// with poppler's pdftotext), the page previews and the CSV tables. The export dialog's test is
// tests/ui/test_report_dialog.cpp.
#include "core/engine/simulation.h"
#include "core/io/scenario_json.h"
#include "core/metrics/breakdown.h"
#include "report/chart_painter.h"
#include "report/report_data.h"
#include "report/report_document.h"
#include "report/report_format.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "tests/support/scenario_builder.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace headroom;
using namespace headroom::report;

namespace {

const QDate kDate(2026, 1, 1);

QString examplePath()
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR") + "/resources/examples/two-rack-h100.json";
}

RunResult run(const Scenario &scenario)
{
    Simulation simulation(scenario);
    simulation.run();
    return simulation.result();
}

ReportData reportOf(const Scenario &scenario, QDate date = kDate)
{
    ReportOptions options;
    options.date = date;
    options.version = QStringLiteral("9.9.9-test");
    return buildReportData(scenario, run(scenario), runInfoFor(scenario), options);
}

QString htmlOf(const Scenario &scenario, QDate date = kDate)
{
    return reportHtml(buildReportDocument(reportOf(scenario, date)));
}

// User-provided names with markup in every place a report prints one.
Scenario maliciousScenario()
{
    Scenario s = test::ScenarioBuilder()
                         .nodes(2, 8, "<b>gpu</b>", "r&d <rack>", "z\"1\"")
                         .nodes(1, 8, "<b>gpu</b>", "rack'2", "z\"1\"")
                         .linearPower("<b>gpu</b>", 1000, 5000)
                         .job(1, 0, 8, 3600)
                         .job(2, 0, 8, 3600)
                         .job(3, 10, 16, 1800)
                         .job(4, 20, 8, 600)
                         .build();
    s.name = "<script>alert(1)</script>";
    s.description = "Description with <style>body{display:none}</style> & \"quotes\"";
    s.jobs[0].tenant = "\"><img src=x onerror=alert(2)>";
    s.jobs[1].tenant = "team <i>b</i>, & co";
    s.jobs[2].name = "<iframe src=\"https://evil.example\">";
    s.cluster.zones[0].racks[0].nodes[0].name = "<node onclick=alert(3)>";
    s.cluster.zones[0].racks[0].powerBudgetKw = 9.5;
    s.policy.sampleIntervalS = 60.0;
    return s;
}

bool isWellFormedXml(const QString &text, QString *error)
{
    QXmlStreamReader reader(text);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError())
        *error = QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
    return !reader.hasError();
}

// Splits one CSV line as RFC 4180 writes it (quoted fields, doubled quotes).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

struct Tool
{
    int exitCode = -1;
    QByteArray out;
};

Tool runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput()};
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_example = loadScenarioFile(examplePath().toStdString());
    }

    void formatting()
    {
        const QString nb(kNbsp);
        QCOMPARE(number(1234567.891, 2), QStringLiteral("1,234,567.89"));
        QCOMPARE(number(-0.0001, 2), QStringLiteral("0.00"));
        QCOMPARE(number(-1234.5, 1), QStringLiteral("-1,234.5"));
        QCOMPARE(count(999), QStringLiteral("999"));
        QCOMPARE(count(1000), QStringLiteral("1,000"));
        QCOMPARE(percent(0.8377, 1), "83.8" + nb + "%");
        QCOMPARE(power(350), "350" + nb + "W");
        QCOMPARE(power(85000), "85" + nb + "kW");
        QCOMPARE(power(81600), "81.6" + nb + "kW");
        QCOMPARE(power(163200), "163" + nb + "kW");
        QCOMPARE(power(1.21e6), "1.21" + nb + "MW");
        QCOMPARE(power(qQNaN()), QStringLiteral("—"));
        // The palette's idle–max draw of a node type: the unit once when both ends share it.
        QCOMPARE(powerRange(1500, 10200), "1.5–10.2" + nb + "kW");
        QCOMPARE(powerRange(300, 900), "300–900" + nb + "W");
        QCOMPARE(powerRange(600, 1200), "600" + nb + "W–1.2" + nb + "kW");
        QCOMPARE(powerRange(1200, 1200), "1.2" + nb + "kW");
        QCOMPARE(energy(3793.79), "3,794" + nb + "kWh");
        QCOMPARE(duration(45), "45" + nb + "s");
        QCOMPARE(duration(2490), "42" + nb + "min");
        QCOMPARE(duration(17588), "4.9" + nb + "h");
        QCOMPARE(duration(3 * 86400.0), "3.0" + nb + "d");
    }

    void hashIsSha256OfTheCanonicalScenario()
    {
        const std::string text = serializeScenario(m_example);
        const QString expected =
                QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromStdString(text),
                                                             QCryptographicHash::Sha256)
                                            .toHex());
        QCOMPARE(scenarioHash(m_example), expected);
        QCOMPARE(expected.size(), 64);
        Scenario reseeded = m_example;
        reseeded.seed += 1;
        QVERIFY(scenarioHash(reseeded) != expected);
    }

    void exampleData()
    {
        const RunResult result = run(m_example);
        const ReportData data = reportOf(m_example);
        QCOMPARE(data.scenarioName, QStringLiteral("Two-rack DGX H100 cluster"));
        QCOMPARE(data.date, kDate);
        QCOMPARE(data.seed, m_example.seed);
        QCOMPARE(data.metrics.p95WaitS, result.metrics.p95WaitS);
        QCOMPARE(data.metrics.energyKwh, result.metrics.energyKwh);
        QCOMPARE(data.totalAccelerators(), 128LL);
        QCOMPARE(data.nodes.size(), std::size_t(16));
        QCOMPARE(qsizetype(data.waitsS.size()), qsizetype(result.metrics.jobsCompleted));
        QVERIFY(std::is_sorted(data.waitsS.begin(), data.waitsS.end()));

        QCOMPARE(data.racks.size(), std::size_t(2));
        QCOMPARE(data.racks[0].name, QStringLiteral("rack-a"));
        QCOMPARE(*data.racks[0].budgetW, 85000.0);
        QCOMPARE(data.racks[0].fullLoadW, 8 * 10200.0);
        // Rack peaks come from the engine, rack by rack.
        QCOMPARE(result.metrics.rackPeakPowerW.size(), std::size_t(2));
        QCOMPARE(*data.racks[1].peakW, result.metrics.rackPeakPowerW[1]);
        QVERIFY(*data.racks[0].peakW <= data.racks[0].fullLoadW);
        // The example has a tariff and a carbon profile: the report shows the engine's totals.
        QVERIFY(data.cost);
        QCOMPARE(*data.cost, result.metrics.cost);
        QVERIFY(*data.cost > 0.0);
        QVERIFY(data.carbonKg);
        QCOMPARE(*data.carbonKg, result.metrics.carbonKg);

        long long jobs = 0;
        long long completed = 0;
        for (const TenantMetrics &tenant : data.metrics.tenants) {
            jobs += tenant.jobsSubmitted;
            completed += tenant.jobsCompleted;
        }
        QCOMPARE(data.metrics.tenants.size(), std::size_t(3));
        QCOMPARE(jobs, data.metrics.jobsSubmitted);
        QCOMPARE(completed, data.metrics.jobsCompleted);

        // The rack risk names the rack and the figure.
        QVERIFY(!data.risks.empty());
        const auto rack =
                std::find_if(data.risks.begin(), data.risks.end(), [](const ReportRisk &r) {
                    return r.text.contains(QStringLiteral("rack-a"));
                });
        QVERIFY(rack != data.risks.end());
        const QString expected = report::percent(*data.racks[0].peakW / 85000.0, 0);
        QVERIFY2(rack->text.contains(expected), qPrintable(rack->text));
        QVERIFY(rack->text.contains("85" + QString(report::kNbsp) + "kW"));
        for (std::size_t i = 1; i < data.risks.size(); ++i)
            QVERIFY(data.risks[i - 1].severity >= data.risks[i].severity);
    }

    void risksNameTheThingAndTheFigure_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("measured rack peak") << 0 << QStringList{"Rack rack-b", "97"};
        // Each rule that rejected jobs, with its count (not "can never run" for all of them).
        QTest::newRow("rejected jobs")
                << 1
                << QStringList{"3 jobs", "job 9 (huge)",
                               "needs more accelerators than any node type of the cluster can "
                               "provide (2)",
                               "not started by the end of the run (1)"};
        QTest::newRow("load imbalance") << 2 << QStringList{"n-busy", "n-idle", "CoV 0.70"};
        QTest::newRow("low utilization") << 3 << QStringList{"only 12", "of the 64 accelerators"};
        QTest::newRow("cluster cap") << 4 << QStringList{"cap", "95"};
    }

    void risksNameTheThingAndTheFigure()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, expected);
        ReportData data;
        data.info.totalSlots = 64;
        data.metrics.jobsSubmitted = 100;
        data.metrics.jobsCompleted = 97;
        data.metrics.utilization = 0.6;
        data.metrics.makespanS = 86400;
        switch (kind) {
        case 0: {
            ReportRack a;
            a.name = "rack-a";
            a.budgetW = 50000;
            a.peakW = 30000;
            ReportRack b;
            b.name = "rack-b";
            b.budgetW = 50000;
            b.peakW = 48500;
            data.racks = {a, b};
            break;
        }
        case 1:
            data.metrics.jobsRejected = 3;
            data.rejectedJobs = {"job 9 (huge): needs more accelerators than the cluster has"};
            data.rejectedByRule[std::size_t(RejectReason::LargerThanCluster)] = 2;
            data.rejectedByRule[std::size_t(RejectReason::NotStartedByEnd)] = 1;
            break;
        case 2:
            data.metrics.loadBalanceCov = 0.7;
            data.metrics.jainIndex = 0.67;
            data.nodes = {NodeUsage{"n-busy", "", "", "", "", 8, 0.95},
                          NodeUsage{"n-idle", "", "", "", "", 8, 0.05}};
            break;
        case 3:
            data.metrics.utilization = 0.12;
            break;
        case 4:
            data.energy.clusterPowerCapKw = 100.0;
            data.metrics.peakPowerW = 95000.0;
            break;
        }
        const std::vector<ReportRisk> risks = findRisks(data);
        QVERIFY(!risks.empty());
        const QString text = QString(risks.front().text).replace(report::kNbsp, ' ');
        for (const QString &part : expected)
            QVERIFY2(text.contains(part), qPrintable(text));
    }

    void calmRunHasNoRisks()
    {
        ReportData data;
        data.info.totalSlots = 8;
        data.metrics.jobsSubmitted = 10;
        data.metrics.jobsCompleted = 10;
        data.metrics.utilization = 0.6;
        data.metrics.makespanS = 3600;
        data.metrics.p95WaitS = 10;
        QVERIFY(findRisks(data).empty());
        const ReportDocument document = buildReportDocument(data);
        QVERIFY(reportHtml(document).contains("No risk stands out"));
    }

    void htmlEscapesEveryUserString()
    {
        const Scenario scenario = maliciousScenario();
        const QString html = htmlOf(scenario);
        QVERIFY(!html.contains("<script", Qt::CaseInsensitive));
        QVERIFY(!html.contains("<img", Qt::CaseInsensitive));
        QVERIFY(!html.contains("<iframe", Qt::CaseInsensitive));
        QVERIFY(!html.contains("<b>gpu", Qt::CaseInsensitive));
        QVERIFY(!html.contains("<node", Qt::CaseInsensitive));
        QVERIFY(!html.contains("<style>body", Qt::CaseInsensitive));
        QVERIFY(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        QVERIFY(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        QVERIFY(html.contains("r&amp;d &lt;rack&gt;"));
        QVERIFY(html.contains("rack&#39;2"));
        QVERIFY(html.contains("team &lt;i&gt;b&lt;/i&gt;, &amp; co"));
        // The title and the chart labels (SVG attributes) are escaped as well: the whole file
        // parses as XML, which any unescaped quote or bracket would break.
        QVERIFY(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; — capacity"));
        QString error;
        QVERIFY2(isWellFormedXml(html, &error), qPrintable(error));
    }

    void htmlHasNoExternalResources()
    {
        for (const Scenario &scenario : {m_example, maliciousScenario()}) {
            QString html = htmlOf(scenario);
            // The malicious scenario names a job after an iframe with a URL: shown escaped, as
            // text, which is fine; no other URL may appear.
            html.remove(QStringLiteral("&quot;https://evil.example&quot;"));
            for (const char *forbidden :
                 {"http://", "https://", "src=\"", "src='", "href=", "url(", "@import", "<link",
                  "<script", "<object", "<embed", "<iframe", "xlink:"})
                QVERIFY2(!html.contains(QLatin1String(forbidden), Qt::CaseInsensitive), forbidden);
            QVERIFY(html.contains("Content-Security-Policy"));
            QCOMPARE(html.count("<svg"), 5); // every chart inline
        }
    }

    void htmlIsByteIdenticalForTheSameRunAndDate()
    {
        const QByteArray first = htmlOf(m_example).toUtf8();
        const QByteArray second = htmlOf(m_example).toUtf8();
        QCOMPARE(first, second);
        // Only the date changes with the date.
        QByteArray later = htmlOf(m_example, QDate(2027, 3, 4)).toUtf8();
        QVERIFY(later != first);
        later.replace("2027-03-04", "2026-01-01");
        QCOMPARE(later, first);
        // Numbers in the charts are fixed-precision: never more than two decimals.
        QVERIFY(!QString::fromUtf8(first).contains(QRegularExpression(
                QStringLiteral("(x|y|x1|y1|x2|y2|width|height)=\"-?\\d+\\.\\d{3}"))));
    }

    void chartSvgIsWellFormed()
    {
        const ReportDocument document = buildReportDocument(reportOf(m_example));
        int charts = 0;
        for (const ReportBlock &block : document.blocks) {
            if (const auto *figure = std::get_if<ReportFigure>(&block)) {
                const QString svg = chartSvg(figure->chart, kReportChartWidthPt);
                QString error;
                QVERIFY2(isWellFormedXml(svg, &error), qPrintable(error));
                QVERIFY(svg.startsWith("<svg"));
                QVERIFY(svg.contains("<polyline") || svg.contains("<rect"));
                ++charts;
            }
        }
        QCOMPARE(charts, 5);
    }

    // Caps and budgets limit IT power, so the power chart draws IT power alone against them
    // (facility power, IT × PUE, would seem to break the cap); the subtitle gives facility
    // power's peak. The example has PUE 1.3 and a 150 kW cap that IT power comes close to.
    void powerChartComparesLikeWithLike()
    {
        const ReportData data = reportOf(m_example);
        QVERIFY(data.energy.pue > 1.0);
        QVERIFY(data.energy.clusterPowerCapKw);
        const ReportDocument document = buildReportDocument(data);
        const ChartSpec *power = nullptr;
        for (const ReportBlock &block : document.blocks) {
            if (const auto *figure = std::get_if<ReportFigure>(&block);
                figure && figure->chart.title == QLatin1String("Power"))
                power = &figure->chart;
        }
        QVERIFY(power);
        QCOMPARE(power->lines.size(), std::size_t(1));
        QCOMPARE(power->lines[0].name, QStringLiteral("IT power"));
        const double capKw = *data.energy.clusterPowerCapKw;
        double peakKw = 0.0;
        for (const QPointF &point : power->lines[0].points)
            peakKw = std::max(peakKw, point.y());
        QVERIFY2(peakKw <= capKw + 1e-9, qPrintable(QString::number(peakKw)));
        QVERIFY(std::any_of(power->rules.begin(), power->rules.end(), [&](const ChartRule &rule) {
            return rule.value == capKw && rule.label.startsWith(QLatin1String("cluster cap"));
        }));
        QVERIFY2(power->subtitle.contains(QStringLiteral("Facility power is IT power × PUE 1.30")),
                 qPrintable(power->subtitle));
        QVERIFY2(power->subtitle.contains(report::power(data.metrics.peakFacilityPowerW)),
                 qPrintable(power->subtitle));
    }

    void pdfHasThePagesAndTheText()
    {
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        const QString pdfinfo = QStandardPaths::findExecutable("pdfinfo");
        if (pdftotext.isEmpty() || pdfinfo.isEmpty())
            QSKIP("pdftotext/pdfinfo (poppler-utils) not installed; packaging/bootstrap.sh "
                  "installs them");
        const ReportData data = reportOf(m_example);
        const ReportDocument document = buildReportDocument(data);
        const QString path = m_dir.filePath("example.pdf");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY2(writeReportPdf(document, &file, &error), qPrintable(error));
        }
        // The preview lays pages out like the PDF at any resolution: same page count.
        const int pages = int(reportPageImages(document, 30).size());
        QVERIFY(pages >= 3);
        const Tool info = runTool(pdfinfo, {path});
        QCOMPARE(info.exitCode, 0);
        const QRegularExpressionMatch pagesLine =
                QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)\n"))
                        .match(QString::fromUtf8(info.out));
        QVERIFY2(pagesLine.hasMatch(), info.out.constData());
        QCOMPARE(pagesLine.captured(1).toInt(), pages);
        QVERIFY(info.out.contains("Page size:       595 x 842 pts (A4)"));

        const Tool text = runTool(pdftotext, {"-layout", path, "-"});
        QCOMPARE(text.exitCode, 0);
        const QString content = QString::fromUtf8(text.out).replace(report::kNbsp, ' ');
        for (const QString &expected : {QStringLiteral("Two-rack DGX H100 cluster"),
                                        QStringLiteral("2026-01-01"),
                                        QStringLiteral("Headroom 9.9.9-test"),
                                        QStringLiteral("Executive summary"),
                                        QStringLiteral("Biggest risks"),
                                        QStringLiteral("Topology"),
                                        QStringLiteral("Utilization"),
                                        QStringLiteral("Load balance across nodes"),
                                        QStringLiteral("Power"),
                                        QStringLiteral("Queue length"),
                                        QStringLiteral("Wait-time distribution"),
                                        QStringLiteral("Tenants"),
                                        QStringLiteral("llm-research"),
                                        QStringLiteral("Nodes"),
                                        QStringLiteral("b-n08"),
                                        QStringLiteral("Policy settings"),
                                        QStringLiteral("first_fit"),
                                        QStringLiteral("Appendix: reproducing this run"),
                                        data.scenarioHash,
                                        QStringLiteral("rack-a"),
                                        QStringLiteral("85 kW"),
                                        QStringLiteral("128"),
                                        QStringLiteral("Page 1 of %1").arg(pages),
                                        QStringLiteral("Page %1 of %1").arg(pages)})
            QVERIFY2(content.contains(expected), qPrintable(expected));
    }

    void pdfShowsMarkupAsText()
    {
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) not installed; packaging/bootstrap.sh installs it");
        const QString path = m_dir.filePath("malicious.pdf");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(writeReportPdf(buildReportDocument(reportOf(maliciousScenario())), &file));
        }
        const Tool text = runTool(pdftotext, {path, "-"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("<script>alert(1)</script>"));
        QVERIFY(text.out.contains("r&d <rack>"));
    }

    void pagePreviewsAreDrawn()
    {
        const std::vector<QImage> pages =
                reportPageImages(buildReportDocument(reportOf(m_example)), 40);
        QVERIFY(pages.size() >= 3);
        for (const QImage &page : pages) {
            QCOMPARE(page.size(), QSize(331, 468)); // A4 at 40 dpi
            // Ink on every page, and none in the outer margin (nothing runs off the paper).
            int ink = 0;
            for (int y = 0; y < page.height(); ++y) {
                for (int x = 0; x < page.width(); ++x) {
                    if (page.pixel(x, y) != qRgb(255, 255, 255)) {
                        ++ink;
                        QVERIFY2(x >= 10 && x < page.width() - 10,
                                 qPrintable(QStringLiteral("ink at %1,%2").arg(x).arg(y)));
                    }
                }
            }
            QVERIFY(ink > 1000);
        }
    }

    void csvTablesRoundTrip()
    {
        const Scenario scenario = maliciousScenario();
        const RunResult result = run(scenario);
        const std::vector<NodeUsage> nodes = nodeUsage(scenario, result);
        const std::vector<TenantMetrics> &tenants = result.metrics.tenants;

        const QStringList nodeLines =
                QString::fromStdString(nodesCsv(nodes)).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(nodeLines.first(),
                 QStringLiteral("node,zone,rack,type,reserved_for,accelerators,utilization"));
        QCOMPARE(nodeLines.size(), qsizetype(nodes.size()) + 1);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const QStringList fields = csvFields(nodeLines.at(qsizetype(i) + 1));
            QCOMPARE(fields.size(), 7);
            QCOMPARE(fields[0].toStdString(), nodes[i].name);
            QCOMPARE(fields[2].toStdString(), nodes[i].rack);
            QCOMPARE(fields[6].toDouble(), nodes[i].utilization); // exact
            QCOMPARE(fields[6].toDouble(), result.metrics.nodeUtilization[i]);
        }

        const QStringList tenantLines =
                QString::fromStdString(tenantsCsv(tenants)).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(tenantLines.first(),
                 QStringLiteral("tenant,jobs_submitted,jobs_completed,jobs_rejected,utilization,"
                                "mean_wait_s,p95_wait_s"));
        QCOMPARE(tenantLines.size(), qsizetype(tenants.size()) + 1);
        QCOMPARE(tenants.size(), std::size_t(3)); // "", and the two named ones
        double utilization = 0.0;
        for (std::size_t i = 0; i < tenants.size(); ++i) {
            const QStringList fields = csvFields(tenantLines.at(qsizetype(i) + 1));
            QCOMPARE(fields.size(), 7);
            QCOMPARE(fields[0].toStdString(), tenants[i].tenant);
            QCOMPARE(fields[1].toLongLong(), tenants[i].jobsSubmitted);
            QCOMPARE(fields[2].toLongLong(), tenants[i].jobsCompleted);
            QCOMPARE(fields[4].toDouble(), tenants[i].utilization);
            QCOMPARE(fields[5].toDouble(), tenants[i].meanWaitS);
            QCOMPARE(fields[6].toDouble(), tenants[i].p95WaitS);
            utilization += fields[4].toDouble();
        }
        QVERIFY(qAbs(utilization - result.metrics.utilization) < 1e-12);
    }

    void longTablesAreCut()
    {
        test::ScenarioBuilder builder;
        builder.nodes(300, 4, "cpu", "r0", "z0").linearPower("cpu", 100, 400);
        for (int i = 0; i < 200; ++i)
            builder.job(i + 1, i * 30.0, 1 + i % 4, 600 + (i % 7) * 300)
                    .tenant(i + 1, "user-" + std::to_string(i % 60));
        builder.sampleInterval(300);
        const ReportDocument document = buildReportDocument(reportOf(builder.build()));
        std::vector<const ReportTable *> tables;
        for (const ReportBlock &block : document.blocks) {
            if (const auto *table = std::get_if<ReportTable>(&block))
                tables.push_back(table);
        }
        const auto byHeader = [&](const QString &first) {
            return *std::find_if(tables.begin(), tables.end(),
                                 [&](const ReportTable *t) { return t->header.first() == first; });
        };
        QCOMPARE(byHeader("Node")->rows.size(), std::size_t(120));
        QVERIFY(byHeader("Node")->note.contains("nodes.csv"));
        QCOMPARE(byHeader("Tenant")->rows.size(), std::size_t(40)); // of 60
        QVERIFY(byHeader("Tenant")->note.contains("tenants.csv"));
        QVERIFY(reportPageImages(document, 20).size() <= 12);
    }

    void reportDateFromTheEnvironment()
    {
        qputenv("HEADROOM_REPORT_DATE", "2030-02-03");
        QString error;
        QCOMPARE(reportDateFromEnvironment(&error), QDate(2030, 2, 3));
        QVERIFY(error.isEmpty());
        qputenv("HEADROOM_REPORT_DATE", "yesterday");
        QVERIFY(!reportDateFromEnvironment(&error).isValid());
        QVERIFY(error.contains("YYYY-MM-DD"));
        qunsetenv("HEADROOM_REPORT_DATE");
        qputenv("SOURCE_DATE_EPOCH", "1767225600"); // 2026-01-01T00:00:00Z
        error.clear();
        QCOMPARE(reportDateFromEnvironment(&error), QDate(2026, 1, 1));
        qunsetenv("SOURCE_DATE_EPOCH");
        QVERIFY(!reportDateFromEnvironment(&error).isValid()); // unset: today, chosen later
    }

private:
    QTemporaryDir m_dir;
    Scenario m_example;
};

QTEST_MAIN(TestReport)
#include "test_report.moc"
