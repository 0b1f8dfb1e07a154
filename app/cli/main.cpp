// headroom-cli: the headless front-end. Thin: parses the command line and hands over to a
// command; all simulation work is in core/.
#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/import_command.h"
#include "app/cli/plan_commands.h"
#include "app/cli/simulate_command.h"
#include "headroom_version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace headroom;
using namespace headroom::cli;

namespace {

[[noreturn]] void failUsage(const QString &message)
{
    cli::failUsage(QStringLiteral("simulate"), message);
}

double parsePositiveSeconds(const QString &option, const QString &text, bool allowZero)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0.0 || (!allowZero && value == 0.0))
        failUsage(QStringLiteral("--%1: expected a %2 number of seconds, got '%3'")
                          .arg(option, allowZero ? "non-negative" : "positive", text));
    return value;
}

int simulate(QCommandLineParser &parser, const QCommandLineOption &help)
{
    parser.clearPositionalArguments();
    parser.addPositionalArgument("simulate", "Run one simulation.", "simulate");
    parser.addPositionalArgument(
            "INPUT", "Scenario (.json) or Standard Workload Format trace (.swf, .swf.gz).");
    const QCommandLineOption scheduler(
            "scheduler",
            QStringLiteral("Scheduler: %1 (default: the scenario's; easy for traces).")
                    .arg(QString::fromStdString(schedulerNames())),
            "NAME");
    const QCommandLineOption placement("placement",
                                       QStringLiteral("Placement: %1 (default: the scenario's).")
                                               .arg(QString::fromStdString(placementNames())),
                                       "NAME");
    const QCommandLineOption seed("seed", "Seed recorded with the run (default: the scenario's).",
                                  "N");
    const QCommandLineOption metrics("metrics-json", "Write the metrics as JSON to FILE.", "FILE");
    const QCommandLineOption jobs("jobs-csv", "Write one CSV row per job to FILE.", "FILE");
    const QCommandLineOption timeseries("timeseries-csv", "Write the sampled time series to FILE.",
                                        "FILE");
    const QCommandLineOption report(
            "report",
            "Write a planning report to FILE; its name picks the format: .pdf or .html. The "
            "report is dated today, or HEADROOM_REPORT_DATE=YYYY-MM-DD (else "
            "SOURCE_DATE_EPOCH) for byte-identical HTML.",
            "FILE");
    const QCommandLineOption csvDir("csv-dir",
                                    "Write timeseries.csv, jobs.csv, nodes.csv and tenants.csv "
                                    "(and services.csv when there are services) to DIR "
                                    "(created if missing).",
                                    "DIR");
    const QCommandLineOption interval("sample-interval",
                                      "Time-series sampling interval in seconds (default: the "
                                      "scenario's; 300 for traces).",
                                      "SECONDS");
    const QCommandLineOption overhead("srtf-restart-overhead",
                                      "Seconds a preempted job pays on each restart under srtf.",
                                      "SECONDS");
    const QCommandLineOption nodes("nodes", "Node count for a trace without MaxNodes/MaxProcs.",
                                   "N");
    const QCommandLineOption quiet({"q", "quiet"}, "No progress output.");
    const QCommandLineOption loadScale("load-scale",
                                       "Scale the load by F > 0: batch arrivals compressed "
                                       "toward the first submission, service load times F.",
                                       "F");
    parser.addOptions({scheduler, placement, seed, metrics, jobs, timeseries, report, csvDir,
                       interval, overhead, nodes, quiet, loadScale});
    SimulateOptions options;
    options.input = cli::parseWithOneInput(parser, help, QStringLiteral("simulate"),
                                           QStringLiteral("INPUT"));
    if (parser.isSet(scheduler)) {
        const QString name = parser.value(scheduler);
        options.scheduler = schedulerFromString(name.toStdString());
        if (!options.scheduler)
            failUsage(QStringLiteral("unknown scheduler '%1' (choose from %2)")
                              .arg(name, QString::fromStdString(schedulerNames())));
    }
    if (parser.isSet(placement)) {
        const QString name = parser.value(placement);
        options.placement = placementFromString(name.toStdString());
        if (!options.placement)
            failUsage(QStringLiteral("unknown placement '%1' (choose from %2)")
                              .arg(name, QString::fromStdString(placementNames())));
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        options.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            failUsage(QStringLiteral("--seed: expected a non-negative integer, got '%1'")
                              .arg(parser.value(seed)));
    }
    if (parser.isSet(interval))
        options.sampleIntervalS =
                parsePositiveSeconds("sample-interval", parser.value(interval), false);
    if (parser.isSet(overhead))
        options.restartOverheadS =
                parsePositiveSeconds("srtf-restart-overhead", parser.value(overhead), true);
    if (parser.isSet(nodes)) {
        bool ok = false;
        const int count = parser.value(nodes).toInt(&ok);
        if (!ok || count <= 0)
            failUsage(QStringLiteral("--nodes: expected a positive integer, got '%1'")
                              .arg(parser.value(nodes)));
        options.nodes = count;
    }
    if (parser.isSet(loadScale))
        options.loadScale =
                parsePositive(QStringLiteral("simulate"), "load-scale", parser.value(loadScale));
    options.metricsJson = parser.value(metrics);
    options.jobsCsv = parser.value(jobs);
    options.timeseriesCsv = parser.value(timeseries);
    options.report = parser.value(report);
    options.csvDir = parser.value(csvDir);
    options.quiet = parser.isSet(quiet);
    return runSimulate(options);
}

