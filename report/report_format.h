#pragma once

#include <QString>

namespace headroom::report {

// Figures as reports print them. Unlike ui/format.h these ignore the user's locale: a report
// is a document to file and compare, so the same run must give the same text everywhere.
// Numbers and units are joined by a no-break space so that a line never ends between them.

inline constexpr QChar kNbsp = QChar(0x00A0);

QString number(double value, int decimals);            // "1,234.5"; never "-0"
QString count(long long value);                        // "1,234,567"
QString percent(double fraction, int decimals);        // 0.8377 -> "83.8 %"
QString power(double watts);                           // "350 W", "81.6 kW", "1.21 MW"
QString energy(double kwh);                            // "950 kWh", "3,794 kWh", "12.3 MWh"
QString duration(double seconds);                      // "45 s", "12 min", "4.9 h", "3.2 d"
QString money(double amount, const QString &currency); // "1,234.56 USD"
QString mass(double kg);                               // "850 kg", "12.3 t" (CO2e)

} // namespace headroom::report
