// kubectl get nodes -o json imports (core/io/import/kubernetes_nodes.h), with GPU and CPU
// slots, and the quantity parser on its own.
#include "core/io/import/kubernetes_nodes.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const std::string_view text = fuzz::bytes(data, size);
    if (size < 64)
        parseKubernetesQuantity(text);
    fuzz::expectReadOrInputError(
            [&] { parseKubernetesNodes(text, "fuzz.json", ImportSlots::Gpu); });
    fuzz::expectReadOrInputError(
            [&] { parseKubernetesNodes(text, "fuzz.json", ImportSlots::Cpu); });
    return 0;
}
