// The strict JSON parser under every JSON reader (core/io/strict_json.h).
#include "core/io/strict_json.h"
#include "tests/fuzz/fuzz_support.h"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    fuzz::expectReadOrInputError([&] { parseStrictJson(fuzz::bytes(data, size), "fuzz.json"); });
    return 0;
}
