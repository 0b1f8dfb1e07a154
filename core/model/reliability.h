#pragma once

#include <algorithm>
#include <cmath>

// First-order reliability figures of a checkpointed job (docs/design.md §10.7), for the job
// dialog's suggestion and for checking the engine against the analytic model. Plain formulas:
// they hold while interruptions are rare within one checkpoint interval (c + r ≪ MTBF_job).
namespace headroom::reliability {

// Mean time between interruptions of a job on `nodes` nodes whose type fails every `nodeMtbfH`
// hours: failures of its nodes form a Poisson process of rate nodes / MTBF. Seconds; +infinity
// when the nodes never fail.
inline double jobMtbfS(double nodeMtbfH, int nodes)
{
    if (!(nodeMtbfH > 0.0) || nodes < 1)
        return INFINITY;
    return nodeMtbfH * 3600.0 / double(nodes);
}

// Young's (and, to first order, Daly's) checkpoint interval that maximizes goodput:
// c = √(2·δ·MTBF_job), in seconds of work. 0 when checkpoints cost nothing or never pay off
// (no cost: checkpoint as often as possible; no failures: +infinity, never checkpoint).
inline double youngDalyIntervalS(double checkpointCostS, double jobMtbfSeconds)
{
    if (!(checkpointCostS > 0.0))
        return 0.0;
    return std::sqrt(2.0 * checkpointCostS * jobMtbfSeconds);
}

// Expected goodput (useful share of the accelerator time held) of a long job checkpointing
// every `intervalS` seconds of work at `costS` each, restarting after `restartS`:
// 1 − δ/c − (c/2 + r)/MTBF_job. Each checkpoint costs δ per c of work, and each interruption
// (one per MTBF_job) loses on average half an interval of work plus the restart. Without
// checkpoints (c = 0) pass the job's whole run time as c: an interruption then loses half of
// it on average. Clamped to [0, 1].
inline double expectedGoodput(double intervalS, double costS, double restartS,
                              double jobMtbfSeconds)
{
    if (!(intervalS > 0.0))
        return std::isinf(jobMtbfSeconds) ? 1.0 : 0.0;
    const double g = 1.0 - costS / intervalS - (intervalS / 2.0 + restartS) / jobMtbfSeconds;
    return std::clamp(g, 0.0, 1.0);
}

} // namespace headroom::reliability
