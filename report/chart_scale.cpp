#include "report/chart_scale.h"

#include <array>
#include <cmath>

namespace headroom::report {

namespace {

// Smallest candidate x 10^k >= value, candidates ascending within [1, 10).
template<std::size_t N>
double ceilToCandidates(double value, const std::array<double, N> &candidates)
{
    double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (int pass = 0; pass < 2; ++pass, decade *= 10.0) {
        for (const double c : candidates) {
            // A relative tolerance keeps 3.0000000001 (float noise) at 3.
            if (c * decade >= value * (1.0 - 1e-9))
                return c * decade;
        }
    }
    return 10.0 * decade;
}

} // namespace

double niceCeil(double value)
{
    if (!(value > 0.0) || !std::isfinite(value))
        return 1.0;
    static constexpr std::array<double, 10> kNice{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8};
    return ceilToCandidates(value, kNice);
}

double niceStep(double span, int maxTicks)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    static constexpr std::array<double, 4> kSteps{1, 2, 2.5, 5};
    return ceilToCandidates(span / std::max(1, maxTicks), kSteps);
}

TimeUnit timeUnitForSpan(double spanSeconds)
{
    if (spanSeconds <= 2.0 * 3600.0)
        return {60.0, QStringLiteral("min")};
    if (spanSeconds <= 4.0 * 86400.0)
        return {3600.0, QStringLiteral("h")};
    return {86400.0, QStringLiteral("d")};
}

double timeStep(double span, const TimeUnit &unit, int maxTicks)
{
    const double raw = span / std::max(1, maxTicks);
    auto pick = [raw](std::initializer_list<double> steps) {
        for (const double s : steps) {
            if (s >= raw)
                return s;
        }
        return 0.0;
    };
    double step = 0.0;
    // Clock-friendly steps where they exist; beyond them (or below one unit) plain nice ones.
    if (unit.seconds == 3600.0 && raw >= 0.5)
        step = pick({1, 2, 3, 6, 12, 24});
    else if (unit.seconds == 60.0 && raw >= 0.5)
        step = pick({1, 2, 5, 10, 15, 30, 60});
    return step > 0.0 ? step : niceStep(span, maxTicks);
}

} // namespace headroom::report
