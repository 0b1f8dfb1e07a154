#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace headroom {

// A service-level objective over one numeric key of the metrics JSON (docs/design.md §7):
// "p95_wait_s<=3600" or "jobs_completed>=190".
struct Slo
{
    enum class Bound { AtMost, AtLeast };

    std::string key;
    Bound bound = Bound::AtMost;
    double limit = 0.0;

    // Whether `value` meets it (a NaN never does).
    bool met(double value) const;
    // "KEY<=LIMIT" / "KEY>=LIMIT", the limit in the shortest form that reads back exactly.
    std::string text() const;
    bool operator==(const Slo &) const = default;
};

// Parses "KEY<=VALUE" or "KEY>=VALUE" (no spaces needed; spaces around the parts are
// ignored). Empty when the text is not of that form or VALUE is not a finite number; whether
// KEY exists is the caller's check (numericMetricKeys).
std::optional<Slo> parseSlo(std::string_view text);

} // namespace headroom
