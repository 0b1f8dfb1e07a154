// Scenario files (core/io/scenario_json.h). A scenario that loads must serialize to text that
// loads again to the same scenario (the round trip the GUI's save relies on).
#include "core/io/scenario_json.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    fuzz::expectReadOrInputError([&] {
        const Scenario scenario = parseScenario(fuzz::bytes(data, size), "fuzz.json");
        const std::string text = serializeScenario(scenario);
        const Scenario again = parseScenario(text, "fuzz-serialized.json");
        if (!(again == scenario) || serializeScenario(again) != text) {
            std::fprintf(stderr, "round trip changed the scenario:\n%s\n", text.c_str());
            std::abort();
        }
    });
    return 0;
}
