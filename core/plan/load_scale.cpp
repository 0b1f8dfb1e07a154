#include "core/plan/load_scale.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace headroom {

std::optional<std::string> loadScaleProblem(double factor)
{
    if (!std::isfinite(factor) || factor <= 0.0)
        return std::string("the load scale must be a finite number > 0");
    return std::nullopt;
}

Scenario scaleLoad(Scenario scenario, double factor)
{
    if (const auto problem = loadScaleProblem(factor))
        throw std::invalid_argument(*problem);
    if (factor == 1.0)
        return scenario;
    if (!scenario.jobs.empty()) {
        const SimTime first =
                std::min_element(scenario.jobs.begin(), scenario.jobs.end(),
                                 [](const Job &a, const Job &b) { return a.submitS < b.submitS; })
                        ->submitS;
        for (Job &job : scenario.jobs)
            job.submitS = first + (job.submitS - first) / factor;
    }
    for (Service &service : scenario.services) {
        LoadProfile &load = service.load;
        load.troughRps *= factor;
        load.peakRps *= factor;
        for (double &rps : load.hourlyRps.values)
            rps *= factor;
    }
    return scenario;
}

} // namespace headroom
