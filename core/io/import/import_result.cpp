#include "core/io/import/import_result.h"

#include "core/io/input_error.h"
#include "core/model/validation.h"

#include <numeric>
#include <utility>

namespace headroom {

long long ImportSummary::jobsSkippedTotal() const
{
    return std::accumulate(jobsSkipped.begin(), jobsSkipped.end(), 0LL,
                           [](long long sum, const auto &entry) { return sum + entry.second; });
}

std::string summaryText(const ImportSummary &summary)
{
    std::string out = summary.format + "\n";
    const auto line = [&out](const std::string &label, long long count) {
        out.append("  ").append(label).append(": ").append(std::to_string(count)).append("\n");
    };
    const auto reasons = [&out](const std::map<std::string, long long> &counts) {
        for (const auto &[reason, count] : counts)
            out.append("    ")
                    .append(reason)
                    .append(": ")
                    .append(std::to_string(count))
                    .append("\n");
    };
    if (summary.jobRecords > 0 || summary.jobsImported > 0) {
        line("job records read", summary.jobRecords);
        line("jobs imported", summary.jobsImported);
        line("jobs skipped", summary.jobsSkippedTotal());
        reasons(summary.jobsSkipped);
    }
    if (summary.stepsIgnored > 0)
        line("job steps ignored (not jobs)", summary.stepsIgnored);
    if (summary.sharedGpuPods > 0)
        line("pods sharing a GPU, each given a whole GPU", summary.sharedGpuPods);
    if (summary.nodeTypesCreated > 0 || summary.nodesCreated > 0 || !summary.nodesSkipped.empty()) {
        line("node types created", summary.nodeTypesCreated);
        line("nodes created", summary.nodesCreated);
        long long skipped = 0;
        for (const auto &entry : summary.nodesSkipped)
            skipped += entry.second;
        if (skipped > 0) {
            line("nodes skipped", skipped);
            reasons(summary.nodesSkipped);
        }
    }
    if (!summary.timeOrigin.empty())
        out.append("  time 0 is ").append(summary.timeOrigin).append("\n");
    for (const std::string &note : summary.notes)
        out.append("  note: ").append(note).append("\n");
    return out;
}

Scenario applyImport(ImportResult result, const Scenario *into, const std::string &name,
                     const std::string &blame)
{
    Scenario scenario;
    if (into) {
        scenario = *into;
    } else {
        scenario.name = name;
        scenario.policy.placement = PlacementKind::FirstFit;
    }
    if (result.jobs)
        scenario.jobs = std::move(*result.jobs);
    if (result.cluster)
        scenario.cluster = std::move(*result.cluster);
    for (NodeType &type : result.nodeTypes) {
        bool replaced = false;
        for (NodeType &existing : scenario.nodeTypes) {
            if (existing.name == type.name) {
                existing = type;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            scenario.nodeTypes.push_back(std::move(type));
    }
    const std::vector<Problem> problems = validateScenario(scenario);
    if (!problems.empty())
        throw InputError(blame, 0, problems.front().path,
                         problems.front().message + " (after the import)");
    return scenario;
}

} // namespace headroom
