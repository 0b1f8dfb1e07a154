// SWF traces from memory (core/io/swf_reader.h): the parser itself.
#include "core/io/swf_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    fuzz::expectReadOrInputError(
            [&] { parseSwf(fuzz::bytes(data, size), "fuzz.swf", fuzz::kSwfOptions); });
    return 0;
}
