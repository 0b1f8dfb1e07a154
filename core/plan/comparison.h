#pragma once

#include "core/model/scenario.h"
#include "core/plan/evaluation.h"
#include "core/plan/scenario_overrides.h"
#include "core/plan/worker_pool.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace headroom {

// Comparison (docs/design.md §8.1): several scenarios, or variants of one, run side by side on
// the evaluator sizing uses, each run exactly as `simulate` would run it.

// One run to compare: a scenario as read, and the overrides that make this run of it.
struct ComparisonInput
{
    std::string name;   // unique among the runs
    std::string source; // where the scenario came from (the INPUT path), for the result
    std::shared_ptr<const Scenario> scenario; // as read; shared by its variants
    std::vector<ScenarioOverride> overrides;  // applied on a copy (applyOverrides)
    long long jobsSkipped = 0;                // trace lines the reader skipped
};

struct ComparisonRun
{
    std::string name;
    std::string source;
    std::vector<ScenarioOverride> overrides;
    Evaluation evaluation; // metricsJson(evaluation.run, evaluation.info) is simulate's file
};

// One metric of a run against the same metric of the first run.
struct MetricDelta
{
    std::string key;
    double delta = 0.0;             // value − first's value
    std::optional<double> relative; // delta ÷ |first's value|; none when that is 0
};

struct RunDeltas
{
    std::string name;                 // the run
    std::vector<MetricDelta> metrics; // the first run's numeric keys this run has, in its order
};

// What keeps an input from running: an override that does not apply to its scenario, or a
// scenario the overrides make invalid. One sentence each, naming the run; empty when all run.
std::vector<std::string> comparisonProblems(const std::vector<ComparisonInput> &inputs);

// Runs every input on `pool` and returns the runs in input order, whatever the pool's size.
// The inputs must have no comparisonProblems (std::invalid_argument otherwise). With
// `keepSeries`, each evaluation keeps its samples and waits for charts (EvaluationSettings).
std::vector<ComparisonRun> compareRuns(const std::vector<ComparisonInput> &inputs, WorkerPool &pool,
                                       const PlanProgressCallback &progress = {},
                                       const CancelFlag *cancel = nullptr, bool keepSeries = false);

// The deltas of every run after the first against the first.
std::vector<RunDeltas> comparisonDeltas(const std::vector<ComparisonRun> &runs);

} // namespace headroom
