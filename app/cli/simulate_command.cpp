#include "app/cli/simulate_command.h"

#include "app/cli/exit_codes.h"
#include "app/cli/output_file.h"
#include "app/cli/progress_reporter.h"
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/run_outputs.h"
#include "core/io/scenario_json.h"
#include "core/io/swf_reader.h"
#include "core/model/validation.h"

#include <QFileInfo>

#include <cstdio>
#include <exception>
#include <memory>
#include <vector>

namespace headroom::cli {
namespace {

struct LoadedInput
{
    Scenario scenario;
    long long skipped = 0;
};

bool looksLikeSwf(const QString &path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(".swf") || lower.endsWith(".swf.gz"))
        return true;
    if (lower.endsWith(".json"))
        return false;
    // Unknown extension: a scenario is a JSON object, a trace starts with ';' or a number.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false; // let the JSON reader report the open error
    const QByteArray head = file.peek(512).trimmed();
    return !head.startsWith('{');
}

LoadedInput loadInput(const SimulateOptions &options)
{
    const std::string path = options.input.toStdString();
    LoadedInput loaded;
    if (looksLikeSwf(options.input)) {
        SwfOptions swfOptions;
        swfOptions.nodes = options.nodes;
        SwfTrace trace = readSwf(path, swfOptions);
        loaded.scenario = std::move(trace.scenario);
        loaded.skipped = trace.skipped;
    } else {
        loaded.scenario = loadScenarioFile(path);
    }
    const bool overridden = options.scheduler || options.placement || options.sampleIntervalS ||
                            options.restartOverheadS || options.seed;
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
    // The readers validated the file; command-line overrides are checked the same way.
    if (overridden) {
        const std::vector<Problem> problems = validateScenario(loaded.scenario);
        if (!problems.empty())
            throw InputError(path, 0, problems.front().path, problems.front().message);
    }
    return loaded;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "headroom-cli: error: %s\n", message.toLocal8Bit().constData());
}

} // namespace

int runSimulate(const SimulateOptions &options)
{
    if (!options.report.isEmpty()) {
        printError(QStringLiteral("--report is not available in this build yet (planned: PDF "
                                  "and HTML planning reports); use --metrics-json, --jobs-csv "
                                  "and --timeseries-csv"));
        return kExitUsage;
    }

    // Open every output first: a bad path fails now, not after a long run, and nothing is
    // written under the final names unless the whole run succeeds.
    std::vector<std::unique_ptr<OutputFile>> outputs;
    OutputFile *metricsOut = nullptr;
    OutputFile *jobsOut = nullptr;
    OutputFile *timeseriesOut = nullptr;
    auto open = [&](const QString &path, OutputFile *&slot) {
        if (path.isEmpty())
            return true;
        outputs.push_back(std::make_unique<OutputFile>(path));
        slot = outputs.back().get();
        if (!slot->open()) {
            printError(slot->errorText());
            return false;
        }
        return true;
    };
    if (!open(options.metricsJson, metricsOut) || !open(options.jobsCsv, jobsOut) ||
        !open(options.timeseriesCsv, timeseriesOut))
        return kExitIoError;

    LoadedInput input;
    try {
        input = loadInput(options);
    } catch (const std::exception &error) {
        printError(QString::fromStdString(error.what()));
        return kExitBadInput;
    }

    RunResult result;
    try {
        Simulation simulation(input.scenario);
        ProgressReporter progress(!options.quiet && stderrIsTerminal(),
                                  static_cast<long long>(input.scenario.jobs.size()));
        // Check the clock every few thousand batches: cheap, and still smooth.
        constexpr int kBatchesPerCheck = 4096;
        while (!simulation.finished()) {
            for (int i = 0; i < kBatchesPerCheck && simulation.step(); ++i) {
            }
            progress.update(simulation.status());
        }
        progress.finish();
        result = simulation.result();
    } catch (const std::exception &error) {
        printError(QString::fromStdString(error.what()));
        return kExitBadInput;
    }
    result.metrics.jobsSkipped = input.skipped;

    RunInfo info;
    info.scenarioName = input.scenario.name;
    info.scheduler = input.scenario.policy.scheduler;
    info.placement = input.scenario.policy.placement;
    info.seed = input.scenario.seed;
    info.sampleIntervalS = input.scenario.policy.sampleIntervalS;
    info.nodes = input.scenario.cluster.nodeCount();
    for (const Zone &zone : input.scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes) {
                if (const NodeType *type = input.scenario.findNodeType(node.type))
                    info.totalSlots += type->accelerators;
            }
        }
    }

    if (metricsOut)
        metricsOut->setContent(metricsJson(result.metrics, info));
    if (jobsOut)
        jobsOut->setContent(jobsCsv(result));
    if (timeseriesOut)
        timeseriesOut->setContent(timeseriesCsv(result));
    for (const auto &output : outputs) {
        if (!output->commit()) {
            printError(output->errorText());
            return kExitIoError;
        }
    }
    if (outputs.empty() && !options.quiet) {
        // Nothing requested: print the headline metrics so the run is not silent.
        std::fputs(metricsJson(result.metrics, info).c_str(), stdout);
    }
    return kExitOk;
}

} // namespace headroom::cli
