#pragma once

#include <QByteArray>
#include <QString>

namespace headroom {
struct RunResult;
struct Scenario;
} // namespace headroom

namespace headroom::report {

struct ReportDocument;

// Writing report outputs from the GUI. Each file is written atomically (QSaveFile): under its
// name there is always either the previous file or the complete new one.

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);
bool writeReportPdfFile(const QString &path, const ReportDocument &document, QString *error);

// The CSV tables (csvTables(): timeseries, jobs, nodes, tenants, services) in `directory`,
// created if missing; the same files as `headroom-cli simulate --csv-dir`.
bool writeCsvDirectory(const QString &directory, const Scenario &scenario, const RunResult &result,
                       QString *error);

} // namespace headroom::report
