#pragma once

#include "core/model/scenario.h"

#include <string>
#include <string_view>

namespace headroom {

// Scenario files: JSON, described field by field in core/io/SCENARIO_FORMAT.md.
inline constexpr std::string_view kScenarioFormatName = "headroom-scenario";
// The version this build reads and writes. Files with a newer version are refused.
// Version 2 added the energy policy, inference services, DVFS levels, node tenant
// reservations, dedicated jobs and the new placements; version 3 the node types' capital
// price (price_usd). Files of versions 1 and 2 read unchanged.
inline constexpr int kScenarioFormatVersion = 4;

// Reads and validates a scenario file (read by readTextFile, so it may be gzip-compressed).
// Every problem, from a JSON syntax error to a job that names an unknown zone, throws
// InputError with the file, the line and the JSON path of the offending field; so a scenario
// that loads can be simulated.
Scenario loadScenarioFile(const std::string &path);

// As loadScenarioFile, from text in memory; `displayName` names it in errors.
Scenario parseScenario(std::string_view text, const std::string &displayName);

// The canonical text of a scenario: fixed key order, 2-space indent, trailing newline, job
// fields left out when they hold their defaults. parseScenario(serializeScenario(s)) == s for
// every valid scenario, and serializing again gives the same bytes. The core writes no files:
// the GUI saves this text atomically (ui/files/scenario_io.h).
std::string serializeScenario(const Scenario &scenario);

} // namespace headroom
