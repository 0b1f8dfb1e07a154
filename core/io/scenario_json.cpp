#include "core/io/scenario_json.h"

#include "core/io/json_reader.h"
#include "core/io/reading_file.h"
#include "core/io/scenario_fields.h"
#include "core/io/strict_json.h"
#include "core/io/text_source.h"
#include "core/model/validation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <vector>

namespace headroom {
namespace {

using nlohmann::json;

// "format" and "version" come before everything else: a file from a newer Headroom is likely
// to hold fields this one does not know, and "please upgrade" explains that better.
void checkFormatAndVersion(const JsonReader &reader, const json &root, const JsonPath &rootPath)
{
    const JsonPath formatPath = rootPath.member("format");
    const json *format = findMember(root, "format");
    if (!format)
        reader.fail(formatPath,
                    "missing field \"format\": not a Headroom scenario (expected \"format\": \"" +
                            std::string(kScenarioFormatName) + "\")");
    if (!format->is_string() || format->get_ref<const std::string &>() != kScenarioFormatName)
        reader.fail(formatPath, "not a Headroom scenario: format is " + describeJson(*format) +
                                        ", expected \"" + std::string(kScenarioFormatName) + "\"");

    const JsonPath versionPath = rootPath.member("version");
    const json *versionValue = findMember(root, "version");
    if (!versionValue)
        reader.fail(versionPath, "missing field \"version\" (this Headroom reads version " +
                                         std::to_string(kScenarioFormatVersion) + ")");
    std::int64_t version = 0;
    reader.read(*versionValue, versionPath, version);
    if (version > kScenarioFormatVersion)
        reader.fail(versionPath, "scenario format version " + std::to_string(version) +
                                         " is newer than this Headroom supports (" +
                                         std::to_string(kScenarioFormatVersion) +
                                         "); please upgrade Headroom");
    if (version < 1)
        reader.fail(versionPath, "unsupported scenario format version " + std::to_string(version) +
                                         " (versions start at 1)");
}

} // namespace

Scenario parseScenario(std::string_view text, const std::string &displayName)
{
    const json root = parseStrictJson(text, displayName);
    const JsonReader reader(text, displayName);
    const JsonPath path;
    if (!root.is_object())
        reader.fail(path, "expected a JSON object at the top level, found " + describeJson(root));
    checkFormatAndVersion(reader, root, path);

    Scenario scenario;
    readScenarioFields(reader, root, scenario);
    const std::vector<Problem> problems = validateScenario(scenario);
    if (!problems.empty())
        reader.fail(problems.front().path, problems.front().message);
    return scenario;
}

Scenario loadScenarioFile(const std::string &path)
{
    return readingFile(path, [&] { return parseScenario(readTextFile(path), path); });
}

std::string serializeScenario(const Scenario &scenario)
{
    // Invalid UTF-8 cannot come from a parsed file but may from elsewhere (a trace's names);
    // replacing it keeps saving from failing over one bad byte.
    return writeScenarioFields(scenario).dump(2, ' ', false,
                                              nlohmann::ordered_json::error_handler_t::replace) +
           "\n";
}

} // namespace headroom
