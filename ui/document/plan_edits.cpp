// The edit planning makes: Size Cluster's Apply (docs/design.md §7.2).
#include "core/plan/cluster_resize.h"
#include "ui/document/edit_support.h"
#include "ui/document/scenario_edits.h"

#include <QStringList>

#include <stdexcept>

namespace headroom::ui::edits {
using namespace detail;

bool setNodeCounts(ScenarioDocument &doc, const std::vector<std::pair<std::string, int>> &counts,
                   QString *why)
{
    const Scenario &current = doc.scenario();
    // A probe with the cluster, the types and only the pinned jobs (the only ones a resize can
    // change), so that a million-job scenario is not copied for a handful of pins.
    Scenario probe;
    probe.nodeTypes = current.nodeTypes;
    probe.cluster = current.cluster;
    std::vector<std::size_t> pinned;
    for (std::size_t i = 0; i < current.jobs.size(); ++i) {
        if (!current.jobs[i].constraints->pinNode.empty()) {
            pinned.push_back(i);
            probe.jobs.push_back(current.jobs[i]);
        }
    }
    QStringList parts;
    for (const auto &[type, count] : counts) {
        try {
            setNodeCount(probe, type, count);
        } catch (const std::invalid_argument &error) {
            return refuse(why, QString::fromStdString(error.what()));
        }
        parts << QStringLiteral("%1 × %2").arg(count).arg(QString::fromStdString(type));
    }
    if (probe.cluster == current.cluster)
        return refuse(why, tr("The cluster already has these node counts"));
    std::vector<std::pair<std::size_t, Job>> jobFixes;
    for (std::size_t k = 0; k < pinned.size(); ++k) {
        if (!(probe.jobs[k] == current.jobs[pinned[k]]))
            jobFixes.emplace_back(pinned[k], std::move(probe.jobs[k]));
    }
    const QString text = tr("Resize cluster to %1").arg(parts.join(QStringLiteral(", ")));
    auto command = std::make_unique<QUndoCommand>(text);
    outagesFollowCluster(doc, probe.cluster, {}, text, command.get());
    replaceCommand(doc, std::move(probe.cluster), text, command.get());
    if (!jobFixes.empty())
        replaceJobsCommand(doc, std::move(jobFixes), text, command.get());
    push(doc, std::move(command));
    return true;
}

} // namespace headroom::ui::edits
