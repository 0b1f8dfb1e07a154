#include "core/model/hourly_profile.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {
constexpr double kHour = 3600.0;

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
    double sum = 0.0;
    double t = from;
    while (t < to) {
        const double hour = std::floor(t / kHour);
        const double boundary = std::min(to, (hour + 1.0) * kHour);
        sum += values[slot(hour, values.size())] * (boundary - t);
        t = boundary;
    }
    return sum;
}

} // namespace headroom
