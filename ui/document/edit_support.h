#pragma once

#include "ui/document/document_access.h"
#include "ui/document/scenario_document.h"
#include "ui/document/undo_commands.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

// What the edit functions (cluster_edits.cpp, scenario_edits.cpp) share: words for the status
// bar and the commands they push. Document layer only.
namespace headroom::ui::edits::detail {

QString tr(const char *text);

// The first problem core validation finds in `probe`, in words for the status bar; empty when
// none. Edits check a probe holding only the part they change, so a million-job scenario
// is not revalidated per keystroke, and the GUI refuses exactly what a file load would.
QString problemIn(const Scenario &probe);

// Sets `why` and returns false: the edit does not apply.
bool refuse(QString *why, const QString &text);

void push(ScenarioDocument &doc, std::unique_ptr<QUndoCommand> command);

// A whole object at index 0 (the cluster, the node types): never merged.
template<typename Object>
QUndoCommand *replaceCommand(ScenarioDocument &doc, Object after, const QString &text,
                             QUndoCommand *parent = nullptr)
{
    return new ChangeValue<Object, Object>(&doc, wholeObject<Object>(), {0},
                                           std::vector<Object>{std::move(after)}, text, parent);
}

// Several whole jobs: never merged.
QUndoCommand *replaceJobsCommand(ScenarioDocument &doc,
                                 std::vector<std::pair<std::size_t, Job>> changes,
                                 const QString &text, QUndoCommand *parent = nullptr);

// The planned outages after a cluster change to `after`: a renamed node's (old name to new in
// `renamed`) follow it, a removed node's go. Adds the command that makes them so under
// `parent`, if anything changes.
void outagesFollowCluster(ScenarioDocument &doc, const Cluster &after,
                          const std::map<std::string, std::string> &renamed, const QString &text,
                          QUndoCommand *parent);

// Names what an edit changes, for its undo text: the field's name, or empty for several.
using TextFor = std::function<QString(const QString &field)>;

// The command that makes the object at `index` equal `after`: on the one field of `fields`
// that differs when only one does, so that the next change of that field merges into it;
// else on the whole object, never merged.
template<typename Object, typename... Values>
std::unique_ptr<QUndoCommand> changeCommand(ScenarioDocument &doc, std::size_t index, Object after,
                                            const std::tuple<Field<Object, Values>...> &fields,
                                            const TextFor &text)
{
    const Object &before = Part<Object>::get(doc, index);
    std::unique_ptr<QUndoCommand> command;
    auto consider = [&](const auto &field) {
        auto value = field.get(after);
        if (command || field.get(before) == value)
            return;
        Object changed = before;
        field.set(changed, value);
        if (!(changed == after))
            return; // more than this field differs
        using Value = decltype(value);
        command = std::make_unique<ChangeValue<Object, Value>>(
                &doc, field, std::vector<std::size_t>{index}, std::vector<Value>{std::move(value)},
                text(QCoreApplication::translate("headroom::ui::edits", field.name)));
    };
    std::apply([&](const auto &...field) { (consider(field), ...); }, fields);
    if (command)
        return command;
    return std::make_unique<ChangeValue<Object, Object>>(
            &doc, wholeObject<Object>(), std::vector<std::size_t>{index},
            std::vector<Object>{std::move(after)}, text({}));
}

} // namespace headroom::ui::edits::detail
