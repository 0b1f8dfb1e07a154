// headroom-cli sweep and sweep merge (docs/design.md §8.2–§8.6).
#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/plan_commands.h"
#include "app/cli/progress_reporter.h"
#include "app/cli/slurm_submit.h"
#include "app/cli/study_options.h"
#include "core/io/input_error.h"
#include "core/io/sweep_jobs.h"
#include "core/io/sweep_outputs.h"
#include "core/io/sweep_spec.h"
#include "core/io/text_source.h"
#include "report/save_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>
#include <exception>
#include <optional>

namespace headroom::cli {
namespace {

const QString kCommand = QStringLiteral("sweep");

struct LoadedSweep
{
    SweepSpec spec;
    Scenario base;
    long long skipped = 0;
    std::string fingerprint;
};

// The spec and its base, checked; nullopt after explaining on stderr (bad input).
std::optional<LoadedSweep> loadSweep(const QString &specPath)
{
    LoadedSweep sweep;
    try {
        sweep.spec = loadSweepSpec(specPath.toStdString());
        QFile baseFile(QString::fromStdString(sweep.spec.base));
        if (!baseFile.open(QIODevice::ReadOnly))
            throw InputError(sweep.spec.base, 0, "", "cannot read the file");
        const QByteArray bytes = baseFile.readAll();
        sweep.fingerprint = sweepFingerprint(sweep.spec, {bytes.constData(), size_t(bytes.size())});
        LoadedInput loaded = readInput(QString::fromStdString(sweep.spec.base), std::nullopt);
        sweep.base = std::move(loaded.scenario);
        sweep.skipped = loaded.skipped;
    } catch (const std::exception &error) {
        printError(QString::fromStdString(error.what()));
        return std::nullopt;
    }
    if (const std::vector<std::string> problems = sweepProblems(sweep.spec, sweep.base);
        !problems.empty()) {
        printError(QStringLiteral("%1: field %2")
                           .arg(specPath, QString::fromStdString(problems.front())));
        return std::nullopt;
    }
    return sweep;
}

// --shard I/N.
SweepShard parseShard(const QString &text)
{
    static const QRegularExpression form(QStringLiteral(R"(^(\d+)/(\d+)$)"));
    const QRegularExpressionMatch match = form.match(text);
    bool indexOk = false;
    bool countOk = false;
    SweepShard shard;
    if (match.hasMatch()) {
        shard.index = match.captured(1).toInt(&indexOk);
        shard.count = match.captured(2).toInt(&countOk);
    }
    if (!indexOk || !countOk || shard.count < 1)
        failUsage(kCommand,
                  QStringLiteral("--shard: expected I/N with whole numbers, N >= 1, got '%1'")
                          .arg(text));
    if (shard.index >= shard.count)
        failUsage(kCommand, QStringLiteral("--shard: shard %1 of %2 does not exist: I counts from "
                                           "0 to N - 1")
                                    .arg(shard.index)
                                    .arg(shard.count));
    return shard;
}

// Every shard result in the folders, in folder order then name order.
std::vector<SweepShardFile> readShardFiles(const QStringList &folders)
{
    std::vector<SweepShardFile> files;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (!dir.exists())
            throw InputError(folder.toStdString(), 0, "", "no such folder");
        for (const QString &name : dir.entryList({"shard-*-of-*.json"}, QDir::Files, QDir::Name)) {
            if (!isSweepShardFileName(name.toStdString()))
                continue;
            const std::string path = dir.filePath(name).toStdString();
            files.push_back({path, parseSweepShard(readTextFile(path), path)});
        }
    }
    return files;
}

// The merged results of `folders` as RESULTS.csv and RESULTS.json (empty paths: not wanted).
int mergeInto(const QStringList &folders, const QString &csvPath, const QString &jsonPath)
{
    SweepResults results;
    try {
        results = mergeSweepShards(readShardFiles(folders));
    } catch (const SweepMergeError &error) {
        printError(QStringLiteral("%1 (in %2)").arg(error.what(), folders.join(", ")));
        return kExitBadInput;
    } catch (const std::exception &error) {
        printError(QString::fromStdString(error.what()));
        return kExitBadInput;
    }
    std::vector<OutputFile> outputs;
    if (!csvPath.isEmpty())
        outputs.push_back({csvPath, sweepResultsCsv(results)});
    if (!jsonPath.isEmpty())
        outputs.push_back({jsonPath, sweepResultsJson(results)});
    return writeOutputs(outputs);
}

bool makeFolder(const QString &path)
{
    QString error;
    if (report::makeDirectory(path, &error))
        return true;
    printError(error);
    return false;
}

int runShard(const LoadedSweep &sweep, SweepShard shard, const QString &outDir, int threads,
             bool quiet)
{
    if (!makeFolder(outDir))
        return kExitIoError;
    const QDir dir(outDir);
    const QString shardPath = dir.filePath(QString::fromStdString(sweepShardFileName(shard)));
    const bool whole = shard.count == 1;
    if (!outputsWritable({shardPath}))
        return kExitIoError;

    SweepShardResult result;
    try {
        WorkerPool pool(threads);
        ProgressReporter progress(!quiet && stderrIsTerminal(), 0);
        result = runSweepShard(
                sweep.spec, sweep.base, sweep.fingerprint, shard, pool, sweep.skipped,
                [&](const PlanProgress &p) { progress.updatePoints(p.done, p.total); });
        progress.finish();
    } catch (const std::exception &error) {
        printError(
                failureMessage(error, QString::fromStdString(sweep.spec.base),
                               QStringLiteral("running shard %1 of the sweep").arg(shard.index)));
        return kExitBadInput;
    }
    // The shard file alone is what a merge reads; the whole sweep on one machine also writes
    // what merging it gives, through the same bytes a merge would read.
    const std::string shardJson = sweepShardJson(result);
    std::vector<OutputFile> outputs{{shardPath, shardJson}};
    if (whole) {
        const std::string path = shardPath.toStdString();
        const SweepResults results = mergeSweepShards({{path, parseSweepShard(shardJson, path)}});
        outputs.push_back({dir.filePath("results.csv"), sweepResultsCsv(results)});
        outputs.push_back({dir.filePath("results.json"), sweepResultsJson(results)});
    }
    return writeOutputs(outputs);
}

SweepJobRequest jobRequest(const LoadedSweep &sweep, int shards, int threads)
{
    SweepJobRequest request;
    request.shards = shards;
    request.points = sweep.spec.pointCount();
    request.threads = threads > 0 ? threads : 1;
    request.name = "headroom-sweep-" + sweep.fingerprint.substr(0, 8);
    return request;
}

} // namespace

