#pragma once

#include "core/plan/demand_forecast.h"
#include "core/plan/runway.h"
#include "core/plan/sizing.h"

#include <string>
#include <string_view>

namespace headroom {

// The planning results as files (docs/design.md §7): two-space-indented JSON with keys in a
// fixed order and doubles in the shortest form that reads back exactly, so that the same study
// gives the same bytes on any machine and with any number of threads. No wall-clock time.

// headroom-cli size --out. `loadScale` is the --load-scale the base scenario was scaled by
// (recorded, not applied).
std::string sizingJson(const SizingResult &result, double loadScale);

// headroom-cli size --points-csv: one row per evaluated configuration, in evaluation order:
// index, round, the count of each varied type, objective, meets_slos, capital_usd,
// energy_cost, then the figure of each key the SLOs name (each key once).
std::string sizingPointsCsv(const SizingResult &result);

// headroom-cli forecast --out / --csv. The CSV has a row per history day (day, demand,
// fitted) and per forecast day (day, point as fitted, lower, upper).
std::string forecastJson(const DemandForecast &forecast);
std::string forecastCsv(const DemandForecast &forecast);

// headroom-cli runway --out.
std::string runwayJson(const RunwayResult &result, double loadScale);

// The growth_per_month of a FORECAST.json (forecastJson's output): a finite number > −1.
// Throws InputError naming `file` when the text is not such a file or the growth is null
// (a history whose mean demand is 0).
double readForecastGrowth(std::string_view text, const std::string &file);

} // namespace headroom
