// Alibaba openb node and pod lists (core/io/import/alibaba_openb.h): the input holds both,
// split at its first form feed (nodes, then pods).
#include "core/io/import/alibaba_openb.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const auto parts = fuzz::splitTwo(fuzz::bytes(data, size));
    const std::string_view nodes = parts.first, pods = parts.second;
    fuzz::expectReadOrInputError(
            [&] { parseOpenb(nodes, "nodes.csv", pods, "pods.csv", ImportSlots::Gpu); });
    fuzz::expectReadOrInputError(
            [&] { parseOpenb(nodes, "nodes.csv", pods, "pods.csv", ImportSlots::Cpu); });
    return 0;
}
