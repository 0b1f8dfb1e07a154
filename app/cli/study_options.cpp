#include "app/cli/study_options.h"

#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "core/model/policy.h"
#include "core/plan/run_cost.h"
#include "report/save_file.h"

#include <cstdio>
#include <limits>

namespace headroom::cli {

StudyOptions::StudyOptions()
    : m_scheduler("scheduler",
                  QStringLiteral("Scheduler: %1 (default: the scenario's).")
                          .arg(QString::fromStdString(schedulerNames())),
                  "NAME")
    , m_placement("placement",
                  QStringLiteral("Placement: %1 (default: the scenario's).")
                          .arg(QString::fromStdString(placementNames())),
                  "NAME")
    , m_loadScale("load-scale",
                  "Scale the load by F > 0: batch arrivals compressed toward the first "
                  "submission, service load times F (default 1).",
                  "F")
    , m_threads("threads", "Simulations run at once (default: one per hardware thread).", "N")
    , m_amortization("amortization-years",
                     QStringLiteral("Years over which node prices (price_usd) are amortised in "
                                    "the cost (default %1).")
                             .arg(kDefaultAmortizationYears),
                     "Y")
    , m_nodes("nodes", "Node count for a trace without MaxNodes/MaxProcs.", "N")
    , m_quiet({"q", "quiet"}, "No progress output, and no result on stdout without --out.")
{}

void StudyOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions(
            {m_scheduler, m_placement, m_loadScale, m_threads, m_amortization, m_nodes, m_quiet});
}

SimulateOptions StudyOptions::simulateOptions(const QCommandLineParser &parser,
                                              const QString &command, const QString &input) const
{
    SimulateOptions options;
    options.input = input;
    if (parser.isSet(m_scheduler)) {
        const QString name = parser.value(m_scheduler);
        options.scheduler = schedulerFromString(name.toStdString());
        if (!options.scheduler)
            failUsage(command, QStringLiteral("unknown scheduler '%1' (choose from %2)")
                                       .arg(name, QString::fromStdString(schedulerNames())));
    }
    if (parser.isSet(m_placement)) {
        const QString name = parser.value(m_placement);
        options.placement = placementFromString(name.toStdString());
        if (!options.placement)
            failUsage(command, QStringLiteral("unknown placement '%1' (choose from %2)")
                                       .arg(name, QString::fromStdString(placementNames())));
    }
    if (parser.isSet(m_nodes))
        options.nodes = parseInteger(command, "nodes", parser.value(m_nodes), 1,
                                     std::numeric_limits<int>::max());
    if (parser.isSet(m_loadScale))
        options.loadScale = loadScale(parser, command);
    return options;
}

double StudyOptions::loadScale(const QCommandLineParser &parser, const QString &command) const
{
    return parser.isSet(m_loadScale)
                   ? parsePositive(command, "load-scale", parser.value(m_loadScale))
                   : 1.0;
}

int StudyOptions::threads(const QCommandLineParser &parser, const QString &command) const
{
    if (!parser.isSet(m_threads))
        return 0;
    return parseInteger(command, "threads", parser.value(m_threads), 1, 4096);
}

double StudyOptions::amortizationYears(const QCommandLineParser &parser,
                                       const QString &command) const
{
    return parser.isSet(m_amortization)
                   ? parsePositive(command, "amortization-years", parser.value(m_amortization))
                   : kDefaultAmortizationYears;
}

bool outputsWritable(const QStringList &paths)
{
    for (const QString &path : paths) {
        QString error;
        if (!path.isEmpty() && !report::canSaveFile(path, &error)) {
            printError(error);
            return false;
        }
    }
    return true;
}

int writeOutputs(const std::vector<OutputFile> &outputs)
{
    // Committed as a set: all complete on disk before any replaces its path.
    std::vector<report::FileToSave> files;
    for (const OutputFile &output : outputs)
        files.push_back({output.path, output.content});
    QString error;
    if (!report::saveFiles(files, &error)) {
        printError(error);
        return kExitIoError;
    }
    return kExitOk;
}

int writeOutputsOrPrint(const std::vector<OutputFile> &outputs, const std::string &result,
                        bool quiet)
{
    if (const int status = writeOutputs(outputs); status != kExitOk)
        return status;
    if (outputs.empty() && !quiet)
        std::fputs(result.c_str(), stdout);
    return kExitOk;
}

bool addStudyReport(const StudyReport &request, const LoadedInput &loaded,
                    report::PlanningStudies studies, std::vector<OutputFile> &outputs)
{
    if (request.format == ReportFormat::None)
        return true;
    studies.currency = QString::fromStdString(loaded.scenario.energy.currency);
    QString error;
    std::string bytes = studyReportBytes(request, loaded.scenario, loaded.skipped, studies, &error);
    if (bytes.empty()) {
        printError(QStringLiteral("%1: %2").arg(request.path, error));
        return false;
    }
    outputs.push_back({request.path, std::move(bytes)});
    return true;
}

} // namespace headroom::cli
