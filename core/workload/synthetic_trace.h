#pragma once

#include "core/model/job.h"

#include <cstdint>
#include <vector>

namespace headroom {

// A job size (accelerator slots) and its relative weight in the mix.
struct SizeClass
{
    int slots = 1;
    double weight = 1.0;
    bool operator==(const SizeClass &) const = default;
};

// The default mix, for 8-accelerator nodes: mostly single-node jobs of 1, 2, 4 and 8
// accelerators (≈ 95 % of jobs), plus multi-node gangs of 2, 4, …, 512 whole nodes whose
// weight falls off roughly as nodes^-1.5. Gangs are ≈ 5 % of jobs but about a third of the
// accelerator-seconds, as in training-heavy AI clusters; a 512-node gang is about 8 in a
// million jobs.
std::vector<SizeClass> defaultSizeMix();

// What a synthetic trace looks like.
//
// The model, job by job (ids 1..jobCount, in submit order):
//   slots      drawn from `sizes` by weight;
//   run        lognormal with median `runMedianS` and shape `runSigma`
//              (run = median · exp(sigma · N(0, 1))), clamped to [minRunS, maxRunS] and
//              rounded to whole seconds;
//   requested  run × f with f uniform in [minWallFactor, maxWallFactor) (users over-estimate),
//              rounded up to a whole minute, so never below run;
//   tenant     "t0" … "t{tenants-1}", uniformly;
//   submit     a Poisson process: exponential inter-arrival times at rate λ, first arrival
//              one inter-arrival after 0, rounded to the millisecond (non-decreasing; two
//              jobs may share a millisecond, and the engine then orders them by id).
//
// λ is set after the sizes and run times are drawn so that the trace's offered load
//   ρ = mean(slots × run) · λ / clusterSlots
// equals `offeredLoad`, where clusterSlots = nodes × slotsPerNode and the mean is taken over
// the drawn jobs that fit in the cluster (a larger one would be rejected and never offered).
// Calibrating on the drawn sample rather than on the analytic mean keeps ρ on target for
// small traces and for heavy-tailed mixes, where a few huge gangs move the mean a lot.
//
// Sizes and run times are independent, which real traces are not (big gangs tend to run
// longer); the mix and the run-time shape are the knobs to make a trace heavier.
//
// Times are rounded so that a last-bit difference between two machines' std::log/std::exp
// (the only non-IEEE-exact operations used, see random.h) cannot change the trace unless a
// value falls exactly on a rounding boundary.
struct TraceSpec
{
    int jobCount = 1000;
    double offeredLoad = 0.9;
    int nodes = 2048;
    int slotsPerNode = 8;
    std::vector<SizeClass> sizes = defaultSizeMix();
    double runMedianS = 1800.0; // 30 min
    double runSigma = 1.5;      // mean ≈ 5,500 s before clamping
    double minRunS = 60.0;
    double maxRunS = 7.0 * 86400.0;
    double minWallFactor = 1.0;
    double maxWallFactor = 3.0;
    int tenants = 8;

    long long clusterSlots() const { return static_cast<long long>(nodes) * slotsPerNode; }
};

// Generates the trace described above. A pure function of (spec, seed): the same arguments
// give the same jobs, bit for bit, on every machine. Throws std::invalid_argument when the
// spec is unusable (no jobs-worth of sizes, non-positive load or cluster, bad run-time or
// wall-factor bounds). Jobs carry no name and no constraints.
std::vector<Job> generateTrace(const TraceSpec &spec, std::uint64_t seed);

} // namespace headroom
