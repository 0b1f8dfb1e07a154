// The edit an import makes (docs/design.md §9): the scenario applyImport() built from the
// document's own, put in as one undo step.
#include "ui/document/edit_support.h"
#include "ui/document/scenario_edits.h"

#include <numeric>

namespace headroom::ui::edits {
using namespace detail;

void applyImported(ScenarioDocument &doc, Scenario imported, const QString &text)
{
    const Scenario &current = doc.scenario();
    auto command = std::make_unique<QUndoCommand>(text);
    // Jobs leave first and come back last, so that no job ever names a node type, zone or
    // rack the scenario does not have while the cluster changes. Node types come before the
    // cluster: applyImport() keeps every type the old cluster uses.
    const bool jobsChange = !(imported.jobs == current.jobs);
    if (jobsChange && !current.jobs.empty()) {
        std::vector<std::size_t> old(current.jobs.size());
        std::iota(old.begin(), old.end(), std::size_t(0));
        new RemoveObjects<Job>(&doc, std::move(old), text, command.get());
    }
    if (!(imported.nodeTypes == current.nodeTypes))
        replaceCommand(doc, std::move(imported.nodeTypes), text, command.get());
    if (!(imported.cluster == current.cluster)) {
        outagesFollowCluster(doc, imported.cluster, {}, text, command.get());
        replaceCommand(doc, std::move(imported.cluster), text, command.get());
    }
    if (jobsChange && !imported.jobs.empty()) {
        std::vector<std::size_t> added(imported.jobs.size());
        std::iota(added.begin(), added.end(), std::size_t(0));
        new AddObjects<Job>(&doc, std::move(added), std::move(imported.jobs), text, command.get());
    }
    if (command->childCount() > 0)
        push(doc, std::move(command));
}

} // namespace headroom::ui::edits
