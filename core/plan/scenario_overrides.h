#pragma once

#include "core/model/scenario.h"
#include "core/model/validation.h"

#include <nlohmann/json_fwd.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// Named changes to a scenario, the one vocabulary of `compare --variant` and of sweep axes
// (docs/design.md §8.1): "scheduler=easy", "load_scale=1.5", "nodes.dgx-h100=24",
// "cluster_power_cap_kw=none", "dpm=off", ...
//
//   key                    value                 changes
//   scheduler              fcfs|sjf|srtf|easy    policy.scheduler
//   placement              a placement name      policy.placement
//   seed                   integer >= 0          the seed
//   load_scale             number > 0            the load (core/plan/load_scale.h)
//   nodes.TYPE             integer >= 0          TYPE's node count (core/plan/cluster_resize.h)
//   cluster_power_cap_kw   number | none         energy.cluster_power_cap_kw
//   rack_power_budget_kw   number | none         every rack's power_budget_kw
//   dvfs_frequency         number                energy.dvfs_frequency (racks keep their own)
//   dpm                    on|off|true|false     energy.dpm.enabled
//   idle_timeout_s         number                energy.dpm.idle_timeout_s
//   spare_nodes            integer               energy.dpm.spare_nodes
//   pue                    number                energy.pue
//   failures               on|off|true|false     failures.enabled (docs/design.md §10.1)
//   failure_seed           integer >= 0          failures.seed
//
// Whether a value is in range (a PUE below 1, a DVFS level above 4) is the scenario's
// validation's call, made on the scenario the overrides produce (overriddenProblems).
struct ScenarioOverride
{
    std::string key;   // as above; "nodes.<type>" names the type
    std::string value; // canonical text: "easy", "1.5", "24", "on", "none"

    std::string text() const { return key + "=" + value; } // "load_scale=1.5"
    bool operator==(const ScenarioOverride &) const = default;
};

// The keys, "scheduler, placement, ..., nodes.TYPE": for messages and --help.
std::string overrideKeyNames();
bool isOverrideKey(std::string_view key);

// One override from its key and its value as text. The value is checked for its form and put
// in canonical form (numbers in the shortest text that reads back the same). Throws
// std::invalid_argument with a sentence that names the key: "unknown key "schedular" (known:
// ...)", "load_scale: expected a number > 0, got "fast"".
ScenarioOverride parseOverride(std::string_view key, std::string_view value);

// "key=value[,key=value...]". Throws std::invalid_argument as parseOverride does, or for an
// item without '=' or a key given twice.
std::vector<ScenarioOverride> parseOverrideList(std::string_view text);

// One override from a JSON value (a sweep spec's axis or point): a string for names, a number
// for numbers (an integer where the key takes one), true/false for dpm, null for "none".
// Throws std::invalid_argument as parseOverride does, or when the JSON type is not the key's.
ScenarioOverride overrideFromJson(std::string_view key, const nlohmann::json &value);

// The value as JSON: the inverse of overrideFromJson (numbers as numbers, dpm as a bool,
// "none" as null), for result files.
nlohmann::ordered_json overrideJsonValue(const ScenarioOverride &override);

// A named set of overrides: compare's --variant "NAME: key=value[,key=value...]".
struct NamedVariant
{
    std::string name;
    std::vector<ScenarioOverride> overrides;
};
// Throws std::invalid_argument for a missing or empty name, or a bad list.
NamedVariant parseVariant(std::string_view text);

// What keeps these overrides from applying to `scenario`: a node type it does not have. One
// sentence each; empty when they apply.
std::vector<std::string> overrideProblems(const Scenario &scenario,
                                          std::span<const ScenarioOverride> overrides);

// Applies the overrides: node counts first, in the order given (the order in which types are
// resized shapes where new racks go, docs/design.md §7.2), then the load scale, then the rest.
// The result is not validated (overriddenProblems). Throws std::invalid_argument for an
// override with overrideProblems.
void applyOverrides(Scenario &scenario, std::span<const ScenarioOverride> overrides);

// The scenario's validation without its jobs, as `simulate` checks its command-line overrides
// (docs/design.md §6.1): overrides change the cluster, policy, energy and seed, and job times
// only by a load scale, so a million-job trace is not checked again.
std::vector<Problem> overriddenProblems(Scenario &scenario);

} // namespace headroom
