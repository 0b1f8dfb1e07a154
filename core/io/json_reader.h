#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace headroom {

// The JSON path of a value as a chain of stack frames, spelled as json_locator.h and
// validation.h spell it ("jobs[3].constraints.zone"). The string is built only when an error
// is reported, so reading a million jobs allocates no paths.
struct JsonPath
{
    static constexpr std::size_t kNoIndex = std::numeric_limits<std::size_t>::max();

    const JsonPath *parent = nullptr;
    std::string_view name; // member name, unless this is an array element
    std::size_t index = kNoIndex;

    JsonPath member(std::string_view memberName) const { return {this, memberName, kNoIndex}; }
    JsonPath element(std::size_t elementIndex) const { return {this, {}, elementIndex}; }

    std::string str() const;
};

// "an object", "string \"abc\"", "number 1.5": what a value is, for "expected X, found Y".
// Long strings are cut.
std::string describeJson(const nlohmann::json &value);

// "unknown field "acelerators"; did you mean "accelerators"?" for a near miss, otherwise the
// list of the fields an object may hold, in the order given.
std::string unknownFieldMessage(std::string_view name, std::span<const std::string_view> fields);

// The member `name` of an object, or null.
const nlohmann::json *findMember(const nlohmann::json &object, std::string_view name);

// Reads values out of a parsed JSON text and throws InputError for anything that is not what
// was expected, naming the file, the line of the value and its path. The text is kept only to
// find lines when an error is reported.
class JsonReader
{
public:
    JsonReader(std::string_view text, const std::string &file)
        : m_text(text)
        , m_file(file)
    {}

    [[noreturn]] void fail(const JsonPath &path, const std::string &message) const;
    [[noreturn]] void fail(const std::string &path, const std::string &message) const;

    void read(const nlohmann::json &value, const JsonPath &path, std::string &out) const;
    // Any finite number.
    void read(const nlohmann::json &value, const JsonPath &path, double &out) const;
    void read(const nlohmann::json &value, const JsonPath &path, bool &out) const;
    // Integers may be written with a zero fraction (8.0), as some JSON writers write all
    // numbers; anything outside the type's range is refused.
    void read(const nlohmann::json &value, const JsonPath &path, int &out) const;
    void read(const nlohmann::json &value, const JsonPath &path, std::int64_t &out) const;
    void read(const nlohmann::json &value, const JsonPath &path, std::uint64_t &out) const;

    // Fails with "expected an object, found ..." unless `value` is an object.
    void expectObject(const nlohmann::json &value, const JsonPath &path) const;
    // Fails with "expected <what>, found ..." unless `value` is an array.
    void expectArray(const nlohmann::json &value, const JsonPath &path,
                     std::string_view what = "an array") const;
    // expectObject, then refuses any member not in `fields` with unknownFieldMessage. Unknown
    // names are refused before missing ones are reported: "acelerators" is better explained
    // as a typo than as "accelerators" missing.
    void expectMembers(const nlohmann::json &value, const JsonPath &path,
                       std::span<const std::string_view> fields) const;

private:
    double wholeNumber(const nlohmann::json &value, const JsonPath &path) const;
    std::int64_t integer(const nlohmann::json &value, const JsonPath &path, std::int64_t minimum,
                         std::int64_t maximum) const;

    std::string_view m_text;
    const std::string &m_file;
};

} // namespace headroom
