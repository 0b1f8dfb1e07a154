#include "core/io/sweep_jobs.h"

#include "headroom_version.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <vector>

namespace headroom {
namespace {

std::string joinPath(const std::string &folder, std::string_view name)
{
    return (std::filesystem::path(folder) / name).string();
}

// A YAML scalar as a JSON string (YAML reads JSON's double-quoted strings as they are).
std::string yamlString(std::string_view text)
{
    return nlohmann::json(std::string(text))
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string yamlList(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out.append(i ? ", " : "").append(yamlString(items[i]));
    return out + "]";
}

std::string pointsText(const SweepJobRequest &request)
{
    return std::to_string(request.points) + (request.points == 1 ? " point" : " points") + " in " +
           std::to_string(request.shards) + (request.shards == 1 ? " shard" : " shards");
}

} // namespace

std::string shellQuoted(std::string_view text)
{
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string mergeJobPath(std::string_view path)
{
    const std::filesystem::path file{std::string(path)};
    const std::string extension = file.extension().string();
    std::filesystem::path merged = file;
    merged.replace_extension(); // "sweep.sbatch" -> "sweep"
    return merged.string() + ".merge" + extension;
}

std::string slurmShardLog(const SweepJobRequest &request, int shard)
{
    return joinPath(joinPath(request.out, "logs"), "shard-" + std::to_string(shard) + ".log");
}

std::string slurmMergeLog(const SweepJobRequest &request)
{
    return joinPath(joinPath(request.out, "logs"), "merge.log");
}

std::string slurmArrayScript(const SweepJobRequest &request, std::string_view scriptPath)
{
    const std::string script = shellQuoted(scriptPath);
    const std::string merge = shellQuoted(mergeJobPath(scriptPath));
    const std::string shards = std::to_string(request.shards);
    std::string out;
    out += "#!/bin/bash\n";
    out += "# A Headroom sweep as a Slurm job array (docs/design.md §8.5), written by "
           "headroom-cli ";
    out += std::string(kVersion) + ".\n";
    out += "# " + request.spec + ": " + pointsText(request) + "; task I runs shard I and writes\n";
    out += "# " + joinPath(request.out, "shard-I-of-" + shards + ".json") + ".\n";
    out += "#\n";
    out += "# Submit the array, then the merge once every task has succeeded:\n";
    out += "#   array=$(sbatch --parsable " + script + ")\n";
    out += "#   sbatch --dependency=afterok:${array%%;*} --kill-on-invalid-dep=yes " + merge + "\n";
    out += "# (headroom-cli sweep SPEC --emit-slurm FILE --shards N --out DIR --submit does both\n";
    out += "# and waits.) Rerun a failed shard I alone with: sbatch --array=I " + script + "\n";
    out += "#SBATCH --job-name=" + request.name + "\n";
    out += "#SBATCH --array=0-" + std::to_string(request.shards - 1) + "\n";
    out += "#SBATCH --ntasks=1\n";
    out += "#SBATCH --cpus-per-task=" + std::to_string(request.threads) + "\n";
    // %a: the array task's index, so that shard I's log is slurmShardLog(request, I).
    out += "#SBATCH --output=" + joinPath(joinPath(request.out, "logs"), "shard-%a.log") + "\n";
    out += "set -euo pipefail\n";
    out += "exec " + shellQuoted(request.command) + " sweep " + shellQuoted(request.spec) +
           " --out " + shellQuoted(request.out) + " --shard \"${SLURM_ARRAY_TASK_ID}/" + shards +
           "\" --threads \"${SLURM_CPUS_PER_TASK:-" + std::to_string(request.threads) +
           "}\" --quiet\n";
    return out;
}

std::string slurmMergeScript(const SweepJobRequest &request)
{
    std::string out;
    out += "#!/bin/bash\n";
    out += "# The merge of a Headroom sweep's shards (docs/design.md §8.5), written by "
           "headroom-cli ";
    out += std::string(kVersion) + ".\n";
    out += "# Submit it with --dependency=afterok:<the array's job id>.\n";
    out += "#SBATCH --job-name=" + request.name + "-merge\n";
    out += "#SBATCH --ntasks=1\n";
    out += "#SBATCH --output=" + slurmMergeLog(request) + "\n";
    out += "set -euo pipefail\n";
    out += "exec " + shellQuoted(request.command) + " sweep merge " + shellQuoted(request.out) +
           " --out " + shellQuoted(joinPath(request.out, "results.csv")) + " --json " +
           shellQuoted(joinPath(request.out, "results.json")) + "\n";
    return out;
}

namespace {

// The pod template both Jobs share: one container running headroom-cli with `args` in the
// volume's folder.
std::string podTemplate(const KubernetesOptions &options, const std::string &container,
                        const std::vector<std::string> &args, bool completionIndex)
{
    std::string out;
    out += "  template:\n";
    out += "    metadata:\n";
    out += "      labels:\n";
    out += "        app.kubernetes.io/name: headroom-sweep\n";
    out += "    spec:\n";
    out += "      restartPolicy: Never\n";
    out += "      containers:\n";
    out += "        - name: " + container + "\n";
    out += "          image: " + yamlString(options.image) + "\n";
    out += "          workingDir: " + yamlString(options.mountPath) + "\n";
    out += "          command: [\"headroom-cli\"]\n";
    out += "          args: " + yamlList(args) + "\n";
    if (completionIndex) {
        // Set by the Job controller too; spelled out so that $(JOB_COMPLETION_INDEX) in args
        // expands on every Kubernetes version that has Indexed Jobs.
        out += "          env:\n";
        out += "            - name: JOB_COMPLETION_INDEX\n";
        out += "              valueFrom:\n";
        out += "                fieldRef:\n";
        out += "                  fieldPath: "
               "metadata.annotations['batch.kubernetes.io/job-completion-index']\n";
    }
    out += "          volumeMounts:\n";
    out += "            - name: sweep\n";
    out += "              mountPath: " + yamlString(options.mountPath) + "\n";
    out += "      volumes:\n";
    out += "        - name: sweep\n";
    out += "          persistentVolumeClaim:\n";
    out += "            claimName: " + yamlString(options.claim) + "\n";
    return out;
}

} // namespace

std::string kubernetesIndexedJob(const SweepJobRequest &request, const KubernetesOptions &options,
                                 std::string_view manifestPath)
{
    const std::string shards = std::to_string(request.shards);
    const int parallelism = options.parallelism > 0 ? options.parallelism : request.shards;
    std::string out;
    out += "# A Headroom sweep as a Kubernetes Indexed Job (docs/design.md §8.6), written by\n";
    out += "# headroom-cli " + std::string(kVersion) + ".\n";
    out += "# " + request.spec + ": " + pointsText(request) + "; pod I runs shard I.\n";
    out += "# The spec, its base scenario and the results live on the volume claim " +
           yamlString(options.claim) + ",\n";
    out += "# mounted at " + options.mountPath +
           " as the pods' working folder: relative paths are relative to it.\n";
    out += "#   kubectl apply -f " + std::string(manifestPath) + "\n";
    out += "#   kubectl wait --for=condition=complete --timeout=24h job/" + request.name + "\n";
    out += "#   kubectl apply -f " + mergeJobPath(manifestPath) + "\n";
    out += "apiVersion: batch/v1\n";
    out += "kind: Job\n";
    out += "metadata:\n";
    out += "  name: " + request.name + "\n";
    out += "  labels:\n";
    out += "    app.kubernetes.io/name: headroom-sweep\n";
    out += "spec:\n";
    out += "  completionMode: Indexed\n";
    out += "  completions: " + shards + "\n";
    out += "  parallelism: " + std::to_string(parallelism) + "\n";
    out += "  backoffLimit: " + std::to_string(request.shards) + "\n";
    out += podTemplate(options, "shard",
                       {"sweep", request.spec, "--out", request.out, "--shard",
                        "$(JOB_COMPLETION_INDEX)/" + shards, "--threads",
                        std::to_string(request.threads), "--quiet"},
                       true);
    return out;
}

std::string kubernetesMergeJob(const SweepJobRequest &request, const KubernetesOptions &options)
{
    std::string out;
    out += "# The merge of a Headroom sweep's shards (docs/design.md §8.6), written by\n";
    out += "# headroom-cli " + std::string(kVersion) + ". Apply it once job/" + request.name +
           " has completed.\n";
    out += "apiVersion: batch/v1\n";
    out += "kind: Job\n";
    out += "metadata:\n";
    out += "  name: " + request.name + "-merge\n";
    out += "  labels:\n";
    out += "    app.kubernetes.io/name: headroom-sweep\n";
    out += "spec:\n";
    out += "  completions: 1\n";
    out += "  backoffLimit: 0\n";
    out += podTemplate(options, "merge",
                       {"sweep", "merge", request.out, "--out",
                        joinPath(request.out, "results.csv"), "--json",
                        joinPath(request.out, "results.json")},
                       false);
    return out;
}

} // namespace headroom
