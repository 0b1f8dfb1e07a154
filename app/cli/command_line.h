#pragma once

#include "core/plan/sizing.h"
#include "core/plan/slo.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <exception>
#include <functional>
#include <optional>

namespace headroom::cli {

// Helpers every command's option parsing shares (docs/design.md §6.8).

// "headroom-cli: error: MESSAGE" and "Try 'headroom-cli COMMAND --help'." on stderr, then exit
// with kExitUsage.
[[noreturn]] void failUsage(const QString &command, const QString &message);

// "headroom-cli: error: MESSAGE" on stderr.
void printError(const QString &message);

// Parses the command line of `command`, which takes one input file (named `inputName` in
// its messages, e.g. "SCENARIO"): shows the help and exits on --help, refuses a bad option or
// a missing or extra input with failUsage; returns the input's path.
QString parseWithOneInput(QCommandLineParser &parser, const QCommandLineOption &help,
                          const QString &command, const QString &inputName);

// The message for a step that threw `error` while `doing` something with `input` (e.g.
// "sizing it"): the error's own text, except that running out of memory, which says only
// "std::bad_alloc", names the input, what was under way and what to do about it.
QString failureMessage(const std::exception &error, const QString &input = {},
                       const QString &doing = {});

// Runs `step`; an exception it throws is printed as an error (failureMessage) and makes the
// answer false (the command then exits with kExitBadInput: the input was at fault).
bool succeeds(const std::function<void()> &step, const QString &input = {},
              const QString &doing = {});

// Option values; each refuses a malformed value with failUsage naming the option.
// --vary TYPE=MIN..MAX (whole numbers; MIN > MAX and unknown types are the request's checks).
VaryRange parseVary(const QString &command, const QString &text);
// --slo KEY<=VALUE | KEY>=VALUE (whether KEY exists is the request's check): the option, as
// every study that checks service levels offers it, and its parsing.
QCommandLineOption sloOption();
Slo parseSloOption(const QString &command, const QString &text);
// --objective NAME (sizing).
SizingObjective parseObjective(const QString &command, const QString &name);
// A finite number > 0 (--load-scale, --amortization-years), or > −1 (--growth-per-month).
double parsePositive(const QString &command, const QString &option, const QString &text);
double parseAboveMinusOne(const QString &command, const QString &option, const QString &text);
// An integer within [minimum, maximum].
int parseInteger(const QString &command, const QString &option, const QString &text, int minimum,
                 int maximum);

} // namespace headroom::cli
