#include "core/plan/workload_bounds.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace headroom {
namespace {

constexpr double kTickS = 60.0;
constexpr double kDayS = 86400.0;

double serviceAccelerators(const Service &service, double load)
{
    const double perReplica = service.capacityRps * service.targetUtilization;
    const double wanted = perReplica > 0.0 ? std::ceil(load / perReplica) : service.maxReplicas;
    const double replicas = std::clamp(wanted, double(service.minReplicas),
                                       double(std::max(service.minReplicas, service.maxReplicas)));
    return replicas * service.acceleratorsPerReplica;
}

} // namespace

WorkloadBounds workloadBounds(const Scenario &scenario)
{
    WorkloadBounds bounds;

    // Jobs: a sweep over the perfect system's starts and ends.
    std::vector<std::pair<double, long long>> events; // (time, +slots at start / -slots at end)
    events.reserve(2 * scenario.jobs.size());
    double first = 0.0;
    double last = 0.0;
    for (const Job &job : scenario.jobs) {
        bounds.jobAcceleratorSeconds += double(job.slots) * job.runS;
        events.emplace_back(job.submitS, job.slots);
        events.emplace_back(job.submitS + job.runS, -job.slots);
        if (events.size() == 2 || job.submitS < first)
            first = job.submitS;
        last = std::max(last, job.submitS + job.runS);
    }
    // Ends before starts at one instant (the negative change sorts first).
    std::sort(events.begin(), events.end());
    long long held = 0;
    for (const auto &[time, change] : events) {
        held += change;
        bounds.jobPeakAccelerators = std::max(bounds.jobPeakAccelerators, held);
    }
    bounds.perfectSpanS = scenario.jobs.empty() ? 0.0 : last - first;

    // Services: sampled at the autoscale tick over a day, or a longer hourly profile.
    if (!scenario.services.empty()) {
        double span = kDayS;
        for (const Service &service : scenario.services) {
            if (service.load.kind == LoadProfile::Kind::Hourly)
                span = std::max(span, 3600.0 * double(service.load.hourlyRps.values.size()));
        }
        const auto ticks = static_cast<long long>(span / kTickS);
        double sum = 0.0;
        for (long long tick = 0; tick < ticks; ++tick) {
            double total = 0.0;
            for (const Service &service : scenario.services)
                total += serviceAccelerators(service, service.load.at(double(tick) * kTickS));
            sum += total;
            bounds.servicePeakAccelerators = std::max(bounds.servicePeakAccelerators, total);
        }
        bounds.serviceMeanAccelerators = sum / double(ticks);
    }

    if (bounds.perfectSpanS > 0.0)
        bounds.workConservationAccelerators = bounds.jobAcceleratorSeconds / bounds.perfectSpanS;
    bounds.workConservationAccelerators += bounds.serviceMeanAccelerators;
    bounds.perfectSystemAccelerators =
            double(bounds.jobPeakAccelerators) + bounds.servicePeakAccelerators;
    return bounds;
}

} // namespace headroom
