#include "core/io/sweep_spec.h"

#include "core/io/json_reader.h"
#include "core/io/reading_file.h"
#include "core/io/strict_json.h"
#include "core/io/text_source.h"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <stdexcept>

namespace headroom {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 6> kFields = {"format", "version",     "base",
                                                     "grid",   "description", "points"};

void checkFormatAndVersion(const JsonReader &reader, const json &root, const JsonPath &path)
{
    const JsonPath formatPath = path.member("format");
    const json *format = findMember(root, "format");
    if (!format || !format->is_string() || format->get<std::string>() != kSweepFormatName)
        reader.fail(formatPath, "not a Headroom sweep spec (expected \"format\": \"" +
                                        std::string(kSweepFormatName) + "\")");
    const JsonPath versionPath = path.member("version");
    const json *versionValue = findMember(root, "version");
    if (!versionValue)
        reader.fail(versionPath, "missing field \"version\"");
    int version = 0;
    reader.read(*versionValue, versionPath, version);
    if (version > kSweepFormatVersion)
        reader.fail(versionPath, "sweep format version " + std::to_string(version) +
                                         " is newer than this Headroom supports (" +
                                         std::to_string(kSweepFormatVersion) +
                                         "); please upgrade Headroom");
    if (version < 1)
        reader.fail(versionPath, "unsupported sweep format version " + std::to_string(version) +
                                         " (versions start at 1)");
}

void requireKey(const JsonReader &reader, const JsonPath &path, const std::string &key)
{
    if (!isOverrideKey(key))
        reader.fail(path, "unknown axis \"" + key + "\" (known: " + overrideKeyNames() + ")");
}

ScenarioOverride readValue(const JsonReader &reader, const JsonPath &path, const std::string &key,
                           const json &value)
{
    try {
        return overrideFromJson(key, value);
    } catch (const std::invalid_argument &error) {
        reader.fail(path, error.what());
    }
}

std::vector<SweepAxis> readGrid(const JsonReader &reader, const json &grid, const JsonPath &path)
{
    reader.expectObject(grid, path);
    if (grid.empty())
        reader.fail(path, "empty grid: give at least one axis, or leave \"grid\" out and list "
                          "\"points\"");
    std::vector<SweepAxis> axes; // nlohmann::json keeps members sorted by name: the grid's order
    std::size_t size = 1;
    for (const auto &[key, values] : grid.items()) {
        const JsonPath axisPath = path.member(key);
        requireKey(reader, axisPath, key);
        reader.expectArray(values, axisPath, "an array of values");
        if (values.empty())
            reader.fail(axisPath, "empty axis: list at least one value");
        SweepAxis axis;
        axis.key = key;
        for (std::size_t i = 0; i < values.size(); ++i)
            axis.values.push_back(readValue(reader, axisPath.element(i), key, values[i]));
        size *= values.size();
        if (size > kMaxSweepPoints)
            reader.fail(path,
                        "the grid has more than " + std::to_string(kMaxSweepPoints) + " points");
        axes.push_back(std::move(axis));
    }
    return axes;
}

std::vector<std::vector<ScenarioOverride>> readPoints(const JsonReader &reader, const json &points,
                                                      const JsonPath &path)
{
    reader.expectArray(points, path, "an array of points (objects)");
    if (points.size() > kMaxSweepPoints)
        reader.fail(path, "more than " + std::to_string(kMaxSweepPoints) + " points");
    std::vector<std::vector<ScenarioOverride>> out;
    out.reserve(points.size());
    for (std::size_t p = 0; p < points.size(); ++p) {
        const JsonPath pointPath = path.element(p);
        reader.expectObject(points[p], pointPath);
        std::vector<ScenarioOverride> point;
        for (const auto &[key, value] : points[p].items()) {
            const JsonPath valuePath = pointPath.member(key);
            requireKey(reader, valuePath, key);
            point.push_back(readValue(reader, valuePath, key, value));
        }
        out.push_back(std::move(point));
    }
    return out;
}

} // namespace

SweepSpec parseSweepSpec(std::string_view text, const std::string &file, const std::string &folder)
{
    const json root = parseStrictJson(text, file);
    const JsonReader reader(text, file);
    const JsonPath path;
    if (!root.is_object())
        reader.fail(path, "expected a JSON object at the top level, found " + describeJson(root));
    checkFormatAndVersion(reader, root, path);
    reader.expectMembers(root, path, kFields);

    SweepSpec spec;
    const JsonPath basePath = path.member("base");
    const json *base = findMember(root, "base");
    if (!base)
        reader.fail(basePath, "missing field \"base\" (the scenario or trace to sweep over)");
    reader.read(*base, basePath, spec.base);
    if (spec.base.empty())
        reader.fail(basePath, "empty path");
    if (const json *description = findMember(root, "description")) {
        std::string ignored;
        reader.read(*description, path.member("description"), ignored);
    }
    const json *grid = findMember(root, "grid");
    const json *points = findMember(root, "points");
    if (!grid && !points)
        reader.fail(path, "a sweep needs a \"grid\" of axes or a list of \"points\"");
    if (grid)
        spec.grid = readGrid(reader, *grid, path.member("grid"));
    if (points)
        spec.points = readPoints(reader, *points, path.member("points"));
    if (spec.pointCount() == 0)
        reader.fail(path.member("points"), "no points: list at least one");
    if (spec.pointCount() > kMaxSweepPoints)
        reader.fail(path, "more than " + std::to_string(kMaxSweepPoints) + " points");

    // Relative to the spec, so that a spec and its base move together (to a cluster's shared
    // file system, to a volume).
    const std::filesystem::path basePathOnDisk =
            std::filesystem::path(spec.base).is_absolute() || folder.empty()
                    ? std::filesystem::path(spec.base)
                    : std::filesystem::path(folder) / spec.base;
    spec.base = basePathOnDisk.lexically_normal().string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(basePathOnDisk, error))
        reader.fail(basePath, (std::filesystem::exists(basePathOnDisk, error) ? "not a file: "
                                                                              : "no such file: ") +
                                      spec.base);
    return spec;
}

SweepSpec loadSweepSpec(const std::string &path)
{
    const std::string folder = std::filesystem::path(path).parent_path().string();
    return readingFile(path, [&] { return parseSweepSpec(readTextFile(path), path, folder); });
}

} // namespace headroom
