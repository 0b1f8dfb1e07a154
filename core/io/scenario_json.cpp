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
    const auto dump = [](const nlohmann::ordered_json &value) {
        return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    };
    // A million jobs as one JSON tree took seconds to build and as long to free, so the jobs
    // are written one at a time into the text of the rest, as the tree would print them: its
    // "jobs" is a top-level member (indent 2), each job an element of it (indent 4).
    std::string rest = dump(writeScenarioFields(scenario, JobList::Stub)) + "\n";
    if (scenario.jobs.empty())
        return rest;
    constexpr std::string_view kStub = "\n  \"jobs\": []";
    const std::size_t stub = rest.find(kStub); // strings escape line breaks: only the member
    const std::size_t open = stub + kStub.size() - 2;
    std::string text;
    text.reserve(rest.size() + scenario.jobs.size() * 128);
    text.append(rest, 0, open);
    text += "[\n";
    // nlohmann's own printer, writing straight into the text at the jobs' depth.
    nlohmann::detail::serializer<nlohmann::ordered_json> printer(
            nlohmann::detail::output_adapter<char, std::string>(text), ' ',
            nlohmann::ordered_json::error_handler_t::replace);
    nlohmann::ordered_json job;
    for (std::size_t i = 0; i < scenario.jobs.size(); ++i) {
        writeJobFields(scenario.jobs[i], job);
        text += "    ";
        printer.dump(job, true, false, 2, 4);
        text += i + 1 < scenario.jobs.size() ? ",\n" : "\n";
    }
    text += "  ]";
    text.append(rest, open + 2);
    return text;
}

} // namespace headroom
