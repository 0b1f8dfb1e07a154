// The Export Report dialog: its page previews match the report's pages, and it writes every
// format (PDF, HTML, the CSV folder, the metrics JSON) or says which path it could not write.
// The report itself is tested widget-free in tests/report/test_report.cpp.
#include "core/engine/simulation.h"
#include "core/io/run_outputs.h"
#include "core/io/scenario_json.h"
#include "report/report_data.h"
#include "report/report_document.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "ui/report/report_dialog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace headroom;
using namespace headroom::report;
using headroom::ui::ReportDialog;

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

} // namespace

class TestReportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_example = loadScenarioFile(examplePath().toStdString());
    }

    void dialogPreviewsAndExportsEveryFormat()
    {
        auto scenario = std::make_shared<const Scenario>(m_example);
        auto result = std::make_shared<const RunResult>(run(m_example));
        ReportOptions options;
        options.date = kDate;
        auto data = std::make_shared<const ReportData>(
                buildReportData(*scenario, *result, runInfoFor(*scenario), options));
        ReportDialog dialog(scenario, result, data);
        const ReportDocument document = buildReportDocument(*data);
        QCOMPARE(dialog.previewPageCount(), int(reportPageImages(document, 20).size()));

        QString error;
        const QString pdf = m_dir.filePath("dialog.pdf");
        QVERIFY2(dialog.exportTo(ReportDialog::Format::Pdf, pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");

        const QString html = m_dir.filePath("dialog.html");
        QVERIFY(dialog.exportTo(ReportDialog::Format::Html, html, &error));
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        QCOMPARE(htmlFile.readAll(), reportHtml(document).toUtf8());

        const QString folder = m_dir.filePath("tables/nested");
        QVERIFY2(dialog.exportTo(ReportDialog::Format::CsvFolder, folder, &error),
                 qPrintable(error));
        for (const char *name : {"timeseries.csv", "jobs.csv", "nodes.csv", "tenants.csv"})
            QVERIFY2(QFileInfo(QDir(folder).filePath(name)).size() > 0, name);

        const QString json = m_dir.filePath("metrics.json");
        QVERIFY(dialog.exportTo(ReportDialog::Format::MetricsJson, json, &error));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(metrics["p95_wait_s"].toDouble(), result->metrics.p95WaitS);

        QVERIFY(!dialog.exportTo(ReportDialog::Format::Html, "/nonexistent/dir/r.html", &error));
        QVERIFY(error.contains("/nonexistent/dir/r.html"));
    }

private:
    QTemporaryDir m_dir;
    Scenario m_example;
};

QTEST_MAIN(TestReportDialog)
#include "test_report_dialog.moc"
