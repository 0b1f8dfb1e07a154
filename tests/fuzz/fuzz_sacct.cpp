// Slurm accounting (sacct -P) imports (core/io/import/slurm_accounting.h), into the example
// scenario's cluster so that partitions can name its zones and racks. The first byte picks
// GPU or CPU slots.
#include "core/io/import/slurm_accounting.h"
#include "core/io/scenario_json.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    static const Cluster cluster =
            loadScenarioFile(HEADROOM_FUZZ_DATA_DIR "/two-rack-h100.json").cluster;
    if (size == 0)
        return 0;
    const ImportSlots slots = data[0] & 1 ? ImportSlots::Cpu : ImportSlots::Gpu;
    fuzz::expectReadOrInputError(
            [&] { parseSacct(fuzz::bytes(data + 1, size - 1), "fuzz.txt", slots, cluster); });
    return 0;
}
