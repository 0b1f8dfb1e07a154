#pragma once

#include "core/model/scenario.h"
#include "core/plan/evaluation.h"
#include "core/plan/sizing.h"
#include "core/plan/slo.h"
#include "core/plan/worker_pool.h"

#include <optional>
#include <string>
#include <vector>

namespace headroom {

// Runway (docs/design.md §7.7): how many months of load growth the cluster absorbs before an
// SLO breaks. Month m runs the scenario at load scale (1 + growth)^m (core/plan/load_scale.h).
struct RunwayRequest
{
    double growthPerMonth = 0.0; // > −1
    int months = 24;             // months 0 … months are evaluated
    std::vector<Slo> slos;
    EvaluationSettings settings;
    // When set, the cluster is also sized for the first breaching month's load (its slos are
    // replaced by this request's).
    std::optional<SizingRequest> resize;
};

// What is wrong with a request for this scenario, one sentence each; empty when it can run.
std::vector<std::string> runwayProblems(const Scenario &scenario, const RunwayRequest &request);

struct RunwayMonth
{
    int month = 0;
    double loadScale = 1.0;
    Evaluation evaluation;
    std::vector<SloVerdict> verdicts; // per RunwayRequest::slos entry
    bool meetsSlos = false;
};

struct RunwayResult
{
    RunwayRequest request;
    std::vector<RunwayMonth> months; // every month, 0 first
    std::optional<int> breachMonth;  // the first month that breaks an SLO
    double breachLoadScale = 0.0;    // its load scale (when there is one)
    std::optional<SizingResult> resize;
    bool cancelled = false;
    std::string problem; // a month whose scaled scenario is invalid (factor too extreme): why
};

// The load scale of month m: (1 + growth)^m.
double runwayLoadScale(double growthPerMonth, int month);

// Every month runs as one batch on `pool` (the per-month chart needs them all), so the result
// is the same for any pool size. `base` is the scenario as it will be run (overrides applied).
RunwayResult runway(const Scenario &base, const RunwayRequest &request, WorkerPool &pool,
                    const PlanProgressCallback &progress = {}, const CancelFlag *cancel = nullptr);

} // namespace headroom
