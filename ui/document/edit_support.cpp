#include "ui/document/edit_support.h"

#include "core/model/validation.h"

#include <set>

namespace headroom::ui::edits::detail {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::edits", text);
}

QString problemIn(const Scenario &probe)
{
    const std::vector<Problem> problems = validateScenario(probe);
    if (problems.empty())
        return {};
    return tr("Not a valid value: %1: %2")
            .arg(QString::fromStdString(problems.front().path),
                 QString::fromStdString(problems.front().message));
}

bool refuse(QString *why, const QString &text)
{
    if (why)
        *why = text;
    return false;
}

void push(ScenarioDocument &doc, std::unique_ptr<QUndoCommand> command)
{
    DocumentAccess::push(doc, std::move(command));
}

QUndoCommand *replaceJobsCommand(ScenarioDocument &doc,
                                 std::vector<std::pair<std::size_t, Job>> changes,
                                 const QString &text, QUndoCommand *parent)
{
    std::vector<std::size_t> indices;
    std::vector<Job> jobs;
    indices.reserve(changes.size());
    jobs.reserve(changes.size());
    for (auto &[index, job] : changes) {
        indices.push_back(index);
        jobs.push_back(std::move(job));
    }
    return new ChangeValue<Job, Job>(&doc, wholeObject<Job>(), std::move(indices), std::move(jobs),
                                     text, parent);
}

void outagesFollowCluster(ScenarioDocument &doc, const Cluster &after,
                          const std::map<std::string, std::string> &renamed, const QString &text,
                          QUndoCommand *parent)
{
    const Outages &current = doc.scenario().outages;
    if (current.empty())
        return;
    const std::set<std::string> names = after.names();
    Outages outages;
    for (PlannedOutage outage : current) {
        if (const auto it = renamed.find(outage.node); it != renamed.end())
            outage.node = it->second;
        if (names.count(outage.node))
            outages.push_back(std::move(outage));
    }
    if (!(outages == current))
        replaceCommand(doc, std::move(outages), text, parent);
}

} // namespace headroom::ui::edits::detail
