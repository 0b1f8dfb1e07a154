#pragma once

#include "core/model/sim_time.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace headroom {

enum class SchedulerKind { Fcfs, Sjf, Srtf, Easy };
enum class PlacementKind { FirstFit };

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

    bool operator==(const Policy &) const = default;
};

} // namespace headroom
