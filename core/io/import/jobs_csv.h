#pragma once

#include "core/io/import/import_result.h"
#include "core/io/read_progress.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// Which column of a jobs CSV holds each job field, by header name (docs/design.md §9).
// submit and slots are required, and run unless start and end are both given; the rest may
// be empty (not in the file).
struct CsvJobColumns
{
    std::string submit, run, slots;
    std::string requested, id, name, tenant, start, end;
};

enum class CsvTimeFormat {
    Epoch, // seconds, e.g. 1709647321 or 1709647321.5
    Iso,   // 2024-03-05T14:22:01 (see parseIsoTime)
};

// "submit=Submitted,run=Elapsed,slots=GPUs,tenant=Team": the CLI's --map. std::nullopt, with
// `error` saying why, for an unknown field, a field given twice, a pair without '=' or a
// missing required field.
std::optional<CsvJobColumns> parseCsvJobColumns(std::string_view text, std::string &error);

// A CSV of jobs with a header line (RFC 4180: quoted fields may hold commas, quotes and line
// breaks). Submit (and start and end) times are read in `timeFormat` and shifted so that time
// 0 is the midnight before the first submission; run and requested are seconds. A row whose
// run cell is empty runs end − start when both are mapped; a row with start or end mapped but
// empty never ran, or had not ended, and is skipped, as are rows with run time or slots <= 0.
// Job ids come from the id column, else the row number. Throws InputError naming the file,
// the line and the column. With a `progress`, reports how far it is and throws
// ReadCancelled once that is cancelled.
ImportResult parseJobsCsv(std::string_view text, const std::string &file,
                          const CsvJobColumns &columns, CsvTimeFormat timeFormat,
                          ReadProgress *progress = nullptr);
ImportResult readJobsCsv(const std::string &path, const CsvJobColumns &columns,
                         CsvTimeFormat timeFormat, ReadProgress *progress = nullptr);

// The first rows of a jobs CSV read one by one with a mapping, for the GUI's mapping dialog
// to show before the import runs: unlike parseJobsCsv, a bad row does not stop the others.
struct CsvPreviewRow
{
    int line = 0;                    // the line the record starts on
    std::vector<std::string> fields; // its cells as written
    std::optional<Job> job;          // the job it makes (times not yet shifted to midnight)
    std::string skipped;             // else why the import skips it, or
    std::string error;               // the InputError the import would stop at (file:line: field)
};
struct CsvPreview
{
    std::vector<std::string> header;
    std::vector<CsvPreviewRow> rows;
    // A mapped column the header does not have, an empty file, a quote left open: no row can
    // be read with this mapping.
    std::string error;
};
CsvPreview previewJobsCsv(std::string_view text, const std::string &file,
                          const CsvJobColumns &columns, CsvTimeFormat timeFormat,
                          std::size_t maxRows);

// A mapping guessed from header names ("Submit", "submit_time", "GPUs", "Elapsed", ...),
// matched without case; fields with no likely column stay empty.
CsvJobColumns guessCsvJobColumns(const std::vector<std::string> &header);

} // namespace headroom
