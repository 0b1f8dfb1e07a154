#include "core/workload/synthetic_trace.h"

#include "core/workload/random.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace headroom {
namespace {

void check(bool ok, const char *message)
{
    if (!ok)
        throw std::invalid_argument(std::string("TraceSpec: ") + message);
}

void validate(const TraceSpec &spec)
{
    check(spec.jobCount >= 0, "jobCount must be >= 0");
    check(std::isfinite(spec.offeredLoad) && spec.offeredLoad > 0.0, "offeredLoad must be > 0");
    check(spec.nodes > 0 && spec.slotsPerNode > 0, "nodes and slotsPerNode must be > 0");
    check(!spec.sizes.empty(), "sizes must not be empty");
    for (const SizeClass &size : spec.sizes)
        check(size.slots > 0, "every size must have slots > 0");
    check(std::isfinite(spec.runMedianS) && spec.runMedianS > 0.0, "runMedianS must be > 0");
    check(std::isfinite(spec.runSigma) && spec.runSigma >= 0.0, "runSigma must be >= 0");
    check(std::isfinite(spec.minRunS) && spec.minRunS >= 1.0, "minRunS must be >= 1");
    check(std::isfinite(spec.maxRunS) && spec.maxRunS >= spec.minRunS,
          "maxRunS must be >= minRunS");
    check(std::isfinite(spec.minWallFactor) && spec.minWallFactor >= 1.0,
          "minWallFactor must be >= 1");
    check(std::isfinite(spec.maxWallFactor) && spec.maxWallFactor >= spec.minWallFactor,
          "maxWallFactor must be >= minWallFactor");
    check(spec.tenants > 0, "tenants must be > 0");
}

} // namespace

std::vector<SizeClass> defaultSizeMix()
{
    return {
            {1, 0.40},       {2, 0.15},       {4, 0.15},        {8, 0.20},     {16, 0.03},
            {32, 0.01},      {64, 0.004},     {128, 0.0013},    {256, 0.0005}, {512, 0.00016},
            {1024, 0.00006}, {2048, 0.00002}, {4096, 0.000007},
    };
}

std::vector<Job> generateTrace(const TraceSpec &spec, std::uint64_t seed)
{
    validate(spec);
    std::vector<double> weights;
    weights.reserve(spec.sizes.size());
    for (const SizeClass &size : spec.sizes)
        weights.push_back(size.weight);
    const WeightedChoice sizeChoice(weights);

    std::vector<std::string> tenantNames;
    for (int t = 0; t < spec.tenants; ++t)
        tenantNames.push_back("t" + std::to_string(t));

    Random random(seed);
    const double mu = std::log(spec.runMedianS);
    const long long clusterSlots = spec.clusterSlots();
    std::vector<Job> jobs(static_cast<std::size_t>(spec.jobCount));
    double offeredSlotSeconds = 0.0;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        Job &job = jobs[i];
        job.id = static_cast<JobId>(i + 1);
        job.slots = spec.sizes[sizeChoice.pick(random)].slots;
        const double run = std::round(random.lognormal(mu, spec.runSigma));
        job.runS = std::clamp(run, spec.minRunS, spec.maxRunS);
        const double factor = random.uniform(spec.minWallFactor, spec.maxWallFactor);
        // Rounding up keeps requested >= run, so the engine takes the estimate as given.
        job.requestedS = std::ceil(job.runS * factor / 60.0) * 60.0;
        job.tenant = tenantNames[random.below(tenantNames.size())];
        if (job.slots <= clusterSlots)
            offeredSlotSeconds += static_cast<double>(job.slots) * job.runS;
    }

    // ρ = mean(slots × run) · λ / clusterSlots, solved for λ. When no job fits nothing is
    // offered and any rate is right; one arrival a second keeps the times sensible.
    double rate = 1.0;
    if (offeredSlotSeconds > 0.0) {
        const double meanSlotSeconds = offeredSlotSeconds / static_cast<double>(jobs.size());
        rate = spec.offeredLoad * static_cast<double>(clusterSlots) / meanSlotSeconds;
    }
    double arrival = 0.0;
    for (Job &job : jobs) {
        arrival += random.exponential(rate);
        job.submitS = std::round(arrival * 1000.0) / 1000.0;
    }
    return jobs;
}

} // namespace headroom
