// scontrol show nodes -o imports (core/io/import/slurm_accounting.h), with GPU and CPU slots.
#include "core/io/import/slurm_accounting.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const std::string_view text = fuzz::bytes(data, size);
    fuzz::expectReadOrInputError([&] { parseSlurmNodes(text, "fuzz.txt", ImportSlots::Gpu); });
    fuzz::expectReadOrInputError([&] { parseSlurmNodes(text, "fuzz.txt", ImportSlots::Cpu); });
    return 0;
}
