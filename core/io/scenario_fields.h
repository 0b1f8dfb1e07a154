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
nlohmann::ordered_json writeScenarioFields(const Scenario &scenario);

} // namespace headroom
