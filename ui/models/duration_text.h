#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace headroom::ui {

// Durations as planners write them. Every time field in the panels and dialogs (submit, run,
// requested, sample interval) reads and shows seconds this way, so "3 d" typed in the Add Job
// dialog looks the same in the jobs table.

// "0 s", "45 s", "30 min", "2 h 30 min", "23 d 23 h 59 min 51 s"; whole units are left out
// when zero. Fractions of a second keep up to three decimals.
QString formatDuration(double seconds);
// The same in table form: "45s", "2h 30m", "3d 4h". parseDuration() reads it back.
QString formatDurationCompact(double seconds);

// Reads what formatDuration writes and more: a bare number is seconds ("90"); numbers with
// units add up ("1d 4h", "1.5 h", "90 min", "2 weeks"); "h:mm:ss" and "m:ss" clock forms.
// Units: s/sec/second(s), m/min/minute(s), h/hr/hour(s), d/day(s), w/week(s), any case.
// Empty text, negative numbers and anything else give nullopt.
std::optional<double> parseDuration(QStringView text);

} // namespace headroom::ui
