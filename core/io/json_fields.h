#pragma once

#include "core/io/json_reader.h"
#include "core/model/member_pointer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// Field tables: each object type that is stored as a JSON object has one table listing its
// members in file order, and that table drives both reading and writing it, so that a field
// is added in one place:
//
//     template<>
//     const FieldTable<DvfsLevel> &fieldTable<DvfsLevel>()
//     {
//         static const FieldTable<DvfsLevel> table{
//                 field<&DvfsLevel::frequency>("frequency", Presence::Required),
//                 field<&DvfsLevel::speed>("speed", Presence::Required), ...};
//         return table;
//     }
//
// How a member's value is read and written follows from its C++ type, through JsonCodec<T>:
// numbers, strings, std::optional and std::vector here; an object type through its table;
// anything else (an enum's names, a value with its own JSON shape) through a specialisation
// next to the tables that use it.

enum class Presence {
    Required,    // must be in the file; always written
    Optional,    // may be left out, which keeps the default; always written
    OmitDefault, // may be left out; written only when it differs from the default
};

template<typename Object>
struct Field
{
    std::string_view name;
    Presence presence = Presence::Optional;
    void (*read)(const JsonReader &, const nlohmann::json &, const JsonPath &, Object &) = nullptr;
    nlohmann::ordered_json (*write)(const Object &) = nullptr;
    bool (*isDefault)(const Object &) = nullptr;
};

template<typename Object>
class FieldTable
{
public:
    FieldTable(std::initializer_list<Field<Object>> fields)
        : m_fields(fields)
    {
        for (const Field<Object> &field : m_fields)
            m_names.push_back(field.name);
    }

    std::span<const Field<Object>> fields() const { return m_fields; }
    std::span<const std::string_view> names() const { return m_names; }

private:
    std::vector<Field<Object>> m_fields;
    std::vector<std::string_view> m_names;
};

// The table of an object type. Specialised where the type's fields are listed; the
// specialisation must be declared before the first table that holds such an object.
template<typename Object>
const FieldTable<Object> &fieldTable();

// Reads the members of `out` that the JSON object `value` holds, in table order, after refusing
// any member the table does not list. Members left out keep their value in `out`.
template<typename Object>
void readFields(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                const FieldTable<Object> &table, Object &out)
{
    reader.expectMembers(value, path, table.names());
    for (const Field<Object> &field : table.fields()) {
        const JsonPath memberPath = path.member(field.name);
        if (const nlohmann::json *member = findMember(value, field.name))
            field.read(reader, *member, memberPath, out);
        else if (field.presence == Presence::Required)
            reader.fail(memberPath, "missing field \"" + std::string(field.name) + "\"");
    }
}

// The members of `object` as a JSON object, in table order. The member named `stubbed` (if
// any) is written as an empty array whatever it holds: its caller writes that one itself.
// The same into `out`, which is cleared first: a writer of a million objects reuses one.
template<typename Object>
void writeFieldsInto(const FieldTable<Object> &table, const Object &object,
                     nlohmann::ordered_json &out, std::string_view stubbed = {})
{
    if (out.is_object())
        out.clear(); // keeps the member storage
    else
        out = nlohmann::ordered_json::object();
    for (const Field<Object> &field : table.fields()) {
        if (!stubbed.empty() && field.name == stubbed)
            out[std::string(field.name)] = nlohmann::ordered_json::array();
        else if (field.presence != Presence::OmitDefault || !field.isDefault(object))
            out[std::string(field.name)] = field.write(object);
    }
}

template<typename Object>
nlohmann::ordered_json writeFields(const FieldTable<Object> &table, const Object &object,
                                   std::string_view stubbed = {})
{
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    writeFieldsInto(table, object, out, stubbed);
    return out;
}

// Whole numbers print without a fraction: "run_s": 3600 rather than 3600.0. Within +-2^53 a
// whole double is exactly an int64 and reads back as the same double.
inline nlohmann::ordered_json jsonNumber(double value)
{
    constexpr double kExactIntegers = 9007199254740992.0; // 2^53
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < kExactIntegers)
        return static_cast<std::int64_t>(value);
    return value;
}

// ---------------------------------------------------------------------------------------------
// Codecs: static read(reader, value, path, out) and write(value) for one C++ type.

// An object type with a field table.
template<typename T>
struct JsonCodec
{
    static void read(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                     T &out)
    {
        readFields(reader, value, path, fieldTable<T>(), out);
    }
    static nlohmann::ordered_json write(const T &value)
    {
        return writeFields(fieldTable<T>(), value);
    }
};

// Types JsonReader reads, written as they are.
template<typename T>
struct PlainCodec
{
    static void read(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                     T &out)
    {
        reader.read(value, path, out);
    }
    static nlohmann::ordered_json write(const T &value) { return value; }
};

template<>
struct JsonCodec<std::string> : PlainCodec<std::string>
{};
template<>
struct JsonCodec<bool> : PlainCodec<bool>
{};
template<>
struct JsonCodec<int> : PlainCodec<int>
{};
template<>
struct JsonCodec<std::int64_t> : PlainCodec<std::int64_t>
{};
template<>
struct JsonCodec<std::uint64_t> : PlainCodec<std::uint64_t>
{};

template<>
struct JsonCodec<double> : PlainCodec<double>
{
    static nlohmann::ordered_json write(double value) { return jsonNumber(value); }
};

