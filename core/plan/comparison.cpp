#include "core/plan/comparison.h"

#include <cmath>
#include <stdexcept>

namespace headroom {
namespace {

Scenario scenarioOf(const ComparisonInput &input)
{
    Scenario scenario = *input.scenario;
    applyOverrides(scenario, input.overrides);
    return scenario;
}

} // namespace

std::vector<std::string> comparisonProblems(const std::vector<ComparisonInput> &inputs)
{
    std::vector<std::string> problems;
    for (const ComparisonInput &input : inputs) {
        if (input.overrides.empty())
            continue; // a scenario as read was validated by its reader
        const std::vector<std::string> unknown = overrideProblems(*input.scenario, input.overrides);
        for (const std::string &problem : unknown)
            problems.push_back(input.name + ": " + problem);
        if (!unknown.empty())
            continue;
        Scenario scenario = scenarioOf(input);
        if (const std::vector<Problem> invalid = overriddenProblems(scenario); !invalid.empty())
            problems.push_back(input.name + ": the overrides make the scenario invalid: " +
                               invalid.front().path + ": " + invalid.front().message);
    }
    return problems;
}

std::vector<ComparisonRun> compareRuns(const std::vector<ComparisonInput> &inputs, WorkerPool &pool,
                                       const PlanProgressCallback &progress,
                                       const CancelFlag *cancel, bool keepSeries)
{
    if (const std::vector<std::string> problems = comparisonProblems(inputs); !problems.empty())
        throw std::invalid_argument(problems.front());
    // jobs_skipped differs per input, so it is set per run below rather than in the settings.
    EvaluationSettings settings;
    settings.keepSeries = keepSeries;
    Evaluator evaluator(pool, settings, progress, cancel);
    evaluator.setExpectedTotal(static_cast<int>(inputs.size()));
    std::vector<Evaluation> evaluations =
            evaluator.evaluate(inputs.size(), [&](std::size_t i) { return scenarioOf(inputs[i]); });
    std::vector<ComparisonRun> runs;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Evaluation &evaluation = evaluations[i];
        if (!evaluation.cancelled && inputs[i].jobsSkipped != 0) {
            evaluation.run.jobsSkipped = inputs[i].jobsSkipped;
            evaluation.metrics = metricValues(evaluation.run, evaluation.info);
        }
        runs.push_back(
                {inputs[i].name, inputs[i].source, inputs[i].overrides, std::move(evaluation)});
    }
    return runs;
}

std::vector<RunDeltas> comparisonDeltas(const std::vector<ComparisonRun> &runs)
{
    std::vector<RunDeltas> deltas;
    if (runs.empty())
        return deltas;
    const MetricValues &first = runs.front().evaluation.metrics;
    for (std::size_t r = 1; r < runs.size(); ++r) {
        RunDeltas run{runs[r].name, {}};
        for (const MetricValue &base : first.entries) {
            const std::optional<double> value = runs[r].evaluation.metrics.find(base.key);
            if (!value)
                continue;
            MetricDelta delta{base.key, *value - base.value, std::nullopt};
            if (base.value != 0.0)
                delta.relative = delta.delta / std::fabs(base.value);
            run.metrics.push_back(std::move(delta));
        }
        deltas.push_back(std::move(run));
    }
    return deltas;
}

} // namespace headroom
