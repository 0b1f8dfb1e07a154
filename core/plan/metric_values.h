#pragma once

#include "core/engine/run_result.h"
#include "core/io/run_outputs.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// The numbers of a run as the metrics JSON holds them (docs/design.md §6.5): every top-level
// member of `metricsJson(metrics, info)` whose value is a number, under its key and in its
// order. SLOs (docs/design.md §7) are written over these keys, so that a planner names a
// figure exactly as `simulate --metrics-json` prints it. Arrays (per tenant, per rack, per
// service) are not keys.
struct MetricValue
{
    std::string key;
    double value = 0.0;
    bool operator==(const MetricValue &) const = default;
};

struct MetricValues
{
    std::vector<MetricValue> entries; // metrics JSON order

    std::optional<double> find(std::string_view key) const;
    bool operator==(const MetricValues &) const = default;
};

MetricValues metricValues(const RunMetrics &metrics, const RunInfo &info);

// The keys metricValues gives for a run of a scenario with (or without) services: what an SLO
// may name. Services add "service_shortfall_fraction".
std::vector<std::string> numericMetricKeys(bool withServices);

} // namespace headroom
