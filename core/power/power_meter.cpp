#include "core/power/power_meter.h"

#include <algorithm>

namespace headroom {

PowerMeter::PowerMeter(const CompiledCluster &layout, const PowerModel &model)
    : m_layout(&layout)
    , m_model(&model)
{
    for (const CompiledNodeType &type : layout.types)
        m_hasModel = m_hasModel || type.hasPower;
    m_tracking = m_hasModel || model.hasCaps() || model.energy().dpmEnabled;
    for (int cls = 0; cls < model.classCount(); ++cls) {
        m_classBase.push_back(static_cast<int>(m_census.size()));
        for (int index = 0; index < model.stateCount(cls); ++index) {
            m_census.push_back(0);
            m_exactW.push_back(model.exactWatts(cls, index));
            m_exactCapW.push_back(model.exactCapWatts(cls, index));
        }
    }
    m_nodes.resize(static_cast<std::size_t>(layout.nodeCount()));
    for (int node = 0; node < layout.nodeCount(); ++node) {
        m_nodes[node] = {0, model.classOf(node), layout.nodes[node].rack};
        ++m_census[m_classBase[model.classOf(node)]]; // every node starts on and idle
    }
    const std::size_t racks = layout.rackNodes.size();
    m_rackW.assign(racks, 0);
    m_rackCapW.assign(racks, 0);
    m_rackCapRounded.assign(racks, 0.0);
    m_rackCapStale.assign(racks, 1);
    m_rackOffsetW.assign(racks, 0.0);
    m_rackPeakW.assign(racks, 0.0);
    m_peakPending.assign(racks, 1);
    for (std::size_t rack = 0; rack < racks; ++rack) {
        m_pendingPeak.push_back(static_cast<int>(rack));
        const NodeRange nodes = layout.rackNodes[rack];
        for (int node = nodes.begin; node < nodes.end; ++node) {
            m_rackW[rack] += model.exactWatts(model.classOf(node), 0);
            m_rackCapW[rack] += model.exactCapWatts(model.classOf(node), 0);
        }
    }
}

void PowerMeter::setIndex(int node, int index)
{
    NodeEntry &entry = m_nodes[node];
    const int base = m_classBase[entry.cls];
    const int old = base + entry.index;
    const int now = base + index;
    --m_census[old];
    ++m_census[now];
    entry.index = index;
    ++m_changes;
    m_dirty = true;
    m_clusterCapStale = true;
    const int rack = entry.rack;
    m_rackW[rack] += m_exactW[now] - m_exactW[old];
    m_rackCapW[rack] += m_exactCapW[now] - m_exactCapW[old];
    m_rackCapStale[rack] = 1;
    if (!m_peakPending[rack]) {
        m_peakPending[rack] = 1;
        m_pendingPeak.push_back(rack);
    }
}

void PowerMeter::switched(int node, NodePowerState state)
{
    if (m_tracking)
        setIndex(node, m_model->stateIndex(m_nodes[node].cls, state, 0));
}

void PowerMeter::setServiceIdleW(const std::vector<double> &perRackW)
{
    double total = 0.0;
    for (std::size_t rack = 0; rack < perRackW.size(); ++rack) {
        total += perRackW[rack];
        const double offset = 0.0 - perRackW[rack]; // never −0.0
        if (offset == m_rackOffsetW[rack])
            continue;
        m_rackOffsetW[rack] = offset;
        m_dirty = true;
        if (!m_peakPending[rack]) {
            m_peakPending[rack] = 1;
            m_pendingPeak.push_back(static_cast<int>(rack));
        }
    }
    m_offsetW = 0.0 - total;
}

double PowerMeter::computeW() const
{
    double total = m_offsetW;
    for (int cls = 0; cls < m_model->classCount(); ++cls) {
        const std::vector<double> &watts = m_model->wattsTable(cls);
        for (std::size_t index = 0; index < watts.size(); ++index)
            total += static_cast<double>(m_census[m_classBase[cls] + index]) * watts[index];
    }
    return total;
}

double PowerMeter::rackPowerWithServicesW(int rack) const
{
    double total = m_rackOffsetW[rack];
    const NodeRange nodes = m_layout->rackNodes[rack];
    for (int node = nodes.begin; node < nodes.end; ++node)
        total += m_model->watts(m_nodes[node].cls, m_nodes[node].index);
    return total;
}

double PowerMeter::clusterCapW() const
{
    if (m_clusterCapStale) {
        double total = 0.0;
        for (int cls = 0; cls < m_model->classCount(); ++cls) {
            const std::vector<double> &watts = m_model->capWattsTable(cls);
            for (std::size_t index = 0; index < watts.size(); ++index)
                total += static_cast<double>(m_census[m_classBase[cls] + index]) * watts[index];
        }
        m_clusterCapW = total;
        m_clusterCapStale = false;
    }
    return m_clusterCapW;
}

double PowerMeter::priceWeightedJ(SimTime time) const
{
    return m_priceJ + m_currentW * m_model->energy().pricePerKwh.integral(m_since, time);
}

double PowerMeter::carbonWeightedJ(SimTime time) const
{
    return m_carbonJ + m_currentW * m_model->energy().carbonGPerKwh.integral(m_since, time);
}

bool PowerMeter::settle(SimTime time)
{
    if (!m_dirty && m_started)
        return false;
    if (m_dirty) {
        for (int rack : m_pendingPeak) {
            m_rackPeakW[rack] = std::max(m_rackPeakW[rack], rackPowerW(rack));
            m_peakPending[rack] = 0;
        }
        m_pendingPeak.clear();
        // Nodes off and booting power change only with switches; integrate them here too.
        if (m_started) {
            m_offSeconds += double(m_offNow) * (time - m_auxSince);
            m_bootJ += m_bootNowW * (time - m_auxSince);
        }
        m_auxSince = time;
        m_offNow = 0;
        m_bootNowW = 0.0;
        for (int cls = 0; cls < m_model->classCount(); ++cls) {
            const int off = m_model->stateIndex(cls, NodePowerState::Off, 0);
            const int boot = m_model->stateIndex(cls, NodePowerState::Booting, 0);
            m_offNow += census(cls, off);
            m_bootNowW += static_cast<double>(census(cls, boot)) * m_model->watts(cls, boot);
        }
    }
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
    const EnergyPolicy &energy = m_model->energy();
    if (!energy.pricePerKwh.empty())
        m_priceJ += m_currentW * energy.pricePerKwh.integral(m_since, time);
    if (!energy.carbonGPerKwh.empty())
        m_carbonJ += m_currentW * energy.carbonGPerKwh.integral(m_since, time);
    m_since = time;
    m_currentW = watts;
    m_peakW = std::max(m_peakW, watts);
    return true;
}

} // namespace headroom
