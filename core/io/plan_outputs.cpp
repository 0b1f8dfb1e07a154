#include "core/io/plan_outputs.h"

#include "core/io/input_error.h"
#include "core/io/json_reader.h"
#include "core/io/number_format.h"
#include "core/io/strict_json.h"
#include "headroom_version.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace headroom {
namespace {

using nlohmann::ordered_json;

// A double, or null for NaN and infinities (JSON has neither).
ordered_json number(double value)
{
    return std::isfinite(value) ? ordered_json(value) : ordered_json(nullptr);
}

ordered_json metricsObject(const MetricValues &metrics)
{
    ordered_json out = ordered_json::object();
    for (const MetricValue &entry : metrics.entries)
        out[entry.key] = number(entry.value);
    return out;
}

ordered_json costObject(const RunCost &cost)
{
    ordered_json out;
    out["capital_usd"] = number(cost.capitalUsd);
    out["energy"] = number(cost.energy);
    out["energy_currency"] = cost.energyCurrency;
    out["total_usd"] = cost.addsUp() ? number(cost.totalUsd()) : ordered_json(nullptr);
    out["span_s"] = number(cost.spanS);
    out["amortization_years"] = number(cost.amortizationYears);
    out["unpriced_types"] = cost.unpricedTypes;
    return out;
}

ordered_json slosArray(const std::vector<Slo> &slos)
{
    ordered_json out = ordered_json::array();
    for (const Slo &slo : slos)
        out.push_back(slo.text());
    return out;
}

ordered_json verdictsArray(const std::vector<Slo> &slos, const std::vector<SloVerdict> &verdicts)
{
    ordered_json out = ordered_json::array();
    for (std::size_t i = 0; i < slos.size() && i < verdicts.size(); ++i) {
        ordered_json entry;
        entry["slo"] = slos[i].text();
        entry["value"] = number(verdicts[i].value);
        entry["met"] = verdicts[i].met;
        out.push_back(std::move(entry));
    }
    return out;
}

ordered_json countsObject(const SizingRequest &request, const std::vector<int> &counts)
{
    ordered_json out = ordered_json::object();
    for (std::size_t i = 0; i < request.vary.size() && i < counts.size(); ++i)
        out[request.vary[i].type] = counts[i];
    return out;
}

ordered_json sizingObject(const SizingResult &result, double loadScale)
{
    const SizingRequest &request = result.request;
    ordered_json j;
    j["format"] = "headroom-sizing";
    j["headroom_version"] = kVersion;
    const Evaluation *any = result.points.empty() ? nullptr : &result.points.front().evaluation;
    j["scenario"] = any ? any->info.scenarioName : std::string();
    ordered_json vary = ordered_json::array();
    for (const VaryRange &range : request.vary)
        vary.push_back({{"type", range.type}, {"min", range.min}, {"max", range.max}});
    j["vary"] = std::move(vary);
    j["slos"] = slosArray(request.slos);
    j["objective"] = std::string(toString(request.objective));
    j["load_scale"] = number(loadScale);
    j["amortization_years"] = number(request.settings.amortizationYears);
    j["probes_per_round"] = request.probesPerRound;
    j["feasible"] = result.feasible;
    if (!result.feasible)
        j["reason"] = result.reason;
    j["cancelled"] = result.cancelled;
    if (const SizingPoint *best = result.recommendedPoint()) {
        ordered_json recommended;
        recommended["counts"] = countsObject(request, best->counts);
        recommended["point"] = result.recommended;
        recommended["objective"] = number(best->objective);
        recommended["cost"] = costObject(best->evaluation.cost);
        recommended["slos"] = verdictsArray(request.slos, best->verdicts);
        recommended["metrics"] = metricsObject(best->evaluation.metrics);
        j["recommended"] = std::move(recommended);
    } else {
        j["recommended"] = nullptr;
    }
    ordered_json neighbours = ordered_json::array();
    for (const NeighbourCheck &check : result.neighbours) {
        ordered_json entry;
        entry["type"] = request.vary[std::size_t(check.vary)].type;
        entry["verdict"] = std::string(toString(check.verdict));
        if (check.point >= 0) {
            entry["point"] = check.point;
            entry["counts"] = countsObject(request, result.points[std::size_t(check.point)].counts);
        } else {
            entry["point"] = nullptr;
        }
        neighbours.push_back(std::move(entry));
    }
    j["neighbours"] = std::move(neighbours);
    ordered_json nonMonotone = ordered_json::array();
    for (const NonMonotonePair &pair : result.nonMonotone) {
        ordered_json entry;
        entry["fewer_point"] = pair.fewer;
        entry["fewer"] = countsObject(request, result.points[std::size_t(pair.fewer)].counts);
        entry["more_point"] = pair.more;
        entry["more"] = countsObject(request, result.points[std::size_t(pair.more)].counts);
        nonMonotone.push_back(std::move(entry));
    }
    j["non_monotone"] = std::move(nonMonotone);

    const SizingBounds &b = result.bounds;
    ordered_json bounds;
    bounds["job_accelerator_seconds"] = number(b.workload.jobAcceleratorSeconds);
    bounds["perfect_span_s"] = number(b.workload.perfectSpanS);
    bounds["job_peak_accelerators"] = b.workload.jobPeakAccelerators;
    bounds["service_mean_accelerators"] = number(b.workload.serviceMeanAccelerators);
    bounds["service_peak_accelerators"] = number(b.workload.servicePeakAccelerators);
    bounds["work_conservation_accelerators"] = number(b.workload.workConservationAccelerators);
    bounds["perfect_system_accelerators"] = number(b.workload.perfectSystemAccelerators);
    bounds["fixed_accelerators"] = b.fixedAccelerators;
    ordered_json nodes = ordered_json::object();
    for (std::size_t i = 0; i < request.vary.size() && i < b.workConservationNodes.size(); ++i) {
        nodes[request.vary[i].type] = {{"work_conservation", b.workConservationNodes[i]},
                                       {"perfect_system", b.perfectSystemNodes[i]}};
    }
    bounds["nodes"] = std::move(nodes);
    j["bounds"] = std::move(bounds);

    j["simulations"] = result.points.size();
    j["rounds"] = result.rounds;
    ordered_json points = ordered_json::array();
    for (std::size_t p = 0; p < result.points.size(); ++p) {
        const SizingPoint &point = result.points[p];
        ordered_json entry;
        entry["index"] = p;
        entry["round"] = point.round;
        entry["counts"] = countsObject(request, point.counts);
        entry["objective"] = number(point.objective);
        entry["meets_slos"] = point.feasible;
        entry["slos"] = verdictsArray(request.slos, point.verdicts);
        entry["cost"] = costObject(point.evaluation.cost);
        entry["metrics"] = metricsObject(point.evaluation.metrics);
        points.push_back(std::move(entry));
    }
    j["points"] = std::move(points);
    return j;
}

std::string dump(const ordered_json &json)
{
    return json.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace

std::string sizingJson(const SizingResult &result, double loadScale)
{
    return dump(sizingObject(result, loadScale));
}

std::string sizingPointsCsv(const SizingResult &result)
{
    const SizingRequest &request = result.request;
    std::vector<std::string> keys;
    for (const Slo &slo : request.slos) {
        if (std::find(keys.begin(), keys.end(), slo.key) == keys.end())
            keys.push_back(slo.key);
    }
    std::string out = "index,round";
    for (const VaryRange &range : request.vary)
        out += "," + range.type;
    out += ",objective,meets_slos,capital_usd,energy_cost";
    for (const std::string &key : keys)
        out += "," + key;
    out += '\n';
    for (std::size_t p = 0; p < result.points.size(); ++p) {
        const SizingPoint &point = result.points[p];
        out += std::to_string(p) + "," + std::to_string(point.round);
        for (int count : point.counts)
            out += "," + std::to_string(count);
        out += ',';
        appendNumber(out, point.objective);
        out += point.feasible ? ",true," : ",false,";
        appendNumber(out, point.evaluation.cost.capitalUsd);
        out += ',';
        appendNumber(out, point.evaluation.cost.energy);
        for (const std::string &key : keys) {
            out += ',';
            if (const auto value = point.evaluation.metrics.find(key))
                appendNumber(out, *value);
        }
        out += '\n';
    }
    return out;
}

std::string forecastJson(const DemandForecast &f)
{
    ordered_json j;
    j["format"] = "headroom-forecast";
    j["headroom_version"] = kVersion;
    j["solver"] = std::string(toString(f.solver));
    j["days"] = f.history.size();
    j["intercept"] = number(f.intercept);
    j["slope_per_day"] = number(f.slopePerDay);
    ordered_json effects = ordered_json::array();
    for (double effect : f.weekdayEffects)
        effects.push_back(number(effect));
    j["weekday_effects"] = std::move(effects);
    j["r2"] = number(f.r2);
    j["residual_std"] = number(f.residualStd);
    j["mean_daily_demand"] = number(f.meanDailyDemand);
    j["growth_per_month"] = f.growthPerMonth ? number(*f.growthPerMonth) : ordered_json(nullptr);
    j["degrees_of_freedom"] = f.degreesOfFreedom;
    j["t_quantile"] = number(f.tQuantile);
    j["iterations"] = f.iterations;
    ordered_json history = ordered_json::array();
    for (double value : f.history)
        history.push_back(number(value));
    j["history"] = std::move(history);
    ordered_json fitted = ordered_json::array();
    for (double value : f.fitted)
        fitted.push_back(number(value));
    j["fitted"] = std::move(fitted);
    ordered_json forecast = ordered_json::array();
    for (const ForecastDay &day : f.forecast) {
        forecast.push_back({{"day", day.day},
                            {"point", number(day.point)},
                            {"lower", number(day.lower)},
                            {"upper", number(day.upper)}});
    }
    j["forecast"] = std::move(forecast);
    return dump(j);
}

std::string forecastCsv(const DemandForecast &f)
{
    std::string out = "day,demand,fitted,lower,upper\n";
    for (std::size_t k = 0; k < f.history.size(); ++k) {
        out += std::to_string(k) + ',';
        appendNumber(out, f.history[k]);
        out += ',';
        appendNumber(out, f.fitted[k]);
        out += ",,\n";
    }
    for (const ForecastDay &day : f.forecast) {
        out += std::to_string(day.day) + ",,";
        appendNumber(out, day.point);
        out += ',';
        appendNumber(out, day.lower);
        out += ',';
        appendNumber(out, day.upper);
        out += '\n';
    }
    return out;
}

std::string runwayJson(const RunwayResult &result, double loadScale)
{
    const RunwayRequest &request = result.request;
    ordered_json j;
    j["format"] = "headroom-runway";
    j["headroom_version"] = kVersion;
    j["scenario"] = result.months.empty() ? std::string()
                                          : result.months.front().evaluation.info.scenarioName;
    j["growth_per_month"] = number(request.growthPerMonth);
    j["months_evaluated"] = request.months;
    j["load_scale"] = number(loadScale);
    j["slos"] = slosArray(request.slos);
    j["cancelled"] = result.cancelled;
    j["months_until_breach"] =
            result.breachMonth ? ordered_json(*result.breachMonth) : ordered_json(nullptr);
    j["breach_load_scale"] =
            result.breachMonth ? number(result.breachLoadScale) : ordered_json(nullptr);
    // Load is not always monotone either: months after the breach that meet the SLOs again.
    ordered_json again = ordered_json::array();
    for (const RunwayMonth &month : result.months) {
        if (result.breachMonth && month.month > *result.breachMonth && month.meetsSlos)
            again.push_back(month.month);
    }
    j["non_monotone_months"] = std::move(again);
    ordered_json months = ordered_json::array();
    for (const RunwayMonth &month : result.months) {
        ordered_json entry;
        entry["month"] = month.month;
        entry["load_scale"] = number(month.loadScale);
        entry["meets_slos"] = month.meetsSlos;
        entry["slos"] = verdictsArray(request.slos, month.verdicts);
        entry["cost"] = costObject(month.evaluation.cost);
        entry["metrics"] = metricsObject(month.evaluation.metrics);
        months.push_back(std::move(entry));
    }
    j["months"] = std::move(months);
    if (request.resize)
        j["resize"] = result.resize
                              ? sizingObject(*result.resize, loadScale * result.breachLoadScale)
                              : ordered_json(nullptr);
    return dump(j);
}

double readForecastGrowth(std::string_view text, const std::string &file)
{
    const nlohmann::json root = parseStrictJson(text, file);
    const JsonReader reader(text, file);
    const JsonPath path;
    reader.expectObject(root, path);
    const nlohmann::json *format = findMember(root, "format");
    if (!format || !format->is_string() || format->get<std::string>() != "headroom-forecast")
        reader.fail(path.member("format"),
                    "not a Headroom forecast (expected \"format\": \"headroom-forecast\")");
    const JsonPath growthPath = path.member("growth_per_month");
    const nlohmann::json *growth = findMember(root, "growth_per_month");
    if (!growth)
        reader.fail(growthPath, "missing field \"growth_per_month\"");
    if (growth->is_null())
        reader.fail(growthPath, "the forecast has no growth (its mean daily demand is 0)");
    double value = 0.0;
    reader.read(*growth, growthPath, value);
    if (!(value > -1.0))
        reader.fail(growthPath, "a growth per month must be > -1");
    return value;
}

} // namespace headroom
