#include "core/io/sweep_outputs.h"

#include "core/io/csv_field.h"
#include "core/io/json_reader.h"
#include "core/io/number_format.h"
#include "core/io/strict_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace headroom {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr std::string_view kShardFormat = "headroom-sweep-shard";
constexpr std::string_view kResultsFormat = "headroom-sweep-results";
constexpr int kFileVersion = 1;

std::string dump(const ordered_json &value)
{
    return value.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

ordered_json pointObject(const std::vector<ScenarioOverride> &point)
{
    ordered_json out = ordered_json::object();
    for (const ScenarioOverride &override : point)
        out[override.key] = overrideJsonValue(override);
    return out;
}

ordered_json metricsObject(const MetricValues &metrics)
{
    ordered_json out = ordered_json::object();
    for (const MetricValue &entry : metrics.entries)
        out[entry.key] = entry.value; // finite: metricValues keeps numbers only
    return out;
}

ordered_json rowsArray(const std::vector<SweepRow> &rows)
{
    ordered_json out = ordered_json::array();
    for (const SweepRow &row : rows) {
        ordered_json entry;
        entry["index"] = row.index;
        entry["point"] = pointObject(row.point);
        entry["metrics"] = metricsObject(row.metrics);
        out.push_back(std::move(entry));
    }
    return out;
}

// The members of an object as they stand in the text. nlohmann::json sorts members by name, so
// the metrics' order (the metrics JSON's) is taken from an ordered parse of the same text,
// after the strict parse has checked it.
struct ShardReader
{
    const JsonReader &reader;

    const json &member(const json &object, const JsonPath &path, std::string_view name) const
    {
        const json *value = findMember(object, name);
        if (!value)
            reader.fail(path.member(name), "missing field \"" + std::string(name) + "\"");
        return *value;
    }

    template<typename T>
    T read(const json &object, const JsonPath &path, std::string_view name) const
    {
        T out{};
        reader.read(member(object, path, name), path.member(name), out);
        return out;
    }
};

std::string compactList(const std::vector<std::size_t> &indices)
{
    constexpr std::size_t kShown = 12;
    std::string text;
    for (std::size_t i = 0; i < indices.size() && i < kShown; ++i)
        text.append(i ? ", " : "").append(std::to_string(indices[i]));
    if (indices.size() > kShown)
        text += " and " + std::to_string(indices.size() - kShown) + " more";
    return text;
}

} // namespace

std::string sweepShardFileName(SweepShard shard)
{
    return "shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".json";
}

bool isSweepShardFileName(std::string_view name)
{
    int index = 0;
    int count = 0;
    int consumed = 0;
    const std::string text(name);
    return std::sscanf(text.c_str(), "shard-%d-of-%d.json%n", &index, &count, &consumed) == 2 &&
           consumed == int(text.size()) && text == sweepShardFileName({index, count});
}

std::string sweepShardJson(const SweepShardResult &shard)
{
    ordered_json j;
    j["format"] = kShardFormat;
    j["version"] = kFileVersion;
    j["headroom_version"] = shard.headroomVersion;
    j["fingerprint"] = shard.fingerprint;
    j["points"] = shard.points;
    j["shard"] = shard.shard.index;
    j["shards"] = shard.shard.count;
    j["axes"] = shard.axes;
    j["rows"] = rowsArray(shard.rows);
    return dump(j);
}

