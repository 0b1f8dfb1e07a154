#pragma once

#include "core/engine/run_result.h"
#include "core/io/run_outputs.h"
#include "core/model/scenario.h"
#include "core/plan/metric_values.h"
#include "core/plan/run_cost.h"
#include "core/plan/worker_pool.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

namespace headroom {

// One simulated configuration, reduced to what planning reads (docs/design.md §7.5).
struct Evaluation
{
    RunMetrics run;       // as Simulation::result() gives them (jobsSkipped set from settings)
    RunInfo info;         // runInfoFor(the scenario): metricsJson(run, info) is simulate's file
    MetricValues metrics; // metricValues(run, info)
    RunCost cost;
    bool cancelled = false; // stopped by the cancel flag: nothing above is meaningful
    // Only with EvaluationSettings::keepSeries (a comparison's charts, docs/design.md §8.1):
    // the run's time series, and the wait of each completed job in Scenario::jobs order.
    std::vector<Sample> samples;
    std::vector<double> waitsS;
};

struct EvaluationSettings
{
    double amortizationYears = kDefaultAmortizationYears;
    // Trace lines the reader skipped, reported as jobs_skipped as `simulate` does.
    long long jobsSkipped = 0;
    // Keep the samples and the completed jobs' waits in the Evaluation. Off for studies of
    // many points, whose memory would otherwise grow with every point.
    bool keepSeries = false;
};

// Runs one scenario to the end (it must be valid: std::invalid_argument otherwise), checking
// `cancel` every few thousand engine steps.
Evaluation evaluateScenario(const Scenario &scenario, const EvaluationSettings &settings,
                            const CancelFlag *cancel = nullptr);

// Progress of a planning study: evaluations finished, and the total the study expects (an
// estimate that may grow while a search runs; never below `done`).
struct PlanProgress
{
    int done = 0;
    int total = 0;
};
// Called from worker threads, one call at a time, after each evaluation.
using PlanProgressCallback = std::function<void(const PlanProgress &)>;

// The one engine sizing, runway and sweeps share: evaluates lists of configurations on a
// worker pool, each a pure function of its scenario, so the results (returned in list order)
// are the same whatever the number of threads or the order in which they finish.
class Evaluator
{
public:
    Evaluator(WorkerPool &pool, EvaluationSettings settings, PlanProgressCallback progress = {},
              const CancelFlag *cancel = nullptr);

    // Evaluates scenarioAt(0) … scenarioAt(count − 1); scenarioAt runs on the worker threads
    // (it must be safe to call concurrently), so building each scenario is parallel too.
    std::vector<Evaluation> evaluate(std::size_t count,
                                     const std::function<Scenario(std::size_t)> &scenarioAt);

    bool cancelled() const { return m_cancel && m_cancel->cancelled(); }
    int evaluated() const { return m_done.load(); }
    // What progress reports as the total: at least the evaluations done and under way.
    void setExpectedTotal(int total) { m_expected.store(total); }

private:
    WorkerPool &m_pool;
    EvaluationSettings m_settings;
    PlanProgressCallback m_progress;
    const CancelFlag *m_cancel = nullptr;
    std::atomic<int> m_done{0};
    std::atomic<int> m_expected{0};
    std::atomic<int> m_submitted{0};
    std::mutex m_progressMutex;
};

} // namespace headroom
