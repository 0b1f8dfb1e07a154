#include "core/placement/least_loaded_placement.h"

#include "core/engine/cluster_state.h"
#include "core/placement/node_search.h"

namespace headroom {

bool LeastLoadedPlacement::place(const JobDemand &demand, const ClusterState &state,
                                 Allocation &out)
{
    out.clear();
    if (!demand.gang) {
        const int node = placement::mostFreeFitting(state, demand);
        if (node < 0)
            return false;
        out.push_back(placement::singleShare(state, demand, node));
        return true;
    }
    return placement::placeGangByType(demand, state, placement::GangTypeChoice::MostFreeNodes,
                                      m_nodes, out);
}

std::optional<double> LeastLoadedPlacement::score(const JobDemand &, const ClusterState &state,
                                                  int node) const
{
    return state.freeSlots(node);
}

} // namespace headroom
