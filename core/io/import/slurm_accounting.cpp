#include "core/io/import/slurm_accounting.h"

#include "core/io/import/calendar_time.h"
#include "core/io/import/delimited_text.h"
#include "core/io/input_error.h"
#include "core/io/reading_file.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

#include <algorithm>
#include <compare>
#include <map>
#include <optional>
#include <utility>

namespace headroom {
namespace {

// What a job's State says about whether it ran (docs/design.md §9).
enum class Outcome {
    Ran,          // ended after running: its nodes were held from Start to End
    MaybeRan,     // CANCELLED, DEADLINE: ran only if it has a start before its end
    Pending,      // never started by the capture
    Running,      // started but not ended by the capture
    NeverStarted, // ended without starting (BOOT_FAIL, REVOKED)
    Unknown,
};

struct StateInfo
{
    Outcome outcome = Outcome::Unknown;
    const char *skipReason = "";
};

StateInfo classify(std::string_view state)
{
    static const std::map<std::string_view, StateInfo> kStates = {
            {"COMPLETED", {Outcome::Ran, ""}},
            {"FAILED", {Outcome::Ran, ""}},
            {"TIMEOUT", {Outcome::Ran, ""}},
            {"OUT_OF_MEMORY", {Outcome::Ran, ""}},
            {"NODE_FAIL", {Outcome::Ran, ""}},
            {"PREEMPTED", {Outcome::Ran, ""}},
            {"CANCELLED", {Outcome::MaybeRan, "cancelled before it started"}},
            {"DEADLINE", {Outcome::MaybeRan, "deadline passed before it started"}},
            {"PENDING", {Outcome::Pending, "pending at capture"}},
            {"REQUEUED", {Outcome::Pending, "pending at capture"}},
            {"REQUEUE_HOLD", {Outcome::Pending, "pending at capture"}},
            {"REQUEUE_FED", {Outcome::Pending, "pending at capture"}},
            {"SPECIAL_EXIT", {Outcome::Pending, "pending at capture"}},
            {"RUNNING", {Outcome::Running, "running at capture"}},
            {"SUSPENDED", {Outcome::Running, "running at capture"}},
            {"RESIZING", {Outcome::Running, "running at capture"}},
            {"COMPLETING", {Outcome::Running, "running at capture"}},
            {"CONFIGURING", {Outcome::Running, "running at capture"}},
            {"SIGNALING", {Outcome::Running, "running at capture"}},
            {"STAGE_OUT", {Outcome::Running, "running at capture"}},
            {"STOPPED", {Outcome::Running, "running at capture"}},
            {"BOOT_FAIL", {Outcome::NeverStarted, "its nodes failed to boot (BOOT_FAIL)"}},
            {"REVOKED", {Outcome::NeverStarted, "revoked by the federation (REVOKED)"}},
    };
    const auto found = kStates.find(state);
    return found == kStates.end() ? StateInfo{} : found->second;
}

constexpr const char *kDependencyReason = "dependency never satisfied";
constexpr const char *kNoGpus = "no GPUs allocated (CPU-only job)";
constexpr const char *kMissingTime = " (expected a time such as 2024-03-05T14:22:01, Unknown or "
                                     "None)";

bool isMissingTime(std::string_view text)
{
    return text.empty() || text == "Unknown" || text == "None";
}

// The GPUs a TRES list names: "gres/gpu=N", or the sum of "gres/gpu:TYPE=N" when it has no
// untyped total. std::nullopt when it names none.
std::optional<std::int64_t> tresGpus(std::string_view tres, const std::string &field,
                                     const std::string &file, int line)
{
    std::optional<std::int64_t> total;
    std::optional<std::int64_t> typed;
    while (!tres.empty()) {
        const std::size_t comma = tres.find(',');
        const std::string_view item = tres.substr(0, comma);
        tres = comma == std::string_view::npos ? std::string_view() : tres.substr(comma + 1);
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos)
            continue;
        const std::string_view key = item.substr(0, equals);
        const bool untyped = key == "gres/gpu";
        if (!untyped && !key.starts_with("gres/gpu:"))
            continue;
        const std::optional<std::int64_t> count = parseWholeNumber(item.substr(equals + 1));
        if (!count || *count < 0 || *count > limits::kMaxSlots)
            throw InputError(file, line, field,
                             std::string(key) + ": expected a GPU count from 0 to " +
                                     std::to_string(limits::kMaxSlots) + ", found " +
                                     quotedForError(item.substr(equals + 1)));
        if (untyped)
            total = *count;
        else
            typed = typed.value_or(0) + *count;
    }
    return total ? total : typed;
}

// Where Slurm puts a job among those submitted in the same second: by its array's job id (a
// plain job's own id), then by task index (sort_job_queue2 in slurmctld's job_scheduler.c;
// with priority/basic, priority follows submission, so it orders as the ids do).
struct SlurmRank
{
    JobId arrayJob = 0;
    std::int64_t task = -1; // -1: not an array task

