#include "core/io/scenario_json.h"

#include "core/io/input_error.h"
#include "core/io/json_locator.h"
#include "core/io/text_source.h"
#include "core/model/validation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace headroom {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// Paths

// The JSON path of a value as a chain of stack frames. The string is built only when an error
// is reported, so reading a million jobs allocates no paths.
struct Path
{
    static constexpr std::size_t kNoIndex = std::numeric_limits<std::size_t>::max();

    const Path *parent = nullptr;
    std::string_view name; // member name, unless this is an array element
    std::size_t index = kNoIndex;

    Path member(std::string_view memberName) const { return {this, memberName, kNoIndex}; }
    Path element(std::size_t elementIndex) const { return {this, {}, elementIndex}; }

    std::string str() const
    {
        std::vector<const Path *> chain;
        for (const Path *p = this; p && p->parent; p = p->parent)
            chain.push_back(p);
        std::string out;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const Path &p = **it;
            if (p.index != kNoIndex) {
                out += '[' + std::to_string(p.index) + ']';
            } else {
                if (!out.empty())
                    out += '.';
                out += p.name;
            }
        }
        return out;
    }
};

std::string joinPath(const std::string &parent, std::string_view name)
{
    return parent.empty() ? std::string(name) : parent + "." + std::string(name);
}

// ---------------------------------------------------------------------------------------------
// JSON parsing

// A failure found while parsing, before any scenario field is looked at.
struct ParseFailure
{
    enum class Kind { Syntax, NumberOutOfRange, DuplicateMember } kind = Kind::Syntax;
    std::size_t position = 0; // nlohmann's count of bytes read
    std::string detail;       // nlohmann's message, or the offending token
    std::string path;         // of the value (number) or of the object (duplicate)
    std::string member;       // the duplicated member name
};

// Builds the DOM like nlohmann's own SAX DOM parser, plus two things it cannot do: it refuses
// an object holding a member name twice (nlohmann silently keeps the last, which would hide
// a setting), and on an error it records where in the document it was.
class DomBuilder
{
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(number_integer_t value) { return add(value); }
    bool number_unsigned(number_unsigned_t value) { return add(value); }
    bool number_float(number_float_t value, const string_t &) { return add(value); }
    bool string(string_t &value) { return add(std::move(value)); }
    bool binary(binary_t &value) { return add(std::move(value)); }

    bool start_object(std::size_t)
    {
        m_stack.push_back(place(json(json::value_t::object)));
        return true;
    }
    bool start_array(std::size_t)
    {
        m_stack.push_back(place(json(json::value_t::array)));
        return true;
    }
    bool end_object() { return pop(); }
    bool end_array() { return pop(); }

    bool key(string_t &name)
    {
        auto &object = m_stack.back()->get_ref<json::object_t &>();
        // try_emplace leaves `name` alone when the member exists, so we can still report it.
        const auto [it, inserted] = object.try_emplace(std::move(name));
        if (!inserted) {
            m_failure.kind = ParseFailure::Kind::DuplicateMember;
            m_failure.path = pathTo(m_stack.size() - 1);
            m_failure.member = name;
            return false;
        }
        m_member = &it->second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string &token, const json::exception &error)
    {
        m_failure.position = position;
        // 406 is nlohmann's "number overflow": 1e400 is valid JSON but no double.
        if (error.id == 406) {
            m_failure.kind = ParseFailure::Kind::NumberOutOfRange;
            m_failure.detail = token;
            m_failure.path = pathTo(m_stack.size());
        } else {
            m_failure.kind = ParseFailure::Kind::Syntax;
            m_failure.detail = error.what();
        }
        return false;
    }

    json &root() { return m_root; }
    const ParseFailure &failure() const { return m_failure; }

private:
    template<typename Value>
    bool add(Value &&value)
    {
        place(json(std::forward<Value>(value)));
        return true;
    }

    json *place(json &&value)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        json &container = *m_stack.back();
        if (container.is_array())
            return &container.emplace_back(std::move(value));
        *m_member = std::move(value);
        return m_member;
    }

    bool pop()
    {
        m_stack.pop_back();
        return true;
    }

    // Path of the value being parsed below the first `depth` open containers. Only on errors:
    // it searches objects for the member's address instead of keeping names as it goes.
    std::string pathTo(std::size_t depth) const
    {
        std::string path;
        for (std::size_t i = 0; i < depth; ++i) {
            const json &container = *m_stack[i];
            const json *child = i + 1 < m_stack.size() ? m_stack[i + 1] : m_member;
            if (container.is_array()) {
                // An open child container is already the last element; a scalar is not yet in.
                const std::size_t index =
                        i + 1 < m_stack.size() ? container.size() - 1 : container.size();
                path += '[' + std::to_string(index) + ']';
                continue;
            }
            for (auto it = container.begin(); it != container.end(); ++it) {
                if (&*it == child) {
                    if (!path.empty())
                        path += '.';
                    path += it.key();
                    break;
                }
            }
        }
        return path;
    }

    json m_root;
    std::vector<json *> m_stack; // open containers, outermost first
    json *m_member = nullptr;    // the member whose value comes next, in the innermost object
    ParseFailure m_failure;
};

