#include "core/engine/job_table.h"

namespace headroom {

void JobTable::beginSegment(JobIndex j, const Allocation &allocation, const Segment &segment)
{
    if (allocationSlot[j] == kNoAllocation && freeAllocationSlots.empty()) {
        // push_back copes with an argument that lives in the pool itself, which a plain
        // grow-then-assign would leave dangling.
        allocationSlot[j] = static_cast<std::uint32_t>(runPool.size());
        runPool.push_back({segment, allocation});
        return;
    }
    if (allocationSlot[j] == kNoAllocation) {
        allocationSlot[j] = freeAllocationSlots.back();
        freeAllocationSlots.pop_back();
    }
    RunEntry &entry = runPool[allocationSlot[j]];
    entry.allocation = allocation; // reuses the entry's capacity
    entry.segment = segment;
}

void JobTable::clearAllocation(JobIndex j)
{
    const std::uint32_t slot = allocationSlot[j];
    if (slot == kNoAllocation)
        return;
    runPool[slot].allocation.clear();
    freeAllocationSlots.push_back(slot);
    allocationSlot[j] = kNoAllocation;
}

const char *describe(RejectReason reason)
{
    switch (reason) {
    case RejectReason::None:
        return "";
    case RejectReason::LargerThanCluster:
        return "needs more accelerators than any node type of the cluster can provide";
    case RejectReason::ConstraintsTooSmall:
        return "the nodes its constraints allow can never hold it";
    case RejectReason::NotStartedByEnd:
        return "not started by the end of the run";
    case RejectReason::ReservedForOtherTenants:
        return "the nodes open to its tenant (shared ones and its own reservation) can never "
               "hold it";
    case RejectReason::ExceedsPowerCaps:
        return "running it would break a rack power budget or the cluster power cap even with "
               "every other node at its lowest draw";
    case RejectReason::NeedsServiceNodes:
        return "needs nodes an inference service holds for the whole run";
    }
    return "";
}

} // namespace headroom
