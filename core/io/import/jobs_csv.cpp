#include "core/io/import/jobs_csv.h"

#include "core/io/import/calendar_time.h"
#include "core/io/import/delimited_text.h"
#include "core/io/input_error.h"
#include "core/io/reading_file.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

namespace headroom {
namespace {

struct MappedField
{
    std::string_view key;
    std::string CsvJobColumns::*member;
    bool required;
};

constexpr std::array<MappedField, 9> kFields = {{
        {"submit", &CsvJobColumns::submit, true},
        {"run", &CsvJobColumns::run, false},
        {"slots", &CsvJobColumns::slots, true},
        {"requested", &CsvJobColumns::requested, false},
        {"id", &CsvJobColumns::id, false},
        {"name", &CsvJobColumns::name, false},
        {"tenant", &CsvJobColumns::tenant, false},
        {"start", &CsvJobColumns::start, false},
        {"end", &CsvJobColumns::end, false},
}};

} // namespace

std::optional<CsvJobColumns> parseCsvJobColumns(std::string_view text, std::string &error)
{
    CsvJobColumns columns;
    std::map<std::string_view, bool> seen;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view pair = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos || equals == 0 || equals + 1 == pair.size()) {
            error = "expected FIELD=COLUMN, got \"" + std::string(pair) + "\"";
            return std::nullopt;
        }
        const std::string_view key = pair.substr(0, equals);
        const MappedField *field = nullptr;
        for (const MappedField &candidate : kFields)
            field = candidate.key == key ? &candidate : field;
        if (!field) {
            error = "unknown field \"" + std::string(key) +
                    "\" (known: submit, run, slots, requested, id, name, tenant, start, end)";
            return std::nullopt;
        }
        if (seen[key]) {
            error = "field \"" + std::string(key) + "\" mapped twice";
            return std::nullopt;
        }
        seen[key] = true;
        columns.*(field->member) = std::string(pair.substr(equals + 1));
    }
    for (const MappedField &field : kFields) {
        if (field.required && (columns.*(field.member)).empty()) {
            error = "missing " + std::string(field.key) +
                    "=COLUMN (submit, run and slots are "
                    "required)";
            return std::nullopt;
        }
    }
    if (columns.run.empty() && (columns.start.empty() || columns.end.empty())) {
        error = "missing run=COLUMN (or start=COLUMN and end=COLUMN to run end - start)";
        return std::nullopt;
    }
    return columns;
}

namespace {

// The mapped columns' indices in one file's header.
struct BoundColumns
{
    std::size_t submit = 0, slots = 0;
    std::optional<std::size_t> run, requested, id, name, tenant, start, end;
};

// One data row read: a job (times not yet shifted), or the reason it is skipped.
struct RowOutcome
{
    std::optional<Job> job;
    std::string skipped;
};

class JobsCsvParser
{
public:
    JobsCsvParser(const std::string &file, CsvTimeFormat format, const TextRecord &header)
        : m_file(file)
        , m_format(format)
        , m_header(&header)
    {}

    BoundColumns bind(const HeaderColumns &columns, const CsvJobColumns &mapping) const;
    // Throws InputError naming the line and column of the first bad field of `record`.
    RowOutcome row(const TextRecord &record, const BoundColumns &bound, long long rowNumber);

private:
    [[noreturn]] void fail(std::size_t column, const std::string &message) const
    {
        throw InputError(m_file, m_record->line, m_header->fields[column], message);
    }
    const std::string &text(std::size_t column) const { return m_record->fields[column]; }
    double time(std::size_t column) const;
    double seconds(std::size_t column) const;
    static std::optional<std::size_t> column(const HeaderColumns &columns, const std::string &name)
    {
        if (name.empty())
            return std::nullopt;
        return columns.require(name);
    }

