#include "ui/format.h"

#include <QLocale>

#include <cmath>

namespace headroom::ui {

QString formatPower(double watts)
{
    if (!std::isfinite(watts))
        return QStringLiteral("—");
    const double magnitude = std::fabs(watts);
    if (magnitude >= 1e6)
        return QStringLiteral("%1 MW").arg(watts / 1e6, 0, 'f', 2);
    if (magnitude >= 1e3)
        return QStringLiteral("%1 kW").arg(watts / 1e3, 0, 'f', 1);
    return QStringLiteral("%1 W").arg(watts, 0, 'f', 0);
}

QString formatCount(long long count)
{
    return QLocale().toString(count);
}

} // namespace headroom::ui
