#pragma once

#include "core/engine/run_result.h"
#include "core/model/scenario.h"
#include "core/plan/evaluation.h"
#include "core/plan/metric_values.h"

#include <QString>

#include <vector>

namespace headroom::report {

// One run in a comparison (docs/design.md §8.1): its name, its metrics as `simulate` writes
// them, and the series the Compare window and the comparison report overlay. A value: a kept
// run outlives the run that made it, since the user edits and runs again.
struct ComparedRun
{
    QString name;
    MetricValues metrics;
    std::vector<Sample> samples;
    std::vector<double> waitsS; // completed jobs' waits, in Scenario::jobs order
};

// A finished run of `scenario` (the GUI's live run).
ComparedRun comparedRunOf(const QString &name, const Scenario &scenario, const RunResult &result);
// An evaluation made with EvaluationSettings::keepSeries (core/plan's comparison).
ComparedRun comparedRunOf(const QString &name, Evaluation evaluation);

} // namespace headroom::report
