#include "core/power/cap_feasibility.h"

#include <algorithm>
#include <limits>

namespace headroom {

CapFeasibility::CapFeasibility(const PowerModel &model)
    : m_model(&model)
{
    const CompiledCluster &layout = model.layout();
    const bool canSwitchOff = model.energy().dpmEnabled;
    m_rackFloorW.assign(layout.rackNodes.size(), 0.0);
    m_floorW.resize(layout.nodeCount());
    for (int node = 0; node < layout.nodeCount(); ++node) {
        const int cls = model.classOf(node);
        const double idle = model.capWatts(cls, 0);
        const double off = model.capWatts(cls, model.stateIndex(cls, NodePowerState::Off, 0));
        m_floorW[node] = canSwitchOff ? std::min(idle, off) : idle;
        m_rackFloorW[layout.nodes[node].rack] += m_floorW[node];
        m_clusterFloorW += m_floorW[node];
    }
}

bool CapFeasibility::possible(const NodeFilter &filter, int filterIndex, int slots, bool gang)
{
    if (!m_model->hasCaps())
        return true;
    const std::uint64_t key = (std::uint64_t(std::uint32_t(filterIndex)) << 32) |
                              (std::uint64_t(std::uint32_t(slots)) << 1) | (gang ? 1u : 0u);
    const auto it = m_cache.find(key);
    if (it != m_cache.end())
        return it->second;
    const bool answer = compute(filter, slots, gang);
    m_cache.emplace(key, answer);
    return answer;
}

bool CapFeasibility::compute(const NodeFilter &filter, int slots, bool gang) const
{
    const CompiledCluster &layout = m_model->layout();
    const double inf = std::numeric_limits<double>::infinity();
    for (int type = 0; type < static_cast<int>(layout.types.size()); ++type) {
        if (filter.type >= 0 && filter.type != type)
            continue;
        const int nodeSlots = layout.types[type].slots;
        if (!gang && nodeSlots < slots)
            continue;
        const int needed = gang ? gangNodesNeeded(slots, nodeSlots) : 1;
        const int busyPerNode = gang ? std::max(1, slots / needed) : slots;
        // What each admissible node of the type adds over its floor when it runs the job,
        // grouped by rack.
        std::vector<std::pair<int, double>> extra; // rack, watts
        for (int node : layout.types[type].nodes) {
            if (!filter.admits(layout.nodes[node], node))
                continue;
            const int cls = m_model->classOf(node);
            const double busyW = m_model->capWatts(cls, std::min(busyPerNode, nodeSlots));
            extra.emplace_back(layout.nodes[node].rack, busyW - m_floorW[node]);
        }
        if (static_cast<int>(extra.size()) < needed)
            continue;
        std::stable_sort(extra.begin(), extra.end(),
                         [](const auto &a, const auto &b) { return a.second < b.second; });
        std::vector<double> rackRoom(m_rackFloorW.size());
        for (std::size_t rack = 0; rack < rackRoom.size(); ++rack)
            rackRoom[rack] =
                    m_model->hasRackBudget(static_cast<int>(rack))
                            ? m_model->rackBudgetW(static_cast<int>(rack)) - m_rackFloorW[rack]
                            : inf;
        double clusterRoom =
                m_model->hasClusterCap() ? m_model->clusterCapW() - m_clusterFloorW : inf;
        // A hair of slack: the floors are sums, the caps' own check is exact.
        constexpr double kSlackW = 1e-6;
        int taken = 0;
        for (const auto &[rack, watts] : extra) {
            if (watts > rackRoom[rack] + kSlackW || watts > clusterRoom + kSlackW)
                continue;
            rackRoom[rack] -= watts;
            clusterRoom -= watts;
            if (++taken == needed)
                return true;
        }
    }
    return false;
}

void rejectJobsAboveCaps(const PowerModel &model, const std::vector<NodeFilter> &filters,
                         JobTable &jobs)
{
    if (!model.hasCaps())
        return;
    CapFeasibility feasibility(model);
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        if (jobs.rejectReason[job] != RejectReason::None)
            continue;
        const int filter = static_cast<int>(jobs.filter[job]);
        if (!feasibility.possible(filters[filter], filter, jobs.slots[job], jobs.gang[job] != 0))
            jobs.rejectReason[job] = RejectReason::ExceedsPowerCaps;
    }
}

} // namespace headroom
