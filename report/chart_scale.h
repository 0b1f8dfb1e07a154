#pragma once

#include <QString>

namespace headroom::report {

// Axis arithmetic shared by the live charts. Axes move in "nice" steps so that a growing run
// rescales a chart a few times per decade instead of every frame.

// The smallest value >= `value` of the form {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8} x 10^k;
// 1 for value <= 0.
double niceCeil(double value);

// A tick interval of the form {1, 2, 2.5, 5} x 10^k giving at most `maxTicks` intervals over
// `span` (at least one interval); 1 for span <= 0.
double niceStep(double span, int maxTicks);

// The unit the time axis uses for a visible span: minutes for up to two hours, hours for up
// to four days, days beyond.
struct TimeUnit
{
    double seconds = 3600.0;
    QString symbol = QStringLiteral("h"); // "min", "h", "d"

    bool operator==(const TimeUnit &) const = default;
};
TimeUnit timeUnitForSpan(double spanSeconds);

// A tick interval in `unit` for `span` (in the same unit): whole hours step 1, 2, 3, 6, 12,
// 24; minutes 1, 2, 5, 10, 15, 30; days use niceStep.
double timeStep(double span, const TimeUnit &unit, int maxTicks);

} // namespace headroom::report
