#include "ui/models/energy_text.h"

#include "core/model/hourly_profile.h"
#include "core/model/service.h"
#include "report/report_format.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace headroom::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::EnergyText", text);
}

QString withUnit(const QString &figure, const QString &unit)
{
    return unit.isEmpty() ? figure : figure + QLatin1Char(' ') + unit;
}

} // namespace

QString formatFigure(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    const double magnitude = std::abs(value);
    // Three significant digits below 1 (prices), fewer decimals as figures grow (rates).
    if (magnitude != 0.0 && magnitude < 1.0)
        return QString::number(value, 'g', 3);
    const int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : 2;
    return report::withoutTrailingZeros(QString::number(value, 'f', decimals));
}

QString profileSummary(const HourlyProfile &profile, const QString &unit)
{
    if (profile.values.empty())
        return tr("Not set");
    const auto [low, high] = std::minmax_element(profile.values.begin(), profile.values.end());
    if (profile.values.size() == 1)
        return tr("Flat %1").arg(withUnit(formatFigure(*low), unit));
    const QString range =
            *low == *high
                    ? tr("flat %1").arg(withUnit(formatFigure(*low), unit))
                    : withUnit(QStringLiteral("%1–%2").arg(formatFigure(*low), formatFigure(*high)),
                               unit);
    return tr("%1 hourly values, %2").arg(profile.values.size()).arg(range);
}

QString clockHour(double hour)
{
    const int minutes = static_cast<int>(std::lround(hour * 60.0));
    return QStringLiteral("%1:%2")
            .arg(minutes / 60, 2, 10, QLatin1Char('0'))
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString loadSummary(const LoadProfile &load)
{
    if (load.kind == LoadProfile::Kind::Hourly) {
        if (load.hourlyRps.empty())
            return tr("Hourly, no values");
        const auto [low, high] =
                std::minmax_element(load.hourlyRps.values.begin(), load.hourlyRps.values.end());
        return tr("Hourly, %1 values, %2–%3 rps")
                .arg(load.hourlyRps.values.size())
                .arg(formatFigure(*low), formatFigure(*high));
    }
    return tr("Diurnal %1–%2 rps, peak %3")
            .arg(formatFigure(load.troughRps), formatFigure(load.peakRps),
                 clockHour(load.peakHour));
}

QString replicasSummary(const Service &service)
{
    const QString replicas =
            service.minReplicas == service.maxReplicas
                    ? QString::number(service.maxReplicas)
                    : QStringLiteral("%1–%2").arg(service.minReplicas).arg(service.maxReplicas);
    return service.acceleratorsPerReplica == 1
                   ? tr("%1 × 1 accelerator").arg(replicas)
                   : tr("%1 × %2 accelerators").arg(replicas).arg(service.acceleratorsPerReplica);
}

} // namespace headroom::ui