    const std::string &m_file;
    CsvTimeFormat m_format;
    const TextRecord *m_header = nullptr;
    const TextRecord *m_record = nullptr;
};

double JobsCsvParser::time(std::size_t column) const
{
    if (m_format == CsvTimeFormat::Iso) {
        const std::optional<double> value = parseIsoTime(text(column));
        if (!value)
            fail(column, "not an ISO time: " + quotedForError(text(column)) +
                                 " (expected e.g. 2024-03-05T14:22:01)");
        return *value;
    }
    const std::optional<double> value = parseDecimal(text(column));
    if (!value)
        fail(column,
             "not a time in seconds: " + quotedForError(text(column)) +
                     (parseIsoTime(text(column)) ? " (an ISO time: use --time-format iso)" : ""));
    if (*value < 0.0 || *value > limits::kMaxSeconds)
        fail(column,
             "out of range: " + quotedForError(text(column)) + " (expected 0 to 10^12 seconds)");
    return *value;
}

double JobsCsvParser::seconds(std::size_t column) const
{
    const std::optional<double> value = parseDecimal(text(column));
    if (!value)
        fail(column, "not a number of seconds: " + quotedForError(text(column)));
    if (std::fabs(*value) > limits::kMaxSeconds)
        fail(column, "out of range: " + quotedForError(text(column)) + " (at most 10^12 seconds)");
    return *value;
}

BoundColumns JobsCsvParser::bind(const HeaderColumns &columns, const CsvJobColumns &mapping) const
{
    BoundColumns bound;
    bound.submit = columns.require(mapping.submit);
    bound.run = column(columns, mapping.run);
    bound.slots = columns.require(mapping.slots);
    bound.requested = column(columns, mapping.requested);
    bound.id = column(columns, mapping.id);
    bound.name = column(columns, mapping.name);
    bound.tenant = column(columns, mapping.tenant);
    bound.start = column(columns, mapping.start);
    bound.end = column(columns, mapping.end);
    return bound;
}

RowOutcome JobsCsvParser::row(const TextRecord &record, const BoundColumns &bound,
                              long long rowNumber)
{
    m_record = &record;
    Job job;
    if (bound.id) {
        const std::optional<std::int64_t> value = parseWholeNumber(text(*bound.id));
        if (!value)
            fail(*bound.id, "not a whole-number job id: " + quotedForError(text(*bound.id)));
        job.id = *value;
    } else {
        job.id = rowNumber;
    }
    job.submitS = time(bound.submit);
    const std::optional<std::int64_t> slotCount = parseWholeNumber(text(bound.slots));
    if (!slotCount || *slotCount > limits::kMaxSlots)
        fail(bound.slots, "expected a whole number of slots up to " +
                                  std::to_string(limits::kMaxSlots) + ", found " +
                                  quotedForError(text(bound.slots)));
    if (bound.start && text(*bound.start).empty())
        return {std::nullopt, "never started (empty start)"};
    if (bound.end && text(*bound.end).empty())
        return {std::nullopt, "not ended (empty end)"};
    if (bound.run && !text(*bound.run).empty()) {
        job.runS = seconds(*bound.run);
    } else if (bound.start && bound.end) {
        const double from = time(*bound.start);
        const double to = time(*bound.end);
        if (to < from)
            fail(*bound.end, "before the start (" + text(*bound.start) + ")");
        job.runS = to - from;
    } else {
        fail(*bound.run, "empty run time");
    }
    if (bound.requested && !text(*bound.requested).empty())
        job.requestedS = seconds(*bound.requested);
    if (job.runS <= 0.0)
        return {std::nullopt, "run time <= 0"};
    if (*slotCount <= 0)
        return {std::nullopt, "slots <= 0"};
    job.slots = int(*slotCount);
    if (bound.name)
        job.name = text(*bound.name);
    if (bound.tenant)
        job.tenant = text(*bound.tenant);
    return {std::move(job), {}};
}

ImportResult parseAll(std::string_view input, const std::string &file, const CsvJobColumns &mapping,
                      CsvTimeFormat format, ReadProgress *progress)
{
    ImportResult result;
    ImportSummary &summary = result.summary;
    summary.format = "jobs CSV: " + file;
    DelimitedReader reader(input, file, ',', Quoting::Rfc4180, progress);
    TextRecord header;
    if (!reader.next(header))
        throw InputError(file, 0, "", "empty file: expected a header line");
    const HeaderColumns columns(header, file);
    JobsCsvParser parser(file, format, header);
    const BoundColumns bound = parser.bind(columns, mapping);

    std::vector<Job> jobs;
    std::map<JobId, int> idLines;
    std::vector<int> jobLines;
    for (TextRecord record; reader.next(record);) {
        columns.checkWidth(record);
        ++summary.jobRecords;
        RowOutcome outcome = parser.row(record, bound, summary.jobRecords);
        if (!outcome.job) {
            countSkip(summary.jobsSkipped, outcome.skipped);
            continue;
        }
        Job &job = *outcome.job;
        if (const auto [previous, inserted] = idLines.try_emplace(job.id, record.line); !inserted)
            throw InputError(file, record.line, header.fields[bound.id.value_or(0)],
                             "duplicate job id " + std::to_string(job.id) + " (also on line " +
                                     std::to_string(previous->second) + ")");
        jobLines.push_back(record.line);
        jobs.push_back(std::move(job));
    }
    const double origin = shiftToMidnight(jobs);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (jobs[i].submitS > limits::kMaxSeconds)
            throw InputError(file, jobLines[i], header.fields[bound.submit],
                             "more than 10^12 s after the first submission");
    }
    summary.jobsImported = static_cast<long long>(jobs.size());
    if (!jobs.empty())
        summary.timeOrigin =
                formatIsoTime(origin) +
                (format == CsvTimeFormat::Iso ? " (as the file writes times)" : " UTC");
    result.jobs = std::move(jobs);
    return result;
}

} // namespace

