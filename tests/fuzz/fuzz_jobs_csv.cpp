// Jobs CSV with a column map (core/io/import/jobs_csv.h): the input is a --map line, a form
// feed and the CSV. Without a usable map, the seeds' two maps are tried, with epoch and ISO
// times.
#include "core/io/import/jobs_csv.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const auto parts = fuzz::splitTwo(fuzz::bytes(data, size));
    const std::string_view mapText = parts.first, csv = parts.second;
    std::string error;
    if (const auto columns = parseCsvJobColumns(mapText, error)) {
        for (CsvTimeFormat format : {CsvTimeFormat::Epoch, CsvTimeFormat::Iso})
            fuzz::expectReadOrInputError([&] { parseJobsCsv(csv, "fuzz.csv", *columns, format); });
        return 0;
    }
    if (error.size() > fuzz::kMaxMessageBytes)
        std::abort();
    CsvJobColumns epoch;
    epoch.submit = "Submitted";
    epoch.run = "Elapsed";
    epoch.slots = "GPUs";
    epoch.requested = "Limit";
    epoch.tenant = "Who";
    epoch.name = "Label";
    epoch.id = "JobNo";
    CsvJobColumns iso;
    iso.id = "id";
    iso.submit = "submit";
    iso.start = "start";
    iso.end = "end";
    iso.slots = "gpus";
    iso.tenant = "team";
    const std::string_view text = csv.empty() ? mapText : csv;
    fuzz::expectReadOrInputError(
            [&] { parseJobsCsv(text, "fuzz.csv", epoch, CsvTimeFormat::Epoch); });
    fuzz::expectReadOrInputError([&] { parseJobsCsv(text, "fuzz.csv", iso, CsvTimeFormat::Iso); });
    return 0;
}
