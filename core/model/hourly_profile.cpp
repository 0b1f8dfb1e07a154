#include "core/model/hourly_profile.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {
constexpr double kHour = 3600.0;
// Intervals spanning fewer whole periods are summed hour by hour (see integral()).
constexpr double kClosedFormPeriods = 4.0;

std::size_t slot(double hour, std::size_t size)
{
    const double wrapped = std::fmod(hour, double(size));
    return static_cast<std::size_t>(wrapped < 0 ? wrapped + double(size) : wrapped) % size;
}
} // namespace

double HourlyProfile::at(SimTime time) const
{
    if (values.empty())
        return 0.0;
    return values[slot(std::floor(time / kHour), values.size())];
}

double HourlyProfile::integral(SimTime from, SimTime to) const
{
    if (values.empty() || !(to > from))
        return 0.0;
    // Hour by hour from `from`: the sum every short interval gets (and always got).
    const auto hourByHour = [this](SimTime begin, SimTime end) {
        double sum = 0.0;
        for (double t = begin; t < end;) {
            const double hour = std::floor(t / kHour);
            const double boundary = std::min(end, (hour + 1.0) * kHour);
            sum += values[slot(hour, values.size())] * (boundary - t);
            t = boundary;
        }
        return sum;
    };
    // Over more than a few whole periods, the periods in between count once each in closed
    // form, so the cost follows the profile's length rather than the interval's (a 10^12 s
    // gap is 2.8·10^8 hours).
    const double period = kHour * double(values.size());
    const double firstPeriod = std::ceil(from / period);
    const double lastPeriod = std::floor(to / period);
    if (lastPeriod - firstPeriod < kClosedFormPeriods)
        return hourByHour(from, to);
    const double periods = lastPeriod - firstPeriod;
    return hourByHour(from, firstPeriod * period) + periods * hourByHour(0.0, period) +
           hourByHour(lastPeriod * period, to);
}

} // namespace headroom
