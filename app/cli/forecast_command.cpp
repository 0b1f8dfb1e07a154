// headroom-cli forecast (docs/design.md §7.6).
#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/plan_commands.h"
#include "app/cli/simulate_command.h"
#include "app/cli/study_options.h"
#include "core/io/plan_outputs.h"
#include "core/plan/demand_forecast.h"

#include <QCoreApplication>

#include <cstdio>
#include <exception>
#include <limits>

namespace headroom::cli {

namespace {

constexpr int kDefaultHorizonDays = 30;
// Forecasting further than a century of days is a typo, not a plan.
constexpr int kMaxHorizonDays = 36500;

QString solverNames()
{
    return QStringLiteral("qr, gd, adam");
}

} // namespace

int runForecastCommand(QCommandLineParser &parser, const QCommandLineOption &help)
{
    const QString command = QStringLiteral("forecast");
    parser.clearPositionalArguments();
    parser.addPositionalArgument("forecast", "Fit and forecast daily demand.", "forecast");
    parser.addPositionalArgument("INPUT", "Scenario (.json) or Standard Workload Format trace.");
    const QCommandLineOption horizon(
            "horizon-days",
            QStringLiteral("Days to forecast after the history (default %1).")
                    .arg(kDefaultHorizonDays),
            "D");
    const QCommandLineOption solver(
            "solver",
            QStringLiteral("Least-squares solver: %1 (default qr; gd and adam agree with it).")
                    .arg(solverNames()),
            "NAME");
    const QCommandLineOption out("out", "Write the forecast as JSON to FILE.", "FILE");
    const QCommandLineOption csv("csv", "Write history and forecast, one row per day, to FILE.",
                                 "FILE");
    const QCommandLineOption nodes("nodes", "Node count for a trace without MaxNodes/MaxProcs.",
                                   "N");
    const QCommandLineOption quiet({"q", "quiet"}, "No result on stdout without --out or --csv.");
    parser.addOptions({horizon, solver, out, csv, nodes, quiet});
    const QString input = parseWithOneInput(parser, help, command, QStringLiteral("INPUT"));
    const int horizonDays = parser.isSet(horizon)
                                    ? parseInteger(command, "horizon-days", parser.value(horizon),
                                                   0, kMaxHorizonDays)
                                    : kDefaultHorizonDays;
    ForecastSolver chosen = ForecastSolver::Qr;
    if (parser.isSet(solver)) {
        const QString name = parser.value(solver);
        const auto parsed = forecastSolverFromString(name.toStdString());
        if (!parsed)
            failUsage(command, QStringLiteral("unknown solver '%1' (choose from %2)")
                                       .arg(name, solverNames()));
        chosen = *parsed;
    }
    std::optional<int> nodeCount;
    if (parser.isSet(nodes))
        nodeCount = parseInteger(command, "nodes", parser.value(nodes), 1,
                                 std::numeric_limits<int>::max());

    if (!outputsWritable({parser.value(out), parser.value(csv)}))
        return kExitIoError;

    LoadedInput loaded;
    if (!succeeds([&] { loaded = readInput(input, nodeCount); }))
        return kExitBadInput;
    DemandForecast forecast;
    try {
        forecast = forecastDemand(dailyDemand(loaded.scenario), horizonDays, chosen);
    } catch (const std::bad_alloc &error) {
        printError(failureMessage(error, input, QStringLiteral("forecasting its demand")));
        return kExitBadInput;
    } catch (const std::exception &error) {
        // Too short a history: the input's fault, named by its file.
        printError(QStringLiteral("%1: %2").arg(input, QString::fromStdString(error.what())));
        return kExitBadInput;
    }

    std::vector<OutputFile> outputs;
    const std::string json = forecastJson(forecast);
    if (parser.isSet(out))
        outputs.push_back({parser.value(out), json});
    if (parser.isSet(csv))
        outputs.push_back({parser.value(csv), forecastCsv(forecast)});
    return writeOutputsOrPrint(outputs, json, parser.isSet(quiet));
}

} // namespace headroom::cli
