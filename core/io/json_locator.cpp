#include "core/io/json_locator.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace headroom {
namespace {

struct Segment
{
    std::string_view name; // member name, when !isIndex
    std::size_t index = 0;
    bool isIndex = false;
};

// Splits "a.b[2].c" into a, b, [2], c. Stops at the first malformed piece, so the caller
// reports the deepest part of the path it understood.
std::vector<Segment> splitPath(std::string_view path)
{
    std::vector<Segment> segments;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos || close == i + 1)
                break;
            std::size_t index = 0;
            const char *first = path.data() + i + 1;
            const char *last = path.data() + close;
            const auto [end, error] = std::from_chars(first, last, index);
            if (error != std::errc() || end != last)
                break;
            segments.push_back({{}, index, true});
            i = close + 1;
            continue;
        }
        if (path[i] == '.') {
            if (segments.empty())
                break;
            ++i;
        } else if (!segments.empty()) {
            break; // "a[0]b": a name must follow a '.'
        }
        std::size_t end = path.find_first_of(".[", i);
        if (end == std::string_view::npos)
            end = path.size();
        segments.push_back({path.substr(i, end - i), 0, false});
        i = end;
    }
    return segments;
}

void appendUtf8(std::string &out, unsigned codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// A cursor over the text that understands just enough JSON to walk a path: it compares member
// names after decoding escapes ("n\u0061me" is "name") and skips values whole, so brackets
// and quotes inside strings never confuse it. Every read is bounds-checked.
class Scanner
{
public:
    explicit Scanner(std::string_view text)
        : m_text(text)
    {
        // nlohmann accepts a UTF-8 byte order mark; so must the positions we report.
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
        skipWhitespace();
    }

    std::size_t position() const { return m_pos; }

    // From an object's '{', finds the `occurrence`-th (1-based) member called `name`: leaves
    // the cursor at its value and returns where its name starts.
    std::optional<std::size_t> findMember(std::string_view name, int occurrence)
    {
        if (peek() != '{')
            return std::nullopt;
        ++m_pos;
        skipWhitespace();
        if (peek() == '}')
            return std::nullopt;
        std::string memberName;
        int seen = 0;
        for (;;) {
            if (peek() != '"')
                return std::nullopt;
            const std::size_t nameStart = m_pos;
            if (!readString(memberName))
                return std::nullopt;
            skipWhitespace();
            if (peek() != ':')
                return std::nullopt;
            ++m_pos;
            skipWhitespace();
            if (memberName == name && ++seen == occurrence)
                return nameStart;
            if (!skipValue() || !skipComma())
                return std::nullopt;
        }
    }

    // From an array's '[', moves the cursor to element `index`.
    bool findElement(std::size_t index)
    {
        if (peek() != '[')
            return false;
        ++m_pos;
        skipWhitespace();
        if (peek() == ']')
            return false;
        for (std::size_t i = 0;; ++i) {
            if (i == index)
                return true;
            if (!skipValue() || !skipComma())
                return false;
        }
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void skipWhitespace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    // After a value inside a container: true when a ',' (and the next item) follows.
    bool skipComma()
    {
        skipWhitespace();
        if (peek() != ',')
            return false;
        ++m_pos;
        skipWhitespace();
        return true;
    }

    bool skipString()
    {
        ++m_pos; // opening quote
        for (;;) {
            m_pos = m_text.find_first_of("\"\\", m_pos);
            if (m_pos == std::string_view::npos) {
                m_pos = m_text.size();
                return false;
            }
            if (m_text[m_pos] == '"') {
                ++m_pos;
                return true;
            }
            m_pos += 2; // an escape: the next character cannot close the string
        }
    }

    bool readHex4(unsigned &value)
    {
        if (m_pos + 4 > m_text.size())
            return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= static_cast<unsigned>(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    bool readString(std::string &out)
    {
        out.clear();
        ++m_pos; // opening quote
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return false;
            const char escaped = m_text[m_pos++];
            switch (escaped) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned codePoint = 0;
                if (!readHex4(codePoint))
                    return false;
                if (codePoint >= 0xD800 && codePoint < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
                    m_pos += 2;
                    unsigned low = 0;
                    if (!readHex4(low))
                        return false;
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, codePoint);
                break;
            }
            default:
                out += escaped;
                break; // '"', '\\', '/'
            }
        }
        return false;
    }

    bool skipValue()
    {
        const char first = peek();
        if (first == '"')
            return skipString();
        if (first == '{' || first == '[') {
            std::size_t depth = 0;
            while (m_pos < m_text.size()) {
                const char c = m_text[m_pos];
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        ++m_pos;
                        return true;
                    }
                }
                ++m_pos;
            }
            return false;
        }
        // A number or a literal runs to the next delimiter.
        const std::size_t start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            ++m_pos;
        }
        return m_pos > start;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Walks `path` from the top-level value; returns the offset of the deepest value reached and
// leaves the scanner there.
std::size_t walk(Scanner &scanner, std::string_view path, bool &complete)
{
    std::size_t reached = scanner.position();
    complete = true;
    for (const Segment &segment : splitPath(path)) {
        const bool found = segment.isIndex ? scanner.findElement(segment.index)
                                           : scanner.findMember(segment.name, 1).has_value();
        if (!found) {
            complete = false;
            return reached;
        }
        reached = scanner.position();
    }
    return reached;
}

} // namespace

TextPosition textPositionOf(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    TextPosition position;
    position.line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lineStart = before.rfind('\n');
    position.column =
            static_cast<int>(lineStart == std::string_view::npos ? offset + 1 : offset - lineStart);
    return position;
}

int jsonLineOf(std::string_view text, std::string_view path)
{
    Scanner scanner(text);
    bool complete = false;
    return textPositionOf(text, walk(scanner, path, complete)).line;
}

int jsonLineOfRepeatedMember(std::string_view text, std::string_view objectPath,
                             std::string_view name)
{
    Scanner scanner(text);
    bool complete = false;
    const std::size_t object = walk(scanner, objectPath, complete);
    if (complete) {
        if (const auto nameStart = scanner.findMember(name, 2))
            return textPositionOf(text, *nameStart).line;
    }
    return textPositionOf(text, object).line;
}

} // namespace headroom