// Fields whose default is "none" are OmitDefault, so an empty optional is not written.
template<typename T>
struct JsonCodec<std::optional<T>>
{
    static void read(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                     std::optional<T> &out)
    {
        T inner{};
        JsonCodec<T>::read(reader, value, path, inner);
        out = std::move(inner);
    }
    static nlohmann::ordered_json write(const std::optional<T> &value)
    {
        return value ? JsonCodec<T>::write(*value) : nlohmann::ordered_json();
    }
};

template<typename T>
struct JsonCodec<std::vector<T>>
{
    static void read(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                     std::vector<T> &out)
    {
        reader.expectArray(value, path);
        std::vector<T> elements(value.size());
        for (std::size_t i = 0; i < elements.size(); ++i)
            JsonCodec<T>::read(reader, value[i], path.element(i), elements[i]);
        out = std::move(elements);
    }
    static nlohmann::ordered_json write(const std::vector<T> &values)
    {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const T &element : values)
            out.push_back(JsonCodec<T>::write(element));
        return out;
    }
};

// An enum stored as one of a fixed set of names. `Names` provides kWhat (for "unknown
// scheduler "x" (valid: fcfs, sjf, srtf, easy)"), values() in the order the message lists
// them, and name(value).
template<typename Enum, typename Names>
struct NamedEnumCodec
{
    static void read(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                     Enum &out)
    {
        std::string name;
        reader.read(value, path, name);
        for (const Enum candidate : Names::values()) {
            if (Names::name(candidate) == name) {
                out = candidate;
                return;
            }
        }
        reader.fail(path, "unknown " + std::string(Names::kWhat) + " \"" + name +
                                  "\" (valid: " + alternatives(", ") + ")");
    }
    static nlohmann::ordered_json write(Enum value) { return std::string(Names::name(value)); }

    static std::string alternatives(std::string_view separator)
    {
        std::string out;
        for (const Enum value : Names::values())
            out.append(out.empty() ? "" : separator).append(Names::name(value));
        return out;
    }
};

// ---------------------------------------------------------------------------------------------
// Table entries

template<typename Object>
const Object &defaultObject()
{
    static const Object object{};
    return object;
}

template<auto Member>
struct MemberField
{
    using Object = typename MemberPointer<decltype(Member)>::Object;
    using Value = typename MemberPointer<decltype(Member)>::Value;

    static void read(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                     Object &out)
    {
        JsonCodec<Value>::read(reader, value, path, out.*Member);
    }
    static nlohmann::ordered_json write(const Object &object)
    {
        return JsonCodec<Value>::write(object.*Member);
    }
    static bool isDefault(const Object &object)
    {
        return object.*Member == defaultObject<Object>().*Member;
    }
};

// A data member stored under `name`; its default is its value in a default-constructed object.
template<auto Member>
auto field(std::string_view name, Presence presence)
{
    using Entry = MemberField<Member>;
    return Field<typename Entry::Object>{name, presence, &Entry::read, &Entry::write,
                                         &Entry::isDefault};
}

template<typename Object, const FieldTable<Object> &(*Table)()>
struct GroupField
{
    static void read(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path,
                     Object &out)
    {
        readFields(reader, value, path, Table(), out);
    }
    static nlohmann::ordered_json write(const Object &object)
    {
        return writeFields(Table(), object);
    }
    static bool isDefault(const Object &object)
    {
        for (const Field<Object> &member : Table().fields()) {
            if (!member.isDefault(object))
                return false;
        }
        return true;
    }
};

// A nested JSON object holding members of the same C++ object, listed by `Table`
// (a scenario's "dpm": {...} inside "energy" sets members of EnergyPolicy).
template<typename Object, const FieldTable<Object> &(*Table)()>
Field<Object> group(std::string_view name, Presence presence)
{
    using Entry = GroupField<Object, Table>;
    return {name, presence, &Entry::read, &Entry::write, &Entry::isDefault};
}

template<typename Object, nlohmann::ordered_json (*Value)()>
struct ConstantField
{
    static void read(const JsonReader &, const nlohmann::json &, const JsonPath &, Object &) {}
    static nlohmann::ordered_json write(const Object &) { return Value(); }
    static bool isDefault(const Object &) { return false; }
};

// A member that is not part of the object: written as Value(), and not read here because the
// caller checks it before anything else (a file's format and version).
template<typename Object, nlohmann::ordered_json (*Value)()>
Field<Object> constant(std::string_view name)
{
    using Entry = ConstantField<Object, Value>;
    return {name, Presence::Optional, &Entry::read, &Entry::write, &Entry::isDefault};
}

// The "model" member that selects which members an object holds (a power curve's, a load
// profile's), read before those members are checked. `Kind` has a NamedEnumCodec.
template<typename Kind>
Kind readModel(const JsonReader &reader, const nlohmann::json &value, const JsonPath &path)
{
    reader.expectObject(value, path);
    const JsonPath modelPath = path.member("model");
    const nlohmann::json *model = findMember(value, "model");
    if (!model)
        reader.fail(modelPath,
                    "missing field \"model\" (" + JsonCodec<Kind>::alternatives(" or ") + ")");
    Kind kind{};
    JsonCodec<Kind>::read(reader, *model, modelPath, kind);
    return kind;
}

} // namespace headroom
