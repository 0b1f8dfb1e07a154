#include "core/io/input_kind.h"

#include "core/io/input_error.h"
#include "core/io/text_source.h"

#include <algorithm>
#include <cctype>

namespace headroom {
namespace {

// Enough for the longest header line a trace is likely to start with.
constexpr std::size_t kHeadBytes = 4096;

enum class Looks { Scenario, Trace, Empty, Neither };

bool endsWith(std::string_view text, std::string_view suffix)
{
    if (text.size() < suffix.size())
        return false;
    return std::equal(suffix.begin(), suffix.end(), text.end() - std::ptrdiff_t(suffix.size()),
                      [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      });
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// A control character no text file holds (binary data, most likely).
bool isBinary(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && !isBlank(c);
}

bool isNumberCharacter(char c)
{
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E';
}

Looks looksLike(std::string_view text)
{
    if (text.starts_with("\xEF\xBB\xBF")) // a UTF-8 byte order mark
        text.remove_prefix(3);
    const auto start = std::find_if_not(text.begin(), text.end(), isBlank);
    if (start == text.end())
        return Looks::Empty;
    if (*start == '{')
        return Looks::Scenario;
    const std::string_view rest(start, text.end());
    const std::string_view line = rest.substr(0, rest.find('\n'));
    if (std::any_of(line.begin(), line.end(), isBinary))
        return Looks::Neither;
    if (line.front() == ';')
        return Looks::Trace; // a header comment
    // A job line: whitespace-separated numbers only.
    const bool numeric = std::all_of(line.begin(), line.end(),
                                     [](char c) { return isBlank(c) || isNumberCharacter(c); });
    return numeric ? Looks::Trace : Looks::Neither;
}

} // namespace

InputKind detectInputKind(std::string_view head, bool wasGzip, const std::string &path)
{
    const Looks looks = looksLike(head);
    switch (looks) {
    case Looks::Scenario:
        return InputKind::Scenario;
    case Looks::Trace:
        return InputKind::SwfTrace;
    case Looks::Empty:
    case Looks::Neither:
        break;
    }
    if (endsWith(path, ".gz") && !wasGzip)
        throw InputError(path, 0, "",
                         "not gzip data: the file does not start with the gzip signature (1f 8b)");
    if (endsWith(path, ".json"))
        return InputKind::Scenario;
    if (endsWith(path, ".swf"))
        return InputKind::SwfTrace;
    if (looks == Looks::Empty)
        throw InputError(path, 0, "", "the file is empty");
    throw InputError(path, 0, "",
                     "neither a Headroom scenario (a JSON object) nor an SWF trace (';' header "
                     "lines, then rows of numbers)");
}

InputKind detectInputKind(const std::string &path)
{
    const TextHead head = readTextHead(path, kHeadBytes);
    return detectInputKind(head.text, head.gzip, path);
}

} // namespace headroom
