#include "core/placement/best_fit_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"

namespace headroom {

bool BestFitPlacement::place(const JobDemand &demand, const ClusterState &state, Allocation &out)
{
    out.clear();
    if (!demand.gang) {
        const int node = placement::leastFreeFitting(state, demand);
        if (node < 0)
            return false;
        out.push_back(placement::singleShare(state, demand, node));
        return true;
    }
    return placement::placeGangByType(demand, state, placement::GangTypeChoice::FewestFreeNodes,
                                      m_nodes, out);
}

std::optional<double> BestFitPlacement::score(const JobDemand &demand, const ClusterState &state,
                                              int node) const
{
    if (demand.gang)
        return 0.0; // a gang holds its nodes whole
    return state.freeSlots(node) - demand.slots;
}

} // namespace headroom
