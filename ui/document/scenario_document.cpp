#include "ui/document/scenario_document.h"

#include <QFileInfo>

namespace headroom::ui {

ScenarioDocument::ScenarioDocument(Scenario scenario, QObject *parent)
    : QObject(parent)
    , m_scenario(std::make_shared<Scenario>(std::move(scenario)))
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Scenario &ScenarioDocument::mutableScenario()
{
    if (m_scenario.use_count() > 1)
        m_scenario = std::make_shared<Scenario>(*m_scenario);
    return *m_scenario;
}

void ScenarioDocument::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

QString ScenarioDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_scenario->name.empty())
        return QString::fromStdString(m_scenario->name);
    return tr("Untitled");
}

void ScenarioDocument::setCluster(Cluster cluster)
{
    mutableScenario().cluster = std::move(cluster);
    Q_EMIT clusterChanged();
    Q_EMIT changed();
}

void ScenarioDocument::setNodeTypes(std::vector<NodeType> types)
{
    mutableScenario().nodeTypes = std::move(types);
    Q_EMIT nodeTypesChanged();
    Q_EMIT changed();
}

void ScenarioDocument::setPolicy(const Policy &policy)
{
    mutableScenario().policy = policy;
    Q_EMIT policyChanged();
    Q_EMIT changed();
}

void ScenarioDocument::setEnergy(const EnergyPolicy &energy)
{
    mutableScenario().energy = energy;
    Q_EMIT energyChanged();
    Q_EMIT changed();
}

void ScenarioDocument::setMetadata(const std::string &name, const std::string &description,
                                   std::uint64_t seed)
{
    Scenario &s = mutableScenario();
    s.name = name;
    s.description = description;
    s.seed = seed;
    Q_EMIT metadataChanged();
    Q_EMIT changed();
}

void ScenarioDocument::insertJobs(std::size_t position, std::vector<Job> jobs)
{
    if (jobs.empty())
        return;
    const std::size_t last = position + jobs.size() - 1;
    Q_EMIT jobsAboutToBeInserted(position, last);
    std::vector<Job> &target = mutableScenario().jobs;
    target.insert(target.begin() + static_cast<std::ptrdiff_t>(position),
                  std::make_move_iterator(jobs.begin()), std::make_move_iterator(jobs.end()));
    Q_EMIT jobsInserted(position, last);
    Q_EMIT changed();
}

std::vector<Job> ScenarioDocument::removeJobs(const std::vector<std::size_t> &indices)
{
    std::vector<Job> removed;
    if (indices.empty())
        return removed;
    Q_EMIT jobsAboutToBeRemoved(indices);
    removed.reserve(indices.size());
    std::vector<Job> &jobs = mutableScenario().jobs;
    // One compaction pass keeps a multi-row delete linear in the number of jobs.
    std::size_t out = indices.front();
    std::size_t next = 0;
    for (std::size_t i = indices.front(); i < jobs.size(); ++i) {
        if (next < indices.size() && indices[next] == i) {
            removed.push_back(std::move(jobs[i]));
            ++next;
        } else {
            jobs[out++] = std::move(jobs[i]);
        }
    }
    jobs.resize(out);
    Q_EMIT jobsRemoved(indices);
    Q_EMIT changed();
    return removed;
}

void ScenarioDocument::setJob(std::size_t index, Job job)
{
    mutableScenario().jobs[index] = std::move(job);
    Q_EMIT jobChanged(index);
    Q_EMIT changed();
}

void ScenarioDocument::setServices(std::vector<Service> services)
{
    mutableScenario().services = std::move(services);
    Q_EMIT servicesChanged();
    Q_EMIT changed();
}

void ScenarioDocument::insertService(std::size_t position, Service service)
{
    std::vector<Service> &services = mutableScenario().services;
    services.insert(services.begin() + static_cast<std::ptrdiff_t>(position), std::move(service));
    Q_EMIT servicesChanged();
    Q_EMIT changed();
}

Service ScenarioDocument::removeService(std::size_t index)
{
    std::vector<Service> &services = mutableScenario().services;
    Service removed = std::move(services[index]);
    services.erase(services.begin() + static_cast<std::ptrdiff_t>(index));
    Q_EMIT servicesChanged();
    Q_EMIT changed();
    return removed;
}

void ScenarioDocument::setService(std::size_t index, Service service)
{
    mutableScenario().services[index] = std::move(service);
    Q_EMIT servicesChanged();
    Q_EMIT changed();
}

void ScenarioDocument::resetScenario(Scenario scenario)
{
    Q_EMIT scenarioAboutToBeReset();
    m_scenario = std::make_shared<Scenario>(std::move(scenario));
    Q_EMIT scenarioReset();
    Q_EMIT changed();
}

} // namespace headroom::ui
