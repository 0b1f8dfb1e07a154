#include "core/plan/slo.h"

#include "core/io/number_format.h"

#include <charconv>
#include <cmath>

namespace headroom {
namespace {

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

} // namespace

bool Slo::met(double value) const
{
    return bound == Bound::AtMost ? value <= limit : value >= limit;
}

std::string Slo::text() const
{
    std::string text = key + (bound == Bound::AtMost ? "<=" : ">=");
    appendNumber(text, limit);
    return text;
}

std::optional<Slo> parseSlo(std::string_view text)
{
    const auto atMost = text.find("<=");
    const auto atLeast = text.find(">=");
    if ((atMost == std::string_view::npos) == (atLeast == std::string_view::npos))
        return std::nullopt; // neither, or both
    const auto at = atMost != std::string_view::npos ? atMost : atLeast;
    Slo slo;
    slo.bound = atMost != std::string_view::npos ? Slo::Bound::AtMost : Slo::Bound::AtLeast;
    slo.key = std::string(trimmed(text.substr(0, at)));
    const std::string_view number = trimmed(text.substr(at + 2));
    if (slo.key.empty() || number.empty())
        return std::nullopt;
    const char *end = number.data() + number.size();
    const auto result = std::from_chars(number.data(), end, slo.limit);
    if (result.ec != std::errc() || result.ptr != end || !std::isfinite(slo.limit))
        return std::nullopt;
    return slo;
}

} // namespace headroom
