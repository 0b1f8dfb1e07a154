#pragma once

#include "core/engine/allocation.h"
#include "core/engine/node_filter.h"

#include <vector>

namespace headroom {

class ClusterState;

// Searches over the nodes a job may use, shared by the placement strategies and the
// explanation. Each works on the per-type free trees, a stretch per reservation group the
// filter admits (one stretch on a cluster without reservations), so excluded nodes are never
// visited and no search scans the cluster.
namespace placement {

// Topology order restricted to [from, to).
NodeRange intersect(NodeRange a, NodeRange b);

// Lowest-index node of `type` admitted by the filter and inside `within`, with at least
// `minimum` free slots; -1 if none.
int firstOfType(const ClusterState &state, const NodeFilter &filter, int type, int minimum,
                NodeRange within);

// Lowest-index node that can take the whole of a single-node demand (freeSlotsNeeded), inside
// `within`; -1 if none.
int firstFitting(const ClusterState &state, const JobDemand &demand, NodeRange within);

// The node that can take a single-node demand with the most free slots (ties: lowest index);
// -1 if none.
int mostFreeFitting(const ClusterState &state, const JobDemand &demand);

// The node that can take a single-node demand with the fewest free slots (ties: lowest index);
// -1 if none.
int leastFreeFitting(const ClusterState &state, const JobDemand &demand);

// The share a single-node demand gets on `node`: its slots, or the whole node if exclusive.
NodeShare singleShare(const ClusterState &state, const JobDemand &demand, int node);

// Appends to `out`, ascending, the lowest-index `limit` nodes of `type` admitted by the filter
// and inside `within` that have at least `minimum` free slots (fewer if there are not as many).
void collectFree(const ClusterState &state, const NodeFilter &filter, int type, int minimum,
                 NodeRange within, int limit, std::vector<int> &out);

// How many nodes of `type` admitted by the filter have at least `minimum` free slots.
int countFree(const ClusterState &state, const NodeFilter &filter, int type, int minimum);

// Whether the gang may use `type` at all (the filter's type, if any).
bool gangMayUse(const JobDemand &demand, int type);

// Fills `out` with whole-node shares of `nodes` (of one type) for a gang, in the given order;
// the last node keeps the remainder of the slots busy.
void gangShares(const ClusterState &state, const JobDemand &demand, const std::vector<int> &nodes,
                Allocation &out);

// Which node type a gang goes to when several could take it: best_fit consolidates on the type
// with the fewest whole free nodes, least_loaded spreads to the one with the most; ties go to
// the first type in topology order.
enum class GangTypeChoice { FewestFreeNodes, MostFreeNodes };
// Places a gang on whole free nodes of the chosen type, lowest index first; false if no type
// it may use has enough. `scratch` is reused between calls.
bool placeGangByType(const JobDemand &demand, const ClusterState &state, GangTypeChoice choice,
                     std::vector<int> &scratch, Allocation &out);

} // namespace placement
} // namespace headroom
