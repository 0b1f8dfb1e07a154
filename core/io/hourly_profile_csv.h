#pragma once

#include "core/model/hourly_profile.h"

#include <string>
#include <string_view>

namespace headroom {

// Hourly profiles (electricity price, grid carbon intensity, service load) from CSV, the form
// utilities and grid operators publish them in. Two layouts:
//
//   hour,value          0.31
//   0,0.12              0.29
//   1,0.11      or      0.27
//   ...                 ...
//
// An optional header line (a first line without numbers, e.g. "hour,price_usd_per_kwh") is
// skipped. Fields are separated by commas, semicolons or tabs; blank lines and lines starting
// with '#' are ignored. Hours count from 0, may come in any order (each exactly once, no
// gaps), and may be written "14" or "14:00". Values are plain numbers with a decimal point,
// finite and >= 0.
//
// Every problem throws InputError naming the file, the line and the field:
//   "prices.csv:7: field 2 (value): not a number: \"n/a\""
// An empty file, or one with only a header, throws "no values" without a line.
HourlyProfile parseHourlyProfileCsv(std::string_view text, const std::string &displayName);

// As parseHourlyProfileCsv, from a file (gzip-compressed files read too); errors name `path`.
HourlyProfile loadHourlyProfileCsv(const std::string &path);

} // namespace headroom
