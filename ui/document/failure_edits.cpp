// Edits of the failure model: the scenario's failure settings and its planned outages
// (docs/design.md §10.1, §10.2).
#include "ui/document/edit_support.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/scenario_fields.h"
#include "ui/models/count_text.h"

#include <algorithm>

namespace headroom::ui::edits {
using namespace detail;
namespace {

// Why `outages` cannot be the scenario's outages; empty when they can. The probe holds the
// cluster (for the node names) and the outages only, so a long trace is not revalidated.
QString outageProblem(const Scenario &scenario, const Outages &outages)
{
    Scenario probe;
    probe.nodeTypes = scenario.nodeTypes;
    probe.cluster = scenario.cluster;
    probe.outages = outages;
    return problemIn(probe);
}

bool pushOutages(ScenarioDocument &doc, Outages after, const QString &text, QString *why)
{
    if (after == doc.scenario().outages)
        return false;
    if (const QString problem = outageProblem(doc.scenario(), after); !problem.isEmpty())
        return refuse(why, problem);
    push(doc, std::unique_ptr<QUndoCommand>(replaceCommand(doc, std::move(after), text)));
    return true;
}

} // namespace

void setFailures(ScenarioDocument &doc, const FailurePolicy &failures)
{
    if (doc.scenario().failures == failures)
        return;
    push(doc, changeCommand(doc, 0, failures, fields::failures, [](const QString &field) {
             return field.isEmpty() ? tr("Change failure settings") : tr("Change %1").arg(field);
         }));
}

bool addOutage(ScenarioDocument &doc, const PlannedOutage &outage, QString *why)
{
    Outages after = doc.scenario().outages;
    after.push_back(outage);
    return pushOutages(doc, std::move(after),
                       tr("Take %1 down").arg(QString::fromStdString(outage.node)), why);
}

bool editOutage(ScenarioDocument &doc, std::size_t index, const PlannedOutage &outage, QString *why)
{
    Outages after = doc.scenario().outages;
    if (index >= after.size())
        return false;
    after[index] = outage;
    return pushOutages(doc, std::move(after),
                       tr("Edit outage of %1").arg(QString::fromStdString(outage.node)), why);
}

bool removeOutages(ScenarioDocument &doc, std::vector<std::size_t> indices)
{
    const Outages &current = doc.scenario().outages;
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::erase_if(indices, [&](std::size_t i) { return i >= current.size(); });
    if (indices.empty())
        return false;
    Outages after;
    for (std::size_t i = 0, k = 0; i < current.size(); ++i) {
        if (k < indices.size() && indices[k] == i)
            ++k;
        else
            after.push_back(current[i]);
    }
    const QString text =
            indices.size() == 1
                    ? tr("Remove outage of %1")
                              .arg(QString::fromStdString(current[indices.front()].node))
                    : countText(qint64(indices.size()), tr("Remove %1 outage"),
                                tr("Remove %1 outages"));
    return pushOutages(doc, std::move(after), text, nullptr);
}

} // namespace headroom::ui::edits
