// headroom-cli import (docs/design.md §9).
#include "app/cli/import_command.h"

#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/study_options.h"
#include "core/io/import/alibaba_openb.h"
#include "core/io/import/jobs_csv.h"
#include "core/io/import/kubernetes_nodes.h"
#include "core/io/import/slurm_accounting.h"
#include "core/io/scenario_json.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>
#include <exception>
#include <optional>

namespace headroom::cli {

namespace {

const QString kCommand = QStringLiteral("import");

// How many input files each format takes, and what they are called in messages.
struct Format
{
    QString name;
    int inputs;
    QString synopsis;
};

const Format kFormats[] = {
        {"slurm", 1, "import slurm SACCT.txt [--nodes NODES.txt] [--slots gpu|cpu]"},
        {"k8s", 1, "import k8s NODES.json [--slots gpu|cpu]"},
        {"openb", 2, "import openb NODES.csv PODS.csv [--slots gpu|cpu]"},
        {"csv", 1,
         "import csv JOBS.csv --map submit=COL,run=COL,slots=COL[,...] "
         "[--time-format epoch|iso]"},
};

[[noreturn]] void failUsage(const QString &message)
{
    cli::failUsage(kCommand, message);
}

// The scenario's name without a scenario to keep: the input's file name without extensions.
std::string nameFrom(const QString &path)
{
    return QFileInfo(path).baseName().toStdString();
}

} // namespace

int runImportCommand(QCommandLineParser &parser, const QCommandLineOption &help)
{
    parser.clearPositionalArguments();
    parser.addPositionalArgument("import",
                                 "Read Slurm, Kubernetes, Alibaba or CSV data into a "
                                 "scenario.",
                                 "import");
    parser.addPositionalArgument("FORMAT", "slurm, k8s, openb or csv.");
    parser.addPositionalArgument("FILES",
                                 "The input files of the format (openb: NODES.csv "
                                 "PODS.csv).",
                                 "FILES...");
    const QCommandLineOption out("out", "Write the scenario to FILE (required).", "FILE");
    const QCommandLineOption into("into",
                                  "Keep this scenario's cluster, policies and services; replace "
                                  "only what the import provides.",
                                  "SCENARIO");
    const QCommandLineOption nodes("nodes", "slurm: scontrol show node -o output for the cluster.",
                                   "FILE");
    const QCommandLineOption slots(
            "slots", "slurm, k8s, openb: what a slot is, gpu (default) or cpu.", "KIND");
    const QCommandLineOption map("map",
                                 "csv: columns of the job fields, submit=COL,run=COL,slots=COL"
                                 "[,requested=COL,id=COL,name=COL,tenant=COL,start=COL,end=COL].",
                                 "MAPPING");
    const QCommandLineOption timeFormat("time-format",
                                        "csv: epoch (seconds, default) or iso times.", "FORMAT");
    const QCommandLineOption quiet({"q", "quiet"}, "Do not print the summary.");
    parser.addOptions({out, into, nodes, slots, map, timeFormat, quiet});
    if (!parser.parse(QCoreApplication::arguments()))
        failUsage(parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(kExitOk);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        failUsage(QStringLiteral("import needs a FORMAT: slurm, k8s, openb or csv"));
    const QString formatName = positional.at(1);
    const Format *format = nullptr;
    for (const Format &candidate : kFormats)
        format = candidate.name == formatName ? &candidate : format;
    if (!format)
        failUsage(QStringLiteral("unknown import format '%1' (choose from slurm, k8s, openb, csv)")
                          .arg(formatName));
    const QStringList inputs = positional.mid(2);
    if (inputs.size() != format->inputs)
        failUsage(QStringLiteral("expected: headroom-cli %1; got %2 input file(s)")
                          .arg(format->synopsis)
                          .arg(inputs.size()));
    const auto onlyFor = [&](const QCommandLineOption &option, QStringList formats) {
        if (parser.isSet(option) && !formats.contains(format->name))
            failUsage(
                    QStringLiteral("--%1 is for import %2, not %3")
                            .arg(option.names().constLast(), formats.join(" and "), format->name));
    };
    onlyFor(nodes, {"slurm"});
    onlyFor(slots, {"slurm", "k8s", "openb"});
    onlyFor(map, {"csv"});
    onlyFor(timeFormat, {"csv"});
    if (!parser.isSet(out))
        failUsage(QStringLiteral("import needs --out SCENARIO.json"));

    ImportSlots slotKind = ImportSlots::Gpu;
    if (parser.isSet(slots)) {
        const QString kind = parser.value(slots);
        if (kind != "gpu" && kind != "cpu")
            failUsage(QStringLiteral("--slots: expected gpu or cpu, got '%1'").arg(kind));
        slotKind = kind == "cpu" ? ImportSlots::Cpu : ImportSlots::Gpu;
    }
    CsvJobColumns columns;
    CsvTimeFormat times = CsvTimeFormat::Epoch;
    if (format->name == "csv") {
        if (!parser.isSet(map))
            failUsage(QStringLiteral("import csv needs --map submit=COL,run=COL,slots=COL"));
        std::string error;
        const std::optional<CsvJobColumns> parsed =
                parseCsvJobColumns(parser.value(map).toStdString(), error);
        if (!parsed)
            failUsage(QStringLiteral("--map: %1").arg(QString::fromStdString(error)));
        columns = *parsed;
        if (parser.isSet(timeFormat)) {
            const QString value = parser.value(timeFormat);
            if (value != "epoch" && value != "iso")
                failUsage(QStringLiteral("--time-format: expected epoch or iso, got '%1'")
                                  .arg(value));
            times = value == "iso" ? CsvTimeFormat::Iso : CsvTimeFormat::Epoch;
        }
    }
    // The accounting and a CSV of jobs say nothing of the cluster the jobs ran on.
    if (!parser.isSet(into) &&
        ((format->name == "slurm" && !parser.isSet(nodes)) || format->name == "csv"))
        failUsage(format->name == "slurm"
                          ? QStringLiteral("import slurm needs --nodes NODES.txt or --into "
                                           "SCENARIO.json: the accounting has no cluster")
                          : QStringLiteral("import csv needs --into SCENARIO.json: a jobs CSV "
                                           "has no cluster"));

    const QString outPath = parser.value(out);
    if (!outputsWritable({outPath}))
        return kExitIoError;

    Scenario scenario;
    ImportSummary summary;
    try {
        std::optional<Scenario> kept;
        if (parser.isSet(into))
            kept = loadScenarioFile(parser.value(into).toStdString());
        const Cluster keptCluster = kept ? kept->cluster : Cluster{};
        const std::string first = inputs.at(0).toStdString();
        ImportResult result;
        if (format->name == "slurm") {
            SlurmImportOptions options;
            options.sacctPath = first;
            if (parser.isSet(nodes))
                options.nodesPath = parser.value(nodes).toStdString();
            options.slots = slotKind;
            result = importSlurm(options, keptCluster);
        } else if (format->name == "k8s") {
            result = readKubernetesNodes(first, slotKind);
        } else if (format->name == "openb") {
            result = readOpenb(first, inputs.at(1).toStdString(), slotKind);
        } else {
            result = readJobsCsv(first, columns, times);
        }
        summary = result.summary;
        const std::string blame = parser.isSet(into) ? parser.value(into).toStdString() : first;
        scenario = applyImport(std::move(result), kept ? &*kept : nullptr, nameFrom(inputs.at(0)),
                               blame);
    } catch (const std::exception &error) {
        printError(failureMessage(error, inputs.join(QStringLiteral(", ")),
                                  QStringLiteral("importing it")));
        return kExitBadInput;
    }

    if (const int status = writeOutputs({{outPath, serializeScenario(scenario)}});
        status != kExitOk)
        return status;
    if (!parser.isSet(quiet)) {
        std::fputs(summaryText(summary).c_str(), stdout);
        std::fprintf(stdout, "wrote %s\n", outPath.toLocal8Bit().constData());
    }
    return kExitOk;
}

} // namespace headroom::cli