    auto operator<=>(const SlurmRank &) const = default;
};

// An array task's JobID is "ARRAY_TASK" (45_3); anything else ranks by its JobIDRaw.
SlurmRank slurmRank(std::string_view jobIdText, JobId id)
{
    const std::size_t underscore = jobIdText.find('_');
    if (underscore == std::string_view::npos)
        return {id, -1};
    const std::optional<std::int64_t> array = parseWholeNumber(jobIdText.substr(0, underscore));
    const std::optional<std::int64_t> task = parseWholeNumber(jobIdText.substr(underscore + 1));
    if (!array || !task || *array < 0 || *task < 0)
        return {id, -1};
    return {*array, *task};
}

// Slurm starts the jobs submitted in the same second in SlurmRank order, the replay breaks
// such ties by id (docs/design.md §3.2), and an array's tasks hold the ids Slurm gave them
// as they started (the last task the array's own, lowest id). So the jobs of each submit
// second take that second's ids again, in Slurm's order; nothing changes in a second without
// array tasks. Returns how many jobs got another id.
long long renumberInSlurmOrder(std::vector<Job> &jobs, const std::vector<SlurmRank> &ranks)
{
    // Without array tasks every second keeps its ids: skip the sort of a million jobs.
    if (std::none_of(ranks.begin(), ranks.end(), [](const SlurmRank &r) { return r.task >= 0; }))
        return 0;
    std::vector<std::size_t> order(jobs.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (jobs[a].submitS != jobs[b].submitS)
            return jobs[a].submitS < jobs[b].submitS;
        return ranks[a] < ranks[b];
    });
    long long renumbered = 0;
    std::vector<JobId> ids;
    for (std::size_t begin = 0; begin < order.size();) {
        std::size_t end = begin + 1;
        while (end < order.size() && jobs[order[end]].submitS == jobs[order[begin]].submitS)
            ++end;
        ids.clear();
        for (std::size_t i = begin; i < end; ++i)
            ids.push_back(jobs[order[i]].id);
        std::sort(ids.begin(), ids.end());
        for (std::size_t i = begin; i < end; ++i) {
            Job &job = jobs[order[i]];
            if (job.id != ids[i - begin]) {
                job.id = ids[i - begin];
                ++renumbered;
            }
        }
        begin = end;
    }
    return renumbered;
}

class SacctParser
{
public:
    SacctParser(const std::string &file, ImportSlots slots, const Cluster &cluster,
                ReadProgress *progress)
        : m_file(file)
        , m_slots(slots)
        , m_cluster(cluster)
        , m_progress(progress)
    {}

    ImportResult parse(std::string_view text);

private:
    struct Columns
    {
        std::size_t jobId = 0;
        std::optional<std::size_t> jobIdRaw, jobName, account, partition, timelimitRaw, ncpus,
                allocTres, reqTres, reason;
        std::size_t submit = 0, start = 0, end = 0, state = 0;
    };