SweepShardResult parseSweepShard(std::string_view text, const std::string &file)
{
    const json root = parseStrictJson(text, file);
    const JsonReader reader(text, file);
    const ShardReader in{reader};
    const JsonPath path;
    reader.expectObject(root, path);
    const json *format = findMember(root, "format");
    if (!format || !format->is_string() || format->get<std::string>() != kShardFormat)
        reader.fail(path.member("format"), "not a sweep shard's result (expected \"format\": \"" +
                                                   std::string(kShardFormat) + "\")");
    if (in.read<int>(root, path, "version") != kFileVersion)
        reader.fail(path.member("version"), "unsupported sweep shard version");
    static constexpr std::array<std::string_view, 9> kMembers = {
            "format", "version", "headroom_version", "fingerprint", "points", "shard", "shards",
            "axes",   "rows"};
    reader.expectMembers(root, path, kMembers);

    SweepShardResult shard;
    shard.headroomVersion = in.read<std::string>(root, path, "headroom_version");
    shard.fingerprint = in.read<std::string>(root, path, "fingerprint");
    shard.points = in.read<std::uint64_t>(root, path, "points");
    shard.shard.index = in.read<int>(root, path, "shard");
    shard.shard.count = in.read<int>(root, path, "shards");
    if (shard.shard.count < 1 || shard.shard.index < 0 || shard.shard.index >= shard.shard.count)
        reader.fail(path.member("shard"), "shard " + std::to_string(shard.shard.index) + " of " +
                                                  std::to_string(shard.shard.count) +
                                                  " does not exist");
    const JsonPath axesPath = path.member("axes");
    const json &axes = in.member(root, path, "axes");
    reader.expectArray(axes, axesPath);
    for (std::size_t a = 0; a < axes.size(); ++a) {
        std::string key;
        reader.read(axes[a], axesPath.element(a), key);
        shard.axes.push_back(std::move(key));
    }

    // The rows' metrics in file order, from an ordered parse of the text just checked.
    const ordered_json ordered = ordered_json::parse(text);
    const JsonPath rowsPath = path.member("rows");
    const json &rows = in.member(root, path, "rows");
    reader.expectArray(rows, rowsPath);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const JsonPath rowPath = rowsPath.element(r);
        const json &row = rows[r];
        static constexpr std::array<std::string_view, 3> kRowMembers = {"index", "point",
                                                                        "metrics"};
        reader.expectMembers(row, rowPath, kRowMembers);
        SweepRow out;
        out.index = in.read<std::uint64_t>(row, rowPath, "index");
        const JsonPath pointPath = rowPath.member("point");
        const json &point = in.member(row, rowPath, "point");
        reader.expectObject(point, pointPath);
        for (const std::string &key : shard.axes) { // sorted, as the point's keys are
            if (const json *value = findMember(point, key)) {
                try {
                    out.point.push_back(overrideFromJson(key, *value));
                } catch (const std::invalid_argument &error) {
                    reader.fail(pointPath.member(key), error.what());
                }
            }
        }
        if (out.point.size() != point.size())
            reader.fail(pointPath, "a key of the point is not among \"axes\"");
        const JsonPath metricsPath = rowPath.member("metrics");
        reader.expectObject(in.member(row, rowPath, "metrics"), metricsPath);
        const json &metrics = row["metrics"];
        for (const auto &[key, ignored] : ordered["rows"][r]["metrics"].items()) {
            double number = 0.0;
            reader.read(metrics[key], metricsPath.member(key), number);
            out.metrics.entries.push_back({key, number});
        }
        shard.rows.push_back(std::move(out));
    }
    return shard;
}

