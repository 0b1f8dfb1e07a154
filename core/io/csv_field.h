#pragma once

#include <string>
#include <string_view>

namespace headroom {

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; any other
// field is written as it is. For every CSV the core writes names or values into.
inline void appendCsvField(std::string &out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace headroom