    void record(const TextRecord &record);
    [[noreturn]] void fail(std::size_t column, const std::string &message) const;
    const std::string &value(std::size_t column) const { return m_record->fields[column]; }
    std::string name(std::size_t column) const { return m_header->fields[column]; }
    double time(std::size_t column) const;
    JobId jobId() const;
    int slotCount() const;
    double requestedSeconds() const;
    void constrain(Job &job);
    void skip(const std::string &reason) { countSkip(m_result.summary.jobsSkipped, reason); }

    const std::string &m_file;
    ImportSlots m_slots;
    const Cluster &m_cluster;
    ReadProgress *m_progress;
    Columns m_columns;
    const TextRecord *m_header = nullptr;
    const TextRecord *m_record = nullptr;
    ImportResult m_result;
    std::vector<Job> m_jobs;
    std::vector<SlurmRank> m_ranks; // one per job of m_jobs
    std::map<JobId, int> m_idLines;
    // Partition -> the constraint it becomes, found once per partition.
    std::map<std::string, std::optional<JobConstraints>> m_partitions;
    std::map<std::string, long long> m_unmatchedPartitions;
};

void SacctParser::fail(std::size_t column, const std::string &message) const
{
    throw InputError(m_file, m_record->line, name(column), message);
}

double SacctParser::time(std::size_t column) const
{
    const std::string &text = value(column);
    if (isMissingTime(text))
        fail(column, "missing time " + quotedForError(text) + " for a job that ran");
    const std::optional<double> seconds = parseIsoTime(text);
    if (!seconds)
        fail(column, "not a time: " + quotedForError(text) + kMissingTime);
    return *seconds;
}

JobId SacctParser::jobId() const
{
    const std::size_t column = m_columns.jobIdRaw.value_or(m_columns.jobId);
    const std::optional<std::int64_t> id = parseWholeNumber(value(column));
    if (id)
        return *id;
    if (!m_columns.jobIdRaw)
        fail(column, "not a plain job id: " + quotedForError(value(column)) +
                             " (array and heterogeneous jobs need the JobIDRaw column)");
    fail(column, "not a job id: " + quotedForError(value(column)));
}

int SacctParser::slotCount() const
{
    if (m_slots == ImportSlots::Cpu) {
        const std::size_t column = *m_columns.ncpus;
        const std::optional<std::int64_t> cpus = parseWholeNumber(value(column));
        if (!cpus || *cpus < 0 || *cpus > limits::kMaxSlots)
            fail(column, "expected a CPU count from 0 to " + std::to_string(limits::kMaxSlots) +
                                 ", found " + quotedForError(value(column)));
        return int(*cpus);
    }
    for (const std::optional<std::size_t> &column : {m_columns.allocTres, m_columns.reqTres}) {
        if (!column)
            continue;
        if (const std::optional<std::int64_t> gpus =
                    tresGpus(value(*column), name(*column), m_file, m_record->line))
            return int(*gpus);
    }
    return 0;
}

double SacctParser::requestedSeconds() const
{
    if (!m_columns.timelimitRaw)
        return 0.0;
    const std::string &text = value(*m_columns.timelimitRaw);
    if (text.empty() || text == "UNLIMITED" || text == "Partition_Limit")
        return 0.0;
    const std::optional<std::int64_t> minutes = parseWholeNumber(text);
    if (!minutes || *minutes < 0 || double(*minutes) * 60.0 > limits::kMaxSeconds)
        fail(*m_columns.timelimitRaw,
             "expected minutes, UNLIMITED or Partition_Limit, found " + quotedForError(text));
    return double(*minutes) * 60.0;
}

void SacctParser::constrain(Job &job)
{
    if (!m_columns.partition)
        return;
    const std::string &partition = value(*m_columns.partition);
    if (partition.empty())
        return;
    auto [entry, inserted] = m_partitions.try_emplace(partition);
    if (inserted) {
        JobConstraints constraints;
        if (m_cluster.findZone(partition))
            constraints.zone = partition;
        else if (m_cluster.findRack(partition))
            constraints.rack = partition;
        if (!constraints.empty())
            entry->second = constraints;
    }
    if (entry->second)
        job.constraints = *entry->second;
    else
        ++m_unmatchedPartitions[partition];
}

