#pragma once

#include "core/engine/compiled_cluster.h"

#include <set>
#include <utility>
#include <vector>

namespace headroom {

// Each node type's nodes ordered by (free slots, position in the type's free tree), for
// best-fit placement: "the node with the fewest free slots that still has k, within a stretch
// of positions" in O(log n) per distinct free count it has to skip. A MaxTree cannot answer
// that (it finds the first node with at least k, not the one with the least).
//
// Keeping it costs a tree update per change of a node's free slots, which only best-fit needs,
// so ClusterState builds it on first use and keeps it up to date from then on.
class FreeOrderIndex
{
public:
    bool built() const { return m_built; }
    void build(const CompiledCluster &layout, const std::vector<int> &freeSlots);
    void changed(int type, int position, int oldFree, int newFree);

    // The position in [begin, end) of `type`'s tree whose free slots are the fewest that are
    // at least `minimum`, ties the lowest position; -1 if none.
    int leastAtLeast(int type, int minimum, int begin, int end) const;

private:
    bool m_built = false;
    std::vector<std::set<std::pair<int, int>>> m_byType; // (free, position)
};

} // namespace headroom
