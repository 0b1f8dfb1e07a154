#include "core/io/swf_reader.h"

#include "core/io/input_error.h"
#include "core/io/input_excerpt.h"
#include "core/io/reading_file.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace headroom {
namespace {

constexpr int kFieldCount = 18;

// Field names as the SWF definition lists them, for error messages.
constexpr std::array<const char *, kFieldCount> kFieldNames = {"job number",
                                                               "submit time",
                                                               "wait time",
                                                               "run time",
                                                               "allocated processors",
                                                               "average CPU time",
                                                               "used memory",
                                                               "requested processors",
                                                               "requested time",
                                                               "requested memory",
                                                               "status",
                                                               "user ID",
                                                               "group ID",
                                                               "executable number",
                                                               "queue number",
                                                               "partition number",
                                                               "preceding job number",
                                                               "think time"};

enum Field {
    JobNumber = 1,
    SubmitTime = 2,
    RunTime = 4,
    AllocatedProcessors = 5,
    RequestedProcessors = 8,
    RequestedTime = 9,
    UserId = 12,
};

// The same bounds validateScenario() applies (core/model/limits.h). Checking them here lets the
// error name the line and field instead of a position in the job list the user never saw.
using limits::kMaxSeconds;
using limits::kMaxSlots;

// C-locale isspace without the locale lookup ('\n' never reaches a line).
bool isSpace(char c)
{
    return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Decimal numbers only: [+-]digits[.digits][(e|E)[+-]digits], at least one mantissa digit.
// from_chars and strtod would also take "nan", "inf" or hex, which no trace means.
bool isDecimal(std::string_view s)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    if (i < n && (s[i] == '+' || s[i] == '-'))
        ++i;
    std::size_t digits = 0;
    for (; i < n && isDigit(s[i]); ++i)
        ++digits;
    if (i < n && s[i] == '.') {
        for (++i; i < n && isDigit(s[i]); ++i)
            ++digits;
    }
    if (digits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            ++i;
        const std::size_t expStart = i;
        while (i < n && isDigit(s[i]))
            ++i;
        if (i == expStart)
            return false;
    }
    return i == n;
}

// The common case, a plain integer of at most 18 digits (which cannot overflow), without the
// generality of from_chars: a trace is about 18 million of them. False for anything else.
bool parseShortInteger(std::string_view token, std::int64_t &value)
{
    const char *p = token.data();
    const char *const end = p + token.size();
    const bool negative = p != end && *p == '-';
    if (negative)
        ++p;
    if (end - p < 1 || end - p > 18)
        return false;
    std::int64_t magnitude = 0;
    for (; p != end; ++p) {
        const auto digit = static_cast<unsigned char>(*p - '0');
        if (digit > 9)
            return false;
        magnitude = magnitude * 10 + digit;
    }
    value = negative ? -magnitude : magnitude;
    return true;
}

class SwfParser
{
public:
    SwfParser(const std::string &name, const SwfOptions &options, ReadProgress *progress = nullptr)
        : m_name(name)
        , m_options(options)
        , m_progress(progress)
    {}

    // Lines: LineReader or TextSource.
    template<typename Lines>
    SwfTrace parse(Lines &lines);

private:
    struct Header
    {
        int line = 0; // 0: absent
        std::string value;
    };

    void headerLine(std::string_view comment, int line);
    int nodeCount() const;
    int headerNodeCount(const char *key, const Header &header) const;
    int maxNodes() const { return std::clamp(m_options.maxNodes, 1, kMaxSwfNodes); }
    void jobLine(std::string_view line);
    bool plainJobLine(std::string_view line);
    void addJob(JobId id, double submit, double run, int allocated, int requestedProcessors,
                double requested, std::int64_t user);
    const SharedString &tenantOf(std::int64_t user);
    void checkUniqueIds() const;
    void reserveJobs(std::uint64_t offset, std::uint64_t sizeHint);

    [[noreturn]] void fail(int field, const std::string &message) const;
    [[noreturn]] void failOutOfRange(int field) const;
    double number(int field) const;
    double time(int field) const;
    std::int64_t integer(int field, std::int64_t minimum, std::int64_t maximum) const;

