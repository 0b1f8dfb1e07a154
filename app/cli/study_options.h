#pragma once

#include "app/cli/progress_reporter.h"
#include "app/cli/report_output.h"
#include "app/cli/simulate_command.h"
#include "core/plan/evaluation.h"
#include "core/plan/worker_pool.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace headroom::cli {

// The options `size` and `runway` share (docs/design.md §7): how the scenario is read and
// run, and the study's pool and cost model.
class StudyOptions
{
public:
    StudyOptions();
    void addTo(QCommandLineParser &parser) const;

    // The input, overrides and load scale as `simulate` takes them (loadInput).
    SimulateOptions simulateOptions(const QCommandLineParser &parser, const QString &command,
                                    const QString &input) const;
    double loadScale(const QCommandLineParser &parser, const QString &command) const;
    // 0: one per hardware thread.
    int threads(const QCommandLineParser &parser, const QString &command) const;
    double amortizationYears(const QCommandLineParser &parser, const QString &command) const;
    bool quiet(const QCommandLineParser &parser) const { return parser.isSet(m_quiet); }

private:
    QCommandLineOption m_scheduler;
    QCommandLineOption m_placement;
    QCommandLineOption m_loadScale;
    QCommandLineOption m_threads;
    QCommandLineOption m_amortization;
    QCommandLineOption m_nodes;
    QCommandLineOption m_quiet;
};

// A file a command writes, made in full before any is written.
struct OutputFile
{
    QString path;
    std::string content;
};

// Adds the planning report `request` asks for (none: nothing) to `outputs`, with the scenario's
// currency. False, the reason printed, when the report cannot be made.
bool addStudyReport(const StudyReport &request, const LoadedInput &loaded,
                    report::PlanningStudies studies, std::vector<OutputFile> &outputs);

// Whether each non-empty path can be written now; the first that cannot is explained on
// stderr (outputs are checked before the long work, docs/design.md §6.7).
bool outputsWritable(const QStringList &paths);

// Writes each output atomically, in order; kExitOk, or kExitIoError after saying why.
int writeOutputs(const std::vector<OutputFile> &outputs);

// writeOutputs, and with no output named (and not quiet) `result` on stdout instead.
int writeOutputsOrPrint(const std::vector<OutputFile> &outputs, const std::string &result,
                        bool quiet);

// Runs a planning study, study(pool, onProgress), on a pool of `threads` with the count of
// simulations done on stderr (on a terminal, unless quiet); returns what the study returns.
template<typename Study>
auto runStudy(int threads, bool quiet, Study &&study)
{
    WorkerPool pool(threads);
    ProgressReporter progress(!quiet && stderrIsTerminal(), 0);
    auto result = study(pool, [&progress](const PlanProgress &p) {
        progress.updateEvaluations(p.done, p.total);
    });
    progress.finish();
    return result;
}

} // namespace headroom::cli
