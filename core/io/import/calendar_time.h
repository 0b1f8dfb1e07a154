#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

struct Job;

// Calendar times as imports meet them (docs/design.md §9), as seconds on one scale.

// "2024-03-05T14:22:01" (also with a space for the T, without seconds, with a fraction of a
// second, and with "Z" or an offset "+02:00"/"-0500"): seconds since 1970-01-01T00:00:00.
// Without an offset the time is read as it is written, a wall-clock time (sacct prints local
// times); with one it is converted to UTC. std::nullopt when the text is not such a time or
// names no real date (2023-02-29).
std::optional<double> parseIsoTime(std::string_view text);

// "2024-03-05T00:00:00" for a whole number of seconds on that scale.
std::string formatIsoTime(double seconds);

// Imported submit times are calendar seconds; a scenario's time starts near 0 and hour 0 of
// its price and carbon profiles is midnight (docs/design.md §2.5). So every job's submit time
// is shifted by the midnight at or before the earliest one, which is returned (0 without jobs).
double shiftToMidnight(std::vector<Job> &jobs);

} // namespace headroom
