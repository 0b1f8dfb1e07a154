#pragma once

#include "core/model/sim_time.h"

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace headroom {

// Random node failures of a whole cluster (docs/design.md §10.1): the superposition of every
// node's Poisson process, so that drawing a failure costs the same whatever the cluster's size
// (a binary search over node types, then a uniform node of that type). The caller drops a
// failure that strikes a node unable to fail then (thinning), which keeps every eligible node's
// failures an exact Poisson process of its own rate. Its own generator, seeded by the
// scenario's failure seed, and its own arithmetic on the raw 64-bit numbers, so the failures
// are the same on every machine.
class FailureProcess
{
public:
    struct TypeRate
    {
        int nodes = 0;    // of the type
        double mtbfH = 0; // 0: never fails
    };

    FailureProcess() = default;
    FailureProcess(std::uint64_t seed, const std::vector<TypeRate> &types);

    // Whether any node can fail at all.
    bool active() const { return m_totalRate > 0.0; }
    // The next failure's time; +infinity when inactive or not started.
    SimTime nextTime() const { return m_next; }
    // Draws the first failure time after `start`.
    void start(SimTime start);

    struct Strike
    {
        int type = 0;
        int position = 0; // among the type's nodes (CompiledNodeType::nodes)
    };
    // The node the due failure strikes (draws a type, then a node).
    Strike strike();
    // Draws the next failure time after the current one.
    void advance();
    // An exponential draw with this mean, seconds (exponential repairs).
    double exponential(double mean);

private:
    double uniform(); // [0, 1) from 53 bits

    std::mt19937_64 m_random;
    std::vector<double> m_cumulative; // per type: Σ rates (per second) up to and including it
    std::vector<int> m_nodes;         // per type
    double m_totalRate = 0.0;
    SimTime m_next = std::numeric_limits<SimTime>::infinity();
};

} // namespace headroom
