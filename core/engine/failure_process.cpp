#include "core/engine/failure_process.h"

#include <algorithm>
#include <cmath>

namespace headroom {

FailureProcess::FailureProcess(std::uint64_t seed, const std::vector<TypeRate> &types)
    : m_random(seed)
{
    for (const TypeRate &type : types) {
        if (type.nodes > 0 && type.mtbfH > 0.0)
            m_totalRate += double(type.nodes) / (type.mtbfH * 3600.0);
        m_cumulative.push_back(m_totalRate);
        m_nodes.push_back(type.nodes);
    }
}

double FailureProcess::uniform()
{
    return static_cast<double>(m_random() >> 11) * 0x1.0p-53;
}

double FailureProcess::exponential(double mean)
{
    return -std::log1p(-uniform()) * mean;
}

void FailureProcess::start(SimTime start)
{
    m_next = active() ? start + exponential(1.0 / m_totalRate)
                      : std::numeric_limits<SimTime>::infinity();
}

void FailureProcess::advance()
{
    m_next += exponential(1.0 / m_totalRate);
}

FailureProcess::Strike FailureProcess::strike()
{
    Strike strike;
    const double at = uniform() * m_totalRate;
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), at);
    strike.type = static_cast<int>(std::min<std::ptrdiff_t>(it - m_cumulative.begin(),
                                                            std::ptrdiff_t(m_nodes.size()) - 1));
    while (strike.type > 0 && m_cumulative[strike.type] == m_cumulative[strike.type - 1])
        --strike.type; // never a type that cannot fail (possible only at the rounding edge)
    const int nodes = m_nodes[strike.type];
    strike.position = std::min(nodes - 1, static_cast<int>(uniform() * double(nodes)));
    return strike;
}

} // namespace headroom
