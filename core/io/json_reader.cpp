#include "core/io/json_reader.h"

#include "core/io/input_error.h"
#include "core/io/input_excerpt.h"
#include "core/io/json_locator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

namespace headroom {
namespace {

using nlohmann::json;

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

} // namespace

std::string JsonPath::str() const
{
    std::vector<const JsonPath *> chain;
    for (const JsonPath *p = this; p && p->parent; p = p->parent)
        chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const JsonPath &p = **it;
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

std::string describeJson(const json &value)
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

std::string unknownFieldMessage(std::string_view name, std::span<const std::string_view> fields)
{
    std::string message = "unknown field " + quotedInput(name);
    std::string_view closest;
    std::size_t best = 3; // suggest only near misses: typos, not different words
    for (std::string_view field : fields) {
        // The distance is at least the difference in length: a name far longer than every
        // field (a 16 MiB key) costs nothing here instead of seconds.
        const std::size_t longer = std::max(name.size(), field.size());
        if (longer - std::min(name.size(), field.size()) >= best)
            continue;
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

const json *findMember(const json &object, std::string_view name)
{
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

void JsonReader::fail(const JsonPath &path, const std::string &message) const
{
    fail(path.str(), message);
}

void JsonReader::fail(const std::string &path, const std::string &message) const
{
    throw InputError(m_file, jsonLineOf(m_text, path), path, message);
}

void JsonReader::read(const json &value, const JsonPath &path, std::string &out) const
{
    if (!value.is_string())
        fail(path, "expected a string, found " + describeJson(value));
    out = value.get_ref<const std::string &>();
}

void JsonReader::read(const json &value, const JsonPath &path, double &out) const
{
    if (!value.is_number())
        fail(path, "expected a number, found " + describeJson(value));
    out = value.get<double>();
    if (!std::isfinite(out)) // the parser refuses these already; a DOM built otherwise may not
        fail(path, "must be a finite number");
}

void JsonReader::read(const json &value, const JsonPath &path, bool &out) const
{
    if (!value.is_boolean())
        fail(path, "expected true or false, found " + describeJson(value));
    out = value.get<bool>();
}

void JsonReader::read(const json &value, const JsonPath &path, int &out) const
{
    out = static_cast<int>(integer(value, path, INT_MIN, INT_MAX));
}

void JsonReader::read(const json &value, const JsonPath &path, std::int64_t &out) const
{
    out = integer(value, path, std::numeric_limits<std::int64_t>::min(),
                  std::numeric_limits<std::int64_t>::max());
}

void JsonReader::read(const json &value, const JsonPath &path, std::uint64_t &out) const
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
                               std::to_string(std::numeric_limits<std::uint64_t>::max()) + " (is " +
                               value.dump() + ")");
        out = static_cast<std::uint64_t>(d);
        return;
    }
    default:
        fail(path, "expected an integer, found " + describeJson(value));
    }
}

double JsonReader::wholeNumber(const json &value, const JsonPath &path) const
{
    const double d = value.get<double>();
    if (!std::isfinite(d))
        fail(path, "must be a finite number");
    if (std::trunc(d) != d)
        fail(path, "must be a whole number (is " + value.dump() + ")");
    return d;
}

std::int64_t JsonReader::integer(const json &value, const JsonPath &path, std::int64_t minimum,
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
        fail(path, "expected an integer, found " + describeJson(value));
    }
    if (!inRange || result < minimum || result > maximum)
        fail(path, "integer out of range (is " + value.dump() + "; must be between " +
                           std::to_string(minimum) + " and " + std::to_string(maximum) + ")");
    return result;
}

void JsonReader::expectObject(const json &value, const JsonPath &path) const
{
    if (!value.is_object())
        fail(path, "expected an object, found " + describeJson(value));
}

void JsonReader::expectArray(const json &value, const JsonPath &path, std::string_view what) const
{
    if (!value.is_array())
        fail(path, "expected " + std::string(what) + ", found " + describeJson(value));
}

void JsonReader::expectMembers(const json &value, const JsonPath &path,
                               std::span<const std::string_view> fields) const
{
    expectObject(value, path);
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string &name = it.key();
        if (std::find(fields.begin(), fields.end(), name) == fields.end())
            fail(path.member(name), unknownFieldMessage(name, fields));
    }
}

} // namespace headroom
