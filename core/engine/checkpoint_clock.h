#pragma once

#include "core/model/sim_time.h"

#include <algorithm>
#include <cmath>

namespace headroom {

// The arithmetic of one run segment of a checkpointed job (docs/design.md §10.3), in one place
// so that the end time the engine schedules and the progress it credits when the segment is
// cut can never disagree. Times after the segment's overhead; work in seconds at speed 1.
struct CheckpointClock
{
    SimTime saved = 0.0;    // S: the work the segment resumes from
    SimTime interval = 0.0; // c; 0: no checkpoints
    SimTime cost = 0.0;     // δ
    double speed = 1.0;     // v

    // #{k >= 1 : from < k·c < to}: the checkpoints written between two amounts of work.
    static long long between(SimTime from, SimTime to, SimTime c)
    {
        if (!(c > 0.0) || !(to > from))
            return 0;
        double first = std::floor(from / c) + 1.0; // smallest k with k·c > from
        while (first * c <= from)
            first += 1.0;
        while (first > 1.0 && (first - 1.0) * c > from)
            first -= 1.0;
        double last = std::ceil(to / c) - 1.0; // largest k with k·c < to
        while ((last + 1.0) * c < to)
            last += 1.0;
        while (last > 0.0 && last * c >= to)
            last -= 1.0;
        return last >= first ? static_cast<long long>(last - first + 1.0) : 0;
    }

    // Wall time to reach `work` (> saved) without interruption, checkpoint pauses included.
    SimTime wallTo(SimTime work) const
    {
        const SimTime pauses = cost > 0.0 ? cost * double(between(saved, work, interval)) : 0.0;
        return (work - saved) / speed + pauses;
    }

    struct Cut
    {
        SimTime reached = 0.0; // work done by the cut
        SimTime saved = 0.0;   // last checkpoint completed by then (or the segment's S)
        SimTime paused = 0.0;  // wall time spent writing checkpoints, a partial pause included
    };
    // Where the segment stands `elapsed` wall seconds into its work, `run` being the job's W.
    Cut cut(SimTime elapsed, SimTime run) const
    {
        Cut at{saved, saved, 0.0};
        if (!(elapsed > 0.0))
            return at;
        const long long count = between(saved, run, interval);
        if (count == 0) {
            at.reached = std::min(run, saved + elapsed * speed);
            return at;
        }
        const SimTime first = (std::floor(saved / interval) + 1.0) * interval;
        const SimTime toFirst = (first - saved) / speed;
        if (elapsed < toFirst) {
            at.reached = saved + elapsed * speed;
            return at;
        }
        SimTime left = elapsed - toFirst;
        if (left < cost) { // writing the first checkpoint
            at.reached = first;
            at.paused = left;
            return at;
        }
        left -= cost;
        const SimTime cycle = interval / speed + cost;
        const double more =
                std::min(std::floor(left / cycle), static_cast<double>(count - 1)); // written
        const SimTime base = first + more * interval;
        left -= more * cycle;
        at.saved = base;
        at.paused = cost * (1.0 + more);
        const bool checkpointNext = more < static_cast<double>(count - 1);
        const SimTime next = checkpointNext ? base + interval : run;
        const SimTime piece = (next - base) / speed;
        if (left < piece) {
            at.reached = base + left * speed;
        } else {
            at.reached = next;
            if (checkpointNext)
                at.paused += std::min(left - piece, cost);
        }
        at.reached = std::min(at.reached, run);
        return at;
    }
};

} // namespace headroom
