#pragma once

// A long run for the Gantt's scale checks, shared by tests/ui/test_live_charts.cpp (what is
// ingested and painted) and tests/bench/bench_views.cpp (how long that takes).
#include "ui/run/live_snapshot.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace headroom::test {

// `jobs` one-slot jobs on 64 nodes, started 64 at a time every 100 s and each running 90 s:
// their Started and Completed events in time order, as a snapshot carries them.
inline std::vector<ui::JobEvent> longRunEvents(int jobs)
{
    using ui::JobEvent;
    std::vector<JobEvent> events;
    events.reserve(std::size_t(jobs) * 2);
    for (int i = 0; i < jobs; ++i) {
        const double start = (i / 64) * 100.0;
        JobEvent started;
        started.kind = JobEvent::Kind::Started;
        started.time = start;
        started.job = std::size_t(i);
        started.nodes = {i % 64};
        JobEvent completed;
        completed.kind = JobEvent::Kind::Completed;
        completed.time = start + 90;
        completed.job = std::size_t(i);
        events.push_back(std::move(started));
        events.push_back(std::move(completed));
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const JobEvent &a, const JobEvent &b) { return a.time < b.time; });
    return events;
}

} // namespace headroom::test
