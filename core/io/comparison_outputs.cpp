#include "core/io/comparison_outputs.h"

#include "core/io/csv_field.h"
#include "core/io/number_format.h"
#include "core/io/run_outputs.h"
#include "headroom_version.h"

#include <nlohmann/json.hpp>

namespace headroom {
namespace {

using nlohmann::ordered_json;

ordered_json overridesObject(const std::vector<ScenarioOverride> &overrides)
{
    ordered_json out = ordered_json::object();
    for (const ScenarioOverride &override : overrides)
        out[override.key] = overrideJsonValue(override);
    return out;
}

std::string overridesText(const std::vector<ScenarioOverride> &overrides)
{
    std::string text;
    for (const ScenarioOverride &override : overrides)
        text.append(text.empty() ? "" : ",").append(override.text());
    return text;
}

} // namespace

std::string comparisonJson(const std::vector<ComparisonRun> &runs)
{
    ordered_json j;
    j["format"] = "headroom-comparison";
    j["version"] = 1;
    j["headroom_version"] = kVersion;
    ordered_json runArray = ordered_json::array();
    for (const ComparisonRun &run : runs) {
        ordered_json entry;
        entry["name"] = run.name;
        entry["source"] = run.source;
        entry["overrides"] = overridesObject(run.overrides);
        // The metrics file's own text, parsed in order: the same keys and numbers by
        // construction (nlohmann writes back what it read, to the last digit).
        entry["metrics"] =
                ordered_json::parse(metricsJson(run.evaluation.run, run.evaluation.info));
        runArray.push_back(std::move(entry));
    }
    j["runs"] = std::move(runArray);
    ordered_json deltaArray = ordered_json::array();
    for (const RunDeltas &run : comparisonDeltas(runs)) {
        ordered_json entry;
        entry["name"] = run.name;
        entry["against"] = runs.front().name;
        ordered_json metrics = ordered_json::object();
        for (const MetricDelta &delta : run.metrics) {
            ordered_json value;
            value["delta"] = delta.delta;
            value["relative"] = delta.relative ? ordered_json(*delta.relative) : ordered_json();
            metrics[delta.key] = std::move(value);
        }
        entry["metrics"] = std::move(metrics);
        deltaArray.push_back(std::move(entry));
    }
    j["deltas"] = std::move(deltaArray);
    return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string comparisonCsv(const std::vector<ComparisonRun> &runs)
{
    std::string out = "name,source,overrides";
    if (runs.empty())
        return out + "\n";
    const MetricValues &first = runs.front().evaluation.metrics;
    for (const MetricValue &entry : first.entries) {
        out += ',';
        appendCsvField(out, entry.key);
    }
    out += '\n';
    for (const ComparisonRun &run : runs) {
        appendCsvField(out, run.name);
        out += ',';
        appendCsvField(out, run.source);
        out += ',';
        appendCsvField(out, overridesText(run.overrides));
        for (const MetricValue &entry : first.entries) {
            out += ',';
            if (const std::optional<double> value = run.evaluation.metrics.find(entry.key))
                appendNumber(out, *value);
        }
        out += '\n';
    }
    return out;
}

} // namespace headroom
