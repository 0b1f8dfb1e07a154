#include "core/io/hourly_profile_csv.h"

#include "core/io/input_error.h"
#include "core/io/input_excerpt.h"
#include "core/io/reading_file.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace headroom {
namespace {

std::string_view trim(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// Spreadsheets quote fields when they export ("0.12"); only a field loses its quotes, never a
// whole line, whose first and last characters may belong to different fields.
std::string_view trimField(std::string_view text)
{
    text = trim(text);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = trim(text.substr(1, text.size() - 2));
    return text;
}

std::vector<std::string_view> split(std::string_view line, char separator)
{
    std::vector<std::string_view> fields;
    if (separator == '\0') {
        fields.push_back(trimField(line));
        return fields;
    }
    for (;;) {
        const std::size_t at = line.find(separator);
        fields.push_back(trimField(line.substr(0, at)));
        if (at == std::string_view::npos)
            return fields;
        line.remove_prefix(at + 1);
    }
}

// A whole field read as a number, nothing left over; the caller checks the range, so "nan"
// and "inf" read here and are refused there with a better message than "not a number".
std::optional<double> readNumber(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1); // from_chars takes no plus sign
    if (text.empty())
        return std::nullopt;
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string quoted(std::string_view text)
{
    return quotedInput(text);
}

class Parser
{
public:
    explicit Parser(const std::string &file)
        : m_file(file)
    {}

    HourlyProfile parse(std::string_view text)
    {
        if (text.substr(0, 3) == "\xEF\xBB\xBF")
            text.remove_prefix(3); // UTF-8 byte order mark, as Excel writes it
        LineReader lines(text);
        bool first = true;
        bool sawHeader = false;
        for (std::string_view raw; lines.next(raw);) {
            const std::string_view line = trim(raw);
            if (line.empty() || line.front() == '#')
                continue;
            m_line = lines.lineNumber();
            if (first) {
                first = false;
                m_separator = separatorOf(line);
                if (isHeader(split(line, m_separator))) {
                    sawHeader = true;
                    continue;
                }
            }
            row(split(line, m_separator));
        }
        if (m_count == 0)
            throw InputError(m_file, 0, "",
                             sawHeader ? "no values after the header line"
                                       : "no values: the file is empty");
        return finish();
    }

private:
    // The first line decides; tab and semicolon first, because files that use them often
    // write decimal commas, which a comma separator would split.
    static char separatorOf(std::string_view line)
    {
        for (const char c : {'\t', ';', ','}) {
            if (line.find(c) != std::string_view::npos)
                return c;
        }
        return '\0';
    }

    static bool isHeader(const std::vector<std::string_view> &fields)
    {
        for (const std::string_view field : fields) {
            if (readNumber(field) || readHour(field))
                return false;
        }
        return true;
    }

    // "14", "14:00" or "14:00:00"; nullopt when the text is none of these.
    static std::optional<double> readHour(std::string_view text)
    {
        const std::size_t colon = text.find(':');
        if (colon == std::string_view::npos)
            return readNumber(text);
        const std::optional<double> hour = readNumber(text.substr(0, colon));
        std::string_view rest = text.substr(colon + 1);
        while (hour) {
            const std::size_t next = rest.find(':');
            const std::string_view part = rest.substr(0, next);
            if (part.size() != 2 || part != "00")
                return std::nullopt;
            if (next == std::string_view::npos)
                return hour;
            rest.remove_prefix(next + 1);
        }
        return std::nullopt;
    }

    std::string fieldName(std::size_t index) const
    {
        const bool value = m_columns == 1 || index == 1;
        return std::to_string(index + 1) + (value ? " (value)" : " (hour)");
    }

    [[noreturn]] void fail(std::size_t field, const std::string &message) const
    {
        throw InputError(m_file, m_line, fieldName(field), message);
    }

    void row(const std::vector<std::string_view> &fields)
    {
        if (m_columns == 0) {
            m_columns = fields.size();
            if (m_columns > 2)
                throw InputError(m_file, m_line, "",
                                 "expected \"hour,value\" or a single value per line, found " +
                                         std::to_string(m_columns) + " fields");
        } else if (fields.size() != m_columns) {
            throw InputError(m_file, m_line, "",
                             "expected " + std::string(m_columns == 1 ? "1 field" : "2 fields") +
                                     " like the lines before, found " +
                                     std::to_string(fields.size()));
        }
        if (m_count == limits::kMaxProfileHours)
            throw InputError(m_file, m_line, "",
                             "too many values (at most " +
                                     std::to_string(limits::kMaxProfileHours) + ")");
        const double value = readValue(fields.back(), fields.size() - 1);
        if (m_columns == 1) {
            m_values.push_back(value);
        } else {
            const std::size_t hour = readHourField(fields.front());
            const auto [it, inserted] = m_byHour.emplace(hour, std::pair(value, m_line));
            if (!inserted)
                fail(0, "hour " + std::to_string(hour) + " appears twice (also on line " +
                                std::to_string(it->second.second) + ")");
        }
        ++m_count;
    }

    double readValue(std::string_view text, std::size_t field) const
    {
        if (text.empty())
            fail(field, "empty; expected a number");
        const std::optional<double> value = readNumber(text);
        if (!value) {
            std::string message = "not a number: " + quoted(text);
            // "0,12" from a locale that writes decimal commas.
            std::string withPoint(text);
            if (const std::size_t comma = withPoint.find(','); comma != std::string::npos) {
                withPoint[comma] = '.';
                if (readNumber(withPoint))
                    message += " (write decimals with a point: " + withPoint + ")";
            }
            fail(field, message);
        }
        if (!std::isfinite(*value))
            fail(field, "must be a finite number, not " + quoted(text));
        if (*value < 0.0)
            fail(field, "must be >= 0 (is " + inputExcerpt(text) + ")");
        return *value + 0.0; // -0 reads as 0, so it never prints as "-0"
    }

    std::size_t readHourField(std::string_view text) const
    {
        if (text.empty())
            fail(0, "empty; expected an hour (0, 1, 2, ... or 14:00)");
        const std::optional<double> hour = readHour(text);
        if (!hour)
            fail(0, "not an hour: " + quoted(text) + " (expected 0, 1, 2, ... or 14:00)");
        if (!std::isfinite(*hour) || *hour != std::floor(*hour))
            fail(0, "must be a whole hour (is " + inputExcerpt(text) + ")");
        if (*hour < 0.0)
            fail(0, "must be >= 0 (is " + inputExcerpt(text) + "); hours count from 0");
        if (*hour >= double(limits::kMaxProfileHours))
            fail(0, "must be below " + std::to_string(limits::kMaxProfileHours) + " (is " +
                            std::string(text) + ")");
        return static_cast<std::size_t>(*hour);
    }

    HourlyProfile finish() const
    {
        HourlyProfile profile;
        if (m_columns == 1) {
            profile.values = m_values;
            return profile;
        }
        // Hours may come in any order but must cover 0..n-1, so that value i is hour i.
        const std::size_t size = m_byHour.rbegin()->first + 1;
        std::size_t expected = 0;
        for (const auto &[hour, entry] : m_byHour) {
            if (hour != expected)
                throw InputError(m_file, 0, "hour",
                                 "hour " + std::to_string(expected) +
                                         " is missing (hours must run from 0 to " +
                                         std::to_string(size - 1) + " without gaps)");
            profile.values.push_back(entry.first);
            ++expected;
        }
        return profile;
    }

    std::string m_file;
    int m_line = 0;
    char m_separator = '\0';
    std::size_t m_columns = 0;
    std::size_t m_count = 0;
    std::vector<double> m_values;                           // one column
    std::map<std::size_t, std::pair<double, int>> m_byHour; // two columns: value, line
};

} // namespace

HourlyProfile parseHourlyProfileCsv(std::string_view text, const std::string &displayName)
{
    return Parser(displayName).parse(text);
}

HourlyProfile loadHourlyProfileCsv(const std::string &path)
{
    return readingFile(path, [&] { return parseHourlyProfileCsv(readTextFile(path), path); });
}

} // namespace headroom
