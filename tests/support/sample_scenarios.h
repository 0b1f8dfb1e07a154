#pragma once

#include "core/model/scenario.h"

namespace headroom::test {

// Scenarios for the tests of reading, writing and saving scenario files.

// Every field away from its default; both power models; racks with and without budgets;
// names with quotes, backslashes, control characters and non-ASCII text.
Scenario richScenario();

// `jobCount` jobs of random sizes and run times on 64 nodes of one rack, every tenth with a
// name and a tenant; the same for the same count.
Scenario largeScenario(int jobCount);

} // namespace headroom::test
