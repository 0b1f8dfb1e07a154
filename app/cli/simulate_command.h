#pragma once

#include "core/model/policy.h"
#include "core/model/sim_time.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace headroom::cli {

// `headroom-cli simulate`, DESIGN.md §6.
struct SimulateOptions
{
    QString input;
    std::optional<SchedulerKind> scheduler;
    std::optional<PlacementKind> placement;
    std::optional<std::uint64_t> seed;
    std::optional<SimTime> sampleIntervalS;
    std::optional<SimTime> restartOverheadS;
    std::optional<int> nodes; // SWF traces without a MaxNodes/MaxProcs header
    QString metricsJson;
    QString jobsCsv;
    QString timeseriesCsv;
    QString report; // .pdf or .html
    QString csvDir; // timeseries.csv, jobs.csv, nodes.csv, tenants.csv (+ services.csv)
    bool quiet = false;
};

// Runs the simulation and writes the requested outputs. Returns the process exit status;
// every failure is explained on stderr first.
int runSimulate(const SimulateOptions &options);

} // namespace headroom::cli
