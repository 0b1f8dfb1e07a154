#pragma once

#include "core/model/policy.h"
#include "core/placement/placement_strategy.h"

#include <memory>

namespace headroom {

std::unique_ptr<PlacementStrategy> makePlacement(PlacementKind kind);

} // namespace headroom
