// Edits of the jobs, the services and the scenario's settings.
#include "ui/document/scenario_edits.h"

#include "ui/document/edit_support.h"
#include "ui/document/scenario_fields.h"
#include "ui/models/count_text.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace headroom::ui::edits {
using namespace detail;
namespace {

std::ptrdiff_t serviceIndex(const Scenario &scenario, const std::string &name)
{
    const auto it = std::find_if(scenario.services.begin(), scenario.services.end(),
                                 [&](const Service &s) { return s.name == name; });
    return it == scenario.services.end() ? -1 : it - scenario.services.begin();
}

// Why `service` cannot take the place of the service named `replacing` (empty: join as a new
// one); empty when it can.
QString serviceRefusal(const Scenario &scenario, const Service &service,
                       const std::string &replacing)
{
    if (service.name.empty())
        return tr("A service needs a name");
    if (service.name != replacing && serviceIndex(scenario, service.name) >= 0)
        return tr("There is already a service %1").arg(QString::fromStdString(service.name));
    Scenario probe;
    probe.nodeTypes = scenario.nodeTypes;
    probe.services = {service};
    return problemIn(probe);
}

} // namespace

void addJobs(ScenarioDocument &doc, std::vector<Job> jobs, const QString &text)
{
    if (jobs.empty())
        return;
    std::set<JobId> ids;
    JobId next = 1;
    for (const Job &job : doc.scenario().jobs) {
        ids.insert(job.id);
        next = std::max(next, job.id + 1);
    }
    for (Job &job : jobs) {
        if (job.id <= 0 || !ids.insert(job.id).second) {
            job.id = next++;
            ids.insert(job.id);
        }
        next = std::max(next, job.id + 1);
    }
    std::vector<std::size_t> indices(jobs.size());
    for (std::size_t i = 0; i < indices.size(); ++i)
        indices[i] = doc.scenario().jobs.size() + i;
    push(doc, std::make_unique<AddObjects<Job>>(&doc, std::move(indices), std::move(jobs), text));
}

void removeJobs(ScenarioDocument &doc, std::vector<std::size_t> indices)
{
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    if (indices.empty())
        return;
    const int count = static_cast<int>(indices.size());
    push(doc, std::make_unique<RemoveObjects<Job>>(
                      &doc, std::move(indices),
                      countText(count, tr("Delete %1 job"), tr("Delete %1 jobs"))));
}

void replaceAllJobs(ScenarioDocument &doc, std::vector<Job> jobs, const QString &text)
{
    auto command = std::make_unique<QUndoCommand>(text);
    std::vector<std::size_t> old(doc.scenario().jobs.size());
    std::iota(old.begin(), old.end(), std::size_t(0));
    if (!old.empty())
        new RemoveObjects<Job>(&doc, std::move(old), text, command.get());
    std::vector<std::size_t> added(jobs.size());
    std::iota(added.begin(), added.end(), std::size_t(0));
    if (!added.empty())
        new AddObjects<Job>(&doc, std::move(added), std::move(jobs), text, command.get());
    push(doc, std::move(command));
}

void editJob(ScenarioDocument &doc, std::size_t index, const Job &job)
{
    if (doc.scenario().jobs[index] == job)
        return;
    const auto id = static_cast<qlonglong>(doc.scenario().jobs[index].id);
    push(doc, changeCommand(doc, index, job, fields::job, [id](const QString &field) {
             return field.isEmpty() ? tr("Edit job %1").arg(id)
                                    : tr("Change %1 of job %2").arg(field).arg(id);
         }));
}

bool replaceJobs(ScenarioDocument &doc, std::vector<std::pair<std::size_t, Job>> jobs,
                 const QString &text)
{
    std::erase_if(jobs, [&](const auto &change) {
        return doc.scenario().jobs[change.first] == change.second;
    });
    if (jobs.empty())
        return false;
    push(doc, std::unique_ptr<QUndoCommand>(replaceJobsCommand(doc, std::move(jobs), text)));
    return true;
}

void setJobConstraints(ScenarioDocument &doc, const std::vector<std::size_t> &indices,
                       const JobConstraints &constraints, const QString &text)
{
    std::vector<std::pair<std::size_t, Job>> changes;
    for (std::size_t index : indices) {
        Job job = doc.scenario().jobs[index];
        if (*job.constraints == constraints)
            continue;
        job.constraints = constraints;
        changes.emplace_back(index, std::move(job));
    }
    replaceJobs(doc, std::move(changes), text);
}

