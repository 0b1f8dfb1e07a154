#pragma once

#include "core/plan/sizing.h"
#include "core/plan/slo.h"

#include <QString>

#include <string_view>

namespace headroom::report {

// Planning figures as the GUI's Plan dialogs and the report's planning section print them
// (docs/design.md §7): one home, so that a recommendation reads the same on screen and on
// paper. Like report_format.h, locale-free.

// What a key of the metrics JSON (docs/design.md §6.5) measures, for units and formats.
enum class MetricKind {
    Seconds,       // *_s
    Watts,         // *_w
    KilowattHours, // *_kwh
    Kilograms,     // *_kg
    Fraction,      // utilization, fragmentation, service_shortfall_fraction: 0 … 1
    Count,         // jobs_*, nodes, total_slots, boots, seed
    Hours,         // node_hours_off
    Money,         // cost, in the scenario's currency
    Ratio,         // slowdowns, indices: plain numbers
};
MetricKind metricKind(std::string_view key);

// The key in words: "p95_wait_s" -> "p95 wait", "jobs_rejected" -> "jobs rejected".
QString metricLabel(std::string_view key);
// The unit the key's values are in, as typed into an SLO: "s", "W", "kWh", "kg", "0–1",
// "jobs", "h", the currency, or empty for plain numbers.
QString metricUnit(std::string_view key, const QString &currency = QStringLiteral("USD"));
// A value of the key, as people read it: "35,346 s" becomes "9.8 h", 0.76 "76.2 %".
QString metricValue(std::string_view key, double value,
                    const QString &currency = QStringLiteral("USD"));

// An SLO in words: "p95 wait ≤ 1.0 h", "jobs completed ≥ 190".
QString sloText(const Slo &slo, const QString &currency = QStringLiteral("USD"));

// The objective's value as it reads: "1,234.56 USD", "96 accelerators", "4,114 kWh".
QString objectiveValue(SizingObjective objective, double value);
// "cost (capital + energy)", "accelerators", "facility energy".
QString objectiveLabel(SizingObjective objective);

// "12 × dgx-h100 + 2 × l40s": a configuration's counts of the varied types.
QString countsText(const std::vector<VaryRange> &vary, const std::vector<int> &counts);

// A y axis for values of `key` up to `maximum`: the factor values are divided by and the
// unit to title the axis with (seconds become min or h when the values are that long).
struct MetricAxis
{
    double divisor = 1.0;
    QString unit;
};
MetricAxis metricAxis(std::string_view key, double maximum,
                      const QString &currency = QStringLiteral("USD"));

} // namespace headroom::report
