#pragma once

#include <string>

namespace headroom {

// docs/design.md §6: times print as integers when they are whole, otherwise with up to six
// decimals (trailing zeros dropped). Never prints "-0" or exponent notation.
void appendTime(std::string &out, double seconds);
std::string formatTime(double seconds);

// Shortest text that reads back as the same double (std::to_chars), for metric values.
void appendNumber(std::string &out, double value);

} // namespace headroom