bool setJobsConstraint(ScenarioDocument &doc, const std::vector<std::size_t> &indices,
                       std::string JobConstraints::*constraint, const std::string &value)
{
    std::vector<std::pair<std::size_t, Job>> changes;
    for (std::size_t index : indices) {
        Job job = doc.scenario().jobs[index];
        JobConstraints c = *job.constraints;
        if (c.*constraint == value)
            continue;
        c.*constraint = value;
        job.constraints = c;
        changes.emplace_back(index, std::move(job));
    }
    const auto count = static_cast<qint64>(changes.size());
    return replaceJobs(
            doc, std::move(changes),
            countText(count, tr("Set constraints of %1 job"), tr("Set constraints of %1 jobs")));
}

void setJobsDedicated(ScenarioDocument &doc, const std::vector<std::size_t> &indices,
                      bool dedicated)
{
    std::vector<std::pair<std::size_t, Job>> changes;
    for (std::size_t index : indices) {
        Job job = doc.scenario().jobs[index];
        if (job.dedicated == dedicated)
            continue;
        job.dedicated = dedicated;
        changes.emplace_back(index, std::move(job));
    }
    if (changes.empty())
        return;
    const qint64 count = qint64(changes.size());
    const QString text =
            dedicated ? countText(count, tr("Isolate %1 job"), tr("Isolate %1 jobs"))
                      : countText(count, tr("Stop isolating %1 job"), tr("Stop isolating %1 jobs"));
    replaceJobs(doc, std::move(changes), text);
}

bool addService(ScenarioDocument &doc, Service service, QString *why)
{
    if (const QString problem = serviceRefusal(doc.scenario(), service, {}); !problem.isEmpty())
        return refuse(why, problem);
    const QString text = tr("Add service %1").arg(QString::fromStdString(service.name));
    const std::size_t at = doc.scenario().services.size();
    push(doc,
         std::make_unique<AddObjects<Service>>(&doc, std::vector<std::size_t>{at},
                                               std::vector<Service>{std::move(service)}, text));
    return true;
}

bool editService(ScenarioDocument &doc, const std::string &name, const Service &service,
                 QString *why)
{
    const std::ptrdiff_t index = serviceIndex(doc.scenario(), name);
    if (index < 0 || doc.scenario().services[std::size_t(index)] == service)
        return false;
    if (const QString problem = serviceRefusal(doc.scenario(), service, name); !problem.isEmpty())
        return refuse(why, problem);
    push(doc, std::make_unique<ChangeValue<Service, Service>>(
                      &doc, wholeObject<Service>(), std::vector<std::size_t>{std::size_t(index)},
                      std::vector<Service>{service},
                      tr("Edit service %1").arg(QString::fromStdString(name))));
    return true;
}

bool removeService(ScenarioDocument &doc, const std::string &name)
{
    const std::ptrdiff_t index = serviceIndex(doc.scenario(), name);
    if (index < 0)
        return false;
    push(doc, std::make_unique<RemoveObjects<Service>>(
                      &doc, std::vector<std::size_t>{std::size_t(index)},
                      tr("Delete service %1").arg(QString::fromStdString(name))));
    return true;
}

void setPolicy(ScenarioDocument &doc, const Policy &policy)
{
    if (doc.scenario().policy == policy)
        return;
    push(doc, changeCommand(doc, 0, policy, fields::policy, [](const QString &field) {
             return field.isEmpty() ? tr("Change policy") : tr("Change %1").arg(field);
         }));
}

bool setEnergy(ScenarioDocument &doc, const EnergyPolicy &energy, const QString &field,
               QString *why)
{
    if (doc.scenario().energy == energy)
        return false;
    Scenario probe;
    probe.energy = energy;
    if (const QString problem = problemIn(probe); !problem.isEmpty())
        return refuse(why, problem);
    push(doc, changeCommand(doc, 0, energy, fields::energy, [&field](const QString &changed) {
             const QString name = field.isEmpty() ? changed : field;
             return name.isEmpty() ? tr("Change energy settings") : tr("Change %1").arg(name);
         }));
    return true;
}

void setMetadata(ScenarioDocument &doc, const std::string &name, const std::string &description,
                 std::uint64_t seed)
{
    const Scenario &s = doc.scenario();
    if (s.name == name && s.description == description && s.seed == seed)
        return;
    push(doc, changeCommand(doc, 0, Metadata{name, description, seed}, fields::metadata,
                            [](const QString &field) {
                                return field.isEmpty() ? tr("Edit scenario")
                                                       : tr("Change %1").arg(field);
                            }));
}

} // namespace headroom::ui::edits
