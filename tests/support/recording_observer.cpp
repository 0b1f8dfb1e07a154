#include "tests/support/recording_observer.h"

namespace headroom::test {

double RecordingObserver::integratePower(SimTime end) const
{
    double energy = 0.0;
    for (std::size_t i = 0; i + 1 < power.size(); ++i)
        energy += power[i].watts * (power[i + 1].time - power[i].time);
    if (!power.empty())
        energy += power.back().watts * (end - power.back().time);
    return energy;
}

} // namespace headroom::test
