#include "app/cli/slurm_submit.h"

#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/progress_reporter.h"
#include "core/io/sweep_outputs.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <cstdio>

namespace headroom::cli {
namespace {

struct Finished
{
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Finished runProgram(const QString &program, const QStringList &arguments)
{
    constexpr int kTimeoutMs = 120000;
    QProcess process;
    process.start(program, arguments);
    Finished finished;
    if (!process.waitForStarted())
        return finished;
    finished.started = true;
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    finished.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    finished.out = process.readAllStandardOutput();
    finished.err = process.readAllStandardError();
    return finished;
}

// "4242" or "4242;cluster" (sbatch --parsable) -> "4242"; empty when it is not a job id.
QString jobIdOf(const QByteArray &parsable)
{
    const QString id = QString::fromUtf8(parsable).trimmed().section(';', 0, 0);
    bool numeric = false;
    id.toULongLong(&numeric);
    return numeric ? id : QString();
}

// sbatch --parsable ARGUMENTS; the job id, or empty after explaining why on stderr.
QString submit(const QStringList &arguments, const QString &what)
{
    const Finished sbatch = runProgram("sbatch", QStringList{"--parsable"} + arguments);
    if (!sbatch.started) {
        printError(QStringLiteral("cannot run sbatch to submit %1: is Slurm's client installed "
                                  "and on the PATH?")
                           .arg(what));
        return {};
    }
    const QString id = jobIdOf(sbatch.out);
    if (sbatch.exitCode != 0 || id.isEmpty())
        printError(QStringLiteral("sbatch refused %1: %2")
                           .arg(what, QString::fromUtf8(sbatch.err + sbatch.out).trimmed()));
    return sbatch.exitCode == 0 ? id : QString();
}

// The last lines of a log, indented, for the failure report.
QString logTail(const QString &path)
{
    constexpr int kLines = 5;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("    (no log: the task did not start)\n");
    QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    if (lines.size() > kLines)
        lines = lines.mid(lines.size() - kLines);
    QString text;
    for (const QString &line : lines)
        text += "    " + line + "\n";
    return text;
}

} // namespace

int submitAndWait(const SlurmSubmission &submission, const SweepMerge &merge)
{
    const SweepJobRequest &request = submission.request;
    const QDir out(QString::fromStdString(request.out));
    const auto shardFile = [&](int shard) {
        return out.filePath(QString::fromStdString(sweepShardFileName({shard, request.shards})));
    };
    for (int shard = 0; shard < request.shards; ++shard)
        QFile::remove(shardFile(shard));
    const QString csv = out.filePath("results.csv");
    const QString json = out.filePath("results.json");
    QFile::remove(csv);
    QFile::remove(json);

    const QString array = submit({submission.arrayScript}, QStringLiteral("the job array"));
    if (array.isEmpty())
        return kExitJobFailed;
    const QString mergeJob = submit(
            {"--dependency=afterok:" + array, "--kill-on-invalid-dep=yes", submission.mergeScript},
            QStringLiteral("the merge job"));
    if (mergeJob.isEmpty())
        return kExitJobFailed;
    if (!submission.quiet)
        std::fprintf(stderr,
                     "headroom-cli: submitted job array %s (%d tasks) and its merge, job %s\n",
                     qPrintable(array), request.shards, qPrintable(mergeJob));

    // squeue rather than `sbatch --wait`, which notices the end seconds late.
    const bool showProgress = !submission.quiet && stderrIsTerminal();
    QElapsedTimer clock;
    clock.start();
    constexpr int kMaxQueueFailures = 30;
    int failures = 0;
    for (;;) {
        const Finished queue = runProgram("squeue", {"-h", "-j", array + "," + mergeJob});
        if (queue.exitCode == 0 && queue.out.trimmed().isEmpty())
            break;
        // Jobs the controller has already forgotten are "invalid": they are over.
        if (queue.exitCode != 0 && queue.err.contains("Invalid job id"))
            break;
        if (queue.exitCode != 0) {
            if (++failures >= kMaxQueueFailures) {
                printError(QStringLiteral("squeue keeps failing: %1")
                                   .arg(QString::fromUtf8(queue.err).trimmed()));
                return kExitJobFailed;
            }
        } else {
            failures = 0;
            if (showProgress)
                std::fprintf(stderr,
                             "\r  waiting for Slurm: %lld jobs queued or running, %.0f s   ",
                             static_cast<long long>(queue.out.trimmed().count('\n') + 1),
                             double(clock.elapsed()) / 1000.0);
        }
        QThread::msleep(1000);
    }
    if (showProgress)
        std::fputs("\n", stderr);

    // A task writes its result only when it succeeds (atomically), so a missing file is a
    // failed or cancelled task.
    int failed = 0;
    for (int shard = 0; shard < request.shards; ++shard) {
        if (QFileInfo(shardFile(shard)).isFile())
            continue;
        ++failed;
        const QString log = QString::fromStdString(slurmShardLog(request, shard));
        printError(QStringLiteral("shard %1 of %2 (array task %3_%1) failed; its log is %4:\n%5"
                                  "  rerun it alone with: sbatch --array=%1 %6\n"
                                  "  or here: headroom-cli sweep %7 --out %8 --shard %1/%2")
                           .arg(shard)
                           .arg(request.shards)
                           .arg(array, log, logTail(log),
                                QString::fromStdString(
                                        shellQuoted(submission.arrayScript.toStdString())),
                                submission.specPath, out.path())
                           .trimmed());
    }
    if (failed > 0) {
        printError(QStringLiteral("%1 of %2 shards failed; nothing merged")
                           .arg(failed)
                           .arg(request.shards));
        return kExitJobFailed;
    }
    const int status = merge(csv, json);
    if (status == kExitOk && !submission.quiet)
        std::fprintf(stderr, "headroom-cli: sweep done: %s\n", qPrintable(csv));
    return status;
}

} // namespace headroom::cli
