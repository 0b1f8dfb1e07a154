#pragma once

#include "core/model/hourly_profile.h"
#include "core/model/sim_time.h"

#include <string>

namespace headroom {

// Requests per second offered to a service over time.
struct LoadProfile
{
    enum class Kind { Diurnal, Hourly };
    Kind kind = Kind::Diurnal;
    // Diurnal: a daily cosine between trough and peak, highest at peakHour (0..24).
    double troughRps = 0.0;
    double peakRps = 0.0;
    double peakHour = 14.0;
    // Hourly: values per hour, repeating.
    HourlyProfile hourlyRps;

    double at(SimTime time) const;
    bool operator==(const LoadProfile &) const = default;
};

// An inference service (docs/design.md §2): replicas × accelerators per replica, each replica
// serving up to capacityRps. Its utilization, load ÷ capacity capped at 1, drives the power
// of its accelerators; load above capacity is shortfall. It autoscales between minReplicas
// and maxReplicas to keep utilization near targetUtilization; a new replica serves after
// scaleUpDelayS (start-up, model load).
struct Service
{
    std::string name;
    std::string tenant;
    std::string nodeType; // empty: any node type
    int acceleratorsPerReplica = 1;
    double capacityRps = 1.0;
    int minReplicas = 1;
    int maxReplicas = 1;
    double targetUtilization = 0.7;
    SimTime scaleUpDelayS = 300.0;
    LoadProfile load;

    bool operator==(const Service &) const = default;
};

} // namespace headroom
