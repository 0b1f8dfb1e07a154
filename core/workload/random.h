#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace headroom {

// A seeded random source whose every output is the same on every machine.
//
// The engine of std::mt19937_64 is specified bit for bit by the standard, but the
// std::*_distribution adaptors are not: libstdc++, libc++ and MSVC turn the same engine
// output into different numbers. So the conversions live here, built only from the raw
// 64-bit words and from IEEE-754 arithmetic.
//
// The only calls into the maths library are std::log, std::exp and std::sqrt. sqrt is
// correctly rounded by IEEE-754; log and exp are not required to be, and two libms may
// differ in the last bit for rare arguments. The trace generator therefore quantizes what
// it derives from them (see synthetic_trace.h), which hides such a difference unless a
// value falls exactly on a rounding boundary.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {}

    std::uint64_t nextU64() { return m_engine(); }

    // Uniform in [0, 1): the top 53 bits of one word, scaled. Every value is a multiple of
    // 2^-53, and 1.0 is never returned.
    double uniform() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n), n > 0, without modulo bias (rejection sampling).
    std::uint64_t below(std::uint64_t n);

    // Exponential with the given rate (mean 1 / rate), by inversion.
    double exponential(double rate);
    // Standard normal, by Marsaglia's polar method. Chosen over Box-Muller because it needs
    // no sin/cos (fewer libm calls whose last bit may vary). Values come in pairs; the second
    // is kept for the next call, so it is part of this object's state.
    double normal();
    double normal(double mean, double sigma) { return mean + sigma * normal(); }
    // exp(N(mu, sigma)): median exp(mu).
    double lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

private:
    std::mt19937_64 m_engine;
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

// Picks index i with probability weights[i] / Σ weights. Built once, sampled many times.
// Weights must be finite and >= 0 with a positive sum; zero-weight entries are never picked.
class WeightedChoice
{
public:
    WeightedChoice() = default;
    // Throws std::invalid_argument on a bad weight list.
    explicit WeightedChoice(std::span<const double> weights);

    std::size_t size() const { return m_cumulative.size(); }
    std::size_t pick(Random &random) const;

private:
    std::vector<double> m_cumulative; // running sums, in input order
    std::size_t m_last = 0;           // last entry with a positive weight
};

} // namespace headroom
