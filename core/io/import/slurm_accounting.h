#pragma once

#include "core/io/import/import_result.h"
#include "core/io/read_progress.h"

#include <optional>
#include <string>
#include <string_view>

namespace headroom {

// Slurm accounting (docs/design.md §9): the output of `sacct -P` with its header line, fields
// in any order. Job steps are not jobs; array tasks are; a job that never started is skipped
// and counted by reason. `cluster` is the cluster the jobs will run on: a job's Partition
// becomes a constraint to the zone or rack of that name when it has one. Times are shifted so
// that time 0 is the midnight before the first submission. Throws InputError naming the file,
// the line and the column of anything it cannot use. With a `progress`, reports how far it is
// and throws ReadCancelled once that is cancelled.
ImportResult parseSacct(std::string_view text, const std::string &file, ImportSlots slots,
                        const Cluster &cluster, ReadProgress *progress = nullptr);
ImportResult readSacct(const std::string &path, ImportSlots slots, const Cluster &cluster,
                       ReadProgress *progress = nullptr);

// `scontrol show node -o`, one node a line: node types from CPUTot, RealMemory and
// Gres=gpu[:TYPE]:N, racks from Partitions (docs/design.md §9).
ImportResult parseSlurmNodes(std::string_view text, const std::string &file, ImportSlots slots);
ImportResult readSlurmNodes(const std::string &path, ImportSlots slots);

// `headroom-cli import slurm`: the accounting, with the node list when there is one (else the
// jobs are meant for `intoCluster`, the cluster of the scenario they go into).
struct SlurmImportOptions
{
    std::string sacctPath;
    std::optional<std::string> nodesPath;
    ImportSlots slots = ImportSlots::Gpu;
};
ImportResult importSlurm(const SlurmImportOptions &options, const Cluster &intoCluster,
                         ReadProgress *progress = nullptr);

} // namespace headroom
