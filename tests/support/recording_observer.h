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
        bool operator==(const Start &) const = default;
    };
    // A node switched by power management (not part of `events`).
    struct NodeSwitch
    {
        SimTime time;
        int node;
        NodePowerState state;
        bool operator==(const NodeSwitch &) const = default;
    };
    struct PowerStep
    {
        SimTime time;
        double watts;
        bool operator==(const PowerStep &) const = default;
    };
    // One report, in the order the engine made it, so that a test can replay the run. `index`
    // points into `starts`, `power` or `samples` for those kinds.
    struct Event
    {
        enum class Kind { Submitted, Rejected, Started, Preempted, Completed, Power, Sampled };
        Kind kind;
        SimTime time;
        std::size_t job = 0;
        std::size_t index = 0;
        bool operator==(const Event &) const = default;
    };

    std::vector<std::size_t> submitted;
    std::vector<std::size_t> rejected;
    std::vector<Start> starts;
    std::vector<std::pair<SimTime, std::size_t>> preempted;
    std::vector<std::pair<SimTime, std::size_t>> completed;
    std::vector<PowerStep> power;
    std::vector<NodeSwitch> switches;
    std::vector<Sample> samples;
    // First shadow time computed for each job when it was the queue head.
    std::map<std::size_t, SimTime> firstShadow;
    SimTime endTime = -1.0;
    int finishedCalls = 0;
    std::vector<Event> events;

    void jobSubmitted(SimTime time, std::size_t job) override
    {
        submitted.push_back(job);
        events.push_back({Event::Kind::Submitted, time, job});
    }
    void jobRejected(SimTime time, std::size_t job, RejectReason) override
    {
        rejected.push_back(job);
        events.push_back({Event::Kind::Rejected, time, job});
    }
    void jobStarted(SimTime time, std::size_t job, const Allocation &allocation) override
    {
        events.push_back({Event::Kind::Started, time, job, starts.size()});
        starts.push_back({time, job, allocation});
    }
    void jobPreempted(SimTime time, std::size_t job) override
    {
        preempted.emplace_back(time, job);
        events.push_back({Event::Kind::Preempted, time, job});
    }
    void jobCompleted(SimTime time, std::size_t job) override
    {
        completed.emplace_back(time, job);
        events.push_back({Event::Kind::Completed, time, job});
    }
    void reservationMade(SimTime, std::size_t head, SimTime shadow) override
    {
        firstShadow.emplace(head, shadow); // keeps the first
    }
    void powerChanged(SimTime time, double watts) override
    {
        events.push_back({Event::Kind::Power, time, 0, power.size()});
        power.push_back({time, watts});
    }
    void nodePowerStateChanged(SimTime time, int node, NodePowerState state) override
    {
        switches.push_back({time, node, state});
    }
    void sampled(const Sample &sample) override
    {
        events.push_back({Event::Kind::Sampled, sample.time, 0, samples.size()});
        samples.push_back(sample);
    }
    void finished(SimTime end) override
    {
        endTime = end;
        ++finishedCalls;
    }

    // ∫ power dt from the first power step to `end`, summed exactly as the engine does.
    double integratePower(SimTime end) const;
};

} // namespace headroom::test
