#include "core/io/import/alibaba_openb.h"

#include "core/io/import/delimited_text.h"
#include "core/io/import/node_type_naming.h"
#include "core/io/input_error.h"
#include "core/io/reading_file.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace headroom {
namespace {

// The CSV being read and the record at hand, for errors that name the line and column.
class CsvRow
{
public:
    CsvRow(const std::string &file, const HeaderColumns &columns, const TextRecord &header)
        : m_file(file)
        , m_columns(columns)
        , m_header(header)
    {}

    void at(const TextRecord &record) { m_record = &record; }
    int line() const { return m_record->line; }

    std::size_t column(std::string_view name) const { return m_columns.require(name); }
    const std::string &text(std::size_t column) const { return m_record->fields[column]; }

    [[noreturn]] void fail(std::size_t column, const std::string &message) const
    {
        throw InputError(m_file, m_record->line, m_header.fields[column], message);
    }

    double number(std::size_t column, double minimum, double maximum) const
    {
        const std::optional<double> value = parseDecimal(text(column));
        if (!value)
            fail(column, "not a number: " + quotedForError(text(column)));
        if (*value < minimum || *value > maximum)
            fail(column, "out of range: " + quotedForError(text(column)) + " (expected " +
                                 rangeText(minimum, maximum) + ")");
        return *value;
    }

    double wholeNumber(std::size_t column, double minimum, double maximum) const
    {
        const double value = number(column, minimum, maximum);
        if (value != std::floor(value))
            fail(column, "not a whole number: " + quotedForError(text(column)));
        return value;
    }

private:
    static std::string rangeText(double minimum, double maximum)
    {
        const auto format = [](double v) {
            return v == std::floor(v) && std::fabs(v) < 1e15 ? std::to_string(std::int64_t(v))
                                                             : std::to_string(v);
        };
        return format(minimum) + " to " + format(maximum);
    }

