#pragma once

#include <QString>

namespace headroom::report {

// Figures as Headroom prints them, in reports and in the GUI alike: one function per
// quantity, so a figure on screen reads as it does in the exported report. They ignore the
// user's locale: a report is a document to file and compare, so the same run must give the
// same text everywhere. Numbers and units are joined by a no-break space so that a line never
// ends between them. Durations the user types and reads back are ui/models/duration_text.h.

inline constexpr QChar kNbsp = QChar(0x00A0);

QString number(double value, int decimals);            // "1,234.5"; never "-0"
QString count(long long value);                        // "1,234,567"
QString percent(double fraction, int decimals);        // 0.8377 -> "83.8 %"
QString power(double watts);                           // "350 W", "81.6 kW", "1.21 MW"; "—"
QString powerRange(double low, double high);           // "1.5–10.2 kW", "600 W–1.2 kW"
QString energy(double kwh);                            // "950 kWh", "3,794 kWh", "12.3 MWh"
QString duration(double seconds);                      // "45 s", "12 min", "4.9 h", "3.2 d"
QString money(double amount, const QString &currency); // "1,234.56 USD"
QString mass(double kg);                               // "850 kg", "12.3 t" (CO2e)
QString withoutTrailingZeros(QString text);            // "85.0" -> "85", "1.50" -> "1.5"

} // namespace headroom::report
