#include "core/io/import/jobs_csv.h"

#include "core/io/import/calendar_time.h"
#include "core/io/import/delimited_text.h"
#include "core/io/input_error.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

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

class JobsCsvParser
{
public:
    JobsCsvParser(const std::string &file, CsvTimeFormat format)
        : m_file(file)
        , m_format(format)
    {}

    ImportResult parse(std::string_view text, const CsvJobColumns &mapping);

private:
    [[noreturn]] void fail(std::size_t column, const std::string &message) const
    {
        throw InputError(m_file, m_record->line, m_header->fields[column], message);
    }
    const std::string &text(std::size_t column) const { return m_record->fields[column]; }
    double time(std::size_t column) const;
    double seconds(std::size_t column) const;
    std::optional<std::size_t> column(const HeaderColumns &columns, const std::string &name) const
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

ImportResult JobsCsvParser::parse(std::string_view input, const CsvJobColumns &mapping)
{
    ImportResult result;
    ImportSummary &summary = result.summary;
    summary.format = "jobs CSV: " + m_file;
    DelimitedReader reader(input, m_file, ',', Quoting::Rfc4180);
    TextRecord header;
    if (!reader.next(header))
        throw InputError(m_file, 0, "", "empty file: expected a header line");
    m_header = &header;
    const HeaderColumns columns(header, m_file);
    const std::size_t submit = columns.require(mapping.submit);
    const std::optional<std::size_t> run = column(columns, mapping.run);
    const std::size_t slots = columns.require(mapping.slots);
    const std::optional<std::size_t> requested = column(columns, mapping.requested);
    const std::optional<std::size_t> id = column(columns, mapping.id);
    const std::optional<std::size_t> name = column(columns, mapping.name);
    const std::optional<std::size_t> tenant = column(columns, mapping.tenant);
    const std::optional<std::size_t> start = column(columns, mapping.start);
    const std::optional<std::size_t> end = column(columns, mapping.end);

    std::vector<Job> jobs;
    std::map<JobId, int> idLines;
    std::vector<int> jobLines;
    for (TextRecord record; reader.next(record);) {
        columns.checkWidth(record);
        m_record = &record;
        ++summary.jobRecords;
        Job job;
        if (id) {
            const std::optional<std::int64_t> value = parseWholeNumber(text(*id));
            if (!value)
                fail(*id, "not a whole-number job id: " + quotedForError(text(*id)));
            job.id = *value;
        } else {
            job.id = summary.jobRecords;
        }
        job.submitS = time(submit);
        const std::optional<std::int64_t> slotCount = parseWholeNumber(text(slots));
        if (!slotCount || *slotCount > limits::kMaxSlots)
            fail(slots, "expected a whole number of slots up to " +
                                std::to_string(limits::kMaxSlots) + ", found " +
                                quotedForError(text(slots)));
        if (start && text(*start).empty()) {
            countSkip(summary.jobsSkipped, "never started (empty start)");
            continue;
        }
        if (end && text(*end).empty()) {
            countSkip(summary.jobsSkipped, "not ended (empty end)");
            continue;
        }
        if (run && !text(*run).empty()) {
            job.runS = seconds(*run);
        } else if (start && end) {
            const double from = time(*start);
            const double to = time(*end);
            if (to < from)
                fail(*end, "before the start (" + text(*start) + ")");
            job.runS = to - from;
        } else {
            fail(*run, "empty run time");
        }
        if (requested && !text(*requested).empty())
            job.requestedS = seconds(*requested);
        if (job.runS <= 0.0) {
            countSkip(summary.jobsSkipped, "run time <= 0");
            continue;
        }
        if (*slotCount <= 0) {
            countSkip(summary.jobsSkipped, "slots <= 0");
            continue;
        }
        job.slots = int(*slotCount);
        if (name)
            job.name = text(*name);
        if (tenant)
            job.tenant = text(*tenant);
        if (const auto [previous, inserted] = idLines.try_emplace(job.id, record.line); !inserted)
            fail(id.value_or(0), "duplicate job id " + std::to_string(job.id) + " (also on line " +
                                         std::to_string(previous->second) + ")");
        jobLines.push_back(record.line);
        jobs.push_back(std::move(job));
    }
    const double origin = shiftToMidnight(jobs);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (jobs[i].submitS > limits::kMaxSeconds)
            throw InputError(m_file, jobLines[i], header.fields[submit],
                             "more than 10^12 s after the first submission");
    }
    summary.jobsImported = static_cast<long long>(jobs.size());
    if (!jobs.empty())
        summary.timeOrigin =
                formatIsoTime(origin) +
                (m_format == CsvTimeFormat::Iso ? " (as the file writes times)" : " UTC");
    result.jobs = std::move(jobs);
    return result;
}

} // namespace

ImportResult parseJobsCsv(std::string_view text, const std::string &file,
                          const CsvJobColumns &columns, CsvTimeFormat timeFormat)
{
    return JobsCsvParser(file, timeFormat).parse(text, columns);
}

ImportResult readJobsCsv(const std::string &path, const CsvJobColumns &columns,
                         CsvTimeFormat timeFormat)
{
    return parseJobsCsv(readTextFile(path), path, columns, timeFormat);
}

} // namespace headroom
