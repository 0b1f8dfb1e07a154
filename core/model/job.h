#pragma once

#include "core/model/shared_value.h"
#include "core/model/sim_time.h"

#include <cstdint>
#include <string>

namespace headroom {

using JobId = std::int64_t;

// Where a job may run. Empty strings mean "anywhere". All given constraints must hold.
struct JobConstraints
{
    std::string nodeType; // NodeType::name
    std::string zone;     // Zone::name
    std::string rack;     // Rack::name
    std::string pinNode;  // NodeSpec::name; set by drag-and-drop in the GUI

    bool empty() const
    {
        return nodeType.empty() && zone.empty() && rack.empty() && pinNode.empty();
    }
    bool operator==(const JobConstraints &) const = default;
};

// How a job survives an interruption (docs/design.md §10.3): every `intervalS` seconds of work
// it pauses `costS` wall seconds to save its state, and after an interruption it resumes from
// the last state saved, first paying `restartOverheadS` (which a job without checkpoints pays
// too, before starting over). All 0: no checkpoints and a free restart.
struct JobCheckpoints
{
    SimTime intervalS = 0.0;
    SimTime costS = 0.0;
    SimTime restartOverheadS = 0.0;

    bool empty() const { return intervalS == 0.0 && costS == 0.0 && restartOverheadS == 0.0; }
    bool operator==(const JobCheckpoints &) const = default;
};

// A batch job as the user or a trace describes it. Value type, 80 bytes: a trace holds a
// million of them, so its strings, constraints and checkpoints cost one pointer each and
// nothing when empty (a trace's jobs share one tenant string per user), and the fields are
// ordered to pack.
struct Job
{
    JobId id = 0;
    SharedString name;
    SharedString tenant;
    SimTime submitS = 0.0;
    SimTime runS = 0.0;       // actual run time at speed 1.0
    SimTime requestedS = 0.0; // user's wall-time estimate; <= 0 means "not given"
    int slots = 1;            // accelerators requested; more than one node holds makes a gang
    int priority = 0;         // informational for now; no scheduler in docs/design.md §3 uses it
    SharedValue<JobConstraints> constraints; // rare; one pointer when unconstrained
    SharedValue<JobCheckpoints> checkpoints; // rare; one pointer without checkpoints
    bool dedicated = false; // tenant isolation: never shares a node with another tenant's job

    bool operator==(const Job &) const = default;
};
// The memory target of a million-job trace (issue 11: at most 200 bytes a job in all).
static_assert(sizeof(void *) != 8 || sizeof(Job) <= 80, "Job grew: see the comment above");

// docs/design.md §3: a missing (<= 0) request, or one smaller than the actual run time, is
// taken as the actual run time.
inline SimTime effectiveRequestedS(const Job &job)
{
    return job.requestedS < job.runS ? job.runS : job.requestedS;
}

} // namespace headroom
