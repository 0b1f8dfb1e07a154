#include "report/compared_run.h"

#include "core/io/run_outputs.h"

namespace headroom::report {

ComparedRun comparedRunOf(const QString &name, const Scenario &scenario, const RunResult &result)
{
    ComparedRun run;
    run.name = name;
    run.metrics = metricValues(result.metrics, runInfoFor(scenario));
    run.samples = result.samples;
    for (const JobOutcome &job : result.jobs) {
        if (job.state == JobState::Completed)
            run.waitsS.push_back(job.wait());
    }
    return run;
}

ComparedRun comparedRunOf(const QString &name, Evaluation evaluation)
{
    ComparedRun run;
    run.name = name;
    run.metrics = std::move(evaluation.metrics);
    run.samples = std::move(evaluation.samples);
    run.waitsS = std::move(evaluation.waitsS);
    return run;
}

} // namespace headroom::report