QtMessageHandler g_defaultMessageHandler = nullptr;

// Drops Qt's remarks about the environment ("XDG_RUNTIME_DIR not set") while the GUI
// application starts on a headless machine: stderr is for the user's errors, and CI logs
// compare it. Critical and fatal messages still get through.
void quietStartupMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        g_defaultMessageHandler(type, context, message);
}

// Before the application exists, so before QCommandLineParser can run: whether the command
// line asks for a PDF report ("--report FILE.pdf" or "--report=FILE.pdf").
bool wantsPdfReport(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        QByteArray value;
        if (argument == "--report" && i + 1 < argc)
            value = argv[i + 1];
        else if (argument.startsWith("--report="))
            value = argument.mid(int(sizeof "--report=") - 1);
        if (value.toLower().endsWith(".pdf"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // A PDF needs fonts, and fonts need a QGuiApplication; every other run keeps the bare
    // QCoreApplication and so needs no platform plugin at all. The CLI is headless by design:
    // unless the user chose a platform, it draws offscreen instead of looking for a display
    // (which fails over SSH and in CI, or opens a connection nobody needs).
    std::unique_ptr<QCoreApplication> application;
    if (wantsPdfReport(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        g_defaultMessageHandler = qInstallMessageHandler(quietStartupMessages);
        application = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(g_defaultMessageHandler);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName("headroom-cli");
    QCoreApplication::setApplicationVersion(kVersion);
    QCoreApplication::setOrganizationName("Headroom");

    QCommandLineParser parser;
    parser.setApplicationDescription(
            "Headroom capacity planner, headless.\n\n"
            "Commands:\n"
            "  simulate INPUT   replay a scenario or SWF trace and write metrics\n"
            "  size SCENARIO    node counts that meet service levels at least cost\n"
            "  forecast INPUT   daily demand: trend, weekly pattern, forecast\n"
            "  runway SCENARIO  months of load growth until a service level breaks\n"
            "  compare INPUT... scenarios and policy variants side by side\n"
            "  sweep SPEC       a grid of configurations, sharded for Slurm or Kubernetes\n"
            "  import FORMAT    Slurm, Kubernetes, Alibaba or CSV data into a scenario\n\n"
            "Run 'headroom-cli COMMAND --help' for the options of a command.");
    parser.addPositionalArgument("command",
                                 "The command to run: simulate, size, forecast, runway, "
                                 "compare, sweep or import.",
                                 "<command>");
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    // Options belong to commands, so the first parse only looks for the command.
    parser.parse(QCoreApplication::arguments());

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.isEmpty() ? QString() : positional.first();
    if (command == "simulate")
        return simulate(parser, help);
    if (command == "size")
        return runSizeCommand(parser, help);
    if (command == "forecast")
        return runForecastCommand(parser, help);
    if (command == "runway")
        return runRunwayCommand(parser, help);
    if (command == "compare")
        return runCompareCommand(parser, help);
    if (command == "sweep")
        return runSweepCommand(parser, help);
    if (command == "import")
        return runImportCommand(parser, help);

    if (!parser.parse(QCoreApplication::arguments()))
        failUsage(parser.errorText());
    if (parser.isSet(version))
        parser.showVersion();
    if (parser.isSet(help))
        parser.showHelp(kExitOk);
    if (command.isEmpty())
        parser.showHelp(kExitUsage);
    failUsage(QStringLiteral("unknown command '%1' (known: simulate, size, forecast, runway, "
                             "compare, sweep, import)")
                      .arg(command));
}
