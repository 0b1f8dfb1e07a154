// headroom-cli size (docs/design.md §7.4).
#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/plan_commands.h"
#include "app/cli/progress_reporter.h"
#include "app/cli/report_output.h"
#include "app/cli/study_options.h"
#include "core/io/plan_outputs.h"
#include "core/io/scenario_json.h"
#include "core/plan/cluster_resize.h"
#include "core/plan/sizing.h"

#include <QCoreApplication>

#include <cstdio>
#include <exception>

namespace headroom::cli {

int runSizeCommand(QCommandLineParser &parser, const QCommandLineOption &help)
{
    const QString command = QStringLiteral("size");
    parser.clearPositionalArguments();
    parser.addPositionalArgument("size", "Size node counts to service levels.", "size");
    parser.addPositionalArgument("SCENARIO", "Scenario (.json) or Standard Workload Format trace.");
    const QCommandLineOption vary("vary",
                                  "A node type to size and the counts it may take (repeat for "
                                  "a mix). Required.",
                                  "TYPE=MIN..MAX");
    const QCommandLineOption slo = sloOption();
    const QCommandLineOption objective(
            "objective",
            QStringLiteral("What to minimise: %1 (default cost: amortised node prices plus the "
                           "run's energy cost).")
                    .arg(QString::fromStdString(sizingObjectiveNames())),
            "NAME");
    const QCommandLineOption out("out", "Write the result as JSON to FILE.", "FILE");
    const QCommandLineOption pointsCsv(
            "points-csv", "Write one CSV row per evaluated configuration to FILE.", "FILE");
    const QCommandLineOption writeScenario(
            "write-scenario",
            "Write the recommended configuration as a scenario file that simulate reproduces "
            "exactly (overrides and load scale applied).",
            "FILE");
    const QCommandLineOption report(
            "report",
            "Write a planning report to FILE (.pdf or .html): the scenario's own run with a "
            "sizing section (the chart, the recommendation and every evaluated configuration).",
            "FILE");
    const StudyOptions study;
    parser.addOptions({vary, slo, objective, out, pointsCsv, writeScenario, report});
    study.addTo(parser);
    const QString input = parseWithOneInput(parser, help, command, QStringLiteral("SCENARIO"));
    if (!parser.isSet(vary))
        failUsage(command, QStringLiteral("size needs at least one --vary TYPE=MIN..MAX"));
    if (!parser.isSet(slo))
        failUsage(command, QStringLiteral("size needs at least one --slo KEY<=VALUE"));
    SizingRequest request;
    for (const QString &text : parser.values(vary))
        request.vary.push_back(parseVary(command, text));
    for (const QString &text : parser.values(slo))
        request.slos.push_back(parseSloOption(command, text));
    if (parser.isSet(objective))
        request.objective = parseObjective(command, parser.value(objective));
    request.settings.amortizationYears = study.amortizationYears(parser, command);
    const SimulateOptions options = study.simulateOptions(parser, command, input);
    const double loadScale = study.loadScale(parser, command);
    const int threads = study.threads(parser, command);
    const bool quiet = study.quiet(parser);
    const StudyReport reportRequest = studyReport(command, parser.value(report));

    if (!outputsWritable({parser.value(out), parser.value(pointsCsv), parser.value(writeScenario),
                          parser.value(report)}))
        return kExitIoError;

    LoadedInput loaded;
    if (!succeeds([&] { loaded = loadInput(options); }))
        return kExitBadInput;
    request.settings.jobsSkipped = loaded.skipped;
    if (const std::vector<std::string> problems = sizingProblems(loaded.scenario, request);
        !problems.empty())
        failUsage(command, QString::fromStdString(problems.front()));

    SizingResult result;
    if (!succeeds(
                [&] {
                    result =
                            runStudy(threads, quiet, [&](WorkerPool &pool, const auto &onProgress) {
                                return sizeCluster(loaded.scenario, request, pool, onProgress);
                            });
                },
                input, QStringLiteral("sizing it")))
        return kExitBadInput;

    std::vector<OutputFile> outputs;
    const std::string json = sizingJson(result, loadScale);
    if (parser.isSet(out))
        outputs.push_back({parser.value(out), json});
    if (parser.isSet(pointsCsv))
        outputs.push_back({parser.value(pointsCsv), sizingPointsCsv(result)});
    if (parser.isSet(writeScenario)) {
        if (const SizingPoint *best = result.recommendedPoint()) {
            outputs.push_back({parser.value(writeScenario),
                               serializeScenario(configuredScenario(loaded.scenario, request.vary,
                                                                    best->counts))});
        } else {
            std::fprintf(stderr, "headroom-cli: note: nothing in the ranges meets the SLOs, so "
                                 "--write-scenario writes no file\n");
        }
    }
    report::PlanningStudies studies;
    studies.sizing = result;
    for (const VaryRange &range : request.vary)
        studies.currentCounts.push_back(nodeCountOfType(loaded.scenario.cluster, range.type));
    if (!addStudyReport(reportRequest, loaded, std::move(studies), outputs))
        return kExitIoError;
    return writeOutputsOrPrint(outputs, json, quiet);
}

} // namespace headroom::cli
