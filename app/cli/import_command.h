#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace headroom::cli {

// `headroom-cli import slurm|k8s|openb|csv …` (docs/design.md §9): reads the planner's own
// data into a scenario file and prints what it imported. Returns the exit status
// (docs/design.md §6.8).
int runImportCommand(QCommandLineParser &parser, const QCommandLineOption &help);

} // namespace headroom::cli