    const std::string &m_file;
    const HeaderColumns &m_columns;
    const TextRecord &m_header;
    const TextRecord *m_record = nullptr;
};

constexpr double kMaxMilli = 1e12;

struct OpenbNodes
{
    ImportedNodeTypes types;
    std::vector<Zone> zones; // one per model, one rack each
    int nodes = 0;
};

std::string zoneForModel(const std::string &model)
{
    return model.empty() ? std::string("cpu") : model;
}

void readNodes(std::string_view text, const std::string &file, ImportSlots slots, OpenbNodes &out,
               ImportSummary &summary, ReadProgress *progress)
{
    DelimitedReader reader(text, file, ',', Quoting::Rfc4180, progress);
    TextRecord header;
    if (!reader.next(header))
        throw InputError(file, 0, "", "empty file: expected the openb node list with its header");
    const HeaderColumns columns(header, file);
    CsvRow row(file, columns, header);
    const std::size_t sn = columns.require("sn");
    const std::size_t cpuMilli = columns.require("cpu_milli");
    const std::size_t memoryMib = columns.require("memory_mib");
    const std::size_t gpu = columns.require("gpu");
    const std::size_t model = columns.require("model");
    std::map<std::string, int> lines;
    const std::string source = "Alibaba cluster-trace-gpu-v2023 node list (" + file + ")";
    for (TextRecord record; reader.next(record);) {
        columns.checkWidth(record);
        row.at(record);
        const std::string &name = row.text(sn);
        if (name.empty())
            row.fail(sn, "empty node name");
        if (const auto [previous, inserted] = lines.try_emplace(name, record.line); !inserted)
            row.fail(sn, "duplicate node " + quotedForError(name) + " (also on line " +
                                 std::to_string(previous->second) + ")");
        const double cores = row.number(cpuMilli, 0.0, kMaxMilli) / 1000.0;
        const double memoryGb = row.number(memoryMib, 0.0, kMaxMilli) / 1024.0;
        const auto gpus = int(row.wholeNumber(gpu, 0.0, limits::kMaxSlots));
        const std::string &modelName = row.text(model);
        std::string type;
        if (slots == ImportSlots::Gpu) {
            if (gpus == 0) {
                countSkip(summary.nodesSkipped, "no GPUs (import with --slots cpu for CPU nodes)");
                continue;
            }
            type = out.types.typeFor(zoneForModel(modelName) + "-" + std::to_string(gpus) + "gpu",
                                     modelName, gpus, int(cores), memoryGb, source);
        } else {
            const auto slotCount = int(std::floor(cores));
            if (slotCount < 1) {
                countSkip(summary.nodesSkipped, "less than one CPU core");
                continue;
            }
            type = out.types.typeFor(zoneForModel(modelName) + "-" + std::to_string(slotCount) +
                                             "c",
                                     "CPU core", slotCount, slotCount, memoryGb, source);
        }
        const std::string zoneName = zoneForModel(modelName);
        Zone *zone = nullptr;
        for (Zone &candidate : out.zones)
            zone = candidate.name == zoneName ? &candidate : zone;
        if (!zone) {
            out.zones.push_back({zoneName, {Rack{zoneName + "-nodes", std::nullopt, {}}}});
            zone = &out.zones.back();
        }
        zone->racks.front().nodes.emplace_back(name, type);
        ++out.nodes;
    }
}

std::vector<Job> readPods(std::string_view text, const std::string &file, ImportSlots slotKind,
                          const std::set<std::string> &zones, ImportSummary &summary,
                          ReadProgress *progress)
{
    DelimitedReader reader(text, file, ',', Quoting::Rfc4180, progress);
    TextRecord header;
    if (!reader.next(header))
        throw InputError(file, 0, "", "empty file: expected the openb pod list with its header");
    const HeaderColumns columns(header, file);
    CsvRow row(file, columns, header);
    const std::size_t name = columns.require("name");
    const std::size_t cpuMilli = columns.require("cpu_milli");
    const std::size_t numGpu = columns.require("num_gpu");
    const std::size_t gpuMilli = columns.require("gpu_milli");
    const std::size_t gpuSpec = columns.require("gpu_spec");
    const std::size_t qos = columns.require("qos");
    const std::size_t creation = columns.require("creation_time");
    const std::size_t deletion = columns.require("deletion_time");
    const std::size_t scheduled = columns.require("scheduled_time");
    std::vector<Job> jobs;
    long long severalModels = 0;
    for (TextRecord record; reader.next(record);) {
        columns.checkWidth(record);
        row.at(record);
        ++summary.jobRecords;
        const double submit = row.number(creation, 0.0, limits::kMaxSeconds);
        const auto gpus = int(row.wholeNumber(numGpu, 0.0, limits::kMaxSlots));
        const double milli = row.number(gpuMilli, 0.0, 1000.0);
        const double cpus = row.number(cpuMilli, 0.0, kMaxMilli);
        if (row.text(scheduled).empty()) {
            countSkip(summary.jobsSkipped, "never scheduled");
            continue;
        }
        const double start = row.number(scheduled, 0.0, limits::kMaxSeconds);
        if (row.text(deletion).empty()) {
            countSkip(summary.jobsSkipped, "still running at capture (no deletion_time)");
            continue;
        }
        const double end = row.number(deletion, 0.0, limits::kMaxSeconds);
        if (end < start)
            row.fail(deletion, "before scheduled_time (" + row.text(scheduled) + ")");
        if (end == start) {
            countSkip(summary.jobsSkipped, "ran for 0 s");
            continue;
        }
        int slots = gpus;
        if (slotKind == ImportSlots::Cpu) {
            // Whole cores: a pod asking for 500 millicores still occupies a core's slot.
            slots = static_cast<int>(std::ceil(cpus / 1000.0));
            if (slots > limits::kMaxSlots)
                row.fail(cpuMilli, "more than " + std::to_string(limits::kMaxSlots) + " cores");
            if (slots == 0) {
                countSkip(summary.jobsSkipped, "asks for no CPU");
                continue;
            }
        } else if (slots == 0) {
            // Under GPU slots a CPU-only pod is not part of the GPU workload.
            countSkip(summary.jobsSkipped, "CPU-only pod (import with --slots cpu to keep it)");
            continue;
        }
        const bool sharesGpu = slotKind == ImportSlots::Gpu && milli < 1000.0;

        Job job;
        job.id = static_cast<JobId>(summary.jobRecords);
        job.name = row.text(name);
        job.tenant = row.text(qos);
        job.submitS = submit;
        job.slots = slots;
        job.runS = end - start;
        // "V100M16|V100M32": the pod runs on any of these models. One model present becomes a
        // zone constraint; several cannot be one constraint, so the pod may run anywhere.
        std::vector<std::string> models;
        std::string_view spec = row.text(gpuSpec);
        bool listed = !spec.empty();
        while (!spec.empty()) {
            const std::size_t bar = spec.find('|');
            const std::string model(trimSpaces(spec.substr(0, bar)));
            if (zones.count(model) > 0 &&
                std::find(models.begin(), models.end(), model) == models.end())
                models.push_back(model);
            spec = bar == std::string_view::npos ? std::string_view() : spec.substr(bar + 1);
        }
        if (listed && models.empty()) {
            countSkip(summary.jobsSkipped, "its gpu_spec names no GPU model of the node list");
            continue;
        }
        if (models.size() == 1) {
            JobConstraints constraints;
            constraints.zone = models.front();
            job.constraints = constraints;
        } else if (models.size() > 1) {
            ++severalModels;
        }
        if (sharesGpu)
            ++summary.sharedGpuPods;
        jobs.push_back(std::move(job));
    }
    if (severalModels > 0)
        summary.notes.push_back(severalModels == 1
                                        ? std::string("1 pod allows several GPU models: it may "
                                                      "run on any node")
                                        : std::to_string(severalModels) +
                                                  " pods allow several GPU models: they may run "
                                                  "on any node");
    return jobs;
}

} // namespace