void SacctParser::record(const TextRecord &record)
{
    m_record = &record;
    const std::string &jobIdText = value(m_columns.jobId);
    if (jobIdText.empty())
        fail(m_columns.jobId, "empty job id");
    // 123.batch, 123.extern, 123.0, 45_3.batch: steps run inside their job's allocation.
    if (jobIdText.find('.') != std::string::npos) {
        ++m_result.summary.stepsIgnored;
        return;
    }
    ++m_result.summary.jobRecords;

    // "CANCELLED by 1001": the state is the first word.
    const std::string &stateText = value(m_columns.state);
    const std::string_view state = std::string_view(stateText).substr(0, stateText.find(' '));
    const StateInfo info = classify(state);
    const bool dependency =
            m_columns.reason && value(*m_columns.reason).find("Dependency") != std::string::npos;
    switch (info.outcome) {
    case Outcome::Unknown:
        fail(m_columns.state, "unknown job state " + quotedForError(stateText));
    case Outcome::Pending:
        return skip(dependency ? kDependencyReason : info.skipReason);
    case Outcome::Running:
    case Outcome::NeverStarted:
        return skip(info.skipReason);
    case Outcome::Ran:
    case Outcome::MaybeRan:
        break;
    }
    const std::string &startText = value(m_columns.start);
    if (isMissingTime(startText)) {
        if (info.outcome == Outcome::MaybeRan)
            return skip(dependency ? kDependencyReason : info.skipReason);
        return skip("ended without a start time (" + std::string(state) + ")");
    }
    const double start = time(m_columns.start);
    const double end = time(m_columns.end);
    if (end < start)
        fail(m_columns.end, "ends before its Start (" + startText + ")");
    if (end == start) {
        // Slurm gives a job cancelled while pending its cancel time as Start.
        if (info.outcome == Outcome::MaybeRan)
            return skip(dependency ? kDependencyReason : info.skipReason);
        return skip("ran for 0 s");
    }
    const double submit = time(m_columns.submit);
    const int slots = slotCount();
    if (slots == 0)
        return skip(m_slots == ImportSlots::Gpu ? kNoGpus : "no CPUs allocated");
    if (end - start > limits::kMaxSeconds)
        fail(m_columns.end, "runs longer than 10^12 s after its Start");

    Job job;
    job.id = jobId();
    if (const auto [previous, inserted] = m_idLines.try_emplace(job.id, record.line); !inserted)
        fail(m_columns.jobIdRaw.value_or(m_columns.jobId),
             "duplicate job id " + std::to_string(job.id) + " (also on line " +
                     std::to_string(previous->second) + ")");
    if (m_columns.jobName)
        job.name = value(*m_columns.jobName);
    if (m_columns.account)
        job.tenant = value(*m_columns.account);
    job.submitS = submit;
    job.slots = slots;
    job.runS = end - start;
    job.requestedS = requestedSeconds();
    constrain(job);
    m_ranks.push_back(slurmRank(jobIdText, job.id));
    m_jobs.push_back(std::move(job));
}

