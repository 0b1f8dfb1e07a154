#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace headroom {

// How an error message echoes what it found in an input: at most kInputExcerptBytes bytes of
// it, then "...". Inputs are arbitrary: a 16 MiB field name or a line of tabs must give a
// message a person can read, not megabytes of stderr (docs/design.md §6).
inline constexpr std::size_t kInputExcerptBytes = 40;

// `text` cut to `maxBytes` (never inside a UTF-8 character) with "..." when it was longer.
std::string inputExcerpt(std::string_view text, std::size_t maxBytes = kInputExcerptBytes);

// The same between double quotes: "\"n/a\"".
std::string quotedInput(std::string_view text, std::size_t maxBytes = kInputExcerptBytes);

} // namespace headroom
