#include "ui/models/duration_text.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace headroom::ui {
namespace {

constexpr double kMinute = 60.0;
constexpr double kHour = 3600.0;
constexpr double kDay = 86400.0;
constexpr double kWeek = 7 * kDay;

std::optional<double> unitSeconds(QStringView unit)
{
    const QString u = unit.toString().toLower();
    if (u.isEmpty() || u == "s" || u == "sec" || u == "secs" || u == "second" || u == "seconds")
        return 1.0;
    if (u == "m" || u == "min" || u == "mins" || u == "minute" || u == "minutes")
        return kMinute;
    if (u == "h" || u == "hr" || u == "hrs" || u == "hour" || u == "hours")
        return kHour;
    if (u == "d" || u == "day" || u == "days")
        return kDay;
    if (u == "w" || u == "wk" || u == "week" || u == "weeks")
        return kWeek;
    return std::nullopt;
}

std::optional<double> parseNumber(QStringView text)
{
    // The C locale on purpose: "1.5 h" must mean the same on every desktop, as in files.
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value) || value < 0.0)
        return std::nullopt;
    return value;
}

std::optional<double> parseClock(QStringView text)
{
    const QList<QStringView> parts = text.split(u':');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    double total = 0.0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const std::optional<double> value = parseNumber(parts[i].trimmed());
        // Only the last field may carry a fraction; the ones after the first stay below 60.
        const bool last = i == parts.size() - 1;
        if (!value || (!last && *value != std::floor(*value)) || (i > 0 && *value >= 60.0))
            return std::nullopt;
        total = total * 60.0 + *value;
    }
    return total;
}

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == u'.' || c == u'e' || c == u'E';
}

} // namespace

namespace {

struct Units
{
    const char *day;
    const char *hour;
    const char *minute;
    const char *second;
};

constexpr Units kLong{" d", " h", " min", " s"};
constexpr Units kCompact{"d", "h", "m", "s"};

QString format(double seconds, const Units &units)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("—");
    if (seconds < 0.0)
        return QLatin1Char('-') + format(-seconds, units);
    // Whole units from the integer part, so that "1 h 0.5 s" stays exact.
    double whole = std::floor(seconds);
    const double fraction = seconds - whole;
    if (whole >= 9.0e15) // beyond exact integers: no point splitting into units
        return QString::number(seconds, 'g', 6) + QLatin1String(units.second);
    auto rest = static_cast<long long>(whole);
    const long long days = rest / 86400;
    rest %= 86400;
    const long long hours = rest / 3600;
    rest %= 3600;
    const long long minutes = rest / 60;
    rest %= 60;
    QStringList parts;
    if (days)
        parts << QString::number(days) + QLatin1String(units.day);
    if (hours)
        parts << QString::number(hours) + QLatin1String(units.hour);
    if (minutes)
        parts << QString::number(minutes) + QLatin1String(units.minute);
    const double secs = static_cast<double>(rest) + fraction;
    if (secs > 0.0 || parts.isEmpty()) {
        QString number = QString::number(secs, 'f', 3);
        while (number.endsWith(u'0'))
            number.chop(1);
        if (number.endsWith(u'.'))
            number.chop(1);
        if (number != QLatin1String("0") || parts.isEmpty())
            parts << number + QLatin1String(units.second);
    }
    return parts.join(u' ');
}

} // namespace

QString formatDuration(double seconds)
{
    return format(seconds, kLong);
}

QString formatDurationCompact(double seconds)
{
    return format(seconds, kCompact);
}

std::optional<double> parseDuration(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (text.contains(u':'))
        return parseClock(text);
    double total = 0.0;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool any = false;
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i == n)
            break;
        const qsizetype numberStart = i;
        while (i < n && isNumberChar(text[i]))
            ++i;
        if (i == numberStart)
            return std::nullopt;
        const std::optional<double> value = parseNumber(text.mid(numberStart, i - numberStart));
        if (!value)
            return std::nullopt;
        while (i < n && text[i].isSpace())
            ++i;
        const qsizetype unitStart = i;
        while (i < n && text[i].isLetter())
            ++i;
        const std::optional<double> unit = unitSeconds(text.mid(unitStart, i - unitStart));
        if (!unit)
            return std::nullopt;
        total += *value * *unit;
        any = true;
        // "1h,30m" reads fine too.
        while (i < n && (text[i].isSpace() || text[i] == u','))
            ++i;
    }
    if (!any || !std::isfinite(total))
        return std::nullopt;
    return total;
}

} // namespace headroom::ui
