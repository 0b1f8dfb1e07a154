#pragma once

#include <QString>

namespace headroom::ui {

// Human-readable figures for the status bar, tooltips and tables. Durations live in
// models/duration_text.h, simulated clock times in timeline/time_axis.h.
QString formatPower(double watts);    // "812.4 kW", "1.21 MW", "350 W"
QString formatCount(long long count); // "1,234,567" in the user's locale

} // namespace headroom::ui
