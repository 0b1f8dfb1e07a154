#include "core/plan/metric_direction.h"

#include <array>

namespace headroom {

MetricDirection metricDirection(std::string_view key)
{
    static constexpr std::array<std::string_view, 4> kLowerSuffixes = {"_wait_s", "_slowdown",
                                                                       "energy_kwh", "_kg"};
    static constexpr std::array<std::string_view, 4> kLower = {
            "cost", "jobs_rejected", "service_shortfall_fraction", "time_at_power_cap_s"};
    static constexpr std::array<std::string_view, 3> kHigher = {"utilization", "jain_index",
                                                                "jobs_completed"};
    for (std::string_view k : kLower) {
        if (key == k)
            return MetricDirection::LowerIsBetter;
    }
    for (std::string_view k : kHigher) {
        if (key == k)
            return MetricDirection::HigherIsBetter;
    }
    for (std::string_view suffix : kLowerSuffixes) {
        if (key.ends_with(suffix))
            return MetricDirection::LowerIsBetter;
    }
    return MetricDirection::Neutral;
}

int deltaVerdict(std::string_view key, double delta)
{
    if (delta == 0.0)
        return 0;
    switch (metricDirection(key)) {
    case MetricDirection::LowerIsBetter:
        return delta < 0.0 ? 1 : -1;
    case MetricDirection::HigherIsBetter:
        return delta > 0.0 ? 1 : -1;
    case MetricDirection::Neutral:
        break;
    }
    return 0;
}

} // namespace headroom
