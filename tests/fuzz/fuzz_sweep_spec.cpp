// Sweep specs (core/io/sweep_spec.h); relative bases are looked for in resources/examples.
#include "core/io/sweep_spec.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    fuzz::expectReadOrInputError([&] {
        parseSweepSpec(fuzz::bytes(data, size), "fuzz-sweep.json", HEADROOM_FUZZ_DATA_DIR);
    });
    return 0;
}
