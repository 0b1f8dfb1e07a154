#pragma once

#include "core/model/scenario.h"

#include <optional>
#include <string>

namespace headroom {

// docs/design.md §7: a scenario whose load is `factor` times the original's. Batch arrivals
// are compressed toward the first submission, t -> first + (t - first) / factor, so the same
// work arrives `factor` times as fast; every inference service's load is multiplied by
// `factor`. Job sizes, run times, the cluster and the policy are unchanged. A factor of
// exactly 1 returns the scenario untouched (bit for bit: no rounding through the formula).

// Why `factor` cannot scale a load, in words for the user; empty when it can (finite, > 0).
std::optional<std::string> loadScaleProblem(double factor);

// The scaled scenario. `factor` must pass loadScaleProblem (std::invalid_argument otherwise).
// The result may break a limit of a valid scenario (a submit time beyond 10^12 s when
// factor < 1): callers validate it like any edited scenario.
Scenario scaleLoad(Scenario scenario, double factor);

} // namespace headroom
