#include "report/report_export.h"

#include "core/metrics/breakdown.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "report/save_file.h"

#include <QDir>

#include <vector>

namespace headroom::report {

bool writeReportPdfFile(const QString &path, const ReportDocument &document, QString *error)
{
    QString reason;
    const QByteArray pdf = reportPdf(document, &reason);
    if (pdf.isEmpty()) {
        if (error)
            *error = writeError(path, reason);
        return false;
    }
    return saveFile(path, pdf, error);
}

bool writeReportHtmlFile(const QString &path, const ReportDocument &document, QString *error)
{
    return saveFile(path, reportHtml(document).toUtf8(), error);
}

bool writeCsvDirectory(const QString &directory, const Scenario &scenario, const RunResult &result,
                       QString *error)
{
    if (!makeDirectory(directory, error))
        return false;
    const QDir dir(directory);
    for (const CsvTable &table : csvTables(scenario, result)) {
        if (!saveFile(dir.filePath(QString::fromStdString(table.fileName)), table.content, error))
            return false;
    }
    return true;
}

} // namespace headroom::report
