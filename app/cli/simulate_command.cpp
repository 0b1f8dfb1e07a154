#include "app/cli/simulate_command.h"

#include "app/cli/exit_codes.h"
#include "app/cli/output_file.h"
#include "app/cli/progress_reporter.h"
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/run_outputs.h"
#include "core/io/scenario_json.h"
#include "core/io/swf_reader.h"
#include "core/metrics/breakdown.h"
#include "core/model/validation.h"
#include "ui/report/report_data.h"
#include "ui/report/report_document.h"
#include "ui/report/report_html.h"
#include "ui/report/report_pdf.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>

#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
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

void printError(const QString &message)
{
    std::fprintf(stderr, "headroom-cli: error: %s\n", message.toLocal8Bit().constData());
}

enum class ReportFormat { None, Pdf, Html };

// The report's format, by the file name (main.cpp makes the same test to start a
// QGuiApplication for PDF).
std::optional<ReportFormat> reportFormat(const QString &path)
{
    if (path.isEmpty())
        return ReportFormat::None;
    const QString lower = path.toLower();
    if (lower.endsWith(".pdf"))
        return ReportFormat::Pdf;
    if (lower.endsWith(".html") || lower.endsWith(".htm"))
        return ReportFormat::Html;
    return std::nullopt;
}

std::string reportBytes(ReportFormat format, const ui::ReportDocument &document, QString *error)
{
    if (format == ReportFormat::Html) {
        const QByteArray html = ui::reportHtml(document).toUtf8();
        return std::string(html.constData(), std::size_t(html.size()));
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("PDF output needs the GUI library's application object");
        return {};
    }
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    if (!ui::writeReportPdf(document, &buffer, error))
        return {};
    return std::string(pdf.constData(), std::size_t(pdf.size()));
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
        reportDate = ui::reportDateFromEnvironment(&dateError);
        if (!dateError.isEmpty()) {
            printError(dateError);
            return kExitUsage;
        }
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
    OutputFile *reportOut = nullptr;
    if (!open(options.report, reportOut))
        return kExitIoError;
    // --csv-dir: each file is atomic on its own, like every other output. Which tables there
    // are depends on the scenario (services.csv), so they are opened once it is read.
    if (!options.csvDir.isEmpty() && !QDir(options.csvDir).mkpath(QStringLiteral("."))) {
        printError(QStringLiteral("cannot create directory %1").arg(options.csvDir));
        return kExitIoError;
    }

    LoadedInput input;
    try {
        input = loadInput(options);
    } catch (const std::exception &error) {
        printError(QString::fromStdString(error.what()));
        return kExitBadInput;
    }
    std::vector<OutputFile *> csvOut; // in csvTableNames() order
    if (!options.csvDir.isEmpty()) {
        for (const std::string &name : csvTableNames(input.scenario)) {
            OutputFile *file = nullptr;
            if (!open(QDir(options.csvDir).filePath(QString::fromStdString(name)), file))
                return kExitIoError;
            csvOut.push_back(file);
        }
    }

    RunResult result;
    try {
        Simulation simulation(input.scenario);
        // Only the time series, the CSV tables and the report read samples.
        simulation.setRecordsSamples(timeseriesOut || !csvOut.empty() || reportOut);
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

    const RunInfo info = ui::runInfoFor(input.scenario);

    if (metricsOut)
        metricsOut->setContent(metricsJson(result.metrics, info));
    if (jobsOut)
        jobsOut->setContent(jobsCsv(result));
    if (timeseriesOut)
        timeseriesOut->setContent(timeseriesCsv(result));
    if (!csvOut.empty()) {
        const std::vector<CsvTable> tables = csvTables(input.scenario, result);
        for (std::size_t i = 0; i < csvOut.size(); ++i)
            csvOut[i]->setContent(tables[i].content);
    }
    if (reportOut) {
        ui::ReportOptions reportOptions;
        reportOptions.date = reportDate;
        const ui::ReportData data =
                ui::buildReportData(input.scenario, result, info, reportOptions);
        QString error;
        std::string bytes = reportBytes(*format, ui::buildReportDocument(data), &error);
        if (bytes.empty()) {
            printError(QStringLiteral("cannot write %1: %2").arg(options.report, error));
            return kExitIoError;
        }
        reportOut->setContent(std::move(bytes));
    }
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
