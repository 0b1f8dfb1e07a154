#pragma once

#include "report/compared_run.h"

#include <QString>

namespace headroom::ui {

// The run value is the report's, so that the Compare window and its exported report read the
// same thing (report/compared_run.h).
using report::ComparedRun;
using report::comparedRunOf;

// "name · easy/best_fit": the name Keep Run for Comparison proposes.
QString proposedRunName(const Scenario &scenario);

} // namespace headroom::ui
