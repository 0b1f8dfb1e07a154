// headroom-cli runway (docs/design.md §7.7).
#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/plan_commands.h"
#include "app/cli/progress_reporter.h"
#include "app/cli/report_output.h"
#include "app/cli/study_options.h"
#include "core/io/plan_outputs.h"
#include "core/io/text_source.h"
#include "core/plan/cluster_resize.h"
#include "core/plan/runway.h"

#include <QCoreApplication>

#include <cstdio>
#include <exception>

namespace headroom::cli {

namespace {

constexpr int kDefaultMonths = 24;
constexpr int kMaxMonths = 1200;

} // namespace

int runRunwayCommand(QCommandLineParser &parser, const QCommandLineOption &help)
{
    const QString command = QStringLiteral("runway");
    parser.clearPositionalArguments();
    parser.addPositionalArgument("runway", "Months until growing load breaks an SLO.", "runway");
    parser.addPositionalArgument("SCENARIO", "Scenario (.json) or Standard Workload Format trace.");
    const QCommandLineOption slo = sloOption();
    const QCommandLineOption growth("growth-per-month",
                                    "Load growth per month G > -1: month m runs at load scale "
                                    "(1 + G)^m.",
                                    "G");
    const QCommandLineOption forecast("forecast",
                                      "Take the growth per month from a FORECAST.json written "
                                      "by 'headroom-cli forecast'.",
                                      "FILE");
    const QCommandLineOption months(
            "months",
            QStringLiteral("Months to evaluate after month 0 (default %1).").arg(kDefaultMonths),
            "M");
    const QCommandLineOption out("out", "Write the result as JSON to FILE.", "FILE");
    const QCommandLineOption resize("resize", "Also size the cluster for the first breaching month "
                                              "(needs --vary).");
    const QCommandLineOption vary("vary", "With --resize: a node type to size and its range.",
                                  "TYPE=MIN..MAX");
    const QCommandLineOption objective(
            "objective",
            QStringLiteral("With --resize: what to minimise: %1 (default cost).")
                    .arg(QString::fromStdString(sizingObjectiveNames())),
            "NAME");
    const QCommandLineOption report(
            "report",
            "Write a planning report to FILE (.pdf or .html): the scenario's own run with a "
            "runway section (the month-by-month chart and table; with --resize, the sizing too).",
            "FILE");
    const StudyOptions study;
    parser.addOptions({slo, growth, forecast, months, out, resize, vary, objective, report});
    study.addTo(parser);
    const QString input = parseWithOneInput(parser, help, command, QStringLiteral("SCENARIO"));
    if (!parser.isSet(slo))
        failUsage(command, QStringLiteral("runway needs at least one --slo KEY<=VALUE"));
    if (parser.isSet(growth) == parser.isSet(forecast))
        failUsage(command, QStringLiteral("runway needs exactly one of --growth-per-month G and "
                                          "--forecast FILE"));
    if (parser.isSet(resize) && !parser.isSet(vary))
        failUsage(command, QStringLiteral("--resize needs at least one --vary TYPE=MIN..MAX"));
    if (!parser.isSet(resize) && (parser.isSet(vary) || parser.isSet(objective)))
        failUsage(command, QStringLiteral("--vary and --objective belong to --resize"));

    RunwayRequest request;
    for (const QString &text : parser.values(slo))
        request.slos.push_back(parseSloOption(command, text));
    if (parser.isSet(growth))
        request.growthPerMonth =
                parseAboveMinusOne(command, "growth-per-month", parser.value(growth));
    if (parser.isSet(months))
        request.months = parseInteger(command, "months", parser.value(months), 0, kMaxMonths);
    request.settings.amortizationYears = study.amortizationYears(parser, command);
    if (parser.isSet(resize)) {
        SizingRequest sizing;
        for (const QString &text : parser.values(vary))
            sizing.vary.push_back(parseVary(command, text));
        if (parser.isSet(objective))
            sizing.objective = parseObjective(command, parser.value(objective));
        request.resize = sizing;
    }
    const SimulateOptions options = study.simulateOptions(parser, command, input);
    const double loadScale = study.loadScale(parser, command);
    const int threads = study.threads(parser, command);
    const bool quiet = study.quiet(parser);
    const StudyReport reportRequest = studyReport(command, parser.value(report));

    if (!outputsWritable({parser.value(out), parser.value(report)}))
        return kExitIoError;

    LoadedInput loaded;
    if (!succeeds([&] {
            if (parser.isSet(forecast)) {
                const std::string path = parser.value(forecast).toStdString();
                request.growthPerMonth = readForecastGrowth(readTextFile(path), path);
            }
            loaded = loadInput(options);
        }))
        return kExitBadInput;
    request.settings.jobsSkipped = loaded.skipped;
    if (request.resize)
        request.resize->settings = request.settings;
    if (const std::vector<std::string> problems = runwayProblems(loaded.scenario, request);
        !problems.empty())
        failUsage(command, QString::fromStdString(problems.front()));

    RunwayResult result;
    if (!succeeds(
                [&] {
                    result =
                            runStudy(threads, quiet, [&](WorkerPool &pool, const auto &onProgress) {
                                return runway(loaded.scenario, request, pool, onProgress);
                            });
                },
                input, QStringLiteral("evaluating its runway")))
        return kExitBadInput;
    if (!result.problem.empty()) {
        printError(QString::fromStdString(result.problem));
        return kExitBadInput;
    }

    const std::string json = runwayJson(result, loadScale);
    std::vector<OutputFile> outputs;
    if (parser.isSet(out))
        outputs.push_back({parser.value(out), json});
    report::PlanningStudies studies;
    studies.runway = result;
    studies.sizing = result.resize;
    studies.sizingForBreach = true;
    if (request.resize) {
        for (const VaryRange &range : request.resize->vary)
            studies.currentCounts.push_back(nodeCountOfType(loaded.scenario.cluster, range.type));
    }
    if (!addStudyReport(reportRequest, loaded, std::move(studies), outputs))
        return kExitIoError;
    return writeOutputsOrPrint(outputs, json, quiet);
}

} // namespace headroom::cli
