#include "core/io/import/calendar_time.h"

#include "core/model/job.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace headroom {
namespace {

constexpr double kDay = 86400.0;

// Exactly `count` digits at `text[at]`.
bool digits(std::string_view text, std::size_t at, std::size_t count, int &value)
{
    if (at + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::optional<double> parseIsoTime(std::string_view text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 16 || text[4] != '-' ||
        !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day) ||
        (text[10] != 'T' && text[10] != ' ') || !digits(text, 11, 2, hour) || text[13] != ':' ||
        !digits(text, 14, 2, minute))
        return std::nullopt;
    std::size_t at = 16;
    double fraction = 0.0;
    if (at < text.size() && text[at] == ':') {
        if (!digits(text, at + 1, 2, second))
            return std::nullopt;
        at += 3;
        if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
            double scale = 0.1;
            std::size_t digitsRead = 0;
            for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
                fraction += (text[at] - '0') * scale;
                scale /= 10.0;
                ++digitsRead;
            }
            if (digitsRead == 0)
                return std::nullopt;
        }
    }
    double offset = 0.0;
    if (at < text.size()) {
        const char sign = text[at];
        int offsetHours = 0;
        int offsetMinutes = 0;
        if (sign == 'Z' && at + 1 == text.size()) {
            at += 1;
        } else if ((sign == '+' || sign == '-') && digits(text, at + 1, 2, offsetHours)) {
            at += 3;
            if (at < text.size() && text[at] == ':')
                ++at;
            if (at < text.size() && !digits(text, at, 2, offsetMinutes))
                return std::nullopt;
            if (at < text.size())
                at += 2;
            if (offsetHours > 23 || offsetMinutes > 59)
                return std::nullopt;
            offset = (sign == '+' ? 1.0 : -1.0) * (offsetHours * 3600.0 + offsetMinutes * 60.0);
        }
        if (at != text.size())
            return std::nullopt;
    }
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(year), std::chrono::month(unsigned(month)),
                              std::chrono::day(unsigned(day))};
    // 24:00 is not accepted: sacct never prints it, and a second spelling of midnight would
    // only hide a typo. Leap seconds (":60") are not on this scale.
    if (!date.ok() || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const double days = double(sys_days(date).time_since_epoch().count());
    return days * kDay + hour * 3600.0 + minute * 60.0 + second + fraction - offset;
}

std::string formatIsoTime(double seconds)
{
    using namespace std::chrono;
    const double dayCount = std::floor(seconds / kDay);
    const auto rest = static_cast<long long>(seconds - dayCount * kDay);
    const year_month_day date{sys_days(days(static_cast<long long>(dayCount)))};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02lld:%02lld:%02lld", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), rest / 3600, rest / 60 % 60,
                  rest % 60);
    return buffer;
}

double shiftToMidnight(std::vector<Job> &jobs)
{
    if (jobs.empty())
        return 0.0;
    double earliest = jobs.front().submitS;
    for (const Job &job : jobs)
        earliest = std::min(earliest, job.submitS);
    const double origin = std::floor(earliest / kDay) * kDay;
    for (Job &job : jobs)
        job.submitS -= origin;
    return origin;
}

} // namespace headroom
