#include "core/workload/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace headroom {

std::uint64_t Random::below(std::uint64_t n)
{
    if (n == 0)
        throw std::invalid_argument("Random::below: n must be > 0");
    // Accept only words below the largest multiple of n, so each residue is equally likely.
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - (max % n + 1) % n;
    for (;;) {
        const std::uint64_t word = nextU64();
        if (word <= limit)
            return word % n;
    }
}

double Random::exponential(double rate)
{
    // 1 - u lies in (0, 1], so the logarithm is finite.
    return -std::log(1.0 - uniform()) / rate;
}

double Random::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spareNormal;
    }
    for (;;) {
        const double u = 2.0 * uniform() - 1.0;
        const double v = 2.0 * uniform() - 1.0;
        const double s = u * u + v * v;
        if (s >= 1.0 || s == 0.0)
            continue;
        const double factor = std::sqrt(-2.0 * std::log(s) / s);
        m_spareNormal = v * factor;
        m_hasSpare = true;
        return u * factor;
    }
}

WeightedChoice::WeightedChoice(std::span<const double> weights)
{
    double total = 0.0;
    m_cumulative.reserve(weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double w = weights[i];
        if (!std::isfinite(w) || w < 0.0)
            throw std::invalid_argument("WeightedChoice: weights must be finite and >= 0");
        total += w;
        m_cumulative.push_back(total);
        if (w > 0.0)
            m_last = i;
    }
    if (!(total > 0.0) || !std::isfinite(total))
        throw std::invalid_argument("WeightedChoice: weights must have a positive finite sum");
}

std::size_t WeightedChoice::pick(Random &random) const
{
    const double x = random.uniform() * m_cumulative.back();
    // First running sum above x: zero-weight entries repeat the previous sum, so they are
    // never the first above anything.
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x);
    // u * total may round up to total itself; that draw belongs to the last real entry.
    if (it == m_cumulative.end())
        return m_last;
    return static_cast<std::size_t>(it - m_cumulative.begin());
}

} // namespace headroom
