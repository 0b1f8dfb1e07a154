#pragma once

#include "core/model/scenario.h"

#include <QUndoCommand>

#include <utility>
#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// Merge ids of commands that fold consecutive edits into one undo step (Tiled's pattern:
// one enum, so two commands never share an id by accident).
enum class MergeId : int {
    Policy = 1,
    Metadata,
    JobEdit,
    Energy,
};

// Swaps the whole cluster tree. Clusters are small (thousands of nodes), so storing both
// versions is cheaper and far less error-prone than one command per kind of tree edit.
class ReplaceClusterCommand final : public QUndoCommand
{
public:
    ReplaceClusterCommand(ScenarioDocument *document, Cluster after, const QString &text,
                          QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    Cluster m_before;
    Cluster m_after;
};

class ReplaceNodeTypesCommand final : public QUndoCommand
{
public:
    ReplaceNodeTypesCommand(ScenarioDocument *document, std::vector<NodeType> after,
                            const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    std::vector<NodeType> m_before;
    std::vector<NodeType> m_after;
};

// Policy edits merge, so dragging a spin box is one undo step.
class ChangePolicyCommand final : public QUndoCommand
{
public:
    ChangePolicyCommand(ScenarioDocument *document, const Policy &after, const QString &text);
    void undo() override;
    void redo() override;
    int id() const override { return int(MergeId::Policy); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ScenarioDocument *m_document;
    Policy m_before;
    Policy m_after;
};

// Energy settings edits merge while they change the same field (`field`, e.g. "pue"), so
// typing "1.35" or dragging a spin box is one undo step, but PUE then cap are two.
class ChangeEnergyCommand final : public QUndoCommand
{
public:
    ChangeEnergyCommand(ScenarioDocument *document, const EnergyPolicy &after, const QString &text,
                        QString field = {});
    void undo() override;
    void redo() override;
    int id() const override { return m_field.isEmpty() ? -1 : int(MergeId::Energy); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ScenarioDocument *m_document;
    EnergyPolicy m_before;
    EnergyPolicy m_after;
    QString m_field;
};

class ChangeMetadataCommand final : public QUndoCommand
{
public:
    struct Metadata
    {
        std::string name;
        std::string description;
        std::uint64_t seed = 0;
    };
    ChangeMetadataCommand(ScenarioDocument *document, Metadata after, const QString &text);
    void undo() override;
    void redo() override;
    int id() const override { return int(MergeId::Metadata); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const Metadata &metadata);
    ScenarioDocument *m_document;
    Metadata m_before;
    Metadata m_after;
};

// Replaces some jobs in place. A mergeable single-job edit (typing in the property editor)
// folds into the previous edit of the same job; drops and menu actions are never merged.
class ChangeJobsCommand final : public QUndoCommand
{
public:
    ChangeJobsCommand(ScenarioDocument *document, std::vector<std::pair<std::size_t, Job>> after,
                      const QString &text, QUndoCommand *parent = nullptr, bool mergeable = false);
    void undo() override;
    void redo() override;
    int id() const override
    {
        return m_mergeable && m_after.size() == 1 ? int(MergeId::JobEdit) : -1;
    }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ScenarioDocument *m_document;
    std::vector<std::pair<std::size_t, Job>> m_before;
    std::vector<std::pair<std::size_t, Job>> m_after;
    bool m_mergeable;
};

class InsertJobsCommand final : public QUndoCommand
{
public:
    InsertJobsCommand(ScenarioDocument *document, std::size_t position, std::vector<Job> jobs,
                      const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    std::size_t m_position;
    std::vector<Job> m_jobs; // held while undone
    std::size_t m_count;
};

class RemoveJobsCommand final : public QUndoCommand
{
public:
    // `indices` ascending and unique.
    RemoveJobsCommand(ScenarioDocument *document, std::vector<std::size_t> indices,
                      const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    std::vector<std::size_t> m_indices;
    std::vector<Job> m_removed; // held while done
};

// Inserts one service at `position`; undo takes it out again and holds it.
class AddServiceCommand final : public QUndoCommand
{
public:
    AddServiceCommand(ScenarioDocument *document, std::size_t position, Service service,
                      const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    std::size_t m_position;
    Service m_service; // held while undone
};

class RemoveServiceCommand final : public QUndoCommand
{
public:
    RemoveServiceCommand(ScenarioDocument *document, std::size_t index, const QString &text,
                         QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    std::size_t m_index;
    Service m_removed; // held while done
};

// Replaces one service in place (the Edit Service dialog's OK: one step, never merged).
class ChangeServiceCommand final : public QUndoCommand
{
public:
    ChangeServiceCommand(ScenarioDocument *document, std::size_t index, Service after,
                         const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument *m_document;
    std::size_t m_index;
    Service m_before;
    Service m_after;
};

} // namespace headroom::ui
