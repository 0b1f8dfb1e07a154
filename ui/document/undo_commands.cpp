#include "ui/document/undo_commands.h"

#include "ui/document/scenario_document.h"

namespace headroom::ui {

ReplaceClusterCommand::ReplaceClusterCommand(ScenarioDocument *document, Cluster after,
                                             const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(document->scenario().cluster)
    , m_after(std::move(after))
{}

void ReplaceClusterCommand::undo()
{
    m_document->setCluster(m_before);
}

void ReplaceClusterCommand::redo()
{
    m_document->setCluster(m_after);
}

ReplaceNodeTypesCommand::ReplaceNodeTypesCommand(ScenarioDocument *document,
                                                 std::vector<NodeType> after, const QString &text,
                                                 QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(document->scenario().nodeTypes)
    , m_after(std::move(after))
{}

void ReplaceNodeTypesCommand::undo()
{
    m_document->setNodeTypes(m_before);
}

void ReplaceNodeTypesCommand::redo()
{
    m_document->setNodeTypes(m_after);
}

ChangePolicyCommand::ChangePolicyCommand(ScenarioDocument *document, const Policy &after,
                                         const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(document->scenario().policy)
    , m_after(after)
{}

void ChangePolicyCommand::undo()
{
    m_document->setPolicy(m_before);
}

void ChangePolicyCommand::redo()
{
    m_document->setPolicy(m_after);
}

bool ChangePolicyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangePolicyCommand *>(other);
    if (next->m_document != m_document)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

ChangeEnergyCommand::ChangeEnergyCommand(ScenarioDocument *document, const EnergyPolicy &after,
                                         const QString &text, QString field)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(document->scenario().energy)
    , m_after(after)
    , m_field(std::move(field))
{}

void ChangeEnergyCommand::undo()
{
    m_document->setEnergy(m_before);
}

void ChangeEnergyCommand::redo()
{
    m_document->setEnergy(m_after);
}

bool ChangeEnergyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeEnergyCommand *>(other);
    if (next->m_document != m_document || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    // Typed back to where it started: no step at all.
    setObsolete(m_after == m_before);
    return true;
}

ChangeMetadataCommand::ChangeMetadataCommand(ScenarioDocument *document, Metadata after,
                                             const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before{document->scenario().name, document->scenario().description,
               document->scenario().seed}
    , m_after(std::move(after))
{}

void ChangeMetadataCommand::apply(const Metadata &metadata)
{
    m_document->setMetadata(metadata.name, metadata.description, metadata.seed);
}

void ChangeMetadataCommand::undo()
{
    apply(m_before);
}

void ChangeMetadataCommand::redo()
{
    apply(m_after);
}

bool ChangeMetadataCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeMetadataCommand *>(other);
    if (next->m_document != m_document)
        return false;
    m_after = next->m_after;
    return true;
}

ChangeJobsCommand::ChangeJobsCommand(ScenarioDocument *document,
                                     std::vector<std::pair<std::size_t, Job>> after,
                                     const QString &text, QUndoCommand *parent, bool mergeable)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_after(std::move(after))
    , m_mergeable(mergeable)
{
    m_before.reserve(m_after.size());
    for (const auto &[index, job] : m_after)
        m_before.emplace_back(index, document->scenario().jobs[index]);
}

void ChangeJobsCommand::undo()
{
    for (auto it = m_before.rbegin(); it != m_before.rend(); ++it)
        m_document->setJob(it->first, it->second);
}

void ChangeJobsCommand::redo()
{
    for (const auto &[index, job] : m_after)
        m_document->setJob(index, job);
}

bool ChangeJobsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeJobsCommand *>(other);
    if (next->m_document != m_document || !next->m_mergeable || next->m_after.size() != 1 ||
        next->m_after.front().first != m_after.front().first)
        return false;
    m_after = next->m_after;
    return true;
}

InsertJobsCommand::InsertJobsCommand(ScenarioDocument *document, std::size_t position,
                                     std::vector<Job> jobs, const QString &text,
                                     QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_position(position)
    , m_jobs(std::move(jobs))
    , m_count(m_jobs.size())
{}

void InsertJobsCommand::undo()
{
    std::vector<std::size_t> indices(m_count);
    for (std::size_t i = 0; i < m_count; ++i)
        indices[i] = m_position + i;
    m_jobs = m_document->removeJobs(indices);
}

void InsertJobsCommand::redo()
{
    m_document->insertJobs(m_position, std::move(m_jobs));
    m_jobs.clear();
}

RemoveJobsCommand::RemoveJobsCommand(ScenarioDocument *document, std::vector<std::size_t> indices,
                                     const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_indices(std::move(indices))
{}

void RemoveJobsCommand::undo()
{
    // Ascending re-insertion puts every job back at its original index.
    for (std::size_t i = 0; i < m_indices.size(); ++i)
        m_document->insertJobs(m_indices[i], {std::move(m_removed[i])});
    m_removed.clear();
}

void RemoveJobsCommand::redo()
{
    m_removed = m_document->removeJobs(m_indices);
}

AddServiceCommand::AddServiceCommand(ScenarioDocument *document, std::size_t position,
                                     Service service, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_position(position)
    , m_service(std::move(service))
{}

void AddServiceCommand::undo()
{
    m_service = m_document->removeService(m_position);
}

void AddServiceCommand::redo()
{
    m_document->insertService(m_position, m_service);
}

RemoveServiceCommand::RemoveServiceCommand(ScenarioDocument *document, std::size_t index,
                                           const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_index(index)
{}

void RemoveServiceCommand::undo()
{
    m_document->insertService(m_index, m_removed);
}

void RemoveServiceCommand::redo()
{
    m_removed = m_document->removeService(m_index);
}

ChangeServiceCommand::ChangeServiceCommand(ScenarioDocument *document, std::size_t index,
                                           Service after, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_index(index)
    , m_before(document->scenario().services[index])
    , m_after(std::move(after))
{}

void ChangeServiceCommand::undo()
{
    m_document->setService(m_index, m_before);
}

void ChangeServiceCommand::redo()
{
    m_document->setService(m_index, m_after);
}

} // namespace headroom::ui
