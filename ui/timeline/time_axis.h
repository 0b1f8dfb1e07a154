#pragma once

#include <QString>

namespace headroom::ui {

// Tick spacing and labels for a clock-like simulated-time axis (seconds since the scenario's
// epoch), shared by the timeline's header and tooltips.

// The smallest clock-friendly interval (1 s, 2 s, 5 s, ..., 1 min, ..., 1 h, 2 h, 3 h, 6 h,
// 12 h, 1 d, 2 d, 7 d, ...) whose ticks are at least `minPixels` apart.
double timeTickStep(double secondsPerPixel, double minPixels);

// A tick label precise enough for `step`: "day 12" for whole days, otherwise "06:30" or
// "06:30:15", prefixed with the day ("3d 06:30": three days and six and a half hours in) from the
// second day on, read like formatSimDuration()'s "3d 04:12:05".
QString timeTickLabel(double seconds, double step);

// A time for tooltips: "3d 06:12:05", "06:12:05.25" (fractions only when present).
QString formatSimTime(double seconds);
// A duration: "3d 04:12:05", "1:30:00", "12.5 s".
QString formatSimDuration(double seconds);

} // namespace headroom::ui
