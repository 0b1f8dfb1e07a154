#include "core/io/import/delimited_text.h"

#include "core/io/input_error.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace headroom {

DelimitedReader::DelimitedReader(std::string_view text, const std::string &file, char separator,
                                 Quoting quoting)
    : m_text(text)
    , m_file(file)
    , m_separator(separator)
    , m_quoting(quoting)
{
    // A UTF-8 byte order mark, as spreadsheets write it, is not part of the first field.
    if (m_text.starts_with("\xEF\xBB\xBF"))
        m_position = 3;
}

bool DelimitedReader::next(TextRecord &record)
{
    for (;;) {
        if (m_position >= m_text.size())
            return false;
        record.fields.clear();
        record.line = m_line + 1;
        std::string field;
        bool quoted = false;    // inside quotes
        bool wasQuoted = false; // this field began with a quote
        while (m_position < m_text.size()) {
            const char c = m_text[m_position++];
            if (quoted) {
                if (c == '"') {
                    if (m_position < m_text.size() && m_text[m_position] == '"') {
                        field.push_back('"');
                        ++m_position;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n')
                        ++m_line;
                    field.push_back(c);
                }
                continue;
            }
            if (c == '\n')
                break;
            if (c == '\r' && (m_position == m_text.size() || m_text[m_position] == '\n'))
                continue;
            if (c == m_separator) {
                record.fields.push_back(wasQuoted ? field : std::string(trimSpaces(field)));
                field.clear();
                wasQuoted = false;
                continue;
            }
            if (m_quoting == Quoting::Rfc4180 && c == '"' && !wasQuoted &&
                trimSpaces(field).empty()) {
                field.clear();
                quoted = true;
                wasQuoted = true;
                continue;
            }
            if (!wasQuoted)
                field.push_back(c);
            // Text after a closing quote ("ab"c) is kept out; spaces before the separator
            // are allowed, anything else is a malformed field.
            else if (c != ' ' && c != '\t')
                throw InputError(m_file, record.line, "",
                                 "unexpected text after a closing quote: " +
                                         quotedForError(std::string(1, c)));
        }
        ++m_line;
        if (quoted)
            throw InputError(m_file, record.line, "", "a quoted field is not closed");
        if (record.fields.empty() && !wasQuoted && trimSpaces(field).empty())
            continue; // blank line
        record.fields.push_back(wasQuoted ? field : std::string(trimSpaces(field)));
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
    std::string has;
    for (const std::string &field : m_header.fields)
        has.append(has.empty() ? "" : ", ").append(field);
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
    std::string out = "\"";
    out.append(text.substr(0, 40));
    if (text.size() > 40)
        out.append("...");
    out.append("\"");
    return out;
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
