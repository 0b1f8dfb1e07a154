#pragma once

#include "core/engine/run_result.h"
#include "core/engine/simulation.h"
#include "core/model/scenario.h"
#include "tests/support/recording_observer.h"

#include <stdexcept>
#include <string>

namespace headroom::test {

// Runs the scenario to the end, optionally recording what the engine reported.
inline RunResult runScenario(const Scenario &scenario, RecordingObserver *observer = nullptr)
{
    Simulation simulation(scenario);
    if (observer)
        simulation.addObserver(observer);
    simulation.run();
    return simulation.result();
}

// The outcome of the job with `id`; a test naming a job that does not exist is a bug in it.
inline const JobOutcome &outcome(const RunResult &result, JobId id)
{
    for (const JobOutcome &job : result.jobs) {
        if (job.id == id)
            return job;
    }
    throw std::logic_error("no job " + std::to_string(id));
}

} // namespace headroom::test
