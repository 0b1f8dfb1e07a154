#pragma once

#include "core/engine/compiled_cluster.h"

namespace headroom {

// The nodes a job may use: one node type (or any) within one contiguous range of the
// topology order. Zone, rack and pin constraints all reduce to a range because nodes are
// numbered zone by zone, rack by rack.
struct NodeFilter
{
    int type = -1; // -1: any type
    NodeRange range;

    bool admits(const CompiledNode &node, int nodeIndex) const
    {
        return range.contains(nodeIndex) && (type < 0 || node.type == type);
    }
    bool operator==(const NodeFilter &) const = default;
};

// What a job asks of the cluster when it is placed.
struct JobDemand
{
    int slots = 1;
    bool gang = false; // more slots than any admissible node has: whole nodes of one type
    const NodeFilter *filter = nullptr;
};

// Whole nodes of a type with `nodeSlots` slots that a gang of `slots` needs.
inline int gangNodesNeeded(int slots, int nodeSlots)
{
    return (slots + nodeSlots - 1) / nodeSlots;
}

} // namespace headroom
