#include "core/engine/free_order_index.h"

#include <climits>

namespace headroom {

void FreeOrderIndex::build(const CompiledCluster &layout, const std::vector<int> &freeSlots)
{
    m_byType.assign(layout.types.size(), {});
    for (std::size_t type = 0; type < layout.types.size(); ++type) {
        const std::vector<int> &nodes = layout.types[type].nodes;
        for (std::size_t position = 0; position < nodes.size(); ++position)
            m_byType[type].emplace(freeSlots[nodes[position]], static_cast<int>(position));
    }
    m_built = true;
}

void FreeOrderIndex::changed(int type, int position, int oldFree, int newFree)
{
    std::set<std::pair<int, int>> &order = m_byType[type];
    // Reuses the tree node: no allocation per change.
    auto handle = order.extract({oldFree, position});
    handle.value().first = newFree;
    order.insert(std::move(handle));
}

int FreeOrderIndex::leastAtLeast(int type, int minimum, int begin, int end) const
{
    const std::set<std::pair<int, int>> &order = m_byType[type];
    if (begin >= end)
        return -1;
    // Candidates come in increasing free count; within one count the first position at or
    // after `begin` is the answer if it lies before `end`, else the next count is tried.
    auto it = order.lower_bound({minimum, begin});
    while (it != order.end()) {
        const int free = it->first;
        if (it->second < begin) {
            it = order.lower_bound({free, begin});
            continue;
        }
        if (it->second < end)
            return it->second;
        if (free == INT_MAX)
            break;
        it = order.lower_bound({free + 1, begin});
    }
    return -1;
}

} // namespace headroom
