#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace headroom {

// Sweeps as cluster jobs (docs/design.md §8.5–§8.6): the scripts and manifests that run each
// shard of a sweep as one task of a Slurm job array or one pod of a Kubernetes Indexed Job, and
// the merge after them. Plain text, the same for the same request (no dates, no host names).

struct SweepJobRequest
{
    std::string command; // the headroom-cli the tasks run
    std::string spec;    // the spec, as the tasks see it
    std::string out;     // the folder the shards write to, as the tasks see it
    int shards = 1;
    std::size_t points = 0; // in the sweep, for the comments
    int threads = 1;        // per task
    std::string name;       // job name: "headroom-sweep-<first 8 digits of the fingerprint>"
};

// "sweep.sbatch" -> "sweep.merge.sbatch", "jobs.yaml" -> "jobs.merge.yaml", "x" -> "x.merge":
// where the merge step of an emitted array goes.
std::string mergeJobPath(std::string_view path);

// An sbatch script for the array: "#SBATCH --array=0-(shards−1)", one task per shard running
// `sweep SPEC --out OUT --shard $SLURM_ARRAY_TASK_ID/shards`, its log in OUT/logs/shard-<I>.log.
// `scriptPath` is where it is written, for the submission commands in its comments.
std::string slurmArrayScript(const SweepJobRequest &request, std::string_view scriptPath);
// The merge step, to submit with --dependency=afterok:<array job id>: `sweep merge OUT --out
// OUT/results.csv --json OUT/results.json`, its log in OUT/logs/merge.log.
std::string slurmMergeScript(const SweepJobRequest &request);
// Where the array task of `shard` writes its log (and where the merge writes its own).
std::string slurmShardLog(const SweepJobRequest &request, int shard);
std::string slurmMergeLog(const SweepJobRequest &request);

struct KubernetesOptions
{
    std::string image;
    int parallelism = 0;                  // pods at once; 0: every shard at once
    std::string claim = "headroom-sweep"; // PersistentVolumeClaim holding spec and results
    std::string mountPath = "/sweep";     // where it is mounted: the pods' working folder
};

// An Indexed Job (completionMode: Indexed, completions = shards, parallelism): pod I runs
// `sweep SPEC --out OUT --shard $(JOB_COMPLETION_INDEX)/shards` in the volume's folder.
// `manifestPath` is where it is written, for the commands in its comments.
std::string kubernetesIndexedJob(const SweepJobRequest &request, const KubernetesOptions &options,
                                 std::string_view manifestPath);
// The merge as a second Job, to apply once the Indexed Job has completed.
std::string kubernetesMergeJob(const SweepJobRequest &request, const KubernetesOptions &options);

// `text` quoted for a POSIX shell: 'it'\''s'.
std::string shellQuoted(std::string_view text);

} // namespace headroom
