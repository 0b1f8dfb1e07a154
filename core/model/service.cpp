#include "core/model/service.h"

#include <cmath>
#include <numbers>

namespace headroom {

double LoadProfile::at(SimTime time) const
{
    if (kind == Kind::Hourly)
        return hourlyRps.at(time);
    const double hourOfDay = std::fmod(time / 3600.0, 24.0);
    // 1 at the peak hour, 0 twelve hours away.
    const double phase =
            0.5 * (1.0 + std::cos(2.0 * std::numbers::pi * (hourOfDay - peakHour) / 24.0));
    return troughRps + (peakRps - troughRps) * phase;
}

} // namespace headroom
