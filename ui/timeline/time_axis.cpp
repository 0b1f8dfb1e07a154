#include "ui/timeline/time_axis.h"

#include <array>
#include <cmath>

namespace headroom::ui {

namespace {

constexpr double kMinute = 60.0;
constexpr double kHour = 3600.0;
constexpr double kDay = 86400.0;

QString clock(double secondsOfDay, bool withSeconds, bool withFraction)
{
    const long long whole = static_cast<long long>(std::floor(secondsOfDay));
    const int h = int(whole / 3600);
    const int m = int(whole / 60 % 60);
    QString text =
            QStringLiteral("%1:%2").arg(h, 2, 10, QLatin1Char('0')).arg(m, 2, 10, QLatin1Char('0'));
    if (withSeconds || withFraction) {
        const double s = secondsOfDay - double(whole - whole % 60);
        text += withFraction ? QStringLiteral(":%1").arg(s, 5, 'f', 2, QLatin1Char('0'))
                             : QStringLiteral(":%1").arg(int(s), 2, 10, QLatin1Char('0'));
    }
    return text;
}

} // namespace

double timeTickStep(double secondsPerPixel, double minPixels)
{
    static constexpr std::array<double, 22> kSteps{
            1,        2,           5,           10,           15,           30,
            kMinute,  2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
            kHour,    2 * kHour,   3 * kHour,   6 * kHour,    12 * kHour,   kDay,
            2 * kDay, 7 * kDay,    14 * kDay,   28 * kDay};
    const double wanted = secondsPerPixel * minPixels;
    if (wanted <= 1.0) {
        // Below a second: decimal steps.
        double step = std::pow(10.0, std::ceil(std::log10(std::max(wanted, 1e-6))));
        for (const double f : {0.2, 0.5}) {
            if (step * f >= wanted)
                return step * f;
        }
        return step;
    }
    for (const double step : kSteps) {
        if (step >= wanted)
            return step;
    }
    // Beyond four weeks: whole multiples of 28 days in a 1-2-5 sequence.
    double multiple = 1.0;
    while (true) {
        for (const double f : {1.0, 2.0, 5.0}) {
            if (28 * kDay * f * multiple >= wanted)
                return 28 * kDay * f * multiple;
        }
        multiple *= 10.0;
    }
}

QString timeTickLabel(double seconds, double step)
{
    const double day = std::floor(seconds / kDay + 1e-9);
    if (step >= kDay - 1e-6)
        return QStringLiteral("day %1").arg(qint64(day));
    const double ofDay = std::max(0.0, seconds - day * kDay);
    const QString time =
            step < 1.0 ? clock(ofDay, true, true) : clock(ofDay, step < kMinute, false);
    return day >= 1.0 ? QStringLiteral("%1d %2").arg(qint64(day)).arg(time) : time;
}

QString formatSimTime(double seconds)
{
    const double day = std::floor(seconds / kDay);
    const double ofDay = seconds - day * kDay;
    const bool fraction = std::abs(ofDay - std::round(ofDay)) > 1e-6;
    const QString time = clock(fraction ? ofDay : std::round(ofDay), true, fraction);
    return day >= 1.0 ? QStringLiteral("%1d %2").arg(qint64(day)).arg(time) : time;
}

QString formatSimDuration(double seconds)
{
    if (seconds < kMinute)
        return QStringLiteral("%1 s").arg(seconds, 0, 'g', 4);
    const long long whole = std::llround(seconds);
    const long long days = whole / qint64(kDay);
    const long long rest = whole % qint64(kDay);
    const QString clockText = QStringLiteral("%1:%2:%3")
                                      .arg(rest / 3600)
                                      .arg(rest / 60 % 60, 2, 10, QLatin1Char('0'))
                                      .arg(rest % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? QStringLiteral("%1d %2").arg(days).arg(clockText) : clockText;
}

} // namespace headroom::ui