// ---------------------------------------------------------------------------------------------
// Reading values

std::string describe(const json &value)
{
    switch (value.type()) {
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return value.dump();
    case json::value_t::string: {
        std::string text = value.dump();
        if (text.size() > 40) {
            std::size_t cut = 36;
            while (cut > 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
                --cut; // not inside a UTF-8 sequence
            text = text.substr(0, cut) + "...\"";
        }
        return "string " + text;
    }
    default:
        return "number " + value.dump();
    }
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

using FieldList = std::span<const std::string_view>;

std::string unknownFieldMessage(std::string_view name, FieldList fields)
{
    std::string message = "unknown field \"" + std::string(name) + "\"";
    std::string_view closest;
    std::size_t best = 3; // suggest only near misses: typos, not different words
    for (std::string_view field : fields) {
        const std::size_t distance = editDistance(name, field);
        if (distance < best) {
            best = distance;
            closest = field;
        }
    }
    if (!closest.empty())
        return message + "; did you mean \"" + std::string(closest) + "\"?";
    message += " (expected ";
    for (std::size_t i = 0; i < fields.size(); ++i)
        message += (i ? ", " : "") + std::string(fields[i]);
    return message + ")";
}

class Reader
{
public:
    Reader(std::string_view text, const std::string &file)
        : m_text(text)
        , m_file(file)
    {}

    [[noreturn]] void fail(const Path &path, const std::string &message) const
    {
        fail(path.str(), message);
    }
    [[noreturn]] void fail(const std::string &path, const std::string &message) const
    {
        throw InputError(m_file, jsonLineOf(m_text, path), path, message);
    }

    void read(const json &value, const Path &path, std::string &out) const
    {
        if (!value.is_string())
            fail(path, "expected a string, found " + describe(value));
        out = value.get_ref<const std::string &>();
    }

    void read(const json &value, const Path &path, double &out) const
    {
        if (!value.is_number())
            fail(path, "expected a number, found " + describe(value));
        out = value.get<double>();
        if (!std::isfinite(out)) // the parser refuses these already; a DOM built otherwise may not
            fail(path, "must be a finite number");
    }

    void read(const json &value, const Path &path, bool &out) const
    {
        if (!value.is_boolean())
            fail(path, "expected true or false, found " + describe(value));
        out = value.get<bool>();
    }

    void read(const json &value, const Path &path, int &out) const
    {
        out = static_cast<int>(integer(value, path, INT_MIN, INT_MAX));
    }

    void read(const json &value, const Path &path, std::int64_t &out) const
    {
        out = integer(value, path, std::numeric_limits<std::int64_t>::min(),
                      std::numeric_limits<std::int64_t>::max());
    }

    void read(const json &value, const Path &path, std::uint64_t &out) const
    {
        switch (value.type()) {
        case json::value_t::number_unsigned:
            out = value.get<std::uint64_t>();
            return;
        case json::value_t::number_integer: {
            const auto signedValue = value.get<std::int64_t>();
            if (signedValue < 0)
                fail(path, "must be >= 0 (is " + value.dump() + ")");
            out = static_cast<std::uint64_t>(signedValue);
            return;
        }
        case json::value_t::number_float: {
            const double d = wholeNumber(value, path);
            if (d < 0.0 || d >= 18446744073709551616.0) // 2^64
                fail(path, "must be an integer between 0 and " +
                                   std::to_string(std::numeric_limits<std::uint64_t>::max()) +
                                   " (is " + value.dump() + ")");
            out = static_cast<std::uint64_t>(d);
            return;
        }
        default:
            fail(path, "expected an integer, found " + describe(value));
        }
    }

    template<typename T>
    T get(const json &value, const Path &path) const
    {
        T out{};
        read(value, path, out);
        return out;
    }

private:
    // Integers may be written with a zero fraction (8.0), as some JSON writers do for all numbers.
    double wholeNumber(const json &value, const Path &path) const
    {
        const double d = value.get<double>();
        if (!std::isfinite(d))
            fail(path, "must be a finite number");
        if (std::trunc(d) != d)
            fail(path, "must be a whole number (is " + value.dump() + ")");
        return d;
    }

    std::int64_t integer(const json &value, const Path &path, std::int64_t minimum,
                         std::int64_t maximum) const
    {
        bool inRange = true;
        std::int64_t result = 0;
        switch (value.type()) {
        case json::value_t::number_integer:
            result = value.get<std::int64_t>();
            break;
        case json::value_t::number_unsigned: {
            const auto u = value.get<std::uint64_t>();
            inRange = u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
            result = inRange ? static_cast<std::int64_t>(u) : 0;
            break;
        }
        case json::value_t::number_float: {
            const double d = wholeNumber(value, path);
            // int64 holds [-2^63, 2^63); both bounds are exact doubles.
            inRange = d >= -9223372036854775808.0 && d < 9223372036854775808.0;
            result = inRange ? static_cast<std::int64_t>(d) : 0;
            break;
        }
        default:
            fail(path, "expected an integer, found " + describe(value));
        }
        if (!inRange || result < minimum || result > maximum)
            fail(path, "integer out of range (is " + value.dump() + "; must be between " +
                               std::to_string(minimum) + " and " + std::to_string(maximum) + ")");
        return result;
    }

    std::string_view m_text;
    const std::string &m_file;
};

const json *findMember(const json &object, std::string_view name)
{
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

// One JSON object of the scenario: checks that it is an object and holds no member outside
// `fields`, then hands out its members by name.
class ObjectReader
{
public:
    ObjectReader(const Reader &reader, const json &value, const Path &path, FieldList fields)
        : m_reader(reader)
        , m_object(value)
        , m_path(path)
    {
        if (!value.is_object())
            reader.fail(path, "expected an object, found " + describe(value));
        // Unknown names are refused before missing ones are reported: "acelerators" is better
        // explained as a typo than as "accelerators" missing.
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string &name = it.key();
            if (std::find(fields.begin(), fields.end(), name) == fields.end())
                reader.fail(path.member(name), unknownFieldMessage(name, fields));
        }
    }

    const Reader &reader() const { return m_reader; }
    const Path &path() const { return m_path; }

    const json *find(std::string_view name) const { return findMember(m_object, name); }

    const json &require(std::string_view name) const
    {
        if (const json *value = find(name))
            return *value;
        m_reader.fail(m_path.member(name), "missing field \"" + std::string(name) + "\"");
    }

    template<typename T>
    void required(std::string_view name, T &out) const
    {
        m_reader.read(require(name), m_path.member(name), out);
    }

    template<typename T>
    void optional(std::string_view name, T &out) const
    {
        if (const json *value = find(name))
            m_reader.read(*value, m_path.member(name), out);
    }

private:
    const Reader &m_reader;
    const json &m_object;
    const Path &m_path;
};

// ---------------------------------------------------------------------------------------------
// Scenario fields

template<typename Element>
std::vector<Element> readArray(const ObjectReader &parent, std::string_view name,
                               Element (*readElement)(const Reader &, const json &, const Path &))
{
    std::vector<Element> out;
    const json *array = parent.find(name);
    if (!array)
        return out;
    const Path path = parent.path().member(name);
    if (!array->is_array())
        parent.reader().fail(path, "expected an array, found " + describe(*array));
    out.reserve(array->size());
    for (std::size_t i = 0; i < array->size(); ++i)
        out.push_back(readElement(parent.reader(), (*array)[i], path.element(i)));
    return out;
}

PowerCurve readPower(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 3> kLinearFields = {"model", "idle_w", "max_w"};
    static constexpr std::array<std::string_view, 2> kTableFields = {"model", "watts"};

    if (!value.is_object())
        reader.fail(path, "expected an object, found " + describe(value));
    // Which other members belong depends on the model, so it is read first.
    const json *model = findMember(value, "model");
    const Path modelPath = path.member("model");
    if (!model)
        reader.fail(modelPath, "missing field \"model\" (linear or table)");
    const auto modelName = reader.get<std::string>(*model, modelPath);
    if (modelName == "linear") {
        const ObjectReader object(reader, value, path, kLinearFields);
        double idleW = 0.0;
        double maxW = 0.0;
        object.required("idle_w", idleW);
        object.required("max_w", maxW);
        return PowerCurve::linear(idleW, maxW);
    }
    if (modelName == "table") {
        const ObjectReader object(reader, value, path, kTableFields);
        const json &watts = object.require("watts");
        const Path wattsPath = path.member("watts");
        if (!watts.is_array())
            reader.fail(wattsPath, "expected an array, found " + describe(watts));
        if (watts.size() != PowerCurve::kTablePoints)
            reader.fail(wattsPath,
                        "must hold " + std::to_string(PowerCurve::kTablePoints) +
                                " numbers, the watts at 0%, 10%, ..., 100% load (holds " +
                                std::to_string(watts.size()) + ")");
        PowerCurve::Table table{};
        for (std::size_t i = 0; i < table.size(); ++i)
            reader.read(watts[i], wattsPath.element(i), table[i]);
        return PowerCurve::table(table);
    }
    reader.fail(modelPath, "unknown power model \"" + modelName + "\" (valid: linear, table)");
}

DvfsLevel readDvfsLevel(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 3> kFields = {"frequency", "speed", "power"};
    const ObjectReader object(reader, value, path, kFields);
    DvfsLevel level;
    object.required("frequency", level.frequency);
    object.required("speed", level.speed);
    object.required("power", level.power);
    return level;
}

NodeType readNodeType(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 14> kFields = {
            "name",          "accelerator", "accelerators",
            "cpu_cores",     "memory_gb",   "peak_bf16_tflops",
            "power",         "off_w",       "boot_s",
            "boot_w",        "shutdown_s",  "dvfs",
            "cost_per_hour", "source"};
    const ObjectReader object(reader, value, path, kFields);
    NodeType type;
    object.required("name", type.name);
    object.optional("accelerator", type.acceleratorModel);
    object.required("accelerators", type.accelerators);
    object.optional("cpu_cores", type.cpuCores);
    object.optional("memory_gb", type.memoryGb);
    object.optional("peak_bf16_tflops", type.peakTflopsPerAccelerator);
    if (const json *power = object.find("power"))
        type.power = readPower(reader, *power, path.member("power"));
    object.optional("off_w", type.offW);
    object.optional("boot_s", type.bootS);
    if (const json *bootW = object.find("boot_w"))
        type.bootW = reader.get<double>(*bootW, path.member("boot_w"));
    object.optional("shutdown_s", type.shutdownS);
    type.dvfs = readArray(object, "dvfs", &readDvfsLevel);
    object.optional("cost_per_hour", type.costPerHour);
    object.optional("source", type.source);
    return type;
}

NodeSpec readNode(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 3> kFields = {"name", "type", "tenant"};
    const ObjectReader object(reader, value, path, kFields);
    NodeSpec node;
    object.required("name", node.name);
    object.required("type", node.type);
    object.optional("tenant", node.tenant);
    return node;
}

Rack readRack(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 4> kFields = {"name", "power_budget_kw",
                                                                "dvfs_frequency", "nodes"};
    const ObjectReader object(reader, value, path, kFields);
    Rack rack;
    object.required("name", rack.name);
    if (const json *budget = object.find("power_budget_kw"))
        rack.powerBudgetKw = reader.get<double>(*budget, path.member("power_budget_kw"));
    if (const json *frequency = object.find("dvfs_frequency"))
        rack.dvfsFrequency = reader.get<double>(*frequency, path.member("dvfs_frequency"));
    rack.nodes = readArray(object, "nodes", &readNode);
    return rack;
}

Zone readZone(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 2> kFields = {"name", "racks"};
    const ObjectReader object(reader, value, path, kFields);
    Zone zone;
    object.required("name", zone.name);
    zone.racks = readArray(object, "racks", &readRack);
    return zone;
}

Cluster readCluster(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 1> kFields = {"zones"};
    const ObjectReader object(reader, value, path, kFields);
    Cluster cluster;
    cluster.zones = readArray(object, "zones", &readZone);
    return cluster;
}

JobConstraints readConstraints(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 4> kFields = {"node_type", "zone", "rack",
                                                                "node"};
    const ObjectReader object(reader, value, path, kFields);
    JobConstraints constraints;
    object.optional("node_type", constraints.nodeType);
    object.optional("zone", constraints.zone);
    object.optional("rack", constraints.rack);
    object.optional("node", constraints.pinNode);
    return constraints;
}

Job readJob(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 10> kFields = {
            "id",    "name",        "tenant",   "submit_s",  "accelerators",
            "run_s", "requested_s", "priority", "dedicated", "constraints"};
    const ObjectReader object(reader, value, path, kFields);
    Job job;
    object.required("id", job.id);
    object.optional("name", job.name);
    object.optional("tenant", job.tenant);
    object.required("submit_s", job.submitS);
    object.required("accelerators", job.slots);
    object.required("run_s", job.runS);
    object.optional("requested_s", job.requestedS);
    object.optional("priority", job.priority);
    object.optional("dedicated", job.dedicated);
    if (const json *constraints = object.find("constraints"))
        job.constraints = readConstraints(reader, *constraints, path.member("constraints"));
    return job;
}

Policy readPolicy(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 6> kFields = {
            "scheduler",         "placement",           "srtf_restart_overhead_s",
            "sample_interval_s", "rack_spread_penalty", "horizon_s"};
    const ObjectReader object(reader, value, path, kFields);
    Policy policy;
    if (const json *scheduler = object.find("scheduler")) {
        const Path schedulerPath = path.member("scheduler");
        const auto name = reader.get<std::string>(*scheduler, schedulerPath);
        const auto kind = schedulerFromString(name);
        if (!kind)
            reader.fail(schedulerPath,
                        "unknown scheduler \"" + name + "\" (valid: " + schedulerNames() + ")");
        policy.scheduler = *kind;
    }
    if (const json *placement = object.find("placement")) {
        const Path placementPath = path.member("placement");
        const auto name = reader.get<std::string>(*placement, placementPath);
        const auto kind = placementFromString(name);
        if (!kind)
            reader.fail(placementPath,
                        "unknown placement \"" + name + "\" (valid: " + placementNames() + ")");
        policy.placement = *kind;
    }
    object.optional("srtf_restart_overhead_s", policy.srtfRestartOverheadS);
    object.optional("sample_interval_s", policy.sampleIntervalS);
    object.optional("rack_spread_penalty", policy.rackSpreadPenalty);
    if (const json *horizon = object.find("horizon_s"))
        policy.horizonS = reader.get<double>(*horizon, path.member("horizon_s"));
    return policy;
}

HourlyProfile readProfile(const Reader &reader, const json &value, const Path &path)
{
    if (!value.is_array())
        reader.fail(path, "expected an array of hourly values, found " + describe(value));
    HourlyProfile profile;
    profile.values.resize(value.size());
    for (std::size_t i = 0; i < value.size(); ++i)
        reader.read(value[i], path.element(i), profile.values[i]);
    return profile;
}

LoadProfile readLoad(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 4> kDiurnalFields = {"model", "trough_rps",
                                                                       "peak_rps", "peak_hour"};
    static constexpr std::array<std::string_view, 2> kHourlyFields = {"model", "rps"};
    if (!value.is_object())
        reader.fail(path, "expected an object, found " + describe(value));
    const json *model = findMember(value, "model");
    const Path modelPath = path.member("model");
    if (!model)
        reader.fail(modelPath, "missing field \"model\" (diurnal or hourly)");
    const auto modelName = reader.get<std::string>(*model, modelPath);
    LoadProfile load;
    if (modelName == "diurnal") {
        const ObjectReader object(reader, value, path, kDiurnalFields);
        load.kind = LoadProfile::Kind::Diurnal;
        object.required("trough_rps", load.troughRps);
        object.required("peak_rps", load.peakRps);
        object.optional("peak_hour", load.peakHour);
        return load;
    }
    if (modelName == "hourly") {
        const ObjectReader object(reader, value, path, kHourlyFields);
        load.kind = LoadProfile::Kind::Hourly;
        load.hourlyRps = readProfile(reader, object.require("rps"), path.member("rps"));
        return load;
    }
    reader.fail(modelPath, "unknown load model \"" + modelName + "\" (valid: diurnal, hourly)");
}

Service readService(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 10> kFields = {"name",
                                                                 "tenant",
                                                                 "node_type",
                                                                 "accelerators_per_replica",
                                                                 "capacity_rps",
                                                                 "min_replicas",
                                                                 "max_replicas",
                                                                 "target_utilization",
                                                                 "scale_up_delay_s",
                                                                 "load"};
    const ObjectReader object(reader, value, path, kFields);
    Service service;
    object.required("name", service.name);
    object.optional("tenant", service.tenant);
    object.optional("node_type", service.nodeType);
    object.required("accelerators_per_replica", service.acceleratorsPerReplica);
    object.required("capacity_rps", service.capacityRps);
    object.optional("min_replicas", service.minReplicas);
    object.optional("max_replicas", service.maxReplicas);
    object.optional("target_utilization", service.targetUtilization);
    object.optional("scale_up_delay_s", service.scaleUpDelayS);
    service.load = readLoad(reader, object.require("load"), path.member("load"));
    return service;
}

EnergyPolicy readEnergy(const Reader &reader, const json &value, const Path &path)
{
    static constexpr std::array<std::string_view, 7> kFields = {
            "pue",           "cluster_power_cap_kw", "dpm", "dvfs_frequency", "currency",
            "price_per_kwh", "carbon_g_per_kwh"};
    static constexpr std::array<std::string_view, 3> kDpmFields = {"enabled", "idle_timeout_s",
                                                                   "spare_nodes"};
    const ObjectReader object(reader, value, path, kFields);
    EnergyPolicy energy;
    object.optional("pue", energy.pue);
    if (const json *cap = object.find("cluster_power_cap_kw"))
        energy.clusterPowerCapKw = reader.get<double>(*cap, path.member("cluster_power_cap_kw"));
    if (const json *dpm = object.find("dpm")) {
        const Path dpmPath = path.member("dpm");
        const ObjectReader dpmObject(reader, *dpm, dpmPath, kDpmFields);
        dpmObject.optional("enabled", energy.dpmEnabled);
        dpmObject.optional("idle_timeout_s", energy.idleTimeoutS);
        dpmObject.optional("spare_nodes", energy.spareNodes);
    }
    object.optional("dvfs_frequency", energy.dvfsFrequency);
    object.optional("currency", energy.currency);
    if (const json *price = object.find("price_per_kwh"))
        energy.pricePerKwh = readProfile(reader, *price, path.member("price_per_kwh"));
    if (const json *carbon = object.find("carbon_g_per_kwh"))
        energy.carbonGPerKwh = readProfile(reader, *carbon, path.member("carbon_g_per_kwh"));
    return energy;
}

// "format" and "version" come before everything else: a file from a newer Headroom is likely
// to hold fields this one does not know, and "please upgrade" explains that better.
void checkFormatAndVersion(const Reader &reader, const json &root, const Path &rootPath)
{
    const Path formatPath = rootPath.member("format");
    const json *format = findMember(root, "format");
    if (!format)
        reader.fail(formatPath,
                    "missing field \"format\": not a Headroom scenario (expected \"format\": \"" +
                            std::string(kScenarioFormatName) + "\")");
    if (!format->is_string() || format->get_ref<const std::string &>() != kScenarioFormatName)
        reader.fail(formatPath, "not a Headroom scenario: format is " + describe(*format) +
                                        ", expected \"" + std::string(kScenarioFormatName) + "\"");

    const Path versionPath = rootPath.member("version");
    const json *versionValue = findMember(root, "version");
    if (!versionValue)
        reader.fail(versionPath, "missing field \"version\" (this Headroom reads version " +
                                         std::to_string(kScenarioFormatVersion) + ")");
    const auto version = reader.get<std::int64_t>(*versionValue, versionPath);
    if (version > kScenarioFormatVersion)
        reader.fail(versionPath, "scenario format version " + std::to_string(version) +
                                         " is newer than this Headroom supports (" +
                                         std::to_string(kScenarioFormatVersion) +
                                         "); please upgrade Headroom");
    if (version < 1)
        reader.fail(versionPath, "unsupported scenario format version " + std::to_string(version) +
                                         " (versions start at 1)");
}

Scenario readScenario(const Reader &reader, const json &root)
{
    static constexpr std::array<std::string_view, 11> kFields = {
            "format",  "version", "name",     "description", "seed",  "node_types",
            "cluster", "jobs",    "services", "policy",      "energy"};
    const Path path;
    if (!root.is_object())
        reader.fail(path, "expected a JSON object at the top level, found " + describe(root));
    checkFormatAndVersion(reader, root, path);

    const ObjectReader object(reader, root, path, kFields);
    Scenario scenario;
    object.optional("name", scenario.name);
    object.optional("description", scenario.description);
    object.optional("seed", scenario.seed);
    scenario.nodeTypes = readArray(object, "node_types", &readNodeType);
    if (const json *cluster = object.find("cluster"))
        scenario.cluster = readCluster(reader, *cluster, path.member("cluster"));
    scenario.jobs = readArray(object, "jobs", &readJob);
    scenario.services = readArray(object, "services", &readService);
    if (const json *policy = object.find("policy"))
        scenario.policy = readPolicy(reader, *policy, path.member("policy"));
    if (const json *energy = object.find("energy"))
        scenario.energy = readEnergy(reader, *energy, path.member("energy"));
    return scenario;
}

json parseJson(std::string_view text, const std::string &file)
{
    DomBuilder builder;
    const char *begin = text.empty() ? "" : text.data();
    if (json::sax_parse(begin, begin + text.size(), &builder))
        return std::move(builder.root());

    const ParseFailure &failure = builder.failure();
    // nlohmann counts the byte it stopped at; positions are 0-based offsets.
    const std::size_t offset = failure.position > 0 ? failure.position - 1 : 0;
    const TextPosition where = textPositionOf(text, offset);
    switch (failure.kind) {
    case ParseFailure::Kind::DuplicateMember:
        throw InputError(file, jsonLineOfRepeatedMember(text, failure.path, failure.member),
                         joinPath(failure.path, failure.member),
                         "duplicate field \"" + failure.member +
                                 "\": an object may hold each field once");
    case ParseFailure::Kind::NumberOutOfRange:
        throw InputError(file, where.line, failure.path, "number out of range: " + failure.detail);
    case ParseFailure::Kind::Syntax:
        break;
    }
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." ->
    // "syntax error ...": we say where ourselves, counting from the text.
    std::string detail = failure.detail;
    if (const std::size_t tag = detail.find("] "); tag != std::string::npos)
        detail.erase(0, tag + 2);
    if (detail.rfind("parse error", 0) == 0) {
        if (const std::size_t colon = detail.find(": "); colon != std::string::npos)
            detail.erase(0, colon + 2);
    }
    throw InputError(file, where.line, {},
                     "invalid JSON at column " + std::to_string(where.column) + ": " + detail);
}

// ---------------------------------------------------------------------------------------------
// Writing

// Whole numbers print without a fraction: "run_s": 3600 rather than 3600.0. Within +-2^53 a
// whole double is exactly an int64 and reads back as the same double.
ordered_json number(double value)
{
    constexpr double kExactIntegers = 9007199254740992.0; // 2^53
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < kExactIntegers)
        return static_cast<std::int64_t>(value);
    return value;
}

ordered_json writePower(const PowerCurve &power)
{
    ordered_json out = ordered_json::object();
    if (power.kind() == PowerCurve::Kind::Linear) {
        out["model"] = "linear";
        out["idle_w"] = number(power.idleW());
        out["max_w"] = number(power.maxW());
    } else {
        out["model"] = "table";
        ordered_json watts = ordered_json::array();
        for (double w : power.points())
            watts.push_back(number(w));
        out["watts"] = std::move(watts);
    }
    return out;
}

ordered_json writeNodeType(const NodeType &type)
{
    ordered_json out = ordered_json::object();
    out["name"] = type.name;
    out["accelerator"] = type.acceleratorModel;
    out["accelerators"] = type.accelerators;
    out["cpu_cores"] = type.cpuCores;
    out["memory_gb"] = number(type.memoryGb);
    out["peak_bf16_tflops"] = number(type.peakTflopsPerAccelerator);
    out["power"] = writePower(type.power);
    out["off_w"] = number(type.offW);
    out["boot_s"] = number(type.bootS);
    if (type.bootW)
        out["boot_w"] = number(*type.bootW);
    out["shutdown_s"] = number(type.shutdownS);
    if (!type.dvfs.empty()) {
        ordered_json levels = ordered_json::array();
        for (const DvfsLevel &level : type.dvfs)
            levels.push_back(ordered_json{{"frequency", number(level.frequency)},
                                          {"speed", number(level.speed)},
                                          {"power", number(level.power)}});
        out["dvfs"] = std::move(levels);
    }
    out["cost_per_hour"] = number(type.costPerHour);
    out["source"] = type.source;
    return out;
}

ordered_json writeCluster(const Cluster &cluster)
{
    ordered_json zones = ordered_json::array();
    for (const Zone &zone : cluster.zones) {
        ordered_json racks = ordered_json::array();
        for (const Rack &rack : zone.racks) {
            ordered_json nodes = ordered_json::array();
            for (const NodeSpec &node : rack.nodes) {
                ordered_json outNode{{"name", node.name}, {"type", node.type}};
                if (!node.tenant.empty())
                    outNode["tenant"] = node.tenant;
                nodes.push_back(std::move(outNode));
            }
            ordered_json outRack = ordered_json::object();
            outRack["name"] = rack.name;
            if (rack.powerBudgetKw)
                outRack["power_budget_kw"] = number(*rack.powerBudgetKw);
            if (rack.dvfsFrequency)
                outRack["dvfs_frequency"] = number(*rack.dvfsFrequency);
            outRack["nodes"] = std::move(nodes);
            racks.push_back(std::move(outRack));
        }
        ordered_json outZone = ordered_json::object();
        outZone["name"] = zone.name;
        outZone["racks"] = std::move(racks);
        zones.push_back(std::move(outZone));
    }
    ordered_json out = ordered_json::object();
    out["zones"] = std::move(zones);
    return out;
}

// Only what differs from the defaults, so that a trace of 100,000 jobs stays small.
ordered_json writeJob(const Job &job)
{
    static const Job defaults;
    ordered_json out = ordered_json::object();
    out["id"] = job.id;
    if (job.name != defaults.name)
        out["name"] = job.name;
    if (job.tenant != defaults.tenant)
        out["tenant"] = job.tenant;
    out["submit_s"] = number(job.submitS);
    out["accelerators"] = job.slots;
    out["run_s"] = number(job.runS);
    if (job.requestedS != defaults.requestedS)
        out["requested_s"] = number(job.requestedS);
    if (job.priority != defaults.priority)
        out["priority"] = job.priority;
    if (job.dedicated != defaults.dedicated)
        out["dedicated"] = job.dedicated;
    if (const JobConstraints &k = *job.constraints; !k.empty()) {
        ordered_json constraints = ordered_json::object();
        if (!k.nodeType.empty())
            constraints["node_type"] = k.nodeType;
        if (!k.zone.empty())
            constraints["zone"] = k.zone;
        if (!k.rack.empty())
            constraints["rack"] = k.rack;
        if (!k.pinNode.empty())
            constraints["node"] = k.pinNode;
        out["constraints"] = std::move(constraints);
    }
    return out;
}

ordered_json writePolicy(const Policy &policy)
{
    ordered_json out = ordered_json::object();
    out["scheduler"] = std::string(toString(policy.scheduler));
    out["placement"] = std::string(toString(policy.placement));
    out["srtf_restart_overhead_s"] = number(policy.srtfRestartOverheadS);
    out["sample_interval_s"] = number(policy.sampleIntervalS);
    out["rack_spread_penalty"] = number(policy.rackSpreadPenalty);
    if (policy.horizonS)
        out["horizon_s"] = number(*policy.horizonS);
    return out;
}

ordered_json writeProfile(const HourlyProfile &profile)
{
    ordered_json out = ordered_json::array();
    for (double value : profile.values)
        out.push_back(number(value));
    return out;
}

ordered_json writeService(const Service &service)
{
    ordered_json out = ordered_json::object();
    out["name"] = service.name;
    if (!service.tenant.empty())
        out["tenant"] = service.tenant;
    if (!service.nodeType.empty())
        out["node_type"] = service.nodeType;
    out["accelerators_per_replica"] = service.acceleratorsPerReplica;
    out["capacity_rps"] = number(service.capacityRps);
    out["min_replicas"] = service.minReplicas;
    out["max_replicas"] = service.maxReplicas;
    out["target_utilization"] = number(service.targetUtilization);
    out["scale_up_delay_s"] = number(service.scaleUpDelayS);
    ordered_json load = ordered_json::object();
    if (service.load.kind == LoadProfile::Kind::Diurnal) {
        load["model"] = "diurnal";
        load["trough_rps"] = number(service.load.troughRps);
        load["peak_rps"] = number(service.load.peakRps);
        load["peak_hour"] = number(service.load.peakHour);
    } else {
        load["model"] = "hourly";
        load["rps"] = writeProfile(service.load.hourlyRps);
    }
    out["load"] = std::move(load);
    return out;
}

ordered_json writeEnergy(const EnergyPolicy &energy)
{
    ordered_json out = ordered_json::object();
    out["pue"] = number(energy.pue);
    if (energy.clusterPowerCapKw)
        out["cluster_power_cap_kw"] = number(*energy.clusterPowerCapKw);
    out["dpm"] = ordered_json{{"enabled", energy.dpmEnabled},
                              {"idle_timeout_s", number(energy.idleTimeoutS)},
                              {"spare_nodes", energy.spareNodes}};
    out["dvfs_frequency"] = number(energy.dvfsFrequency);
    out["currency"] = energy.currency;
    out["price_per_kwh"] = writeProfile(energy.pricePerKwh);
    out["carbon_g_per_kwh"] = writeProfile(energy.carbonGPerKwh);
    return out;
}

} // namespace

