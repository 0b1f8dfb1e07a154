#include "core/placement/cap_fallback_placement.h"

#include "core/power/power_caps.h"

namespace headroom {

CapFallbackPlacement::CapFallbackPlacement(std::unique_ptr<PlacementStrategy> preferred,
                                           const PowerCaps &caps, const RackLoadIndex *index)
    : m_preferred(std::move(preferred))
    , m_caps(&caps)
{
    m_fallback.attach(&caps, index);
}

bool CapFallbackPlacement::place(const JobDemand &demand, const ClusterState &state,
                                 Allocation &out)
{
    m_refusedByCap = false;
    if (!m_preferred->place(demand, state, out))
        return false; // no free slots for it: no other strategy has any either
    if (m_caps->admits(state, out))
        return true;
    if (m_fallback.place(demand, state, out))
        return true;
    m_refusedByCap = true;
    return false;
}

} // namespace headroom
