#pragma once

#include "core/plan/sizing.h"
#include "core/plan/slo.h"

#include <QString>

#include <optional>

namespace headroom::cli {

// Helpers every command's option parsing shares (docs/design.md §6.8).

// "headroom-cli: error: MESSAGE" and "Try 'headroom-cli COMMAND --help'." on stderr, then exit
// with kExitUsage.
[[noreturn]] void failUsage(const QString &command, const QString &message);

// "headroom-cli: error: MESSAGE" on stderr.
void printError(const QString &message);

// Option values; each refuses a malformed value with failUsage naming the option.
// --vary TYPE=MIN..MAX (whole numbers; MIN > MAX and unknown types are the request's checks).
VaryRange parseVary(const QString &command, const QString &text);
// --slo KEY<=VALUE | KEY>=VALUE (whether KEY exists is the request's check).
Slo parseSloOption(const QString &command, const QString &text);
// A finite number > 0 (--load-scale, --amortization-years), or > −1 (--growth-per-month).
double parsePositive(const QString &command, const QString &option, const QString &text);
double parseAboveMinusOne(const QString &command, const QString &option, const QString &text);
// An integer within [minimum, maximum].
int parseInteger(const QString &command, const QString &option, const QString &text, int minimum,
                 int maximum);

} // namespace headroom::cli
