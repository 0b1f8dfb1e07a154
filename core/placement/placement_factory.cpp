#include "core/placement/placement_factory.h"

#include "core/placement/best_fit_placement.h"
#include "core/placement/first_fit_placement.h"
#include "core/placement/least_loaded_placement.h"
#include "core/placement/power_aware_placement.h"
#include "core/placement/round_robin_placement.h"
#include "core/placement/topology_aware_placement.h"

namespace headroom {

std::unique_ptr<PlacementStrategy> makePlacement(PlacementKind kind)
{
    switch (kind) {
    case PlacementKind::FirstFit:
        return std::make_unique<FirstFitPlacement>();
    case PlacementKind::BestFit:
        return std::make_unique<BestFitPlacement>();
    case PlacementKind::LeastLoaded:
        return std::make_unique<LeastLoadedPlacement>();
    case PlacementKind::RoundRobin:
        return std::make_unique<RoundRobinPlacement>();
    case PlacementKind::TopologyAware:
        return std::make_unique<TopologyAwarePlacement>();
    case PlacementKind::PowerAware:
        return std::make_unique<PowerAwarePlacement>();
    }
    return std::make_unique<FirstFitPlacement>();
}

} // namespace headroom