ImportResult parseOpenb(std::string_view nodesText, const std::string &nodesFile,
                        std::string_view podsText, const std::string &podsFile, ImportSlots slots,
                        ReadProgress *progress)
{
    ImportResult result;
    ImportSummary &summary = result.summary;
    summary.format = "Alibaba GPU trace (openb): " + nodesFile + ", " + podsFile;
    OpenbNodes nodes;
    readNodes(nodesText, nodesFile, slots, nodes, summary, progress);
    std::set<std::string> zones;
    for (const Zone &zone : nodes.zones)
        zones.insert(zone.name);
    std::vector<Job> jobs = readPods(podsText, podsFile, slots, zones, summary, progress);
    summary.jobsImported = static_cast<long long>(jobs.size());
    summary.nodesCreated = nodes.nodes;
    summary.nodeTypesCreated = static_cast<int>(nodes.types.types().size());
    if (summary.sharedGpuPods > 0)
        summary.notes.push_back("pods sharing a GPU (gpu_milli < 1000) take a whole GPU here; "
                                "fractional GPUs are not modelled yet");
    summary.timeOrigin = "the trace's own time 0 (times kept as they are)";
    result.jobs = std::move(jobs);
    result.nodeTypes = std::move(nodes.types.types());
    result.cluster = Cluster{std::move(nodes.zones)};
    return result;
}

ImportResult readOpenb(const std::string &nodesPath, const std::string &podsPath, ImportSlots slots,
                       ReadProgress *progress)
{
    // The pods file is the large one: running out of memory names it.
    return readingFile(podsPath, [&] {
        const std::string nodes = readTextFile(nodesPath);
        const std::string pods = readTextFile(podsPath);
        return parseOpenb(nodes, nodesPath, pods, podsPath, slots, progress);
    });
}

} // namespace headroom
