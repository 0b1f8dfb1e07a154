#pragma once

#include "core/io/read_progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// One record of a delimited text file: its fields and the line it starts on (1-based).
struct TextRecord
{
    int line = 0;
    std::vector<std::string> fields;
};

// How a file's fields are separated: RFC 4180 CSV (double quotes around a field protect
// separators, "" inside stands for one quote, and a quoted field may span lines), or plain
// delimited text without quoting (sacct -P separates with '|' and quotes nothing).
enum class Quoting { Rfc4180, None };

// Reads the records of delimited text held in memory; blank lines are skipped. Throws
// InputError(file, line, "", ...) for a quote left open. With a `progress`, reports how far it
// is through the text and throws ReadCancelled once the progress is cancelled.
class DelimitedReader
{
public:
    DelimitedReader(std::string_view text, const std::string &file, char separator, Quoting quoting,
                    ReadProgress *progress = nullptr);

    bool next(TextRecord &record);

private:
    std::string_view m_text;
    std::size_t m_position = 0;
    int m_line = 0; // lines consumed
    const std::string &m_file;
    char m_separator;
    Quoting m_quoting;
    ProgressTicker m_ticker;
};

// The columns of a header record, found by name. Every data record must have as many fields
// as the header; a record with another count is refused by checkWidth, naming the line.
class HeaderColumns
{
public:
    HeaderColumns(TextRecord header, const std::string &file);

    // The column called `name` (exact match), if there is one.
    std::optional<std::size_t> find(std::string_view name) const;
    // The same, and a missing column is an error naming the header line: "missing column
    // \"State\" (the header has: JobID, Submit, ...)".
    std::size_t require(std::string_view name) const;
    void checkWidth(const TextRecord &record) const;
    int line() const { return m_header.line; }

private:
    TextRecord m_header;
    const std::string &m_file;
};

// Strict conversions of a whole field, nothing left over; std::nullopt for anything else.
// Whole numbers: optional sign and decimal digits. Decimals: also a fraction and an exponent,
// never "nan", "inf" or hex, which no input means.
std::optional<std::int64_t> parseWholeNumber(std::string_view text);
std::optional<double> parseDecimal(std::string_view text);

// "\"text\"", cut after 40 characters: how an error message quotes what it found.
std::string quotedForError(std::string_view text);

std::string_view trimSpaces(std::string_view text);

} // namespace headroom
