#pragma once

#include <string_view>

namespace headroom {

// Which way a metric improves, for colouring a comparison's deltas (docs/design.md §8.1):
// waits, slowdown, energy, cost, carbon, rejected jobs and service shortfall are better
// lower; utilization, Jain's index and completed jobs better higher; the rest (sizes, power,
// makespan, seeds) are neutral, since more of them is neither good nor bad by itself.
enum class MetricDirection { Neutral, LowerIsBetter, HigherIsBetter };

MetricDirection metricDirection(std::string_view key);

// +1 when `delta` is an improvement for `key`, −1 when it is a regression, 0 when the key is
// neutral or the delta is 0.
int deltaVerdict(std::string_view key, double delta);

} // namespace headroom
