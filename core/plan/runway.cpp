#include "core/plan/runway.h"

#include "core/model/validation.h"
#include "core/plan/load_scale.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace headroom {

double runwayLoadScale(double growthPerMonth, int month)
{
    return std::pow(1.0 + growthPerMonth, month);
}

std::vector<std::string> runwayProblems(const Scenario &scenario, const RunwayRequest &request)
{
    std::vector<std::string> problems;
    if (!std::isfinite(request.growthPerMonth) || request.growthPerMonth <= -1.0)
        problems.push_back("the growth per month must be a finite number > -1");
    if (request.months < 0)
        problems.push_back("the number of months must be >= 0");
    for (std::string &problem : sloProblems(scenario, request.slos))
        problems.push_back(std::move(problem));
    if (!(request.settings.amortizationYears > 0.0) ||
        !std::isfinite(request.settings.amortizationYears))
        problems.push_back("the amortization period must be a finite number of years > 0");
    if (request.resize) {
        SizingRequest sizing = *request.resize;
        sizing.slos = request.slos;
        sizing.settings = request.settings;
        for (std::string &problem : sizingProblems(scenario, sizing)) {
            if (std::find(problems.begin(), problems.end(), problem) == problems.end())
                problems.push_back(std::move(problem));
        }
    }
    return problems;
}

RunwayResult runway(const Scenario &base, const RunwayRequest &request, WorkerPool &pool,
                    const PlanProgressCallback &progress, const CancelFlag *cancel)
{
    const std::vector<std::string> problems = runwayProblems(base, request);
    if (!problems.empty())
        throw std::invalid_argument(problems.front());
    RunwayResult result;
    result.request = request;

    // Each month's scenario must be valid: a scale that pushes a submission past the time
    // limit is reported, not simulated.
    const std::size_t count = std::size_t(request.months) + 1;
    for (std::size_t m = 0; m < count; ++m) {
        const double scale = runwayLoadScale(request.growthPerMonth, int(m));
        if (const auto problem = loadScaleProblem(scale)) {
            result.problem = "month " + std::to_string(m) + ": " + *problem;
            return result;
        }
        const std::vector<Problem> invalid = validateScenario(scaleLoad(base, scale));
        if (!invalid.empty()) {
            result.problem = "month " + std::to_string(m) + " (load scale " +
                             std::to_string(scale) + "): " + invalid.front().path + ": " +
                             invalid.front().message;
            return result;
        }
    }

    Evaluator evaluator(pool, request.settings, progress, cancel);
    evaluator.setExpectedTotal(int(count));
    std::vector<Evaluation> evaluations = evaluator.evaluate(count, [&](std::size_t m) {
        return scaleLoad(base, runwayLoadScale(request.growthPerMonth, int(m)));
    });
    if (evaluator.cancelled()) {
        result.cancelled = true;
        return result;
    }
    for (std::size_t m = 0; m < count; ++m) {
        RunwayMonth month;
        month.month = int(m);
        month.loadScale = runwayLoadScale(request.growthPerMonth, int(m));
        month.evaluation = std::move(evaluations[m]);
        month.meetsSlos = true;
        for (const Slo &slo : request.slos) {
            const double value = month.evaluation.metrics.find(slo.key).value_or(NAN);
            month.verdicts.push_back({value, slo.met(value)});
            month.meetsSlos = month.meetsSlos && month.verdicts.back().met;
        }
        if (!month.meetsSlos && !result.breachMonth) {
            result.breachMonth = month.month;
            result.breachLoadScale = month.loadScale;
        }
        result.months.push_back(std::move(month));
    }

    if (request.resize && result.breachMonth) {
        SizingRequest sizing = *request.resize;
        sizing.slos = request.slos;
        sizing.settings = request.settings;
        // Progress goes on counting from the months.
        PlanProgressCallback sizingProgress;
        if (progress) {
            const int months = int(count);
            sizingProgress = [&progress, months](const PlanProgress &p) {
                progress({months + p.done, months + p.total});
            };
        }
        result.resize = sizeCluster(scaleLoad(base, result.breachLoadScale), sizing, pool,
                                    sizingProgress, cancel);
        result.cancelled = result.resize->cancelled;
    }
    return result;
}

} // namespace headroom
