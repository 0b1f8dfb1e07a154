#pragma once

#include <cstddef>

// The bounds of a valid scenario (docs/design.md §2), in one place: validateScenario() enforces
// them, readers check them early so that an error can name a trace's line, and the GUI's
// editors use them as their ranges, so that whatever can be typed can also be saved and run.
// They are far beyond any real cluster; what they catch is unit mix-ups and overflow.
namespace headroom::limits {

// Accelerators of a node type, a job or a service replica: small enough that sums over a
// cluster stay exact in the engine's integer arithmetic.
inline constexpr int kMaxSlots = 1 << 24;

// Any time or duration in seconds. 10^12 s is 31,000 years: catches milliseconds given as
// seconds.
inline constexpr double kMaxSeconds = 1e12;

// A node type's mean time between failures, hours (docs/design.md §10.1). The lower bound
// keeps a typo (minutes for hours on a large cluster) from turning a run into billions of
// failure events; the upper is kMaxSeconds in hours.
inline constexpr double kMinMtbfH = 0.01;
inline constexpr double kMaxHours = kMaxSeconds / 3600.0;

// Hardware figures: watts, kilowatt budgets and caps, gigabytes, TFLOP/s.
inline constexpr double kMaxHardwareFigure = 1e9;

// Rates and prices: requests per second, an hourly profile's values, a node's cost per hour.
inline constexpr double kMaxRate = 1e12;

// DVFS frequencies, speeds and power factors, relative to nominal.
inline constexpr double kMaxDvfsRatio = 4.0;

// Facility power over IT power.
inline constexpr double kMinPue = 1.0;
inline constexpr double kMaxPue = 10.0;

inline constexpr double kMaxRackSpreadPenalty = 100.0;

inline constexpr int kMaxReplicas = 100000;

// Values of an hourly profile: more than eleven years of hours, small enough that a binary
// file read by mistake fails fast instead of filling memory.
inline constexpr std::size_t kMaxProfileHours = 100000;

} // namespace headroom::limits
