#pragma once

#include "core/model/scenario.h"

namespace headroom::test {

// Scenarios shared by several suites.

// Every field away from its default; both power models; racks with and without budgets;
// names with quotes, backslashes, control characters and non-ASCII text.
Scenario richScenario();

// `jobCount` jobs of random sizes and run times on 64 nodes of one rack, every tenth with a
// name and a tenant; the same for the same count.
Scenario largeScenario(int jobCount);

// For the live views: two racks of 8-accelerator "gpu8" nodes in zone z0 (r0-n0..r0-n3 and
// r1-n0, r1-n1) with a linear 1-6 kW power model, and jobs #1..#4 asking for 16, 4, 8 and 2
// accelerators (#4 submitted at 10 s); #1 is "pretrain" of tenant "research", #2 of "prod".
Scenario twoRackScenario();

} // namespace headroom::test
