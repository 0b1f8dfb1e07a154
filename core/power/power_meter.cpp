#include "core/power/power_meter.h"

#include <algorithm>

namespace headroom {

PowerMeter::PowerMeter(const CompiledCluster &layout)
    : m_layout(&layout)
{
    for (const CompiledNodeType &type : layout.types) {
        std::vector<double> watts(static_cast<std::size_t>(type.slots) + 1, 0.0);
        if (type.hasPower) {
            m_hasModel = true;
            for (int busy = 0; busy <= type.slots; ++busy)
                watts[busy] = type.power.watts(type.slots > 0 ? double(busy) / type.slots : 0.0);
        }
        m_wattsAt.push_back(std::move(watts));
        std::vector<long long> census(static_cast<std::size_t>(type.slots) + 1, 0);
        census[0] = static_cast<long long>(type.nodes.size());
        m_census.push_back(std::move(census));
    }
}

void PowerMeter::busyChanged(int node, int oldBusy, int newBusy)
{
    const int type = m_layout->nodes[node].type;
    --m_census[type][oldBusy];
    ++m_census[type][newBusy];
    m_dirty = true;
}

double PowerMeter::computeW() const
{
    double total = 0.0;
    for (std::size_t type = 0; type < m_census.size(); ++type) {
        for (std::size_t busy = 0; busy < m_census[type].size(); ++busy)
            total += static_cast<double>(m_census[type][busy]) * m_wattsAt[type][busy];
    }
    return total;
}

bool PowerMeter::settle(SimTime time)
{
    if (!m_dirty && m_started)
        return false;
    const double watts = m_dirty ? computeW() : m_currentW;
    m_dirty = false;
    if (!m_started) {
        m_started = true;
        m_start = time;
        m_since = time;
        m_currentW = watts;
        m_peakW = watts;
        return true;
    }
    if (watts == m_currentW)
        return false;
    m_energyJ += m_currentW * (time - m_since);
    m_since = time;
    m_currentW = watts;
    m_peakW = std::max(m_peakW, watts);
    return true;
}

} // namespace headroom
