#pragma once

#include "core/io/read_progress.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <string_view>

namespace headroom {

// Names of what a trace's scenario is built of (docs/design.md §6).
inline constexpr std::string_view kSwfNodeTypeName = "swf-node";
inline constexpr std::string_view kSwfZoneName = "swf";
inline constexpr std::string_view kSwfRackName = "swf";

// A trace's cluster is built node by node (each node named, indexed and tracked), so its size
// is bounded: at most this many nodes (2^20, several times the largest machines of the
// Parallel Workloads Archive), whether from the MaxNodes/MaxProcs header or --nodes. Beyond
// it the reader refuses the trace with the range in its message: a few bytes of header
// must not cost gigabytes and minutes before the first job.
inline constexpr int kMaxSwfNodes = 1 << 20;

struct SwfOptions
{
    // Number of single-slot nodes; overrides the MaxNodes/MaxProcs header (--nodes N).
    std::optional<int> nodes;
    // The largest cluster accepted, from the header or `nodes` (at most kMaxSwfNodes). The fuzz
    // targets lower it (tests/fuzz/fuzz_support.h): a mutated header then costs a parse, not the
    // building of up to a million nodes, and the refusal path stays exercised.
    int maxNodes = kMaxSwfNodes;
};

struct SwfTrace
{
    // One node type, one zone, one rack of single-slot nodes "n0".."n{N-1}", and one job per
    // kept job line, in input order.
    Scenario scenario;
    long long jobLines = 0; // job lines read, kept or skipped
    long long skipped = 0;  // run time <= 0 or slots <= 0: docs/design.md §6 `jobs_skipped`
};

// Reads a Standard Workload Format trace (Parallel Workloads Archive), gzip-compressed or not.
// Throws InputError locating the file, line and field of anything it cannot use. With a
// `progress`, reports how far it is and throws ReadCancelled once that is cancelled.
SwfTrace readSwf(const std::string &path, const SwfOptions &options = {},
                 ReadProgress *progress = nullptr);

// The same from text already in memory; `displayName` names the trace in errors and gives the
// scenario its name.
SwfTrace parseSwf(std::string_view text, const std::string &displayName,
                  const SwfOptions &options = {});

} // namespace headroom
