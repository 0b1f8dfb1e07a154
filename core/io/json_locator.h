#pragma once

#include <cstddef>
#include <string_view>

namespace headroom {

// Finds where things are in a JSON text, for error messages. nlohmann::json keeps no source
// positions, so these functions scan the text again; they run only when an error is reported,
// never while a file loads normally.
//
// Paths are spelled as validation.cpp spells them: member names joined by '.', array indices
// in brackets, e.g. "jobs[3].constraints.zone"; the empty path is the top-level value.
// The text is expected to be valid JSON; on anything else the scan stops early and reports
// the deepest position it reached, rather than failing.

struct TextPosition
{
    int line = 1;   // 1-based
    int column = 1; // 1-based, in bytes
};

// Line and column of byte `offset` in `text` (offsets past the end mean the end).
TextPosition textPositionOf(std::string_view text, std::size_t offset);

// Line of the value at `path`. When the path does not exist (a required member is missing,
// an index is past the end), the line of the deepest enclosing value that does exist. When an
// object has a member name more than once, the first is followed.
int jsonLineOf(std::string_view text, std::string_view path);

// Line of the second occurrence of member `name` in the object at `objectPath`: where a
// duplicate member is. Falls back like jsonLineOf when there is no second occurrence.
int jsonLineOfRepeatedMember(std::string_view text, std::string_view objectPath,
                             std::string_view name);

} // namespace headroom
