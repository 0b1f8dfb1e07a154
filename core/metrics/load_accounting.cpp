#include "core/metrics/load_accounting.h"

#include "core/metrics/statistics.h"

#include <algorithm>

namespace headroom {

LoadAccounting::LoadAccounting(const CompiledCluster &layout)
    : m_layout(&layout)
    , m_nodes(static_cast<std::size_t>(layout.nodeCount()))
{
    std::vector<int> sizeOfType;
    for (const CompiledNodeType &type : layout.types) {
        auto it = std::find(m_sizes.begin(), m_sizes.end(), type.slots);
        if (it == m_sizes.end()) {
            m_sizes.push_back(type.slots);
            it = m_sizes.end() - 1;
        }
        sizeOfType.push_back(static_cast<int>(it - m_sizes.begin()));
    }
    for (int node = 0; node < layout.nodeCount(); ++node)
        m_nodes[node].size = sizeOfType[layout.nodes[node].type];
    m_sum.assign(m_sizes.size(), 0);
    m_sumSq.assign(m_sizes.size(), 0);
}

double LoadAccounting::busySlotSeconds(int node, SimTime time) const
{
    const NodeLoad &load = m_nodes[node];
    return load.integral + static_cast<double>(load.busy) * (time - load.since);
}

LoadAccounting::Spread LoadAccounting::currentSpread() const
{
    double sum = 0.0;
    double sumSq = 0.0;
    for (std::size_t i = 0; i < m_sizes.size(); ++i) {
        const double size = m_sizes[i];
        if (size <= 0)
            continue;
        sum += static_cast<double>(m_sum[i]) / size;
        sumSq += static_cast<double>(m_sumSq[i]) / (size * size);
    }
    const Spread spread{coefficientOfVariation(sum, sumSq, m_layout->nodeCount()),
                        jainIndex(sum, sumSq, m_layout->nodeCount())};
    return spread;
}

} // namespace headroom
