#pragma once

// The reference floor of the engine benchmarks (bench_bare_fcfs, bench_replay --bare): FCFS
// over a pool of slots with a binary heap of completions, nothing else. Header-only, for the
// programs in tests/bench alone.

#include <queue>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace headroom::bench {

struct BareJob
{
    double submit;
    double run;
    int slots;
};

struct BareResult
{
    unsigned long long events = 0; // submissions, starts and completions
    long long started = 0;
    double meanWaitS = 0.0;
};

// `jobs` in submit order. A job larger than the pool is submitted and never runs (the
// engine rejects it). On single-slot nodes under first_fit the engine's FCFS makes the same
// schedule, so the mean wait equals its own.
inline BareResult bareFcfs(const std::vector<BareJob> &jobs, long long slots)
{
    using Completion = std::pair<double, int>; // (end, slots)
    std::priority_queue<Completion, std::vector<Completion>, std::greater<>> running;
    long long free = slots;
    std::size_t next = 0; // next to submit
    std::size_t head = 0; // first queued: FCFS never starts past it
    BareResult result;
    double waitSum = 0.0;
    while (head < jobs.size() || !running.empty()) {
        double now = running.empty() ? jobs[next].submit : running.top().first;
        if (next < jobs.size())
            now = std::min(now, jobs[next].submit);
        while (!running.empty() && running.top().first == now) {
            free += running.top().second;
            running.pop();
            ++result.events;
        }
        while (next < jobs.size() && jobs[next].submit == now) {
            ++next;
            ++result.events;
        }
        while (head < next && (jobs[head].slots <= free || jobs[head].slots > slots)) {
            const BareJob &job = jobs[head++];
            if (job.slots > slots)
                continue; // never fits: rejected at submission
            free -= job.slots;
            running.push({now + job.run, job.slots});
            waitSum += now - job.submit;
            ++result.started;
            ++result.events;
        }
    }
    result.meanWaitS = result.started > 0 ? waitSum / double(result.started) : 0.0;
    return result;
}

} // namespace headroom::bench
