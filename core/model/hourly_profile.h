#pragma once

#include "core/model/sim_time.h"

#include <vector>

namespace headroom {

// A value that changes on the hour and repeats: 24 values make a daily profile, 168 a weekly
// one. Hour h covers [h·3600, (h+1)·3600) of simulated time, counted from time 0. An empty
// profile is 0 everywhere.
struct HourlyProfile
{
    std::vector<double> values;

    bool empty() const { return values.empty(); }
    double at(SimTime time) const;
    // ∫ value dt over [from, to] for the piecewise-constant profile: the sum of value × time
    // hour by hour, except that over four or more whole periods the whole periods add one
    // period's sum times their count (cost bounded by the profile's length, not the span's).
    double integral(SimTime from, SimTime to) const;
    bool operator==(const HourlyProfile &) const = default;
};

} // namespace headroom