    const std::string &m_name;
    const SwfOptions &m_options;
    ReadProgress *m_progress;
    SwfTrace m_trace;

    Header m_maxNodes;
    Header m_maxProcs;
    bool m_inHeader = true;
    int m_line = 0;
    std::array<std::string_view, kFieldCount> m_fields;
    std::vector<int> m_jobLine; // line of each kept job, for duplicate-id errors
    bool m_idsIncreasing = true;
    bool m_reserved = false;
    std::unordered_map<std::int64_t, SharedString> m_tenants; // by SWF user id
    const std::pair<const std::int64_t, SharedString> *m_lastUser = nullptr;
};

void SwfParser::fail(int field, const std::string &message) const
{
    std::string fieldName;
    if (field > 0)
        fieldName = std::to_string(field) + " (" + kFieldNames[field - 1] + ")";
    throw InputError(m_name, m_line, std::move(fieldName), message);
}

void SwfParser::failOutOfRange(int field) const
{
    fail(field, "out of range: " + quotedInput(m_fields[field - 1]));
}

double SwfParser::number(int field) const
{
    const std::string_view token = m_fields[field - 1];
    const char *first = token.data();
    const char *last = first + token.size();
    if (std::int64_t integer = 0; parseShortInteger(token, integer))
        return double(integer);
    if (!isDecimal(token))
        fail(field, "not a number: " + quotedInput(token));
    if (*first == '+')
        ++first; // from_chars takes no plus sign
    double value = 0.0;
    const std::from_chars_result asDouble = std::from_chars(first, last, value);
    if (asDouble.ec == std::errc::result_out_of_range || !std::isfinite(value))
        failOutOfRange(field);
    if (asDouble.ptr != last || asDouble.ec != std::errc())
        fail(field, "not a number: " + quotedInput(token));
    return value;
}

double SwfParser::time(int field) const
{
    const double value = number(field);
    if (std::abs(value) > kMaxSeconds)
        failOutOfRange(field);
    return value;
}

std::int64_t SwfParser::integer(int field, std::int64_t minimum, std::int64_t maximum) const
{
    const std::string_view token = m_fields[field - 1];
    std::int64_t value = 0;
    if (parseShortInteger(token, value)) {
        if (value < minimum || value > maximum)
            failOutOfRange(field);
        return value;
    }
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (end == token.data() + token.size() && error == std::errc::result_out_of_range)
        failOutOfRange(field);
    if (end != token.data() + token.size() || error != std::errc()) {
        // Written as a decimal ("4.0", "1e3"): fine while it is a whole number.
        const double decimal = number(field);
        if (decimal != std::floor(decimal))
            fail(field, "not an integer: " + quotedInput(token));
        // 2^63 is exact as a double; anything at or beyond it does not fit.
        if (decimal < double(minimum) || decimal >= 9223372036854775808.0)
            failOutOfRange(field);
        value = std::int64_t(decimal);
    }
    if (value < minimum || value > maximum)
        failOutOfRange(field);
    return value;
}

void SwfParser::headerLine(std::string_view comment, int line)
{
    // "; MaxNodes: 338 (batch partition)": key up to the colon, spaces tolerated around it.
    const std::size_t colon = comment.find(':');
    if (colon == std::string_view::npos)
        return;
    const std::string_view key = trim(comment.substr(0, colon));
    Header *header = key == "MaxNodes" ? &m_maxNodes : key == "MaxProcs" ? &m_maxProcs : nullptr;
    if (header && header->line == 0) // the first one counts
        *header = {line, std::string(trim(comment.substr(colon + 1)))};
}

int SwfParser::headerNodeCount(const char *key, const Header &header) const
{
    std::int64_t value = 0;
    const char *first = header.value.data();
    const char *last = first + header.value.size();
    const auto [end, error] = std::from_chars(first, last, value);
    const std::string hint = "; pass --nodes N";
    if (end == first)
        throw InputError(m_name, header.line, "",
                         std::string(key) + " header: expected a number of nodes, found " +
                                 quotedInput(header.value) + hint);
    if (error != std::errc() || value < 1 || value > maxNodes())
        throw InputError(m_name, header.line, "",
                         std::string(key) + " header: " + std::string(first, end) +
                                 " is out of range (1 to " + std::to_string(maxNodes()) + ")" +
                                 hint);
    return int(value);
}

int SwfParser::nodeCount() const
{
    if (m_options.nodes) {
        const int nodes = *m_options.nodes;
        if (nodes < 1 || nodes > maxNodes())
            throw InputError(m_name, 0, "",
                             "--nodes must be between 1 and " + std::to_string(maxNodes()) +
                                     " (is " + std::to_string(nodes) + ")");
        return nodes;
    }
    if (m_maxNodes.line > 0)
        return headerNodeCount("MaxNodes", m_maxNodes);
    if (m_maxProcs.line > 0)
        return headerNodeCount("MaxProcs", m_maxProcs);
    throw InputError(m_name, 0, "", "no MaxNodes or MaxProcs header; pass --nodes N");
}

// The common case, in one pass: 18 plain numbers (1 to 18 digits before any decimal point,
// no exponent) that pass every check jobLine() makes, those the reader uses being
// integers (the fields only checked as numbers, such as the average CPU time, may have a
// fraction). Returns false, having added nothing, for anything else; jobLine() then reads the
// line field by field, and reports the first problem.
bool SwfParser::plainJobLine(std::string_view line)
{
    // Fields read as values (job number, submit, run, processors, requested time, user).
    constexpr std::uint32_t kUsed = 1u << (JobNumber - 1) | 1u << (SubmitTime - 1) |
                                    1u << (RunTime - 1) | 1u << (AllocatedProcessors - 1) |
                                    1u << (RequestedProcessors - 1) | 1u << (RequestedTime - 1) |
                                    1u << (UserId - 1);
    std::int64_t value[kFieldCount];
    int count = 0;
    const char *p = line.data();
    const char *const end = p + line.size();
    for (;;) {
        while (p != end && isSpace(*p))
            ++p;
        if (p == end)
            break;
        if (count == kFieldCount)
            return false;
        const bool negative = *p == '-';
        if (negative)
            ++p;
        const char *const digits = p;
        // Unsigned, so that a longer run of digits wraps (defined) instead of overflowing;
        // more than 18 digits go to the field-by-field path below.
        std::uint64_t magnitude = 0;
        for (; p != end; ++p) {
            const auto digit = static_cast<unsigned char>(*p - '0');
            if (digit > 9)
                break;
            if (p - digits == 18)
                return false; // a 19th digit could overflow: the field-by-field path reports it
            magnitude = magnitude * 10 + digit;
        }
        std::ptrdiff_t digitCount = p - digits;
        if (p != end && *p == '.') {
            if (kUsed >> count & 1u || digitCount == 0)
                return false;
            const char *const fraction = ++p;
            while (p != end && static_cast<unsigned char>(*p - '0') <= 9)
                ++p;
            digitCount += p - fraction;
        }
        if (digitCount == 0 || (p != end && !isSpace(*p)))
            return false;
        const auto signedMagnitude = static_cast<std::int64_t>(magnitude);
        value[count++] = negative ? -signedMagnitude : signedMagnitude;
    }
    if (count != kFieldCount)
        return false;
    constexpr std::int64_t kMaxWholeSeconds = 1'000'000'000'000;
    const auto isTime = [](std::int64_t v) {
        return v >= -kMaxWholeSeconds && v <= kMaxWholeSeconds;
    };
    const auto isInt = [](std::int64_t v) {
        return v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max();
    };
    const std::int64_t submit = value[SubmitTime - 1];
    if (submit < 0 || !isTime(submit) || !isTime(value[RunTime - 1]) ||
        !isInt(value[AllocatedProcessors - 1]) || !isInt(value[RequestedProcessors - 1]) ||
        !isTime(value[RequestedTime - 1]))
        return false;
    const std::int64_t allocated = value[AllocatedProcessors - 1];
    if ((allocated == -1 ? value[RequestedProcessors - 1] : allocated) > kMaxSlots)
        return false; // reported with the field's text

    addJob(value[JobNumber - 1], double(submit), double(value[RunTime - 1]),
           int(value[AllocatedProcessors - 1]), int(value[RequestedProcessors - 1]),
           double(value[RequestedTime - 1]), value[UserId - 1]);
    return true;
}

void SwfParser::jobLine(std::string_view line)
{
    if (plainJobLine(line))
        return;
    int count = 0;
    const char *p = line.data();
    const char *const end = p + line.size();
    for (;;) {
        while (p != end && isSpace(*p))
            ++p;
        if (p == end)
            break;
        const char *start = p;
        while (p != end && !isSpace(*p))
            ++p;
        if (count < kFieldCount)
            m_fields[count] = {start, std::size_t(p - start)};
        ++count;
    }
    if (count != kFieldCount)
        fail(0,
             "expected " + std::to_string(kFieldCount) + " fields, found " + std::to_string(count));

    // Every field is checked, left to right, so that the first bad one is reported whatever
    // the reader uses.
    constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kIntMin = std::numeric_limits<int>::min();
    constexpr std::int64_t kIntMax = std::numeric_limits<int>::max();
    const JobId id = integer(JobNumber, kInt64Min, kInt64Max);
    const double submit = time(SubmitTime);
    if (submit < 0.0)
        fail(SubmitTime, "must be >= 0 (is " + inputExcerpt(m_fields[SubmitTime - 1]) + ")");
    number(3);
    const double run = time(RunTime);
    const auto allocated = int(integer(AllocatedProcessors, kIntMin, kIntMax));
    number(6);
    number(7);
    const auto requestedProcessors = int(integer(RequestedProcessors, kIntMin, kIntMax));
    const double requested = time(RequestedTime);
    number(10);
    number(11);
    const std::int64_t user = integer(UserId, kInt64Min, kInt64Max);
    for (int field = 13; field <= kFieldCount; ++field)
        number(field);
    addJob(id, submit, run, allocated, requestedProcessors, requested, user);
}

// Jobs of one user share one tenant string "u<id>": a trace has a few hundred users over up to
// a million jobs, and consecutive jobs are often the same user's.
const SharedString &SwfParser::tenantOf(std::int64_t user)
{
    if (m_lastUser && m_lastUser->first == user)
        return m_lastUser->second;
    auto [it, added] = m_tenants.try_emplace(user);
    if (added)
        it->second = "u" + std::to_string(user);
    m_lastUser = &*it;
    return it->second;
}

void SwfParser::addJob(JobId id, double submit, double run, int allocated, int requestedProcessors,
                       double requested, std::int64_t user)
{
    ++m_trace.jobLines;
    const int slotsField = allocated == -1 ? RequestedProcessors : AllocatedProcessors;
    const int slots = allocated == -1 ? requestedProcessors : allocated;
    if (run <= 0.0 || slots <= 0) {
        ++m_trace.skipped;
        return;
    }
    // Larger than any cluster can be: the engine would refuse the whole scenario.
    if (slots > kMaxSlots)
        fail(slotsField, "out of range: " + quotedInput(m_fields[slotsField - 1]) + " (at most " +
                                 std::to_string(kMaxSlots) + ")");

    std::vector<Job> &jobs = m_trace.scenario.jobs;
    if (!jobs.empty() && id <= jobs.back().id)
        m_idsIncreasing = false;
    Job &job = jobs.emplace_back();
    job.id = id;
    job.submitS = submit;
    job.slots = slots;
    job.runS = run;
    job.requestedS = requested;
    if (user != -1)
        job.tenant = tenantOf(user);
    m_jobLine.push_back(m_line);
}

// validateScenario() would refuse duplicate ids too, but could only say "jobs[i]". Archive
// traces number their jobs in increasing order, so the sort is rarely needed.
void SwfParser::checkUniqueIds() const
{
    if (m_idsIncreasing)
        return;
    const std::vector<Job> &jobs = m_trace.scenario.jobs;
    std::vector<std::pair<JobId, int>> ids; // (id, line)
    ids.reserve(jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i)
        ids.emplace_back(jobs[i].id, m_jobLine[i]);
    std::sort(ids.begin(), ids.end());
    // Report the repeat that comes first in the file.
    int repeatLine = std::numeric_limits<int>::max();
    int firstLine = 0;
    JobId repeated = 0;
    for (std::size_t i = 1; i < ids.size(); ++i) {
        if (ids[i].first == ids[i - 1].first && ids[i].second < repeatLine) {
            repeatLine = ids[i].second;
            repeated = ids[i].first;
            // Lines of one id are sorted, so the group's first is the earliest occurrence.
            std::size_t first = i - 1;
            while (first > 0 && ids[first - 1].first == repeated)
                --first;
            firstLine = ids[first].second;
        }
    }
    if (firstLine > 0)
        throw InputError(m_name, repeatLine, std::string("1 (") + kFieldNames[0] + ")",
                         "duplicate job number " + std::to_string(repeated) + " (also on line " +
                                 std::to_string(firstLine) + ")");
}

std::string scenarioName(const std::string &path)
{
    std::string_view name = path;
    if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos)
        name.remove_prefix(slash + 1);
    for (std::string_view suffix : {".gz", ".swf"}) {
        if (name.size() > suffix.size() && name.ends_with(suffix))
            name.remove_suffix(suffix.size());
    }
    return std::string(name);
}

