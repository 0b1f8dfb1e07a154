#pragma once

#include "core/model/policy.h"
#include "core/model/scenario.h"
#include "core/model/sim_time.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace headroom::cli {

// `headroom-cli simulate`, docs/design.md §6.
struct SimulateOptions
{
    QString input;
    std::optional<SchedulerKind> scheduler;
    std::optional<PlacementKind> placement;
    std::optional<std::uint64_t> seed;
    std::optional<SimTime> sampleIntervalS;
    std::optional<SimTime> restartOverheadS;
    std::optional<int> nodes;        // SWF traces without a MaxNodes/MaxProcs header
    std::optional<double> loadScale; // docs/design.md §7.1
    QString metricsJson;
    QString jobsCsv;
    QString timeseriesCsv;
    QString report; // .pdf or .html
    QString csvDir; // timeseries.csv, jobs.csv, nodes.csv, tenants.csv (+ services.csv)
    bool quiet = false;
};

// What a command reads from its INPUT (docs/design.md §6.2): a scenario file or an SWF trace,
// with the trace lines the reader skipped. Throws std::exception (InputError for a bad file).
struct LoadedInput
{
    Scenario scenario;
    long long skipped = 0;
};
LoadedInput readInput(const QString &path, std::optional<int> nodes);

// readInput(options.input, options.nodes) with the options' load scale and policy overrides
// applied, validated again when there are any (InputError naming the input otherwise).
LoadedInput loadInput(const SimulateOptions &options);

// Runs the simulation and writes the requested outputs. Returns the process exit status;
// every failure is explained on stderr first.
int runSimulate(const SimulateOptions &options);

} // namespace headroom::cli
