#include "core/plan/scenario_overrides.h"

#include "core/io/json_reader.h"
#include "core/io/number_format.h"
#include "core/model/policy.h"
#include "core/plan/cluster_resize.h"
#include "core/plan/load_scale.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>

namespace headroom {
namespace {

constexpr std::string_view kNodesPrefix = "nodes.";

// How a key's value is written and read.
enum class ValueKind {
    Scheduler,
    Placement,
    Unsigned,     // an integer >= 0 (seed, node counts, spare nodes)
    Positive,     // a finite number > 0 (load scale)
    Number,       // any finite number (range checks are the validation's)
    NumberOrNone, // a finite number, or "none" (caps and budgets)
    Switch,       // on|off
};

struct KeyInfo
{
    std::string_view key;
    ValueKind kind;
};

// The documented order (scenario_overrides.h), which overrideKeyNames lists.
constexpr std::array kKeys = {
        KeyInfo{"scheduler", ValueKind::Scheduler},
        KeyInfo{"placement", ValueKind::Placement},
        KeyInfo{"seed", ValueKind::Unsigned},
        KeyInfo{"load_scale", ValueKind::Positive},
        KeyInfo{"cluster_power_cap_kw", ValueKind::NumberOrNone},
        KeyInfo{"rack_power_budget_kw", ValueKind::NumberOrNone},
        KeyInfo{"dvfs_frequency", ValueKind::Number},
        KeyInfo{"dpm", ValueKind::Switch},
        KeyInfo{"idle_timeout_s", ValueKind::Number},
        KeyInfo{"spare_nodes", ValueKind::Unsigned},
        KeyInfo{"pue", ValueKind::Number},
        KeyInfo{"failures", ValueKind::Switch},
        KeyInfo{"failure_seed", ValueKind::Unsigned},
};

bool isNodesKey(std::string_view key)
{
    return key.size() > kNodesPrefix.size() && key.starts_with(kNodesPrefix);
}

std::string nodeTypeOf(std::string_view key)
{
    return std::string(key.substr(kNodesPrefix.size()));
}

std::optional<ValueKind> kindOf(std::string_view key)
{
    if (isNodesKey(key))
        return ValueKind::Unsigned;
    for (const KeyInfo &info : kKeys) {
        if (info.key == key)
            return info.kind;
    }
    return std::nullopt;
}

ValueKind requireKind(std::string_view key)
{
    if (const std::optional<ValueKind> kind = kindOf(key))
        return *kind;
    throw std::invalid_argument("unknown key \"" + std::string(key) +
                                "\" (known: " + overrideKeyNames() + ")");
}

std::string_view trimmed(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::optional<double> parseDouble(std::string_view text)
{
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::uint64_t> parseUnsigned(std::string_view text)
{
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

std::string numberText(double value)
{
    std::string out;
    appendNumber(out, value);
    return out;
}

[[noreturn]] void badValue(std::string_view key, std::string_view expected, std::string_view value)
{
    throw std::invalid_argument(std::string(key) + ": expected " + std::string(expected) +
                                ", got \"" + std::string(value) + "\"");
}

// The canonical text of a value of this kind, or badValue.
std::string canonicalValue(std::string_view key, ValueKind kind, std::string_view value)
{
    switch (kind) {
    case ValueKind::Scheduler:
        if (!schedulerFromString(value))
            badValue(key, "one of " + schedulerNames(), value);
        return std::string(value);
    case ValueKind::Placement:
        if (!placementFromString(value))
            badValue(key, "one of " + placementNames(), value);
        return std::string(value);
    case ValueKind::Unsigned: {
        const std::optional<std::uint64_t> number = parseUnsigned(value);
        // Node and spare counts are ints in the scenario; a seed takes the full 64 bits.
        const bool fits = number && (key == "seed" || *number <= std::uint64_t(INT32_MAX));
        if (!fits)
            badValue(key, "a whole number >= 0", value);
        return std::to_string(*number);
    }
    case ValueKind::Positive: {
        const std::optional<double> number = parseDouble(value);
        if (!number || loadScaleProblem(*number))
            badValue(key, "a number > 0", value);
        return numberText(*number);
    }
    case ValueKind::NumberOrNone:
        if (value == "none")
            return "none";
        if (const std::optional<double> number = parseDouble(value))
            return numberText(*number);
        badValue(key, "a number or none", value);
    case ValueKind::Number:
        if (const std::optional<double> number = parseDouble(value))
            return numberText(*number);
        badValue(key, "a number", value);
    case ValueKind::Switch:
        if (value == "on" || value == "true")
            return "on";
        if (value == "off" || value == "false")
            return "off";
        badValue(key, "on or off", value);
    }
    badValue(key, "a value", value);
}

double numberOf(const ScenarioOverride &override)
{
    return *parseDouble(override.value);
}

int intOf(const ScenarioOverride &override)
{
    return static_cast<int>(*parseUnsigned(override.value));
}

std::optional<double> optionalNumberOf(const ScenarioOverride &override)
{
    return override.value == "none" ? std::nullopt : std::optional<double>(numberOf(override));
}

void applyOne(Scenario &scenario, const ScenarioOverride &override)
{
    const std::string &key = override.key;
    Policy &policy = scenario.policy;
    EnergyPolicy &energy = scenario.energy;
    if (key == "scheduler") {
        policy.scheduler = *schedulerFromString(override.value);
    } else if (key == "placement") {
        policy.placement = *placementFromString(override.value);
    } else if (key == "seed") {
        scenario.seed = *parseUnsigned(override.value);
    } else if (key == "cluster_power_cap_kw") {
        energy.clusterPowerCapKw = optionalNumberOf(override);
    } else if (key == "rack_power_budget_kw") {
        for (Zone &zone : scenario.cluster.zones) {
            for (Rack &rack : zone.racks)
                rack.powerBudgetKw = optionalNumberOf(override);
        }
    } else if (key == "dvfs_frequency") {
        energy.dvfsFrequency = numberOf(override);
    } else if (key == "dpm") {
        energy.dpmEnabled = override.value == "on";
    } else if (key == "idle_timeout_s") {
        energy.idleTimeoutS = numberOf(override);
    } else if (key == "spare_nodes") {
        energy.spareNodes = intOf(override);
    } else if (key == "pue") {
        energy.pue = numberOf(override);
    } else if (key == "failures") {
        scenario.failures.enabled = override.value == "on";
    } else if (key == "failure_seed") {
        scenario.failures.seed = *parseUnsigned(override.value);
    }
}

} // namespace

std::string overrideKeyNames()
{
    std::string names;
    for (const KeyInfo &info : kKeys)
        names.append(names.empty() ? "" : ", ").append(info.key);
    return names + ", nodes.TYPE";
}

bool isOverrideKey(std::string_view key)
{
    return kindOf(key).has_value();
}

ScenarioOverride parseOverride(std::string_view key, std::string_view value)
{
    const ValueKind kind = requireKind(key);
    return {std::string(key), canonicalValue(key, kind, value)};
}

std::vector<ScenarioOverride> parseOverrideList(std::string_view text)
{
    std::vector<ScenarioOverride> overrides;
    std::set<std::string, std::less<>> keys;
    for (;;) {
        const std::size_t comma = text.find(',');
        const std::string_view item = trimmed(text.substr(0, comma));
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos)
            throw std::invalid_argument("expected key=value, got \"" + std::string(item) + "\"");
        const std::string_view key = trimmed(item.substr(0, equals));
        if (keys.contains(key))
            throw std::invalid_argument("\"" + std::string(key) + "\" is given twice");
        overrides.push_back(parseOverride(key, trimmed(item.substr(equals + 1))));
        keys.insert(overrides.back().key);
        if (comma == std::string_view::npos)
            return overrides;
        text.remove_prefix(comma + 1);
    }
}

ScenarioOverride overrideFromJson(std::string_view key, const nlohmann::json &value)
{
    const ValueKind kind = requireKind(key);
    const auto wrongType = [&](std::string_view expected) {
        throw std::invalid_argument(std::string(key) + ": expected " + std::string(expected) +
                                    ", found " + describeJson(value));
    };
    std::string text;
    switch (kind) {
    case ValueKind::Scheduler:
    case ValueKind::Placement:
        if (!value.is_string())
            wrongType("a name (a string)");
        text = value.get<std::string>();
        break;
    case ValueKind::Unsigned:
        if (value.is_number_unsigned())
            text = std::to_string(value.get<std::uint64_t>());
        else if (value.is_number_float() &&
                 std::trunc(value.get<double>()) == value.get<double>() &&
                 value.get<double>() >= 0.0 && value.get<double>() < 9007199254740992.0)
            text = std::to_string(static_cast<std::uint64_t>(value.get<double>()));
        else
            wrongType("a whole number >= 0");
        break;
    case ValueKind::NumberOrNone:
        if (value.is_null()) {
            text = "none";
            break;
        }
        if (!value.is_number())
            wrongType("a number or null");
        text = numberText(value.get<double>());
        break;
    case ValueKind::Positive:
    case ValueKind::Number:
        if (!value.is_number())
            wrongType("a number");
        text = numberText(value.get<double>());
        break;
    case ValueKind::Switch:
        if (!value.is_boolean())
            wrongType("true or false");
        text = value.get<bool>() ? "on" : "off";
        break;
    }
    return {std::string(key), canonicalValue(key, kind, text)};
}

nlohmann::ordered_json overrideJsonValue(const ScenarioOverride &override)
{
    switch (requireKind(override.key)) {
    case ValueKind::Scheduler:
    case ValueKind::Placement:
        return override.value;
    case ValueKind::Unsigned:
        return *parseUnsigned(override.value);
    case ValueKind::NumberOrNone:
        if (override.value == "none")
            return nullptr;
        return numberOf(override);
    case ValueKind::Positive:
    case ValueKind::Number:
        return numberOf(override);
    case ValueKind::Switch:
        return override.value == "on";
    }
    return override.value;
}

NamedVariant parseVariant(std::string_view text)
{
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        throw std::invalid_argument("expected \"NAME: key=value[,key=value...]\", got \"" +
                                    std::string(text) + "\"");
    NamedVariant variant;
    variant.name = std::string(trimmed(text.substr(0, colon)));
    if (variant.name.empty())
        throw std::invalid_argument("the variant \"" + std::string(text) + "\" has no name");
    const std::string_view list = trimmed(text.substr(colon + 1));
    if (list.empty())
        throw std::invalid_argument("the variant \"" + variant.name +
                                    "\" changes nothing: give at least one key=value");
    variant.overrides = parseOverrideList(list);
    return variant;
}

std::vector<std::string> overrideProblems(const Scenario &scenario,
                                          std::span<const ScenarioOverride> overrides)
{
    std::vector<std::string> problems;
    for (const ScenarioOverride &override : overrides) {
        if (isNodesKey(override.key) && !scenario.findNodeType(nodeTypeOf(override.key))) {
            std::string types;
            for (const NodeType &type : scenario.nodeTypes)
                types.append(types.empty() ? "" : ", ").append(type.name);
            problems.push_back(override.key + ": the scenario has no node type \"" +
                               nodeTypeOf(override.key) + "\" (its types: " + types + ")");
        }
    }
    return problems;
}

void applyOverrides(Scenario &scenario, std::span<const ScenarioOverride> overrides)
{
    if (const std::vector<std::string> problems = overrideProblems(scenario, overrides);
        !problems.empty())
        throw std::invalid_argument(problems.front());
    for (const ScenarioOverride &override : overrides) {
        if (isNodesKey(override.key))
            setNodeCount(scenario, nodeTypeOf(override.key), intOf(override));
    }
    for (const ScenarioOverride &override : overrides) {
        if (override.key == "load_scale")
            scenario = scaleLoad(std::move(scenario), numberOf(override));
    }
    for (const ScenarioOverride &override : overrides)
        applyOne(scenario, override);
}

std::vector<Problem> overriddenProblems(Scenario &scenario)
{
    std::vector<Job> jobs = std::move(scenario.jobs);
    scenario.jobs.clear();
    std::vector<Problem> problems = validateScenario(scenario);
    scenario.jobs = std::move(jobs);
    return problems;
}

} // namespace headroom
