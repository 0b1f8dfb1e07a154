#include "report/plan_figures.h"

#include "report/report_format.h"

#include <QStringList>

#include <cmath>

namespace headroom::report {
namespace {

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

} // namespace

MetricKind metricKind(std::string_view key)
{
    if (key == "utilization" || key == "fragmentation" || key == "service_shortfall_fraction")
        return MetricKind::Fraction;
    if (key == "cost")
        return MetricKind::Money;
    if (key == "node_hours_off")
        return MetricKind::Hours;
    if (startsWith(key, "jobs_") || key == "nodes" || key == "total_slots" || key == "boots" ||
        key == "seed")
        return MetricKind::Count;
    if (endsWith(key, "_s"))
        return MetricKind::Seconds;
    if (endsWith(key, "_w"))
        return MetricKind::Watts;
    if (endsWith(key, "_kwh"))
        return MetricKind::KilowattHours;
    if (endsWith(key, "_kg"))
        return MetricKind::Kilograms;
    return MetricKind::Ratio;
}

QString metricLabel(std::string_view key)
{
    // The unit suffix goes: the unit is said with the value.
    std::string_view stem = key;
    switch (metricKind(key)) {
    case MetricKind::Seconds:
    case MetricKind::Watts:
        stem.remove_suffix(2);
        break;
    case MetricKind::KilowattHours:
        stem.remove_suffix(4);
        break;
    case MetricKind::Kilograms:
        stem.remove_suffix(3);
        break;
    default:
        break;
    }
    QString label = QString::fromUtf8(stem.data(), qsizetype(stem.size()));
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    return label;
}

QString metricUnit(std::string_view key, const QString &currency)
{
    switch (metricKind(key)) {
    case MetricKind::Seconds:
        return QStringLiteral("s");
    case MetricKind::Watts:
        return QStringLiteral("W");
    case MetricKind::KilowattHours:
        return QStringLiteral("kWh");
    case MetricKind::Kilograms:
        return QStringLiteral("kg");
    case MetricKind::Fraction:
        return QStringLiteral("0–1");
    case MetricKind::Count:
        return key == "total_slots"
                       ? QStringLiteral("accelerators")
                       : (startsWith(key, "jobs_") ? QStringLiteral("jobs") : QString());
    case MetricKind::Hours:
        return QStringLiteral("h");
    case MetricKind::Money:
        return currency;
    case MetricKind::Ratio:
        break;
    }
    return {};
}

QString metricValue(std::string_view key, double value, const QString &currency)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    switch (metricKind(key)) {
    case MetricKind::Seconds:
        return duration(value);
    case MetricKind::Watts:
        return power(value);
    case MetricKind::KilowattHours:
        return energy(value);
    case MetricKind::Kilograms:
        return mass(value);
    case MetricKind::Fraction:
        return percent(value, 1);
    case MetricKind::Count:
        return count(std::llround(value));
    case MetricKind::Hours:
        return number(value, 1) + kNbsp + QStringLiteral("h");
    case MetricKind::Money:
        return money(value, currency);
    case MetricKind::Ratio:
        break;
    }
    return number(value, std::fabs(value) >= 100.0 ? 0 : 2);
}

QString sloText(const Slo &slo, const QString &currency)
{
    return QStringLiteral("%1 %2 %3")
            .arg(metricLabel(slo.key),
                 slo.bound == Slo::Bound::AtMost ? QStringLiteral("≤") : QStringLiteral("≥"),
                 metricValue(slo.key, slo.limit, currency));
}

QString objectiveValue(SizingObjective objective, double value)
{
    switch (objective) {
    case SizingObjective::Cost:
        return money(value, QStringLiteral("USD"));
    case SizingObjective::Accelerators:
        return count(std::llround(value)) + kNbsp + QStringLiteral("accelerators");
    case SizingObjective::Energy:
        return energy(value);
    }
    return number(value, 2);
}

QString objectiveLabel(SizingObjective objective)
{
    switch (objective) {
    case SizingObjective::Cost:
        return QStringLiteral("cost (capital + energy)");
    case SizingObjective::Accelerators:
        return QStringLiteral("accelerators");
    case SizingObjective::Energy:
        return QStringLiteral("facility energy");
    }
    return {};
}

QString countsText(const std::vector<VaryRange> &vary, const std::vector<int> &counts)
{
    QStringList parts;
    for (std::size_t i = 0; i < vary.size() && i < counts.size(); ++i)
        parts << QStringLiteral("%1 × %2").arg(counts[i]).arg(QString::fromStdString(vary[i].type));
    return parts.join(QStringLiteral(" + "));
}

MetricAxis metricAxis(std::string_view key, double maximum, const QString &currency)
{
    switch (metricKind(key)) {
    case MetricKind::Seconds:
        if (maximum >= 2 * 3600.0)
            return {3600.0, QStringLiteral("h")};
        if (maximum >= 120.0)
            return {60.0, QStringLiteral("min")};
        return {1.0, QStringLiteral("s")};
    case MetricKind::Watts:
        if (maximum >= 2e6)
            return {1e6, QStringLiteral("MW")};
        if (maximum >= 2e3)
            return {1e3, QStringLiteral("kW")};
        return {1.0, QStringLiteral("W")};
    case MetricKind::Fraction:
        return {0.01, QStringLiteral("%")};
    default:
        return {1.0, metricUnit(key, currency)};
    }
}

} // namespace headroom::report
