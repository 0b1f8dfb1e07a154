#pragma once

#include "core/model/sim_time.h"

#include <cstddef>
#include <cstdint>
#include <limits>

namespace headroom {

// Why a queued job is not running (docs/design.md §3.12). Decided by the engine at each
// scheduling pass from what the scheduler found when it looked at the job; a job the
// scheduler did not look at keeps what it had (nothing it depends on changed), or, never
// looked at, waits behind the head of the queue.
enum class WaitReason : std::uint8_t {
    None,       // not queued
    HeadOfLine, // it would fit, but the scheduler keeps it behind the job at the head
    NodesBusy,  // the nodes it may use are held by running jobs
    // Its own nodes are held by running jobs, while nodes its constraints (type, zone, rack,
    // pin, tenant reservation) rule out have room for it now.
    Constraint,
    PowerCap,      // it fits, but starting it would break a rack budget or the cluster cap
    Booting,       // it fits once nodes being switched on have booted
    NodesOff,      // it fits only on nodes power management has switched off
    HeldByService, // it fits only once an inference service releases replicas
    // Only if a service released replicas it never releases (its minimum replicas): the job
    // can never start (a job submitted after they were placed is rejected instead).
    HeldByServiceForRun,
    NodesDown, // it fits once failed nodes are repaired or outages end (docs/design.md §10.5)
};
inline constexpr std::size_t kWaitReasonCount = 10;

// What a job waits for, and until when if the engine can tell.
struct WaitInfo
{
    WaitReason reason = WaitReason::None;
    // When the blocker goes away if known (Booting: the last boot among its nodes completes;
    // HeldByService: the services' load profiles release enough replicas); +infinity when not
    // known, or never (HeldByServiceForRun).
    SimTime until = std::numeric_limits<SimTime>::infinity();
    bool operator==(const WaitInfo &) const = default;
};

// Short words for a table column: "head of line", "power cap".
const char *label(WaitReason reason);
// A sentence for users: "the nodes it may use are held by running jobs".
const char *describe(WaitReason reason);
// Machine-readable name for CSV files: "head_of_line", "power_cap" (empty for None).
const char *csvName(WaitReason reason);

} // namespace headroom
