#pragma once

#include <vector>

namespace headroom {

// Part of one node given to a job. `held` slots are reserved for the job; `busy` of them do
// work. They differ only on the last node of a gang whose size is not a multiple of the node
// size: the gang holds that node whole, but only the remainder of its accelerators is busy
// (so it draws less power and counts less utilization).
struct NodeShare
{
    int node = 0;
    int held = 0;
    int busy = 0;
    bool operator==(const NodeShare &) const = default;
};

using Allocation = std::vector<NodeShare>;

} // namespace headroom
