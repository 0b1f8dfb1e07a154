#pragma once

#include "core/io/import/import_result.h"

#include <optional>
#include <string>
#include <string_view>

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
// the line and the column.
ImportResult parseJobsCsv(std::string_view text, const std::string &file,
                          const CsvJobColumns &columns, CsvTimeFormat timeFormat);
ImportResult readJobsCsv(const std::string &path, const CsvJobColumns &columns,
                         CsvTimeFormat timeFormat);

} // namespace headroom