SweepResults mergeSweepShards(const std::vector<SweepShardFile> &files)
{
    if (files.empty())
        throw SweepMergeError("no shard results (shard-I-of-N.json) to merge");
    const SweepShardFile &first = files.front();
    const auto disagree = [&](const SweepShardFile &file, const std::string &what) {
        throw SweepMergeError(file.path + " and " + first.path +
                              " are not of the same sweep: " + what + " differ");
    };
    SweepResults results;
    results.fingerprint = first.shard.fingerprint;
    results.headroomVersion = first.shard.headroomVersion;
    results.points = first.shard.points;
    results.axes = first.shard.axes;
    const int shardCount = first.shard.shard.count;
    std::map<std::size_t, const SweepShardFile *> owner;
    std::set<int> shardsSeen;
    std::vector<const SweepRow *> rows(results.points, nullptr);
    for (const SweepShardFile &file : files) {
        const SweepShardResult &shard = file.shard;
        if (shard.fingerprint != results.fingerprint)
            disagree(file, "their spec or base scenario (fingerprints " + shard.fingerprint +
                                   " and " + results.fingerprint + ")");
        if (shard.headroomVersion != results.headroomVersion)
            disagree(file, "the Headroom versions that ran them (" + shard.headroomVersion +
                                   " and " + results.headroomVersion + ")");
        if (shard.points != results.points || shard.axes != results.axes)
            disagree(file, "their points");
        if (shard.shard.count != shardCount)
            disagree(file, "their shard counts (" + std::to_string(shard.shard.count) + " and " +
                                   std::to_string(shardCount) + ")");
        if (!shardsSeen.insert(shard.shard.index).second) {
            for (const SweepShardFile &other : files) {
                if (&other != &file && other.shard.shard.index == shard.shard.index)
                    throw SweepMergeError("shard " + std::to_string(shard.shard.index) + " of " +
                                          std::to_string(shardCount) +
                                          " is there twice: " + other.path + " and " + file.path +
                                          " (merge each shard once)");
            }
        }
        for (const SweepRow &row : shard.rows) {
            if (row.index >= results.points || !shard.shard.owns(row.index))
                throw SweepMergeError(file.path + ": point " + std::to_string(row.index) +
                                      " is not one of shard " + std::to_string(shard.shard.index) +
                                      " of " + std::to_string(shardCount));
            if (rows[row.index])
                throw SweepMergeError(file.path + ": point " + std::to_string(row.index) +
                                      " is there twice");
            rows[row.index] = &row;
        }
    }
    std::vector<std::size_t> missing;
    std::set<int> missingShards;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i]) {
            missing.push_back(i);
            missingShards.insert(int(i % std::size_t(shardCount)));
        }
    }
    if (!missing.empty()) {
        const std::string of = "/" + std::to_string(shardCount);
        std::string shards;
        std::string reruns;
        for (const int shard : missingShards) {
            shards.append(shards.empty() ? "" : ", ").append(std::to_string(shard) + of);
            reruns.append(reruns.empty() ? "" : ", ")
                    .append("--shard " + std::to_string(shard) + of);
        }
        throw SweepMergeError(std::to_string(missing.size()) + " of " +
                                      std::to_string(results.points) +
                                      " points have no result: " + compactList(missing) +
                                      " (shard" + (missingShards.size() > 1 ? "s " : " ") + shards +
                                      "; rerun with " + reruns + ")",
                              {missingShards.begin(), missingShards.end()}, shardCount);
    }
    results.rows.reserve(rows.size());
    for (const SweepRow *row : rows)
        results.rows.push_back(*row);
    return results;
}

std::string sweepResultsCsv(const SweepResults &results)
{
    // Every metric key any point has, in the order the first point that has it lists it: the
    // metrics JSON's order, the same for every sharding since rows are in index order.
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const SweepRow &row : results.rows) {
        for (const MetricValue &entry : row.metrics.entries) {
            if (seen.insert(entry.key).second)
                keys.push_back(entry.key);
        }
    }
    std::string out = "index";
    for (const std::string &axis : results.axes) {
        out += ',';
        appendCsvField(out, axis);
    }
    for (const std::string &key : keys) {
        out += ',';
        appendCsvField(out, key);
    }
    out += '\n';
    for (const SweepRow &row : results.rows) {
        out += std::to_string(row.index);
        for (const std::string &axis : results.axes) {
            out += ',';
            const auto it = std::find_if(row.point.begin(), row.point.end(),
                                         [&](const ScenarioOverride &o) { return o.key == axis; });
            if (it != row.point.end())
                appendCsvField(out, it->value);
        }
        for (const std::string &key : keys) {
            out += ',';
            if (const std::optional<double> value = row.metrics.find(key))
                appendNumber(out, *value);
        }
        out += '\n';
    }
    return out;
}

std::string sweepResultsJson(const SweepResults &results)
{
    ordered_json j;
    j["format"] = kResultsFormat;
    j["version"] = kFileVersion;
    j["headroom_version"] = results.headroomVersion;
    j["fingerprint"] = results.fingerprint;
    j["points"] = results.points;
    j["axes"] = results.axes;
    j["rows"] = rowsArray(results.rows);
    return dump(j);
}

} // namespace headroom
