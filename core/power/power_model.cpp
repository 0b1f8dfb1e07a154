#include "core/power/power_model.h"

#include "core/model/scenario.h"

#include <algorithm>

namespace headroom {

DvfsLevel dvfsLevelFor(const std::vector<DvfsLevel> &levels, double frequency)
{
    if (levels.empty())
        return DvfsLevel{};
    const DvfsLevel *best = nullptr;
    const DvfsLevel *lowest = &levels.front();
    for (const DvfsLevel &level : levels) {
        if (level.frequency < lowest->frequency)
            lowest = &level;
        if (level.frequency <= frequency && (!best || level.frequency > best->frequency))
            best = &level;
    }
    return best ? *best : *lowest;
}

PowerModel::PowerModel(const Scenario &scenario, const CompiledCluster &layout)
    : m_layout(&layout)
    , m_energy(scenario.energy)
    , m_spreadPenalty(scenario.policy.rackSpreadPenalty)
{
    // compileCluster() numbers types as Scenario::nodeTypes and racks in zone, rack order.
    std::vector<double> rackFrequency;
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            rackFrequency.push_back(rack.dvfsFrequency.value_or(m_energy.dvfsFrequency));
            m_rackBudgetW.push_back(rack.powerBudgetKw ? *rack.powerBudgetKw * 1000.0 : -1.0);
            m_hasCaps = m_hasCaps || rack.powerBudgetKw.has_value();
        }
    }
    if (m_energy.clusterPowerCapKw) {
        m_clusterCapW = *m_energy.clusterPowerCapKw * 1000.0;
        m_hasCaps = true;
    }

    const int types = static_cast<int>(layout.types.size());
    m_types.resize(types);
    for (int type = 0; type < types && type < static_cast<int>(scenario.nodeTypes.size()); ++type) {
        m_types[type].bootS = scenario.nodeTypes[type].bootS;
        m_types[type].shutdownS = scenario.nodeTypes[type].shutdownS;
    }

    // Classes by type, then by the first node at the level: one per type on a cluster without
    // DVFS, in type order, so that the meter sums exactly the terms it always did.
    m_classOf.assign(layout.nodeCount(), 0);
    for (int type = 0; type < types; ++type) {
        const CompiledNodeType &compiled = layout.types[type];
        const NodeType *spec = type < static_cast<int>(scenario.nodeTypes.size())
                                       ? &scenario.nodeTypes[type]
                                       : nullptr;
        const int firstClass = classCount();
        for (int node = 0; node < layout.nodeCount(); ++node) {
            if (layout.nodes[node].type != type)
                continue;
            const double frequency = rackFrequency[layout.nodes[node].rack];
            const DvfsLevel level =
                    dvfsLevelFor(spec ? spec->dvfs : std::vector<DvfsLevel>{}, frequency);
            int cls = firstClass;
            while (cls < classCount() && !(m_classes[cls].level == level))
                ++cls;
            if (cls == classCount()) {
                PowerClass created;
                created.type = type;
                created.slots = compiled.slots;
                created.level = level;
                const int slots = compiled.slots;
                for (int busy = 0; busy <= slots; ++busy) {
                    double w =
                            compiled.hasPower
                                    ? compiled.power.watts(slots > 0 ? double(busy) / slots : 0.0)
                                    : 0.0;
                    if (level.power != 1.0 && busy > 0)
                        w = created.watts.front() + (w - created.watts.front()) * level.power;
                    created.watts.push_back(w);
                }
                const double idle = created.watts.front();
                const double off = spec ? spec->offW : 0.0;
                const double boot = spec && spec->bootW ? *spec->bootW : idle;
                created.capWatts = created.watts;
                created.watts.insert(created.watts.end(), {off, boot, idle, off});
                created.capWatts.insert(created.capWatts.end(),
                                        {off, std::max(boot, idle), std::max(idle, off), off});
                for (double watts : created.watts)
                    created.exactWatts.push_back(ExactWatts::fromWatts(watts));
                for (double watts : created.capWatts)
                    created.exactCapWatts.push_back(ExactWatts::fromWatts(watts));
                m_classes.push_back(std::move(created));
            }
            m_classOf[node] = cls;
        }
    }

    m_nodeSpeed.resize(layout.nodeCount());
    m_maxSpeed = 0.0;
    for (int node = 0; node < layout.nodeCount(); ++node) {
        m_nodeSpeed[node] = m_classes[m_classOf[node]].level.speed;
        m_maxSpeed = std::max(m_maxSpeed, m_nodeSpeed[node]);
        m_uniformSpeed = m_uniformSpeed && m_nodeSpeed[node] == 1.0;
    }
    if (layout.nodeCount() == 0)
        m_maxSpeed = 1.0;
    m_uniformSpeed = m_uniformSpeed && m_spreadPenalty == 0.0;
}

double PowerModel::jobSpeed(const Allocation &allocation) const
{
    if (m_uniformSpeed || allocation.empty())
        return 1.0;
    double speed = m_nodeSpeed[allocation.front().node];
    int racks = 0;
    for (std::size_t i = 0; i < allocation.size(); ++i) {
        const int node = allocation[i].node;
        speed = std::min(speed, m_nodeSpeed[node]);
        const int rack = m_layout->nodes[node].rack;
        bool seen = false;
        for (std::size_t k = 0; k < i && !seen; ++k)
            seen = m_layout->nodes[allocation[k].node].rack == rack;
        racks += seen ? 0 : 1;
    }
    return speed / (1.0 + m_spreadPenalty * (racks - 1));
}

} // namespace headroom
