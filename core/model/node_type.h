#pragma once

#include "core/model/failures.h"
#include "core/model/power_curve.h"

#include <optional>
#include <string>
#include <vector>

namespace headroom {

// One DVFS operating point of a node type, relative to nominal: at `frequency` jobs run at
// `speed` times their nominal speed and the dynamic part of the power (above idle) is
// multiplied by `power`. Memory-bound work does not slow down in proportion to the clock,
// which is why speed and frequency are separate.
struct DvfsLevel
{
    double frequency = 1.0;
    double speed = 1.0;
    double power = 1.0;
    bool operator==(const DvfsLevel &) const = default;
};

// A catalog entry: one kind of server. `accelerators` is the number of schedulable slots
// per node; jobs ask for slots of this kind.
struct NodeType
{
    std::string name;             // unique key, referenced by nodes and job constraints
    std::string acceleratorModel; // e.g. "NVIDIA H100 SXM5 80GB"; informational
    int accelerators = 8;
    int cpuCores = 0;
    double memoryGb = 0.0;
    double peakTflopsPerAccelerator = 0.0; // dense BF16, 10^12 FLOP/s
    PowerCurve power;                      // whole node, accelerator utilization 0..1
    double offW = 0.0;                     // draw when switched off (BMC, fans)
    double bootS = 0.0;
    double shutdownS = 0.0;
    std::optional<double> bootW; // draw while booting; the idle power when not given
    std::vector<DvfsLevel> dvfs; // empty: only the nominal level (frequency 1)
    double costPerHour = 0.0;    // capital + hosting cost of one node, currency units per hour
    // Capital price of one node in US dollars, for sizing's cost objective (docs/design.md §7);
    // empty: unknown (such a type costs nothing there, and the result says so).
    std::optional<double> priceUsd;
    std::string source; // where the public figures come from
    // Reliability (docs/design.md §10.1): mean time between failures of one node, hours (0:
    // it never fails), and how long a failed node is down.
    double mtbfH = 0.0;
    double repairH = 0.0;
    RepairDistribution repairDistribution = RepairDistribution::Fixed;

    bool operator==(const NodeType &) const = default;
};

} // namespace headroom
