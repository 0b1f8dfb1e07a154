#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace headroom::cli {

// The planning commands (docs/design.md §7): each adds its options to `parser`, reads the
// command line, runs and returns the exit status (docs/design.md §6.8).
int runSizeCommand(QCommandLineParser &parser, const QCommandLineOption &help);
int runForecastCommand(QCommandLineParser &parser, const QCommandLineOption &help);
int runRunwayCommand(QCommandLineParser &parser, const QCommandLineOption &help);
// Comparison and sweeps (docs/design.md §8).
int runCompareCommand(QCommandLineParser &parser, const QCommandLineOption &help);
int runSweepCommand(QCommandLineParser &parser, const QCommandLineOption &help);

} // namespace headroom::cli
