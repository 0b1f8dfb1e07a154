#include "core/io/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace headroom {

void appendTime(std::string &out, double seconds)
{
    char buffer[64];
    int length = 0;
    if (seconds == std::floor(seconds) && std::fabs(seconds) < 1e15) {
        const long long whole = static_cast<long long>(seconds);
        length = std::snprintf(buffer, sizeof buffer, "%lld", whole);
    } else {
        length = std::snprintf(buffer, sizeof buffer, "%.6f", seconds);
        while (length > 0 && buffer[length - 1] == '0')
            --length;
        if (length > 0 && buffer[length - 1] == '.')
            --length;
        if (length == 2 && buffer[0] == '-' && buffer[1] == '0') {
            length = 1; // -0.0000001 rounds to "-0"
            buffer[0] = '0';
        }
    }
    out.append(buffer, static_cast<std::size_t>(length));
}

std::string formatTime(double seconds)
{
    std::string out;
    appendTime(out, seconds);
    return out;
}

void appendNumber(std::string &out, double value)
{
    if (value == 0.0)
        value = 0.0; // drops the sign of -0
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

} // namespace headroom
