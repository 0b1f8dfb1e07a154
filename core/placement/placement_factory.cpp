#include "core/placement/placement_factory.h"

#include "core/placement/first_fit_placement.h"

namespace headroom {

std::unique_ptr<PlacementStrategy> makePlacement(PlacementKind kind)
{
    switch (kind) {
    case PlacementKind::FirstFit:
        return std::make_unique<FirstFitPlacement>();
    }
    return std::make_unique<FirstFitPlacement>();
}

} // namespace headroom
