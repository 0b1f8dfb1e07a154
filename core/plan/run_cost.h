#pragma once

#include "core/engine/run_result.h"
#include "core/model/scenario.h"

#include <string>
#include <vector>

namespace headroom {

// What a run costs (docs/design.md §7.3): the capital of the cluster's nodes amortised over
// the run, plus the energy bill the run itself integrates (RunMetrics::cost).
//
//   capital = Σ over nodes of price_usd × span ÷ (amortization years × 365.25 × 86 400 s)
//
// where span is the simulated span, first event to last (the interval the energy bill covers
// too), so both parts pay for the same stretch of time.
struct RunCost
{
    double capitalUsd = 0.0;
    double energy = 0.0;        // in energyCurrency
    std::string energyCurrency; // EnergyPolicy::currency
    double spanS = 0.0;
    double amortizationYears = 0.0;
    // Types with nodes in the cluster but no price_usd: they add nothing to the capital part.
    std::vector<std::string> unpricedTypes;

    // Whether the two parts are in one currency (the energy is in US dollars) and so add up.
    bool addsUp() const { return energyCurrency == "USD"; }
    double totalUsd() const { return capitalUsd + energy; }
    bool operator==(const RunCost &) const = default;
};

inline constexpr double kDefaultAmortizationYears = 5.0;
inline constexpr double kSecondsPerYear = 365.25 * 86400.0;

// The first event of a run of `scenario`: its earliest submission, or 0 without jobs.
SimTime firstEventTime(const Scenario &scenario);

RunCost runCost(const Scenario &scenario, const RunResult &result, double amortizationYears);

} // namespace headroom
