#pragma once

// Shared by the libFuzzer targets (docs/architecture.md, "Fuzzing the readers"): each
// target feeds arbitrary bytes to one reader. A reader may refuse them only with InputError,
// and its message must stay readable; anything else (a crash, a sanitizer report, another
// exception escaping, a leak, a runaway message) is a finding.

#include "core/io/input_error.h"
#include "core/io/swf_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace headroom::fuzz {

// Longest error message a reader may produce for any input: quoted input is cut to a few
// dozen characters (core/io/input_excerpt.h), so only the lists of expected fields are long.
inline constexpr std::size_t kMaxMessageBytes = 4096;

// The SWF targets hunt parser faults, so a mutated MaxNodes header must not cost each run the
// building of up to 2^20 nodes (test_cost_bounds covers that limit): beyond 4,096 nodes a
// trace is refused, and the refusal's message is checked like any other.
inline const SwfOptions kSwfOptions{.nodes = std::nullopt, .maxNodes = 4096};

inline std::string_view bytes(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

// Runs `read`; an InputError is the expected refusal, checked for a bounded message.
template<typename Read>
void expectReadOrInputError(Read &&read)
{
    try {
        read();
    } catch (const InputError &error) {
        const std::size_t length = std::string_view(error.what()).size();
        if (length > kMaxMessageBytes) {
            std::fprintf(stderr, "error message of %zu bytes (limit %zu): %.200s...\n", length,
                         kMaxMessageBytes, error.what());
            std::abort();
        }
    }
}

// Splits an input holding two files at its first form feed (seed corpora join two files
// with "\n\f\n"); without one, everything is the first file.
inline std::pair<std::string_view, std::string_view> splitTwo(std::string_view text)
{
    const std::size_t cut = text.find('\f');
    if (cut == std::string_view::npos)
        return {text, {}};
    return {text.substr(0, cut), text.substr(cut + 1)};
}

// A per-process scratch file for readers that only take a path (gzip detection and
// streaming live behind the path): the input's bytes, rewritten for each run.
std::string writeScratchFile(std::string_view content);

} // namespace headroom::fuzz
