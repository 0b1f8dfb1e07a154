#pragma once

#include "core/io/json_reader.h"
#include "core/model/scenario.h"

#include <nlohmann/json_fwd.hpp>

namespace headroom {

// A scenario's members as JSON, by one field table per model object (scenario_fields.cpp;
// core/io/SCENARIO_FORMAT.md describes them for users). "format" and "version" are listed
// first: written as this build's, accepted but not read here, since the caller checks them
// before anything else.

// Reads the top-level object `root` into `out`, which holds the defaults for what is left
// out. Throws InputError on a member that is unknown, missing or of the wrong type.
void readScenarioFields(const JsonReader &reader, const nlohmann::json &root, Scenario &out);

// The canonical JSON of a scenario: fixed key order, defaults left out where the tables say.
// With `JobList::Stub` its "jobs" is an empty array whatever the scenario holds, for a writer
// that streams the jobs (serializeScenario).
enum class JobList { Included, Stub };
nlohmann::ordered_json writeScenarioFields(const Scenario &scenario,
                                           JobList jobs = JobList::Included);
// One job of the "jobs" array, into `out` (cleared first; reused across jobs, it keeps its
// storage).
void writeJobFields(const Job &job, nlohmann::ordered_json &out);

} // namespace headroom
