#include "core/io/strict_json.h"

#include "core/io/input_error.h"
#include "core/io/input_excerpt.h"
#include "core/io/json_locator.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace headroom {
namespace {

using nlohmann::json;

std::string joinPath(const std::string &parent, std::string_view name)
{
    return parent.empty() ? std::string(name) : parent + "." + std::string(name);
}

// A failure found while parsing, before any scenario field is looked at.
struct ParseFailure
{
    enum class Kind { Syntax, NumberOutOfRange, DuplicateMember, TooDeep } kind = Kind::Syntax;
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
        if (tooDeep())
            return false;
        m_stack.push_back(place(json(json::value_t::object)));
        return true;
    }
    bool start_array(std::size_t)
    {
        if (tooDeep())
            return false;
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

    bool tooDeep()
    {
        if (m_stack.size() < kMaxJsonDepth)
            return false;
        m_failure.kind = ParseFailure::Kind::TooDeep;
        m_failure.path = pathTo(m_stack.size());
        return true;
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

// Offset of the bracket that opens level kMaxJsonDepth + 1 (sax_parse does not say where a
// handler stopped it). Only on that error; strings are skipped so their brackets do not count.
std::size_t offsetBeyondDepth(std::string_view text)
{
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return 0;
}

} // namespace

json parseStrictJson(std::string_view text, const std::string &file)
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
                         "duplicate field " + quotedInput(failure.member) +
                                 ": an object may hold each field once");
    case ParseFailure::Kind::TooDeep:
        throw InputError(file, textPositionOf(text, offsetBeyondDepth(text)).line,
                         inputExcerpt(failure.path, 60),
                         "arrays and objects nested more than " + std::to_string(kMaxJsonDepth) +
                                 " deep; no Headroom file needs more than a few levels");
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
    // nlohmann quotes the whole token it read ("last read: '<16 MB of a string>'").
    constexpr std::string_view kLastRead = "last read: '";
    if (const std::size_t token = detail.find(kLastRead); token != std::string::npos) {
        const std::size_t start = token + kLastRead.size();
        const std::size_t end =
                detail.size() > start && detail.back() == '\'' ? detail.size() - 1 : detail.size();
        detail = detail.substr(0, start) +
                 inputExcerpt(std::string_view(detail).substr(start, end - start)) + "'";
    }
    throw InputError(file, where.line, {},
                     "invalid JSON at column " + std::to_string(where.column) + ": " + detail);
}

} // namespace headroom
