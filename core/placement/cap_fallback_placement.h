#pragma once

#include "core/placement/power_aware_placement.h"

#include <memory>

namespace headroom {

class PowerCaps;

// Under power caps, a strategy that does not look at power (first_fit, round_robin, ...) may
// keep picking nodes in a rack that has no power left while other racks could take the job;
// the job would then wait for ever, and the nodes booted for it elsewhere time out unused and
// are booted again. docs/design.md §4 says scheduling respects the caps, not that a cap on one
// rack holds a job the rest of the cluster could run. So: the strategy's pick if the caps
// admit it, else power_aware's (nodes already on, the rack with the most headroom first),
// and only if that is refused too is the job held by the cap.
class CapFallbackPlacement final : public PlacementStrategy
{
public:
    // `caps` and `index` (may be null) must outlive the placement.
    CapFallbackPlacement(std::unique_ptr<PlacementStrategy> preferred, const PowerCaps &caps,
                         const RackLoadIndex *index);

    std::string_view name() const override { return m_preferred->name(); }
    bool place(const JobDemand &demand, const ClusterState &state, Allocation &out) override;
    bool refusedByCap() const override { return m_refusedByCap; }
    bool checksCaps() const override { return true; }
    void started(const Allocation &allocation) override { m_preferred->started(allocation); }
    std::string_view scoreMeaning() const override { return m_preferred->scoreMeaning(); }
    std::optional<double> score(const JobDemand &demand, const ClusterState &state,
                                int node) const override
    {
        return m_preferred->score(demand, state, node);
    }

private:
    std::unique_ptr<PlacementStrategy> m_preferred;
    const PowerCaps *m_caps;
    PowerAwarePlacement m_fallback;
    bool m_refusedByCap = false;
};

} // namespace headroom