// A million jobs take over 100 MB, and touching fresh memory is a large part of loading a
// trace: growing the vector by doubling would touch about twice that. Once a few thousand jobs
// show how many bytes a job line takes, the rest is extrapolated from the expected text size.
void SwfParser::reserveJobs(std::uint64_t offset, std::uint64_t sizeHint)
{
    m_reserved = true;
    std::vector<Job> &jobs = m_trace.scenario.jobs;
    if (offset == 0 || sizeHint <= offset)
        return;
    const double expected = double(jobs.size()) * (double(sizeHint) / double(offset)) * 1.05;
    const auto capacity = std::size_t(std::min(expected, double(std::size_t(1) << 40))) + 1024;
    jobs.reserve(capacity);
    m_jobLine.reserve(capacity);
}

template<typename Lines>
SwfTrace SwfParser::parse(Lines &lines)
{
    Scenario &scenario = m_trace.scenario;
    scenario.name = scenarioName(m_name);
    scenario.policy.placement = PlacementKind::FirstFit;

    constexpr std::size_t kSampleJobs = 4096;
    int nodes = 0;
    ProgressTicker ticker(m_progress, lines.sizeHint());
    for (std::string_view line; lines.next(line);) {
        ticker.at(lines.offset());
        m_line = lines.lineNumber();
        std::size_t start = 0;
        while (start < line.size() && isSpace(line[start]))
            ++start;
        if (start == line.size())
            continue;
        if (line[start] == ';') {
            // Header comments come before the first job; later comments are just comments.
            if (m_inHeader)
                headerLine(line.substr(start + 1), m_line);
            continue;
        }
        if (m_inHeader) {
            // Resolved before the first job so that a missing header is the error reported.
            nodes = nodeCount();
            m_inHeader = false;
        }
        jobLine(line.substr(start));
        if (!m_reserved && scenario.jobs.size() == kSampleJobs)
            reserveJobs(lines.offset(), lines.sizeHint());
    }
    ticker.finish(lines.offset());
    if (m_inHeader)
        nodes = nodeCount();
    checkUniqueIds();

    NodeType type;
    type.name = kSwfNodeTypeName;
    type.accelerators = 1;
    scenario.nodeTypes.push_back(std::move(type));
    Rack rack{std::string(kSwfRackName), std::nullopt, {}};
    rack.nodes.reserve(std::size_t(nodes));
    for (int i = 0; i < nodes; ++i)
        rack.nodes.push_back({"n" + std::to_string(i), std::string(kSwfNodeTypeName)});
    scenario.cluster.zones.push_back({std::string(kSwfZoneName), {std::move(rack)}});

    // Moving a million jobs costs more than a little slack; only a mostly skipped trace pays it.
    if (scenario.jobs.capacity() - scenario.jobs.size() > scenario.jobs.size())
        scenario.jobs.shrink_to_fit();
    return std::move(m_trace);
}

} // namespace

SwfTrace parseSwf(std::string_view text, const std::string &displayName, const SwfOptions &options)
{
    LineReader lines(text);
    return SwfParser(displayName, options).parse(lines);
}

SwfTrace readSwf(const std::string &path, const SwfOptions &options, ReadProgress *progress)
{
    return readingFile(path, [&] {
        TextSource lines(path);
        return SwfParser(path, options, progress).parse(lines);
    });
}

} // namespace headroom