ImportResult SacctParser::parse(std::string_view text)
{
    m_result.summary.format = "Slurm accounting (sacct -P): " + m_file;
    DelimitedReader reader(text, m_file, '|', Quoting::None, m_progress);
    TextRecord header;
    if (!reader.next(header))
        throw InputError(m_file, 0, "", "empty file: expected sacct -P output with its header");
    if (std::find(header.fields.begin(), header.fields.end(), "JobID") == header.fields.end())
        throw InputError(m_file, header.line, "",
                         "no header line with JobID: expected sacct -P output with its header "
                         "(without -n/--noheader)");
    const HeaderColumns columns(header, m_file);
    m_header = &header;
    m_columns.jobId = columns.require("JobID");
    m_columns.jobIdRaw = columns.find("JobIDRaw");
    m_columns.jobName = columns.find("JobName");
    m_columns.account = columns.find("Account");
    m_columns.partition = columns.find("Partition");
    m_columns.submit = columns.require("Submit");
    m_columns.start = columns.require("Start");
    m_columns.end = columns.require("End");
    m_columns.state = columns.require("State");
    m_columns.timelimitRaw = columns.find("TimelimitRaw");
    m_columns.reason = columns.find("Reason");
    if (m_slots == ImportSlots::Cpu) {
        m_columns.ncpus = columns.require("NCPUS");
    } else {
        m_columns.allocTres = columns.find("AllocTRES");
        m_columns.reqTres = columns.find("ReqTRES");
        if (!m_columns.allocTres && !m_columns.reqTres)
            columns.require("AllocTRES"); // explains what the header lacks
    }

    for (TextRecord record; reader.next(record);) {
        columns.checkWidth(record);
        this->record(record);
    }

    const double origin = shiftToMidnight(m_jobs);
    for (const Job &job : m_jobs) {
        if (job.submitS > limits::kMaxSeconds)
            throw InputError(m_file, m_idLines.at(job.id), name(m_columns.submit),
                             "more than 10^12 s after the first submission");
    }
    ImportSummary &summary = m_result.summary;
    if (const long long renumbered = renumberInSlurmOrder(m_jobs, m_ranks); renumbered > 0)
        summary.notes.push_back(
                std::to_string(renumbered) +
                " jobs submitted in the same second as array tasks take that second's job ids "
                "in the order Slurm starts them (array id, then task index), so their ids are "
                "not their JobIDRaw");
    summary.jobsImported = static_cast<long long>(m_jobs.size());
    if (!m_jobs.empty())
        summary.timeOrigin = formatIsoTime(origin) + " (sacct's local time)";
    // Slurm accounts GPUs only when slurm.conf's AccountingStorageTRES lists gres/gpu; without
    // it every job looks CPU-only.
    if (m_jobs.empty() && summary.jobsSkipped.count(kNoGpus) > 0)
        summary.notes.push_back("no job that ran names gres/gpu in AllocTRES or ReqTRES: does "
                                "slurm.conf's AccountingStorageTRES include gres/gpu? (Or "
                                "import with --slots cpu.)");
    for (const auto &[partition, count] : m_unmatchedPartitions)
        summary.notes.push_back(
                "partition " + partition + ": the cluster has no zone or rack of that name, so " +
                (count == 1 ? std::string("its job") : "its " + std::to_string(count) + " jobs") +
                " may run on any node");
    m_result.jobs = std::move(m_jobs);
    return std::move(m_result);
}

} // namespace

ImportResult parseSacct(std::string_view text, const std::string &file, ImportSlots slots,
                        const Cluster &cluster, ReadProgress *progress)
{
    return SacctParser(file, slots, cluster, progress).parse(text);
}

ImportResult readSacct(const std::string &path, ImportSlots slots, const Cluster &cluster,
                       ReadProgress *progress)
{
    return readingFile(
            path, [&] { return parseSacct(readTextFile(path), path, slots, cluster, progress); });
}

ImportResult importSlurm(const SlurmImportOptions &options, const Cluster &intoCluster,
                         ReadProgress *progress)
{
    if (!options.nodesPath)
        return readSacct(options.sacctPath, options.slots, intoCluster, progress);
    ImportResult result = readSlurmNodes(*options.nodesPath, options.slots);
    ImportResult jobs = readSacct(options.sacctPath, options.slots, *result.cluster, progress);
    ImportSummary summary = std::move(jobs.summary);
    summary.format += "\nSlurm nodes (scontrol show node -o): " + *options.nodesPath;
    summary.nodeTypesCreated = result.summary.nodeTypesCreated;
    summary.nodesCreated = result.summary.nodesCreated;
    summary.nodesSkipped = std::move(result.summary.nodesSkipped);
    for (std::string &note : result.summary.notes)
        summary.notes.push_back(std::move(note));
    result.jobs = std::move(jobs.jobs);
    result.summary = std::move(summary);
    return result;
}

} // namespace headroom
