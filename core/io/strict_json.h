#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace headroom {

// Parses JSON as nlohmann::json::parse does, with two differences that matter for files people
// edit by hand: an object holding a member name twice is refused (nlohmann keeps the last one
// silently, which would hide a setting), and every failure throws InputError with `file`, the
// line and, where there is one, the JSON path:
//   - a syntax error: "invalid JSON at column C: <what the parser expected>";
//   - a number no double holds (1e400): "number out of range: 1e400", at the number's path;
//   - a repeated member: "duplicate field "x": ...", at the line of its second occurrence.
//   - arrays and objects nested deeper than kMaxJsonDepth: "nested more than 256 deep", at
//     the line of the bracket that goes too deep (16 M nested "[" would otherwise take
//     gigabytes and seconds before any field is looked at).
// A UTF-8 byte order mark is skipped.
inline constexpr std::size_t kMaxJsonDepth = 256;

nlohmann::json parseStrictJson(std::string_view text, const std::string &file);

} // namespace headroom
