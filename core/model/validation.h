#pragma once

#include <string>
#include <vector>

namespace headroom {

struct Scenario;

// A problem with a scenario, located by the path of the offending field as it is spelled in
// the scenario file (e.g. "jobs[3].accelerators"), so the JSON reader can add the line.
struct Problem
{
    std::string path;
    std::string message;
};

// Checks values and cross-references. An empty list means the scenario can be simulated.
std::vector<Problem> validateScenario(const Scenario &scenario);

} // namespace headroom
