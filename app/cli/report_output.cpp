#include "app/cli/report_output.h"

#include "app/cli/command_line.h"
#include "core/engine/simulation.h"
#include "report/report_data.h"
#include "report/report_document.h"
#include "report/report_html.h"
#include "report/report_pdf.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <exception>

namespace headroom::cli {

std::optional<ReportFormat> reportFormat(const QString &path)
{
    if (path.isEmpty())
        return ReportFormat::None;
    const QString lower = path.toLower();
    if (lower.endsWith(".pdf"))
        return ReportFormat::Pdf;
    if (lower.endsWith(".html") || lower.endsWith(".htm"))
        return ReportFormat::Html;
    return std::nullopt;
}

std::string reportBytes(ReportFormat format, const report::ReportDocument &document, QString *error)
{
    if (format == ReportFormat::Html)
        return report::reportHtml(document).toUtf8().toStdString();
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("PDF output needs the GUI library's application object");
        return {};
    }
    return report::reportPdf(document, error).toStdString();
}

StudyReport studyReport(const QString &command, const QString &path)
{
    StudyReport request;
    request.path = path;
    const std::optional<ReportFormat> format = reportFormat(path);
    if (!format)
        failUsage(command, QStringLiteral("--report: cannot tell the format of '%1'; name the "
                                          "file *.pdf or *.html")
                                   .arg(path));
    request.format = *format;
    if (request.format != ReportFormat::None) {
        QString dateError;
        request.date = report::reportDateFromEnvironment(&dateError);
        if (!dateError.isEmpty())
            failUsage(command, dateError);
    }
    return request;
}

std::string studyReportBytes(const StudyReport &request, const Scenario &scenario,
                             long long skipped, const report::PlanningStudies &studies,
                             QString *error)
{
    RunResult result;
    try {
        Simulation simulation(scenario);
        simulation.setRecordsSamples(true);
        simulation.run();
        result = simulation.result();
    } catch (const std::exception &failure) {
        *error = QString::fromStdString(failure.what());
        return {};
    }
    result.metrics.jobsSkipped = skipped;
    report::ReportOptions options;
    options.date = request.date;
    const report::ReportData data =
            report::buildReportData(scenario, result, report::runInfoFor(scenario), options);
    report::ReportDocument document = report::buildReportDocument(data);
    report::appendPlanningSections(document, studies);
    return reportBytes(request.format, document, error);
}

} // namespace headroom::cli
