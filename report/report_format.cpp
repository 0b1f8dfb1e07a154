#include "report/report_format.h"

#include <cmath>

namespace headroom::report {

namespace {

QString withUnit(const QString &value, const QString &unit)
{
    return value + kNbsp + unit;
}

// Groups the integer digits of a plain "1234567.89" in threes.
QString group(const QString &plain)
{
    const qsizetype dot = plain.indexOf(QLatin1Char('.'));
    const qsizetype intEnd = dot < 0 ? plain.size() : dot;
    const qsizetype intBegin = plain.startsWith(QLatin1Char('-')) ? 1 : 0;
    QString out = plain.left(intBegin);
    for (qsizetype i = intBegin; i < intEnd; ++i) {
        if (i > intBegin && (intEnd - i) % 3 == 0)
            out += QLatin1Char(',');
        out += plain.at(i);
    }
    out += plain.mid(intEnd);
    return out;
}

} // namespace

QString number(double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    QString plain = QString::number(value, 'f', decimals);
    // -0.0001 prints as "-0.00": a sign on zero is noise.
    bool allZero = true;
    for (const QChar c : plain) {
        if (c.isDigit() && c != QLatin1Char('0'))
            allZero = false;
    }
    if (allZero && plain.startsWith(QLatin1Char('-')))
        plain.remove(0, 1);
    return group(plain);
}

QString count(long long value)
{
    return group(QString::number(value));
}

QString percent(double fraction, int decimals)
{
    return withUnit(number(fraction * 100.0, decimals), QStringLiteral("%"));
}

// "85.0" says no more than "85": budgets and catalog figures are mostly round.
QString withoutTrailingZeros(QString text)
{
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

namespace {

struct ScaledPower
{
    QString figure;
    QString unit;
};

// Three significant digits or fewer, in the unit that keeps the figure short.
ScaledPower scaled(double watts)
{
    const double magnitude = std::fabs(watts);
    if (magnitude >= 1e6)
        return {withoutTrailingZeros(number(watts / 1e6, 2)), QStringLiteral("MW")};
    if (magnitude >= 1e3)
        return {withoutTrailingZeros(number(watts / 1e3, magnitude >= 1e5 ? 0 : 1)),
                QStringLiteral("kW")};
    return {number(watts, 0), QStringLiteral("W")};
}

} // namespace

QString power(double watts)
{
    if (!std::isfinite(watts))
        return QStringLiteral("—");
    const ScaledPower p = scaled(watts);
    return withUnit(p.figure, p.unit);
}

QString powerRange(double low, double high)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return QStringLiteral("—");
    const ScaledPower a = scaled(low);
    const ScaledPower b = scaled(high);
    if (a.unit != b.unit)
        return withUnit(a.figure, a.unit) + QStringLiteral("–") + withUnit(b.figure, b.unit);
    if (a.figure == b.figure)
        return withUnit(a.figure, a.unit);
    // The unit once when both ends share it.
    return a.figure + QStringLiteral("–") + withUnit(b.figure, b.unit);
}

QString energy(double kwh)
{
    const double magnitude = std::fabs(kwh);
    if (magnitude >= 1e5)
        return withUnit(number(kwh / 1e3, 1), QStringLiteral("MWh"));
    return withUnit(number(kwh, magnitude >= 100 ? 0 : 1), QStringLiteral("kWh"));
}

QString duration(double seconds)
{
    const double magnitude = std::fabs(seconds);
    if (magnitude < 60.0)
        return withUnit(
                number(seconds, magnitude < 10.0 && magnitude != std::floor(magnitude) ? 1 : 0),
                QStringLiteral("s"));
    if (magnitude < 3600.0)
        return withUnit(number(seconds / 60.0, 0), QStringLiteral("min"));
    if (magnitude < 2 * 86400.0)
        return withUnit(number(seconds / 3600.0, 1), QStringLiteral("h"));
    return withUnit(number(seconds / 86400.0, 1), QStringLiteral("d"));
}

QString money(double amount, const QString &currency)
{
    return withUnit(number(amount, 2), currency);
}

QString mass(double kg)
{
    if (std::fabs(kg) >= 1e4)
        return withUnit(number(kg / 1e3, 1), QStringLiteral("t"));
    return withUnit(number(kg, std::fabs(kg) >= 100 ? 0 : 1), QStringLiteral("kg"));
}

} // namespace headroom::report
