#pragma once

#include "report/plan_report.h"

#include <QDate>
#include <QString>

#include <optional>
#include <string>

namespace headroom {
struct Scenario;
}
namespace headroom::report {
struct ReportDocument;
}

namespace headroom::cli {

// --report on simulate, size and runway (docs/design.md §6.5, §7.8).
enum class ReportFormat { None, Pdf, Html };

// The report's format by the file name (main.cpp makes the same test to start a
// QGuiApplication for PDF); None for an empty path, nullopt for a name that says neither.
std::optional<ReportFormat> reportFormat(const QString &path);

// The report's bytes, or empty with `error` set.
std::string reportBytes(ReportFormat format, const report::ReportDocument &document,
                        QString *error);

// A planning command's --report: where, in which format, dated when.
struct StudyReport
{
    QString path;
    ReportFormat format = ReportFormat::None;
    QDate date;
};

// Reads --report's path for `command`: a usage error (exit) for a name that is neither .pdf
// nor .html or an unreadable HEADROOM_REPORT_DATE.
StudyReport studyReport(const QString &command, const QString &path);

// The report of a planning study: the scenario's own run (as simulate --report writes it,
// `skipped` trace lines included) with the planning section. Empty with `error` set when it
// cannot be made.
std::string studyReportBytes(const StudyReport &request, const Scenario &scenario,
                             long long skipped, const report::PlanningStudies &studies,
                             QString *error);

} // namespace headroom::cli
