#pragma once

#include "core/model/cluster.h"
#include "core/model/job.h"
#include "core/model/node_type.h"
#include "core/model/scenario.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace headroom {

// What an import counts as a slot (docs/design.md §9): a node's GPUs and a job's allocated
// GPUs, or their CPU cores, for clusters without accelerators.
enum class ImportSlots { Gpu, Cpu };

// What an import did, for the user to check against the source (docs/design.md §9): the CLI
// prints summaryText() and the GUI shows it.
struct ImportSummary
{
    std::string format;       // "Slurm accounting", "Kubernetes nodes", ...
    long long jobRecords = 0; // job records read (not job steps, not the header)
    long long jobsImported = 0;
    // Job records left out, by reason ("cancelled before it started": 3).
    std::map<std::string, long long> jobsSkipped;
    long long stepsIgnored = 0;  // sacct: job steps (123.batch, 123.0), which are not jobs
    long long sharedGpuPods = 0; // openb: pods with gpu_milli < 1000, given a whole GPU
    int nodeTypesCreated = 0;
    int nodesCreated = 0;
    std::map<std::string, long long> nodesSkipped; // by reason ("no GPUs": 2)
    // Where simulated time 0 is, when the source had calendar times ("2024-03-04T00:00:00").
    std::string timeOrigin;
    std::vector<std::string> notes; // anything else a planner should know

    long long jobsSkippedTotal() const;
};

// The summary as lines of plain text, the same for the CLI and the GUI.
std::string summaryText(const ImportSummary &summary);

// The parts of a scenario an import provides: jobs, or node types and a cluster, or both.
struct ImportResult
{
    std::optional<std::vector<Job>> jobs;
    std::vector<NodeType> nodeTypes;
    std::optional<Cluster> cluster;
    ImportSummary summary;
};

// The scenario an import makes (docs/design.md §9): `into` (or, without one, an empty scenario
// called `name` with the default policy) with what the import provides put in: its jobs
// replace all jobs; its cluster replaces the cluster; its node types replace the types of the
// same name and join the others (services and kept jobs may still name them). Policies,
// energy settings and services are kept. The result is validated: a problem throws InputError
// naming `blame` (the file the kept part came from) and the field's path.
Scenario applyImport(ImportResult result, const Scenario *into, const std::string &name,
                     const std::string &blame);

// Counts a skipped record under `reason`.
inline void countSkip(std::map<std::string, long long> &counts, const std::string &reason)
{
    ++counts[reason];
}

} // namespace headroom