ImportResult parseJobsCsv(std::string_view text, const std::string &file,
                          const CsvJobColumns &columns, CsvTimeFormat timeFormat,
                          ReadProgress *progress)
{
    return parseAll(text, file, columns, timeFormat, progress);
}

CsvPreview previewJobsCsv(std::string_view text, const std::string &file,
                          const CsvJobColumns &columns, CsvTimeFormat timeFormat,
                          std::size_t maxRows)
{
    CsvPreview preview;
    try {
        DelimitedReader reader(text, file, ',', Quoting::Rfc4180);
        TextRecord header;
        if (!reader.next(header))
            throw InputError(file, 0, "", "empty file: expected a header line");
        preview.header = header.fields;
        const HeaderColumns headerColumns(header, file);
        JobsCsvParser parser(file, timeFormat, header);
        std::optional<BoundColumns> bound;
        try {
            bound = parser.bind(headerColumns, columns);
        } catch (const InputError &error) {
            preview.error = error.what();
        }
        long long rowNumber = 0;
        for (TextRecord record; preview.rows.size() < maxRows && reader.next(record);) {
            CsvPreviewRow &row = preview.rows.emplace_back();
            row.line = record.line;
            row.fields = record.fields;
            ++rowNumber;
            if (!bound)
                continue;
            try {
                headerColumns.checkWidth(record);
                RowOutcome outcome = parser.row(record, *bound, rowNumber);
                row.job = std::move(outcome.job);
                row.skipped = std::move(outcome.skipped);
            } catch (const InputError &error) {
                row.error = error.what();
            }
        }
    } catch (const InputError &error) {
        // The header itself, or a quote left open: nothing after it can be read.
        preview.error = error.what();
    }
    return preview;
}

CsvJobColumns guessCsvJobColumns(const std::vector<std::string> &header)
{
    // Lower-case names each field is commonly called, best first.
    const std::array<std::pair<std::string CsvJobColumns::*, std::vector<std::string_view>>, 9>
            guesses = {{
                    {&CsvJobColumns::submit,
                     {"submit", "submit_time", "submitted", "submit_s", "creation_time", "arrival",
                      "queued"}},
                    {&CsvJobColumns::run,
                     {"run", "run_time", "runtime", "run_s", "duration", "elapsed", "elapsedraw"}},
                    {&CsvJobColumns::slots,
                     {"slots", "gpus", "gpu", "num_gpu", "gpu_count", "accelerators", "ngpus",
                      "procs", "cpus"}},
                    {&CsvJobColumns::requested,
                     {"requested", "requested_s", "walltime", "time_limit", "timelimit", "limit"}},
                    {&CsvJobColumns::id, {"id", "job_id", "jobid", "job"}},
                    {&CsvJobColumns::name, {"name", "job_name", "jobname"}},
                    {&CsvJobColumns::tenant,
                     {"tenant", "team", "account", "user", "project", "queue", "qos"}},
                    {&CsvJobColumns::start, {"start", "start_time", "started"}},
                    {&CsvJobColumns::end, {"end", "end_time", "ended", "finished"}},
            }};
    std::vector<std::string> lower;
    for (const std::string &name : header) {
        std::string folded(trimSpaces(name));
        for (char &c : folded)
            c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        lower.push_back(std::move(folded));
    }
    CsvJobColumns columns;
    for (const auto &[member, names] : guesses) {
        for (std::string_view candidate : names) {
            const auto found = std::find(lower.begin(), lower.end(), candidate);
            if (found != lower.end()) {
                columns.*member = header[std::size_t(found - lower.begin())];
                break;
            }
        }
    }
    return columns;
}

ImportResult readJobsCsv(const std::string &path, const CsvJobColumns &columns,
                         CsvTimeFormat timeFormat, ReadProgress *progress)
{
    return readingFile(path, [&] {
        return parseJobsCsv(readTextFile(path), path, columns, timeFormat, progress);
    });
}

} // namespace headroom
