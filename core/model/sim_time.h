#pragma once

namespace headroom {

// Simulated time in seconds since the scenario's epoch. A double keeps fractional
// durations (DVFS-scaled run times, boot times) exact enough while covering traces that
// span years; every comparison in the engine is on values computed the same way on every
// machine, so runs stay byte-identical.
using SimTime = double;

} // namespace headroom
