#pragma once

#include "core/model/sim_time.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace headroom {

enum class SchedulerKind { Fcfs, Sjf, Srtf, Easy };
enum class PlacementKind { FirstFit, BestFit, LeastLoaded, RoundRobin, TopologyAware, PowerAware };

// Names as they appear in scenario files and on the command line.
std::string_view toString(SchedulerKind kind);
std::string_view toString(PlacementKind kind);
std::optional<SchedulerKind> schedulerFromString(std::string_view name);
std::optional<PlacementKind> placementFromString(std::string_view name);
std::span<const SchedulerKind> allSchedulers();
std::span<const PlacementKind> allPlacements();
// "fcfs, sjf, srtf, easy": for error messages and --help.
std::string schedulerNames();
std::string placementNames();

struct Policy
{
    SchedulerKind scheduler = SchedulerKind::Easy;
    PlacementKind placement = PlacementKind::FirstFit;
    SimTime srtfRestartOverheadS = 0.0; // paid by a preempted job each time it restarts
    SimTime sampleIntervalS = 300.0;    // time-series sampling period
    // A gang spread over k racks runs (1 + penalty × (k − 1)) times longer: the cost of
    // talking across racks. 0 (the default) leaves run times as docs/design.md §3 has them.
    double rackSpreadPenalty = 0.0;
    // Ends the run at this time even if jobs remain (needed when inference services, which
    // never finish, run alone). Empty: the run ends when the last batch job is done.
    std::optional<SimTime> horizonS;

    bool operator==(const Policy &) const = default;
};

} // namespace headroom