Scenario parseScenario(std::string_view text, const std::string &displayName)
{
    const json root = parseJson(text, displayName);
    const Reader reader(text, displayName);
    Scenario scenario = readScenario(reader, root);
    const std::vector<Problem> problems = validateScenario(scenario);
    if (!problems.empty())
        reader.fail(problems.front().path, problems.front().message);
    return scenario;
}

Scenario loadScenarioFile(const std::string &path)
{
    return parseScenario(readTextFile(path), path);
}

std::string serializeScenario(const Scenario &scenario)
{
    ordered_json root = ordered_json::object();
    root["format"] = std::string(kScenarioFormatName);
    root["version"] = kScenarioFormatVersion;
    root["name"] = scenario.name;
    root["description"] = scenario.description;
    root["seed"] = scenario.seed;
    ordered_json nodeTypes = ordered_json::array();
    for (const NodeType &type : scenario.nodeTypes)
        nodeTypes.push_back(writeNodeType(type));
    root["node_types"] = std::move(nodeTypes);
    root["cluster"] = writeCluster(scenario.cluster);
    ordered_json jobs = ordered_json::array();
    for (const Job &job : scenario.jobs)
        jobs.push_back(writeJob(job));
    root["jobs"] = std::move(jobs);
    if (!scenario.services.empty()) {
        ordered_json services = ordered_json::array();
        for (const Service &service : scenario.services)
            services.push_back(writeService(service));
        root["services"] = std::move(services);
    }
    root["policy"] = writePolicy(scenario.policy);
    root["energy"] = writeEnergy(scenario.energy);
    // Invalid UTF-8 cannot come from a parsed file but may from elsewhere (a trace's names);
    // replacing it keeps saving from failing over one bad byte.
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace headroom
