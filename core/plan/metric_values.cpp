#include "core/plan/metric_values.h"

#include <nlohmann/json.hpp>

namespace headroom {

std::optional<double> MetricValues::find(std::string_view key) const
{
    for (const MetricValue &entry : entries) {
        if (entry.key == key)
            return entry.value;
    }
    return std::nullopt;
}

MetricValues metricValues(const RunMetrics &metrics, const RunInfo &info)
{
    // Read back from the JSON itself, so that the keys and values are those of the file by
    // construction (a key appended there is an SLO key here without a second list to keep).
    const nlohmann::ordered_json json = nlohmann::ordered_json::parse(metricsJson(metrics, info));
    MetricValues values;
    for (const auto &[key, value] : json.items()) {
        if (value.is_number())
            values.entries.push_back({key, value.get<double>()});
    }
    return values;
}

std::vector<std::string> numericMetricKeys(bool withServices)
{
    RunMetrics metrics;
    if (withServices)
        metrics.services.resize(1);
    std::vector<std::string> keys;
    for (const MetricValue &entry : metricValues(metrics, RunInfo{}).entries)
        keys.push_back(entry.key);
    return keys;
}

} // namespace headroom
