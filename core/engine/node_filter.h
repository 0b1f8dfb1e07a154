#pragma once

#include "core/engine/compiled_cluster.h"

namespace headroom {

// The nodes a job may use: one node type (or any) within one contiguous range of the
// topology order, less the nodes reserved for other tenants. Zone, rack and pin constraints
// all reduce to a range because nodes are numbered zone by zone, rack by rack; reservations
// are static, so a job's tenant reduces to which reservation groups it may use.
struct NodeFilter
{
    // `owner` values besides a tenant index (CompiledCluster::tenantNames).
    static constexpr int kAnyOwner = -2;   // every node, reserved or not
    static constexpr int kSharedOnly = -1; // only nodes reserved for nobody

    int type = -1; // -1: any type
    NodeRange range;
    // Which reserved nodes it may use besides the shared ones: kAnyOwner (all of them; the
    // case on a cluster without reservations, and for filter 0), kSharedOnly, or a tenant
    // index (shared nodes and that tenant's).
    int owner = kAnyOwner;

    bool admitsOwner(int nodeOwner) const
    {
        return owner == kAnyOwner || nodeOwner < 0 || nodeOwner == owner;
    }
    // Reservation group g (CompiledNodeType::groupBegin): 0 shared, t + 1 tenant t.
    bool admitsGroup(int group) const { return admitsOwner(group - 1); }
    bool admits(const CompiledNode &node, int nodeIndex) const
    {
        return range.contains(nodeIndex) && (type < 0 || node.type == type) &&
               admitsOwner(node.owner);
    }
    bool operator==(const NodeFilter &) const = default;
};

// What a job asks of the cluster when it is placed.
struct JobDemand
{
    int slots = 1;
    bool gang = false; // more slots than any admissible node has: whole nodes of one type
    const NodeFilter *filter = nullptr;
    // A dedicated job (tenant isolation): it holds every node it uses whole, so no other job
    // shares them. A gang does anyway; a single-node one takes a whole free node, holding all
    // its slots but keeping only `slots` of them busy.
    bool exclusive = false;
};

// Whole nodes of a type with `nodeSlots` slots that a gang of `slots` needs.
inline int gangNodesNeeded(int slots, int nodeSlots)
{
    return (slots + nodeSlots - 1) / nodeSlots;
}

// Free slots a node of `nodeSlots` slots needs to take the job: its request, or the whole
// node for a gang or an exclusive job; 0 when such a node can never take it.
inline int freeSlotsNeeded(const JobDemand &demand, int nodeSlots)
{
    if (demand.gang)
        return nodeSlots;
    if (nodeSlots < demand.slots)
        return 0;
    return demand.exclusive ? nodeSlots : demand.slots;
}

} // namespace headroom
