// headroom-cli compare (docs/design.md §8.1).
#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/plan_commands.h"
#include "app/cli/progress_reporter.h"
#include "app/cli/report_output.h"
#include "app/cli/study_options.h"
#include "core/io/comparison_outputs.h"
#include "core/plan/comparison.h"
#include "report/comparison_report.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <set>
#include <stdexcept>

namespace headroom::cli {
namespace {

// "runs/two-rack-h100.json" -> "two-rack-h100", "KTH.swf.gz" -> "KTH".
QString runNameOf(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    for (const char *suffix : {".gz", ".json", ".swf"}) {
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive) &&
            name.size() > int(std::strlen(suffix)))
            name.chop(int(std::strlen(suffix)));
    }
    return name;
}

} // namespace

int runCompareCommand(QCommandLineParser &parser, const QCommandLineOption &help)
{
    const QString command = QStringLiteral("compare");
    parser.clearPositionalArguments();
    parser.addPositionalArgument("compare", "Run scenarios and variants side by side.", "compare");
    parser.addPositionalArgument("INPUT",
                                 "Scenarios (.json) or SWF traces; the first is the "
                                 "baseline the deltas are taken against.",
                                 "INPUT [INPUT ...]");
    const QCommandLineOption variant(
            "variant",
            QStringLiteral("A variant of the first INPUT: a name and overrides (repeat for "
                           "several). Keys: %1.")
                    .arg(QString::fromStdString(overrideKeyNames())),
            "NAME: key=value[,key=value...]");
    const QCommandLineOption out("out", "Write the comparison as JSON to FILE.", "FILE");
    const QCommandLineOption csv("csv", "Write one CSV row of metrics per run to FILE.", "FILE");
    const QCommandLineOption threads(
            "threads", "Simulations run at once (default: one per hardware thread).", "N");
    const QCommandLineOption nodes("nodes", "Node count for traces without MaxNodes/MaxProcs.",
                                   "N");
    const QCommandLineOption quiet({"q", "quiet"},
                                   "No progress output, and no result on stdout without --out.");
    const QCommandLineOption report(
            "report",
            "Write the comparison report to FILE (.pdf or .html): the metrics side by side with "
            "deltas against the first run, and the runs' overlaid charts.",
            "FILE");
    parser.addOptions({variant, out, csv, threads, nodes, quiet, report});
    if (!parser.parse(QCoreApplication::arguments()))
        failUsage(command, parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(kExitOk);

    const std::optional<ReportFormat> reportAs = reportFormat(parser.value(report));
    if (!reportAs)
        failUsage(
                command,
                QStringLiteral("--report: %1 is neither .pdf nor .html").arg(parser.value(report)));
    const QStringList inputs = parser.positionalArguments().mid(1);
    if (inputs.isEmpty())
        failUsage(command, QStringLiteral("compare needs at least one INPUT file"));
    if (inputs.size() == 1 && !parser.isSet(variant))
        failUsage(command, QStringLiteral("compare needs a second INPUT or a --variant"));
    std::vector<NamedVariant> variants;
    for (const QString &text : parser.values(variant)) {
        try {
            variants.push_back(parseVariant(text.toStdString()));
        } catch (const std::invalid_argument &error) {
            failUsage(command, QStringLiteral("--variant: %1").arg(error.what()));
        }
    }
    const int threadCount =
            parser.isSet(threads) ? parseInteger(command, "threads", parser.value(threads), 1, 4096)
                                  : 0;
    std::optional<int> traceNodes;
    if (parser.isSet(nodes))
        traceNodes = parseInteger(command, "nodes", parser.value(nodes), 1,
                                  std::numeric_limits<int>::max());
    const bool isQuiet = parser.isSet(quiet);

    if (!outputsWritable({parser.value(out), parser.value(csv)}))
        return kExitIoError;

    // Runs in command-line order: every INPUT, then every variant of the first.
    std::vector<ComparisonInput> runs;
    std::set<std::string> names;
    const auto uniqueName = [&](const std::string &wanted) {
        std::string name = wanted;
        for (int k = 2; names.contains(name); ++k)
            name = wanted + " (" + std::to_string(k) + ")";
        names.insert(name);
        return name;
    };
    try {
        for (const QString &path : inputs) {
            LoadedInput loaded = readInput(path, traceNodes);
            ComparisonInput input;
            input.name = uniqueName(runNameOf(path).toStdString());
            input.source = path.toStdString();
            input.scenario = std::make_shared<const Scenario>(std::move(loaded.scenario));
            input.jobsSkipped = loaded.skipped;
            runs.push_back(std::move(input));
        }
    } catch (const std::exception &error) {
        printError(QString::fromStdString(error.what()));
        return kExitBadInput;
    }
    for (NamedVariant &named : variants) {
        if (names.contains(named.name))
            failUsage(command, QStringLiteral("--variant: the name '%1' is taken; give each run "
                                              "its own name")
                                       .arg(QString::fromStdString(named.name)));
        // A node type the scenario lacks is a mistake on the command line, as in `size`.
        if (const std::vector<std::string> problems =
                    overrideProblems(*runs.front().scenario, named.overrides);
            !problems.empty())
            failUsage(command, QStringLiteral("--variant %1: %2")
                                       .arg(QString::fromStdString(named.name),
                                            QString::fromStdString(problems.front())));
        ComparisonInput input = runs.front();
        input.name = uniqueName(named.name);
        input.overrides = std::move(named.overrides);
        runs.push_back(std::move(input));
    }
    // Values the scenario's validation refuses are a bad input, as for simulate's overrides.
    if (const std::vector<std::string> problems = comparisonProblems(runs); !problems.empty()) {
        printError(QStringLiteral("%1: %2").arg(inputs.front(),
                                                QString::fromStdString(problems.front())));
        return kExitBadInput;
    }

    std::vector<ComparisonRun> results;
    try {
        WorkerPool pool(threadCount);
        ProgressReporter progress(!isQuiet && stderrIsTerminal(), 0);
        // Only the report's charts need the samples: without --report, nothing is kept.
        results = compareRuns(
                runs, pool,
                [&](const PlanProgress &p) { progress.updateEvaluations(p.done, p.total); },
                nullptr, *reportAs != ReportFormat::None);
        progress.finish();
    } catch (const std::exception &error) {
        printError(failureMessage(error, inputs.join(QStringLiteral(", ")),
                                  QStringLiteral("comparing the runs")));
        return kExitBadInput;
    }

    std::vector<OutputFile> outputs;
    const std::string json = comparisonJson(results);
    if (parser.isSet(out))
        outputs.push_back({parser.value(out), json});
    if (parser.isSet(csv))
        outputs.push_back({parser.value(csv), comparisonCsv(results)});
    if (*reportAs != ReportFormat::None) {
        std::vector<report::ComparedRun> compared;
        for (ComparisonRun &run : results)
            compared.push_back(report::comparedRunOf(QString::fromStdString(run.name),
                                                     std::move(run.evaluation)));
        QString error;
        std::string bytes =
                reportBytes(*reportAs, report::comparisonReportDocument(compared), &error);
        if (bytes.empty()) {
            printError(QStringLiteral("%1: %2").arg(parser.value(report), error));
            return kExitIoError;
        }
        outputs.push_back({parser.value(report), std::move(bytes)});
    }
    if (const int status = writeOutputs(outputs); status != kExitOk)
        return status;
    if (outputs.empty() && !isQuiet)
        std::fputs(json.c_str(), stdout);
    return kExitOk;
}

} // namespace headroom::cli
