#include "core/power/power_caps.h"

#include <algorithm>
#include <limits>

namespace headroom {
namespace {

// The cluster's estimate from its cached sum plus deltas is off from the census sum by a few
// ulps; within this relative margin of the cap the census sum decides.
constexpr double kMargin = 1e-9;

} // namespace

PowerCaps::PowerCaps(const PowerModel &model, const PowerMeter &meter, const ClusterState &live)
    : m_model(&model)
    , m_meter(&meter)
    , m_live(&live)
{}

int PowerCaps::indexOn(const ClusterState &state, int node) const
{
    if (&state == m_live)
        return m_meter->stateIndex(node);
    return m_model->stateIndex(m_model->classOf(node), state.powerState(node),
                               state.busySlots(node));
}

bool PowerCaps::admits(const ClusterState &state, const Allocation &allocation) const
{
    if (!active())
        return true;
    m_changes.clear();
    for (const NodeShare &share : allocation)
        m_changes.push_back({share.node, state.busySlots(share.node) + share.busy});
    return admitsChanges(state);
}

bool PowerCaps::admitsSwitches(std::span<const Switch> switches) const
{
    if (!active())
        return true;
    m_changes.clear();
    for (const Switch &s : switches)
        m_changes.push_back({s.node, m_model->stateIndex(m_model->classOf(s.node), s.state, 0)});
    return admitsChanges(*m_live);
}

bool PowerCaps::admitsChanges(const ClusterState &state) const
{
    const CompiledCluster &layout = m_model->layout();
    m_rackDelta.clear();
    double total = 0.0;
    for (const Change &change : m_changes) {
        const int cls = m_model->classOf(change.node);
        const int before = indexOn(state, change.node);
        total += m_model->capWatts(cls, change.index) - m_model->capWatts(cls, before);
        const ExactWatts::Fixed delta =
                m_model->exactCapWatts(cls, change.index) - m_model->exactCapWatts(cls, before);
        const int rack = layout.nodes[change.node].rack;
        // Shares come rack by rack, mostly: the last rack first.
        auto it = !m_rackDelta.empty() && m_rackDelta.back().first == rack
                          ? m_rackDelta.end() - 1
                          : std::find_if(m_rackDelta.begin(), m_rackDelta.end(),
                                         [rack](const auto &entry) { return entry.first == rack; });
        if (it == m_rackDelta.end())
            m_rackDelta.emplace_back(rack, delta);
        else
            it->second += delta;
    }
    // A change that draws no more cannot break a cap; it must pass even where the draw is
    // already over one (idle nodes alone may exceed a small rack budget), or the nodes there
    // could never be switched off to get back under it. The rack's figure after the change is
    // exactly what the meter will show (its exact sum plus the exact deltas).
    for (const auto &[rack, delta] : m_rackDelta) {
        if (!m_model->hasRackBudget(rack) || delta <= 0)
            continue;
        if (ExactWatts::toWatts(rackCapExactW(state, rack) + delta) > m_model->rackBudgetW(rack))
            return false;
    }
    if (m_model->hasClusterCap() && total > 0.0) {
        const double cap = m_model->clusterCapW();
        const double estimate = clusterCapW(state, false) + total;
        if (estimate > cap * (1.0 + kMargin))
            return false;
        if (estimate >= cap * (1.0 - kMargin) && clusterCapW(state, true) > cap)
            return false;
    }
    return true;
}

ExactWatts::Fixed PowerCaps::rackCapExactW(const ClusterState &state, int rack) const
{
    if (&state == m_live)
        return m_meter->rackCapExactW(rack);
    ExactWatts::Fixed total = 0;
    const NodeRange nodes = m_model->layout().rackNodes[rack];
    for (int node = nodes.begin; node < nodes.end; ++node)
        total += m_model->exactCapWatts(m_model->classOf(node), indexOn(state, node));
    return total;
}

// The meter's census sum, optionally with the pending changes applied.
double PowerCaps::clusterCapW(const ClusterState &state, bool withChanges) const
{
    if (&state == m_live && !withChanges)
        return m_meter->clusterCapW();
    m_census.resize(m_model->classCount());
    for (int cls = 0; cls < m_model->classCount(); ++cls) {
        m_census[cls].assign(m_model->stateCount(cls), 0);
        if (&state == m_live) {
            for (int index = 0; index < m_model->stateCount(cls); ++index)
                m_census[cls][index] = m_meter->census(cls, index);
        }
    }
    if (&state != m_live) {
        for (int node = 0; node < m_model->layout().nodeCount(); ++node)
            ++m_census[m_model->classOf(node)][indexOn(state, node)];
    }
    if (withChanges) {
        for (const Change &change : m_changes) {
            const int cls = m_model->classOf(change.node);
            --m_census[cls][indexOn(state, change.node)];
            ++m_census[cls][change.index];
        }
    }
    double total = 0.0;
    for (int cls = 0; cls < m_model->classCount(); ++cls) {
        const std::vector<double> &watts = m_model->capWattsTable(cls);
        for (std::size_t index = 0; index < m_census[cls].size(); ++index)
            total += static_cast<double>(m_census[cls][index]) * watts[index];
    }
    return total;
}

double PowerCaps::rackHeadroomW(const ClusterState &state, int rack) const
{
    if (!m_model->hasRackBudget(rack))
        return std::numeric_limits<double>::infinity();
    const double capW = &state == m_live ? m_meter->rackCapW(rack)
                                         : ExactWatts::toWatts(rackCapExactW(state, rack));
    return m_model->rackBudgetW(rack) - capW;
}

double PowerCaps::clusterHeadroomW(const ClusterState &state) const
{
    if (!m_model->hasClusterCap())
        return std::numeric_limits<double>::infinity();
    return m_model->clusterCapW() - clusterCapW(state, false);
}

} // namespace headroom
