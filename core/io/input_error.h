#pragma once

#include "core/io/input_excerpt.h"

#include <stdexcept>
#include <string>

namespace headroom {

// Bad input from a file: says which file, which line (1-based; 0 when not known) and which
// field, so a user can go straight to it. what() reads
//   "trace.swf:12: field 5 (allocated processors): not a number: \"x\""
class InputError : public std::runtime_error
{
public:
    InputError(std::string file, int line, std::string field, std::string message)
        : InputError(std::move(file), line, inputExcerpt(field, kMaxFieldBytes),
                     inputExcerpt(message, kMaxMessageBytes), Bounded{})
    {}

    // The backstop behind every reader's own cuts (core/io/input_excerpt.h): a field path or
    // a message built from input never grows past these, whatever the input holds.
    static constexpr std::size_t kMaxFieldBytes = 200;
    static constexpr std::size_t kMaxMessageBytes = 2000;

    const std::string &file() const { return m_file; }
    int line() const { return m_line; }
    const std::string &field() const { return m_field; }
    const std::string &message() const { return m_message; }

private:
    struct Bounded
    {};
    InputError(std::string file, int line, std::string field, std::string message, Bounded)
        : std::runtime_error(compose(file, line, field, message))
        , m_file(std::move(file))
        , m_line(line)
        , m_field(std::move(field))
        , m_message(std::move(message))
    {}

    // Built with append() only: GCC 12 reports a false -Wrestrict on `"literal" + string`.
    static std::string compose(const std::string &file, int line, const std::string &field,
                               const std::string &message)
    {
        std::string out = file.empty() ? std::string("<input>") : file;
        if (line > 0)
            out.append(":").append(std::to_string(line));
        out.append(": ");
        if (!field.empty())
            out.append("field ").append(field).append(": ");
        out.append(message);
        return out;
    }

    std::string m_file;
    int m_line;
    std::string m_field;
    std::string m_message;
};

} // namespace headroom
