// Hourly price, carbon and load profiles (core/io/hourly_profile_csv.h).
#include "core/io/hourly_profile_csv.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    fuzz::expectReadOrInputError(
            [&] { parseHourlyProfileCsv(fuzz::bytes(data, size), "fuzz.csv"); });
    return 0;
}
