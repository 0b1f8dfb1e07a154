#pragma once

#include "core/engine/simulation_observer.h"

#include <map>
#include <vector>

namespace headroom::test {

// Records everything a simulation reports, for assertions.
class RecordingObserver final : public SimulationObserver
{
public:
    struct Start
    {
        SimTime time;
        std::size_t job;
        Allocation allocation;
    };
    struct PowerStep
    {
        SimTime time;
        double watts;
    };

    std::vector<std::size_t> submitted;
    std::vector<std::size_t> rejected;
    std::vector<Start> starts;
    std::vector<std::pair<SimTime, std::size_t>> preempted;
    std::vector<std::pair<SimTime, std::size_t>> completed;
    std::vector<PowerStep> power;
    std::vector<Sample> samples;
    // First shadow time computed for each job when it was the queue head.
    std::map<std::size_t, SimTime> firstShadow;
    SimTime endTime = -1.0;
    int finishedCalls = 0;

    void jobSubmitted(SimTime, std::size_t job) override { submitted.push_back(job); }
    void jobRejected(SimTime, std::size_t job, RejectReason) override { rejected.push_back(job); }
    void jobStarted(SimTime time, std::size_t job, const Allocation &allocation) override
    {
        starts.push_back({time, job, allocation});
    }
    void jobPreempted(SimTime time, std::size_t job) override { preempted.emplace_back(time, job); }
    void jobCompleted(SimTime time, std::size_t job) override { completed.emplace_back(time, job); }
    void reservationMade(SimTime, std::size_t head, SimTime shadow) override
    {
        firstShadow.emplace(head, shadow); // keeps the first
    }
    void powerChanged(SimTime time, double watts) override { power.push_back({time, watts}); }
    void sampled(const Sample &sample) override { samples.push_back(sample); }
    void finished(SimTime end) override
    {
        endTime = end;
        ++finishedCalls;
    }

    // ∫ power dt from the first power step to `end`, summed exactly as the engine does.
    double integratePower(SimTime end) const;
};

} // namespace headroom::test
