#include "core/io/import/delimited_text.h"

#include "core/io/input_error.h"
#include "core/io/input_excerpt.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace headroom {

DelimitedReader::DelimitedReader(std::string_view text, const std::string &file, char separator,
                                 Quoting quoting, ReadProgress *progress)
    : m_text(text)
    , m_file(file)
    , m_separator(separator)
    , m_quoting(quoting)
    , m_ticker(progress, text.size())
{
    // A UTF-8 byte order mark, as spreadsheets write it, is not part of the first field.
    if (m_text.starts_with("\xEF\xBB\xBF"))
        m_position = 3;
}

bool DelimitedReader::next(TextRecord &record)
{
    const std::string_view text = m_text;
    const auto isBlank = [](char c) { return c == ' ' || c == '\t'; };
    for (;;) {
        if (m_position >= text.size()) {
            m_ticker.finish(text.size());
            return false;
        }
        m_ticker.at(m_position);
        record.line = m_line + 1;
        // The record's strings are reused from one record to the next: a million-line file
        // would otherwise allocate every field of every line.
        std::size_t count = 0;
        const auto slot = [&record, &count]() -> std::string & {
            if (count == record.fields.size())
                record.fields.emplace_back();
            return record.fields[count++];
        };
        bool lineEnded = false;
        bool anyQuoted = false;
        while (!lineEnded) {
            std::size_t at = m_position;
            while (at < text.size() && isBlank(text[at]))
                ++at;
            if (m_quoting == Quoting::Rfc4180 && at < text.size() && text[at] == '"') {
                anyQuoted = true;
                std::string &field = slot();
                field.clear();
                bool closed = false;
                for (++at; at < text.size();) {
                    const char c = text[at++];
                    if (c != '"') {
                        if (c == '\n')
                            ++m_line;
                        field.push_back(c);
                    } else if (at < text.size() && text[at] == '"') {
                        field.push_back('"');
                        ++at;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed)
                    throw InputError(m_file, record.line, "", "a quoted field is not closed");
                // After the closing quote: blanks, then a separator or the line end.
                while (at < text.size() && isBlank(text[at]))
                    ++at;
                if (at < text.size() && text[at] == '\r' &&
                    (at + 1 == text.size() || text[at + 1] == '\n'))
                    ++at;
                if (at == text.size() || text[at] == '\n')
                    lineEnded = true;
                else if (text[at] != m_separator)
                    throw InputError(m_file, record.line, "",
                                     "unexpected text after a closing quote: " +
                                             quotedForError(text.substr(at, 1)));
                m_position = std::min(at + 1, text.size());
                continue;
            }
            // Unquoted: up to the separator or the line end; a quote inside is a character.
            std::size_t end = at;
            while (end < text.size() && text[end] != m_separator && text[end] != '\n')
                ++end;
            std::string_view value = text.substr(at, end - at);
            if (end == text.size() || text[end] == '\n') {
                lineEnded = true;
                if (!value.empty() && value.back() == '\r')
                    value.remove_suffix(1);
            }
            slot().assign(trimSpaces(value));
            m_position = std::min(end + 1, text.size());
        }
        ++m_line;
        record.fields.resize(count);
        if (count == 1 && !anyQuoted && record.fields.front().empty())
            continue; // blank line
        return true;
    }
}

HeaderColumns::HeaderColumns(TextRecord header, const std::string &file)
    : m_header(std::move(header))
    , m_file(file)
{
    for (std::size_t i = 0; i < m_header.fields.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!m_header.fields[i].empty() && m_header.fields[i] == m_header.fields[j])
                throw InputError(m_file, m_header.line, "",
                                 "column " + quotedForError(m_header.fields[i]) +
                                         " appears twice in the header");
        }
    }
}

std::optional<std::size_t> HeaderColumns::find(std::string_view name) const
{
    for (std::size_t i = 0; i < m_header.fields.size(); ++i) {
        if (m_header.fields[i] == name)
            return i;
    }
    return std::nullopt;
}

std::size_t HeaderColumns::require(std::string_view name) const
{
    if (const std::optional<std::size_t> column = find(name))
        return *column;
    // A file of another kind has a "header" of anything: show enough to recognise it.
    std::string has;
    for (std::size_t i = 0; i < m_header.fields.size() && i < 20; ++i)
        has.append(i == 0 ? "" : ", ").append(m_header.fields[i].substr(0, 40));
    if (m_header.fields.size() > 20)
        has.append(", ...");
    throw InputError(m_file, m_header.line, "",
                     "missing column \"" + std::string(name) + "\" (the header has: " + has + ")");
}

void HeaderColumns::checkWidth(const TextRecord &record) const
{
    if (record.fields.size() != m_header.fields.size())
        throw InputError(m_file, record.line, "",
                         "expected " + std::to_string(m_header.fields.size()) +
                                 " fields as in the header, found " +
                                 std::to_string(record.fields.size()));
}

std::optional<std::int64_t> parseWholeNumber(std::string_view text)
{
    if (text.starts_with('+'))
        text.remove_prefix(1);
    if (text.empty() || text.front() == '+')
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<double> parseDecimal(std::string_view text)
{
    if (text.starts_with('+'))
        text.remove_prefix(1);
    std::size_t digits = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != '-' && c != '.' && c != 'e' && c != 'E' && c != '+')
            return std::nullopt;
    }
    if (digits == 0)
        return std::nullopt;
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value,
                                              std::chars_format::general);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string quotedForError(std::string_view text)
{
    return quotedInput(text);
}

std::string_view trimSpaces(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace headroom
