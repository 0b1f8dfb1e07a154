#pragma once

#include <cmath>

namespace headroom {

// Watts as an exact fixed-point number: an integer count of 2^-64 W in 128 bits.
//
// Per-rack power is a running sum updated at every node change; in floating point such a sum
// drifts with the order of the changes. Every watts figure the power model produces converts
// exactly (a double of at least 2^-12 W, or any multiple of 2^-64 W; smaller ones are rounded
// to the nearest 2^-64 W once, when the table is built), so sums, differences and their
// updates in this form are exact and independent of order; a figure is rounded to a double
// only when read. Where every partial sum of the old node-by-node walk was itself exact (for
// example whole watts), the value read is the same double the walk gave. The range, 2^63 W,
// is far beyond any cluster.
class ExactWatts
{
public:
    __extension__ using Fixed = __int128;

    static Fixed fromWatts(double watts)
    {
        return static_cast<Fixed>(std::nearbyint(watts * kScale)); // × 2^64: exact
    }
    // Rounded to the nearest double (ties to even), once.
    static double toWatts(Fixed fixed) { return static_cast<double>(fixed) / kScale; }

private:
    static constexpr double kScale = 0x1p64; // a power of two: scaling by it is exact
};

} // namespace headroom
