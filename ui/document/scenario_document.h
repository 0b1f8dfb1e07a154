#pragma once

#include "core/model/scenario.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>
#include <vector>

namespace headroom::ui {

// The one way to change a scenario in the GUI (after Tiled's MapDocument): it owns the
// Scenario and the QUndoStack, every edit is a command pushed on that stack, and views listen
// to the typed change signals instead of editing the model behind its back.
//
// The mutators below are for undo commands only; everything else calls the edit functions in
// scenario_edits.h, which push commands.
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
    QUndoStack *undoStack() { return &m_undoStack; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    QString displayName() const;
    bool isModified() const { return !m_undoStack.isClean(); }
    // After a successful save: the current state is what is on disk.
    void markSaved() { m_undoStack.setClean(); }

    // --- Mutators for undo commands. ---
    void setCluster(Cluster cluster);
    void setNodeTypes(std::vector<NodeType> types);
    void setPolicy(const Policy &policy);
    void setEnergy(const EnergyPolicy &energy);
    void setMetadata(const std::string &name, const std::string &description, std::uint64_t seed);
    void insertJobs(std::size_t position, std::vector<Job> jobs);
    // Indices ascending; returns the removed jobs in that order.
    std::vector<Job> removeJobs(const std::vector<std::size_t> &indices);
    void setJob(std::size_t index, Job job);
    // Services are few (tens), so one coarse signal serves every view of them.
    void setServices(std::vector<Service> services);
    void insertService(std::size_t position, Service service);
    Service removeService(std::size_t index);
    void setService(std::size_t index, Service service);
    // Whole-scenario replacement (e.g. Import); not for ordinary edits.
    void resetScenario(Scenario scenario);

Q_SIGNALS:
    void clusterChanged();
    void nodeTypesChanged();
    void policyChanged();
    void energyChanged();
    void servicesChanged();
    void metadataChanged();
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
    // Detaches from other holders before a change.
    Scenario &mutableScenario();

    std::shared_ptr<Scenario> m_scenario;
    QUndoStack m_undoStack;
    QString m_filePath;
};

} // namespace headroom::ui
