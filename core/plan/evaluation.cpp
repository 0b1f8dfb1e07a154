#include "core/plan/evaluation.h"

#include "core/engine/simulation.h"

#include <algorithm>

namespace headroom {

Evaluation evaluateScenario(const Scenario &scenario, const EvaluationSettings &settings,
                            const CancelFlag *cancel)
{
    Evaluation evaluation;
    if (cancel && cancel->cancelled()) {
        evaluation.cancelled = true;
        return evaluation;
    }
    Simulation simulation(scenario);
    // Often enough that Cancel answers within a fraction of a second on a large trace.
    constexpr int kStepsPerCheck = 4096;
    while (!simulation.finished()) {
        for (int i = 0; i < kStepsPerCheck && simulation.step(); ++i) {
        }
        if (cancel && cancel->cancelled()) {
            evaluation.cancelled = true;
            return evaluation;
        }
    }
    RunResult result = simulation.result();
    result.metrics.jobsSkipped = settings.jobsSkipped;
    evaluation.info = runInfoFor(scenario);
    evaluation.cost = runCost(scenario, result, settings.amortizationYears);
    evaluation.metrics = metricValues(result.metrics, evaluation.info);
    if (settings.keepSeries) {
        evaluation.samples = std::move(result.samples);
        for (const JobOutcome &job : result.jobs) {
            if (job.state == JobState::Completed)
                evaluation.waitsS.push_back(job.wait());
        }
    }
    evaluation.run = std::move(result.metrics);
    return evaluation;
}

Evaluator::Evaluator(WorkerPool &pool, EvaluationSettings settings, PlanProgressCallback progress,
                     const CancelFlag *cancel)
    : m_pool(pool)
    , m_settings(settings)
    , m_progress(std::move(progress))
    , m_cancel(cancel)
{}

std::vector<Evaluation> Evaluator::evaluate(std::size_t count,
                                            const std::function<Scenario(std::size_t)> &scenarioAt)
{
    std::vector<Evaluation> results(count);
    m_submitted.fetch_add(static_cast<int>(count));
    m_pool.run(count, [&](std::size_t i) {
        results[i] = evaluateScenario(scenarioAt(i), m_settings, m_cancel);
        // Counted under the lock, so that the callback sees `done` rise one by one.
        std::lock_guard lock(m_progressMutex);
        const int done = m_done.fetch_add(1) + 1;
        if (m_progress)
            m_progress({done, std::max({done, m_expected.load(), m_submitted.load()})});
    });
    return results;
}

} // namespace headroom
