#pragma once

#include <QString>

namespace headroom {
struct RunResult;
struct Scenario;
} // namespace headroom

namespace headroom::report {

struct ReportDocument;

// Report outputs as files, for the GUI's export dialog. Each file is written with saveFile()
// (report/save_file.h): the previous file or the complete new one. headroom-cli makes the
// same bytes but saves them itself, after every output of the run has been made.

bool writeReportPdfFile(const QString &path, const ReportDocument &document, QString *error);
bool writeReportHtmlFile(const QString &path, const ReportDocument &document, QString *error);

// The CSV tables (csvTables(): timeseries, jobs, nodes, tenants, services) in `directory`,
// created if missing; the same files as `headroom-cli simulate --csv-dir`.
bool writeCsvDirectory(const QString &directory, const Scenario &scenario, const RunResult &result,
                       QString *error);

} // namespace headroom::report
