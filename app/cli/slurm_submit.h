#pragma once

#include "core/io/sweep_jobs.h"

#include <QString>

#include <functional>

namespace headroom::cli {

// `sweep --emit-slurm FILE --submit` (docs/design.md §8.5): what was emitted, to submit.
struct SlurmSubmission
{
    SweepJobRequest request; // absolute paths
    QString arrayScript;
    QString mergeScript;
    QString specPath; // as the user gave it, for the rerun hint
    bool quiet = false;
};

// Merges the shards in the request's folder into the two files (csv, json); an exit status.
using SweepMerge = std::function<int(const QString &csv, const QString &json)>;

// Submits the array with sbatch and the merge with --dependency=afterok on it, polls
// `squeue -h -j` once a second until both have left the queue, then merges here too (the same
// bytes the merge job writes). A shard without a result is reported with its log and how to
// rerun it alone, and the status is kExitJobFailed. Earlier results of this shard count in the
// folder are removed first, so that a stale file cannot stand in for a failed task.
int submitAndWait(const SlurmSubmission &submission, const SweepMerge &merge);

} // namespace headroom::cli
