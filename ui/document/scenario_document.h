#pragma once

#include "core/model/scenario.h"
#include "ui/document/undo_history.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>
#include <vector>

namespace headroom::ui {

// The one way to change a scenario in the GUI (after Tiled's MapDocument): it owns the
// Scenario and the QUndoStack, every edit is a command on that stack, and views listen to the
// typed change signals instead of editing the model behind its back.
//
// Nothing outside the document layer (ui/document/) can change the scenario or push a command:
// the write access and the stack are private, reached only through DocumentAccess, which the
// edit functions (scenario_edits.h) and the undo commands use. Views get the history
// (undo, redo, its texts), never the stack.
class ScenarioDocument : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioDocument(Scenario scenario = {}, QObject *parent = nullptr);

    const Scenario &scenario() const { return *m_scenario; }
    // The current scenario, shared without copying (a run hands it to its worker thread).
    // The document copies it before its next change while someone else still holds it, so
    // the holder's view never changes under it (copy-on-write, as Qt's implicit sharing).
    std::shared_ptr<const Scenario> sharedScenario() const { return m_scenario; }
    // Undo, redo and what they would do; for the Edit menu, the History dock and tests.
    UndoHistory *undoStack() { return &m_history; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    QString displayName() const;
    bool isModified() const { return !m_undoStack.isClean(); }
    // After a successful save: the current state is what is on disk.
    void markSaved() { m_undoStack.setClean(); }

    // Whole-scenario replacement (open, import, recovery); not an edit, so it cannot be
    // undone, and it forgets the history, whose steps were about the previous scenario.
    void resetScenario(Scenario scenario);

Q_SIGNALS:
    void clusterChanged();
    void nodeTypesChanged();
    void policyChanged();
    void energyChanged();
    // Services are few (tens), so one coarse signal serves every view of them.
    void servicesChanged();
    void metadataChanged();
    // The failure settings or the planned outages (docs/design.md §10.1, §10.2).
    void failuresChanged();
    void jobsAboutToBeInserted(std::size_t first, std::size_t last);
    void jobsInserted(std::size_t first, std::size_t last);
    void jobsAboutToBeRemoved(const std::vector<std::size_t> &indices);
    void jobsRemoved(const std::vector<std::size_t> &indices);
    void jobChanged(std::size_t index);
    void scenarioAboutToBeReset();
    void scenarioReset();
    // Any change at all (for autosave and for resetting a run).
    void changed();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    friend class DocumentAccess;

    // Detaches from other holders before a change.
    Scenario &mutableScenario();

    std::shared_ptr<Scenario> m_scenario;
    QUndoStack m_undoStack;
    UndoHistory m_history{m_undoStack};
    QString m_filePath;
};

} // namespace headroom::ui