int runSweepCommand(QCommandLineParser &parser, const QCommandLineOption &help)
{
    parser.clearPositionalArguments();
    parser.addPositionalArgument("sweep", "Run a sweep, or merge its shards.", "sweep");
    parser.addPositionalArgument(
            "SPEC", "A sweep spec (.json); or 'merge DIR [DIR ...]' to merge shard results.",
            "SPEC | merge DIR [DIR ...]");
    const QCommandLineOption out("out",
                                 "Sweep: the folder the results go to (created if missing). "
                                 "Merge: the merged RESULTS.csv.",
                                 "DIR|FILE");
    const QCommandLineOption json("json", "Merge: also write the merged results as JSON to FILE.",
                                  "FILE");
    const QCommandLineOption threads("threads",
                                     "Simulations run at once (default: one per hardware thread; "
                                     "per task with --emit-slurm/--emit-k8s, default 1).",
                                     "N");
    const QCommandLineOption shard("shard",
                                   "Run only shard I of N: the points whose index i has "
                                   "i % N == I.",
                                   "I/N");
    const QCommandLineOption emitSlurm("emit-slurm",
                                       "Write an sbatch job array script to FILE (and its merge "
                                       "step to FILE's name with .merge) instead of running.",
                                       "FILE");
    const QCommandLineOption emitK8s("emit-k8s",
                                     "Write a Kubernetes Indexed Job to FILE (and the merge Job "
                                     "to FILE's name with .merge) instead of running.",
                                     "FILE");
    const QCommandLineOption shards("shards", "With --emit-slurm/--emit-k8s: the shard count.",
                                    "N");
    const QCommandLineOption submit("submit",
                                    "With --emit-slurm: submit the array and its merge with "
                                    "sbatch, wait for them and merge.");
    const QCommandLineOption image("image", "With --emit-k8s: the container image (required).",
                                   "IMAGE");
    const QCommandLineOption parallelism(
            "parallelism", "With --emit-k8s: pods at once (default: every shard).", "P");
    const QCommandLineOption quiet({"q", "quiet"}, "No progress output.");
    parser.addOptions({out, json, threads, shard, emitSlurm, emitK8s, shards, submit, image,
                       parallelism, quiet});
    if (!parser.parse(QCoreApplication::arguments()))
        failUsage(kCommand, parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(kExitOk);

    const QStringList positional = parser.positionalArguments();
    const bool merge = positional.size() >= 2 && positional.at(1) == QLatin1String("merge");
    const auto refuse = [&](const QList<const QCommandLineOption *> &options, const QString &why) {
        for (const QCommandLineOption *option : options) {
            if (parser.isSet(*option))
                failUsage(kCommand,
                          QStringLiteral("--%1 %2").arg(option->names().constLast(), why));
        }
    };
    if (!parser.isSet(out))
        failUsage(kCommand, merge ? QStringLiteral("sweep merge needs --out RESULTS.csv")
                                  : QStringLiteral("sweep needs --out DIR"));

    if (merge) {
        refuse({&threads, &shard, &emitSlurm, &emitK8s, &shards, &submit, &image, &parallelism},
               QStringLiteral("does not go with sweep merge"));
        const QStringList folders = positional.mid(2);
        if (folders.isEmpty())
            failUsage(kCommand, QStringLiteral("sweep merge needs at least one DIR"));
        if (!outputsWritable({parser.value(out), parser.value(json)}))
            return kExitIoError;
        return mergeInto(folders, parser.value(out), parser.value(json));
    }

    refuse({&json}, QStringLiteral("belongs to sweep merge"));
    if (positional.size() != 2)
        failUsage(kCommand, positional.size() < 2
                                    ? QStringLiteral("sweep needs a SPEC file")
                                    : QStringLiteral("sweep takes one SPEC file, got %1")
                                              .arg(positional.size() - 1));
    const QString specPath = positional.at(1);
    const QString outDir = parser.value(out);
    const int threadCount = parser.isSet(threads) ? parseInteger(kCommand, "threads",
                                                                 parser.value(threads), 1, 4096)
                                                  : 0;
    const bool isQuiet = parser.isSet(quiet);
    const bool emitting = parser.isSet(emitSlurm) || parser.isSet(emitK8s);
    if (parser.isSet(emitSlurm) && parser.isSet(emitK8s))
        failUsage(kCommand, QStringLiteral("--emit-slurm and --emit-k8s: choose one"));
    if (!emitting)
        refuse({&shards, &submit, &image, &parallelism},
               QStringLiteral("goes with --emit-slurm or --emit-k8s"));
    if (emitting) {
        refuse({&shard}, QStringLiteral("is for running one shard; the emitted jobs run them all"));
        if (!parser.isSet(shards))
            failUsage(kCommand, QStringLiteral("--emit-slurm and --emit-k8s need --shards N"));
        if (parser.isSet(emitSlurm))
            refuse({&image, &parallelism}, QStringLiteral("goes with --emit-k8s"));
        else
            refuse({&submit}, QStringLiteral("goes with --emit-slurm"));
        if (parser.isSet(emitK8s) && !parser.isSet(image))
            failUsage(kCommand, QStringLiteral("--emit-k8s needs --image IMAGE"));
    }
    const SweepShard chosen = parser.isSet(shard) ? parseShard(parser.value(shard)) : SweepShard{};
    const int shardCount =
            emitting ? parseInteger(kCommand, "shards", parser.value(shards), 1, 1000000) : 1;
    const int podsAtOnce =
            parser.isSet(parallelism)
                    ? parseInteger(kCommand, "parallelism", parser.value(parallelism), 1, 1000000)
                    : 0;

    const std::optional<LoadedSweep> sweep = loadSweep(specPath);
    if (!sweep)
        return kExitBadInput;
    if (!emitting)
        return runShard(*sweep, chosen, outDir, threadCount, isQuiet);

    if (std::size_t(shardCount) > sweep->spec.pointCount())
        failUsage(kCommand, QStringLiteral("--shards: %1 shards for %2 points; at most one shard "
                                           "per point")
                                    .arg(shardCount)
                                    .arg(sweep->spec.pointCount()));
    SweepJobRequest request = jobRequest(*sweep, shardCount, threadCount);
    if (parser.isSet(emitK8s)) {
        // Paths as given: the pods see them relative to the volume they run in.
        request.command = "headroom-cli";
        request.spec = specPath.toStdString();
        request.out = outDir.toStdString();
        KubernetesOptions options;
        options.image = parser.value(image).toStdString();
        options.parallelism = podsAtOnce;
        const QString manifest = parser.value(emitK8s);
        const QString mergeManifest = QString::fromStdString(mergeJobPath(manifest.toStdString()));
        if (!outputsWritable({manifest, mergeManifest}))
            return kExitIoError;
        const int status = writeOutputs(
                {{manifest, kubernetesIndexedJob(request, options, manifest.toStdString())},
                 {mergeManifest, kubernetesMergeJob(request, options)}});
        if (status == kExitOk && !isQuiet)
            std::printf("kubectl apply -f %s\nkubectl wait --for=condition=complete "
                        "--timeout=24h job/%s\nkubectl apply -f %s\n",
                        qPrintable(manifest), request.name.c_str(), qPrintable(mergeManifest));
        return status;
    }

    // Slurm tasks run on other machines of a shared file system: absolute paths, and this very
    // headroom-cli.
    request.command = QCoreApplication::applicationFilePath().toStdString();
    request.spec = QFileInfo(specPath).absoluteFilePath().toStdString();
    request.out = QDir(outDir).absolutePath().toStdString();
    const QString script = QFileInfo(parser.value(emitSlurm)).absoluteFilePath();
    const QString mergeScript = QString::fromStdString(mergeJobPath(script.toStdString()));
    // Slurm does not create the folder of a job's log file.
    if (!makeFolder(QDir(outDir).filePath("logs")) || !outputsWritable({script, mergeScript}))
        return kExitIoError;
    if (const int status = writeOutputs({{script, slurmArrayScript(request, script.toStdString())},
                                         {mergeScript, slurmMergeScript(request)}});
        status != kExitOk)
        return status;
    for (const QString &path : {script, mergeScript})
        QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner);
    if (!parser.isSet(submit)) {
        if (!isQuiet)
            std::printf("array=$(sbatch --parsable %s)\nsbatch --dependency=afterok:${array%%%%;*} "
                        "--kill-on-invalid-dep=yes %s\n",
                        shellQuoted(script.toStdString()).c_str(),
                        shellQuoted(mergeScript.toStdString()).c_str());
        return kExitOk;
    }
    SlurmSubmission submission;
    submission.request = request;
    submission.arrayScript = script;
    submission.mergeScript = mergeScript;
    submission.specPath = specPath;
    submission.quiet = isQuiet;
    return submitAndWait(submission, [&](const QString &csv, const QString &jsonPath) {
        return mergeInto({QString::fromStdString(request.out)}, csv, jsonPath);
    });
}

} // namespace headroom::cli
