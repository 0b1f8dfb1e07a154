#pragma once

#include "core/plan/comparison.h"

#include <string>
#include <vector>

namespace headroom {

// headroom-cli compare --out (docs/design.md §8.1): "format": "headroom-comparison", "runs" (each
// with name, source, overrides and metrics: the object `simulate --metrics-json` writes for the
// same input, key for key and number for number) and "deltas" (every run after the first
// against the first: per numeric key, delta and relative). Two-space-indented, no wall-clock
// time, so the same comparison gives the same bytes.
std::string comparisonJson(const std::vector<ComparisonRun> &runs);

// headroom-cli compare --csv: "name,source,overrides", then the first run's numeric metric
// keys; one row per run. Overrides read "key=value,key=value" (quoted as RFC 4180 says).
std::string comparisonCsv(const std::vector<ComparisonRun> &runs);

} // namespace headroom
