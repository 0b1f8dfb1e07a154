#pragma once

#include <QString>

namespace headroom {
struct HourlyProfile;
struct LoadProfile;
struct Service;
} // namespace headroom

namespace headroom::ui {

// Figures of the energy settings and services as the panels show them.

// A price, an intensity or a rate with as many digits as it needs and no more: "0.12",
// "0.125", "312.5", "1200".
QString formatFigure(double value);

// One line about an hourly profile: "Not set", "Flat 0.12 USD/kWh",
// "24 hourly values, 0.12–0.31 USD/kWh". `unit` may be empty.
QString profileSummary(const HourlyProfile &profile, const QString &unit);

// "Diurnal 40–300 rps, peak 14:00" or "Hourly, 24 values, 10–300 rps".
QString loadSummary(const LoadProfile &load);

// "2–6 × 8 accelerators" (replicas × accelerators per replica); "4 × 8" when fixed.
QString replicasSummary(const Service &service);

// An hour of the day as a clock time: 14 → "14:00", 7.5 → "07:30".
QString clockHour(double hour);

} // namespace headroom::ui
