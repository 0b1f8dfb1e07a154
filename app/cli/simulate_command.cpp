#include "app/cli/simulate_command.h"

#include "app/cli/command_line.h"
#include "app/cli/exit_codes.h"
#include "app/cli/progress_reporter.h"
#include "app/cli/report_output.h"
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/input_kind.h"
#include "core/io/run_outputs.h"
#include "core/io/scenario_json.h"
#include "core/io/swf_reader.h"
#include "core/metrics/breakdown.h"
#include "core/model/validation.h"
#include "core/plan/load_scale.h"
#include "report/report_data.h"
#include "report/report_document.h"
#include "report/save_file.h"

#include <QDir>

#include <cstdio>
#include <exception>
#include <new>
#include <optional>
#include <vector>

namespace headroom::cli {

LoadedInput readInput(const QString &input, std::optional<int> nodes)
{
    const std::string path = input.toStdString();
    LoadedInput loaded;
    if (detectInputKind(path) == InputKind::SwfTrace) {
        SwfOptions swfOptions;
        swfOptions.nodes = nodes;
        SwfTrace trace = readSwf(path, swfOptions);
        loaded.scenario = std::move(trace.scenario);
        loaded.skipped = trace.skipped;
    } else {
        loaded.scenario = loadScenarioFile(path);
    }
    return loaded;
}

LoadedInput loadInput(const SimulateOptions &options)
{
    const std::string path = options.input.toStdString();
    LoadedInput loaded = readInput(options.input, options.nodes);
    if (options.loadScale)
        loaded.scenario = scaleLoad(std::move(loaded.scenario), *options.loadScale);
    const bool overridden = options.loadScale || options.scheduler || options.placement ||
                            options.sampleIntervalS || options.restartOverheadS || options.seed;
    Policy &policy = loaded.scenario.policy;
    if (options.scheduler)
        policy.scheduler = *options.scheduler;
    if (options.placement)
        policy.placement = *options.placement;
    if (options.sampleIntervalS)
        policy.sampleIntervalS = *options.sampleIntervalS;
    if (options.restartOverheadS)
        policy.srtfRestartOverheadS = *options.restartOverheadS;
    if (options.seed)
        loaded.scenario.seed = *options.seed;
    // The readers validated the file; command-line overrides are checked the same way. They
    // change only the policy and the seed, so the jobs (a million in a trace) are not checked
    // again.
    if (overridden) {
        std::vector<Job> jobs = std::move(loaded.scenario.jobs);
        loaded.scenario.jobs.clear();
        const std::vector<Problem> problems = validateScenario(loaded.scenario);
        loaded.scenario.jobs = std::move(jobs);
        if (!problems.empty())
            throw InputError(path, 0, problems.front().path, problems.front().message);
    }
    return loaded;
}

namespace {

// Whether `path` (when asked for) can be written, saying why not on stderr.
bool writable(const QString &path)
{
    QString error;
    if (path.isEmpty() || report::canSaveFile(path, &error))
        return true;
    printError(error);
    return false;
}

} // namespace

int runSimulate(const SimulateOptions &options)
{
    const std::optional<ReportFormat> format = reportFormat(options.report);
    if (!format) {
        printError(QStringLiteral("--report: cannot tell the format of '%1'; name the file "
                                  "*.pdf or *.html")
                           .arg(options.report));
        return kExitUsage;
    }
    QDate reportDate;
    if (*format != ReportFormat::None) {
        QString dateError;
        reportDate = report::reportDateFromEnvironment(&dateError);
        if (!dateError.isEmpty()) {
            printError(dateError);
            return kExitUsage;
        }
    }

    // Check every output first: a bad path fails now, not after a long run.
    if (!writable(options.metricsJson) || !writable(options.jobsCsv) ||
        !writable(options.timeseriesCsv) || !writable(options.report))
        return kExitIoError;
    // --csv-dir: which tables there are depends on the scenario (services.csv), so they are
    // checked once it is read.
    QString ioError;
    if (!options.csvDir.isEmpty() && !report::makeDirectory(options.csvDir, &ioError)) {
        printError(ioError);
        return kExitIoError;
    }
    const auto csvPath = [&](const std::string &name) {
        return QDir(options.csvDir).filePath(QString::fromStdString(name));
    };

    LoadedInput input;
    try {
        input = loadInput(options);
    } catch (const std::exception &error) {
        printError(QString::fromStdString(error.what()));
        return kExitBadInput;
    }
    if (!options.csvDir.isEmpty()) {
        for (const std::string &name : csvTableNames(input.scenario)) {
            if (!writable(csvPath(name)))
                return kExitIoError;
        }
    }

    RunResult result;
    const std::size_t jobCount = input.scenario.jobs.size();
    try {
        Simulation simulation(input.scenario);
        // The engine keeps its own compact copy of the jobs; only the CSV tables and the report
        // read the scenario's afterwards (a million-job trace holds ~70 MB there).
        if (options.csvDir.isEmpty() && *format == ReportFormat::None)
            std::vector<Job>().swap(input.scenario.jobs);
        // Only the time series, the CSV tables and the report read samples.
        simulation.setRecordsSamples(!options.timeseriesCsv.isEmpty() ||
                                     !options.csvDir.isEmpty() || !options.report.isEmpty());
        ProgressReporter progress(!options.quiet && stderrIsTerminal(),
                                  static_cast<long long>(jobCount));
        // Check the clock every few thousand batches: cheap, and still smooth.
        constexpr int kBatchesPerCheck = 4096;
        while (!simulation.finished()) {
            for (int i = 0; i < kBatchesPerCheck && simulation.step(); ++i) {
            }
            progress.update(simulation.status());
        }
        progress.finish();
        // Only the jobs CSV, the CSV tables and the report read per-job outcomes.
        result = simulation.takeResult(!options.jobsCsv.isEmpty() || !options.csvDir.isEmpty() ||
                                       *format != ReportFormat::None);
    } catch (const std::exception &error) {
        printError(failureMessage(error, options.input,
                                  QStringLiteral("simulating it (%1 jobs)").arg(jobCount)));
        return kExitBadInput;
    }
    result.metrics.jobsSkipped = input.skipped;

    const RunInfo info = report::runInfoFor(input.scenario);

    // Every output is made before the first is written: a report that cannot be made leaves
    // no output of this run behind, and the set is committed together (report::saveFiles).
    struct Output
    {
        QString path;
        std::string content;
    };
    std::vector<Output> outputs;
    if (!options.metricsJson.isEmpty())
        outputs.push_back({options.metricsJson, metricsJson(result.metrics, info)});
    if (!options.jobsCsv.isEmpty())
        outputs.push_back({options.jobsCsv, jobsCsv(result)});
    if (!options.timeseriesCsv.isEmpty())
        outputs.push_back({options.timeseriesCsv, timeseriesCsv(result)});
    if (!options.csvDir.isEmpty()) {
        for (CsvTable &table : csvTables(input.scenario, result))
            outputs.push_back({csvPath(table.fileName), std::move(table.content)});
    }
    if (*format != ReportFormat::None) {
        report::ReportOptions reportOptions;
        reportOptions.date = reportDate;
        const report::ReportData data =
                report::buildReportData(input.scenario, result, info, reportOptions);
        std::string bytes = reportBytes(*format, report::buildReportDocument(data), &ioError);
        if (bytes.empty()) {
            printError(report::writeError(options.report, ioError));
            return kExitIoError;
        }
        outputs.push_back({options.report, std::move(bytes)});
    }
    // All outputs are complete on disk before any replaces its path (report::saveFiles).
    std::vector<report::FileToSave> files;
    for (const Output &output : outputs)
        files.push_back({output.path, output.content});
    if (!report::saveFiles(files, &ioError)) {
        printError(ioError);
        return kExitIoError;
    }
    if (outputs.empty() && !options.quiet) {
        // Nothing requested: print the headline metrics so the run is not silent.
        std::fputs(metricsJson(result.metrics, info).c_str(), stdout);
    }
    return kExitOk;
}

} // namespace headroom::cli
