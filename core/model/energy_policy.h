#pragma once

#include "core/model/hourly_profile.h"
#include "core/model/sim_time.h"

#include <optional>
#include <string>

namespace headroom {

// docs/design.md §4: how the cluster uses and pays for power.
struct EnergyPolicy
{
    double pue = 1.0;                        // facility power = IT power × PUE; >= 1
    std::optional<double> clusterPowerCapKw; // IT power the scheduler must stay under

    // Dynamic power management: a node idle for idleTimeoutS is switched off, except that
    // spareNodes idle nodes stay on; a job that needs an off node waits for its boot.
    bool dpmEnabled = false;
    SimTime idleTimeoutS = 900.0;
    int spareNodes = 0;

    double dvfsFrequency = 1.0; // cluster-wide DVFS level; racks may override

    std::string currency = "USD";
    HourlyProfile pricePerKwh;   // currency per facility kWh
    HourlyProfile carbonGPerKwh; // grams CO2e per facility kWh

    bool operator==(const EnergyPolicy &) const = default;
};

} // namespace headroom
