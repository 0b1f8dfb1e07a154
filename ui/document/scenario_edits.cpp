#include "ui/document/scenario_edits.h"

#include "core/model/validation.h"
#include "ui/document/scenario_document.h"
#include "ui/document/undo_commands.h"
#include "ui/models/count_text.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace headroom::ui::edits {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::edits", text);
}

std::set<std::string> allNames(const Scenario &scenario)
{
    std::set<std::string> names;
    for (const Zone &zone : scenario.cluster.zones) {
        names.insert(zone.name);
        for (const Rack &rack : zone.racks) {
            names.insert(rack.name);
            for (const NodeSpec &node : rack.nodes)
                names.insert(node.name);
        }
    }
    return names;
}

std::string numbered(const std::string &prefix, int number)
{
    return prefix + (number < 10 ? "0" : "") + std::to_string(number);
}

std::string uniqueIn(std::set<std::string> &taken, const std::string &prefix)
{
    for (int number = 1;; ++number) {
        std::string name = numbered(prefix, number);
        if (taken.insert(name).second)
            return name;
    }
}

Rack *findRack(Cluster &cluster, const std::string &name)
{
    for (Zone &zone : cluster.zones) {
        for (Rack &rack : zone.racks) {
            if (rack.name == name)
                return &rack;
        }
    }
    return nullptr;
}

// Jobs whose constraints mention a name in `renamed` get it replaced (empty: removed).
std::vector<std::pair<std::size_t, Job>>
rewriteConstraints(const Scenario &scenario, const std::map<std::string, std::string> &renamed,
                   bool nodeTypes)
{
    std::vector<std::pair<std::size_t, Job>> changed;
    for (std::size_t i = 0; i < scenario.jobs.size(); ++i) {
        const Job &job = scenario.jobs[i];
        if (job.constraints->empty())
            continue;
        JobConstraints c = *job.constraints;
        bool touched = false;
        auto apply = [&](std::string &field) {
            if (field.empty())
                return;
            const auto it = renamed.find(field);
            if (it != renamed.end()) {
                field = it->second;
                touched = true;
            }
        };
        if (nodeTypes) {
            apply(c.nodeType);
        } else {
            apply(c.zone);
            apply(c.rack);
            apply(c.pinNode);
        }
        if (touched) {
            Job updated = job;
            updated.constraints = c;
            changed.emplace_back(i, std::move(updated));
        }
    }
    return changed;
}

// The first problem core validation finds in `probe`, in words for the status bar; empty when
// none. Edits check a probe holding only the part they change, so a million-job scenario
// is not revalidated per keystroke, and the GUI refuses exactly what a file load would.
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

NodeSpec *findNode(Cluster &cluster, const std::string &name)
{
    for (Zone &zone : cluster.zones) {
        for (Rack &rack : zone.racks) {
            for (NodeSpec &node : rack.nodes) {
                if (node.name == name)
                    return &node;
            }
        }
    }
    return nullptr;
}

std::ptrdiff_t serviceIndex(const Scenario &scenario, const std::string &name)
{
    const auto it = std::find_if(scenario.services.begin(), scenario.services.end(),
                                 [&](const Service &s) { return s.name == name; });
    return it == scenario.services.end() ? -1 : it - scenario.services.begin();
}

// Pushes a cluster change together with the job fix-ups it needs, as one undo step.
void pushClusterEdit(ScenarioDocument &doc, Cluster after, const QString &text,
                     std::vector<std::pair<std::size_t, Job>> jobFixes = {})
{
    auto *command = new QUndoCommand(text);
    new ReplaceClusterCommand(&doc, std::move(after), text, command);
    if (!jobFixes.empty())
        new ChangeJobsCommand(&doc, std::move(jobFixes), text, command);
    doc.undoStack()->push(command);
}

} // namespace

std::string uniqueName(const Scenario &scenario, const std::string &prefix)
{
    std::set<std::string> taken = allNames(scenario);
    return uniqueIn(taken, prefix);
}

bool addZone(ScenarioDocument &doc, std::string *createdName)
{
    Cluster cluster = doc.scenario().cluster;
    const std::string name = uniqueName(doc.scenario(), "zone-");
    cluster.zones.push_back({name, {}});
    pushClusterEdit(doc, std::move(cluster), tr("Add zone %1").arg(QString::fromStdString(name)));
    if (createdName)
        *createdName = name;
    return true;
}

bool addRack(ScenarioDocument &doc, const std::string &zoneName, std::string *createdName)
{
    Cluster cluster = doc.scenario().cluster;
    auto zone = std::find_if(cluster.zones.begin(), cluster.zones.end(),
                             [&](const Zone &z) { return z.name == zoneName; });
    if (zone == cluster.zones.end())
        return false;
    const std::string name = uniqueName(doc.scenario(), "rack-");
    zone->racks.push_back({name, std::nullopt, {}});
    pushClusterEdit(doc, std::move(cluster), tr("Add rack %1").arg(QString::fromStdString(name)));
    if (createdName)
        *createdName = name;
    return true;
}

bool addNodes(ScenarioDocument &doc, const std::string &rackName, const std::string &nodeType,
              int count, QString *why)
{
    if (count <= 0)
        return false;
    if (!doc.scenario().findNodeType(nodeType)) {
        if (why)
            *why = tr("Unknown node type %1").arg(QString::fromStdString(nodeType));
        return false;
    }
    Cluster cluster = doc.scenario().cluster;
    Rack *rack = findRack(cluster, rackName);
    if (!rack) {
        if (why)
            *why = tr("Unknown rack %1").arg(QString::fromStdString(rackName));
        return false;
    }
    std::set<std::string> taken = allNames(doc.scenario());
    for (int i = 0; i < count; ++i)
        rack->nodes.push_back({uniqueIn(taken, rackName + "-n"), nodeType});
    pushClusterEdit(
            doc, std::move(cluster),
            countText(count, tr("Add %1 %2 node to %3"), tr("Add %1 %2 nodes to %3"))
                    .arg(QString::fromStdString(nodeType), QString::fromStdString(rackName)));
    return true;
}

bool removeElements(ScenarioDocument &doc, const std::vector<std::string> &names)
{
    const std::set<std::string> doomed(names.begin(), names.end());
    Cluster cluster = doc.scenario().cluster;
    std::map<std::string, std::string> removed; // name -> "" for constraint rewriting
    int count = 0;
    auto note = [&](const std::string &name) {
        removed.emplace(name, std::string());
        ++count;
    };
    for (auto zone = cluster.zones.begin(); zone != cluster.zones.end();) {
        const bool zoneGoes = doomed.count(zone->name) > 0;
        for (auto rack = zone->racks.begin(); rack != zone->racks.end();) {
            const bool rackGoes = zoneGoes || doomed.count(rack->name) > 0;
            for (auto node = rack->nodes.begin(); node != rack->nodes.end();) {
                if (rackGoes || doomed.count(node->name)) {
                    note(node->name);
                    node = rack->nodes.erase(node);
                } else {
                    ++node;
                }
            }
            if (rackGoes) {
                note(rack->name);
                rack = zone->racks.erase(rack);
            } else {
                ++rack;
            }
        }
        if (zoneGoes) {
            note(zone->name);
            zone = cluster.zones.erase(zone);
        } else {
            ++zone;
        }
    }
    if (count == 0)
        return false;
    pushClusterEdit(doc, std::move(cluster),
                    countText(count, tr("Delete %1 element"), tr("Delete %1 elements")),
                    rewriteConstraints(doc.scenario(), removed, false));
    return true;
}

bool duplicateElements(ScenarioDocument &doc, const std::vector<std::string> &names)
{
    const std::set<std::string> wanted(names.begin(), names.end());
    Cluster cluster = doc.scenario().cluster;
    std::set<std::string> taken = allNames(doc.scenario());
    int copies = 0;
    for (Zone &zone : cluster.zones) {
        std::vector<Rack> racks;
        for (Rack &rack : zone.racks) {
            std::vector<NodeSpec> nodes;
            for (const NodeSpec &node : rack.nodes) {
                nodes.push_back(node);
                if (wanted.count(node.name)) {
                    nodes.push_back({uniqueIn(taken, rack.name + "-n"), node.type, node.tenant});
                    ++copies;
                }
            }
            rack.nodes = std::move(nodes);
            racks.push_back(rack);
            if (wanted.count(rack.name)) {
                Rack copy;
                copy.name = uniqueIn(taken, rack.name + "-copy");
                copy.powerBudgetKw = rack.powerBudgetKw;
                copy.dvfsFrequency = rack.dvfsFrequency;
                for (const NodeSpec &node : rack.nodes)
                    copy.nodes.push_back(
                            {uniqueIn(taken, copy.name + "-n"), node.type, node.tenant});
                racks.push_back(std::move(copy));
                ++copies;
            }
        }
        zone.racks = std::move(racks);
    }
    if (copies == 0)
        return false;
    pushClusterEdit(doc, std::move(cluster),
                    countText(copies, tr("Duplicate %1 element"), tr("Duplicate %1 elements")));
    return true;
}

bool renameElement(ScenarioDocument &doc, const std::string &oldName, const std::string &newName,
                   QString *why)
{
    if (oldName == newName)
        return false;
    if (newName.empty()) {
        if (why)
            *why = tr("A name cannot be empty");
        return false;
    }
    if (allNames(doc.scenario()).count(newName)) {
        if (why)
            *why = tr("The name %1 is already used").arg(QString::fromStdString(newName));
        return false;
    }
    Cluster cluster = doc.scenario().cluster;
    bool found = false;
    for (Zone &zone : cluster.zones) {
        auto rename = [&](std::string &name) {
            if (name == oldName) {
                name = newName;
                found = true;
            }
        };
        rename(zone.name);
        for (Rack &rack : zone.racks) {
            rename(rack.name);
            for (NodeSpec &node : rack.nodes)
                rename(node.name);
        }
    }
    if (!found)
        return false;
    pushClusterEdit(doc, std::move(cluster),
                    tr("Rename %1 to %2")
                            .arg(QString::fromStdString(oldName), QString::fromStdString(newName)),
                    rewriteConstraints(doc.scenario(), {{oldName, newName}}, false));
    return true;
}

bool setRackBudget(ScenarioDocument &doc, const std::string &rackName, std::optional<double> kw)
{
    Cluster cluster = doc.scenario().cluster;
    Rack *rack = findRack(cluster, rackName);
    if (!rack || rack->powerBudgetKw == kw)
        return false;
    rack->powerBudgetKw = kw;
    pushClusterEdit(doc, std::move(cluster),
                    tr("Set power budget of %1").arg(QString::fromStdString(rackName)));
    return true;
}

bool setNodeType(ScenarioDocument &doc, const std::string &nodeName, const std::string &type)
{
    if (!doc.scenario().findNodeType(type))
        return false;
    Cluster cluster = doc.scenario().cluster;
    for (Zone &zone : cluster.zones) {
        for (Rack &rack : zone.racks) {
            for (NodeSpec &node : rack.nodes) {
                if (node.name == nodeName && node.type != type) {
                    node.type = type;
                    pushClusterEdit(doc, std::move(cluster),
                                    tr("Change type of %1").arg(QString::fromStdString(nodeName)));
                    return true;
                }
            }
        }
    }
    return false;
}

bool setNodeTenant(ScenarioDocument &doc, const std::string &nodeName, const std::string &tenant)
{
    Cluster cluster = doc.scenario().cluster;
    NodeSpec *node = findNode(cluster, nodeName);
    if (!node || node->tenant == tenant)
        return false;
    node->tenant = tenant;
    pushClusterEdit(doc, std::move(cluster),
                    tenant.empty()
                            ? tr("Share %1 between tenants").arg(QString::fromStdString(nodeName))
                            : tr("Reserve %1 for %2")
                                      .arg(QString::fromStdString(nodeName),
                                           QString::fromStdString(tenant)));
    return true;
}

bool setRackDvfs(ScenarioDocument &doc, const std::string &rackName,
                 std::optional<double> frequency, QString *why)
{
    // validateScenario()'s range for a DVFS frequency.
    if (frequency && !(*frequency > 0.0 && *frequency <= 4.0))
        return refuse(why, tr("A DVFS frequency must be above 0 and at most 4 × nominal"));
    Cluster cluster = doc.scenario().cluster;
    Rack *rack = findRack(cluster, rackName);
    if (!rack || rack->dvfsFrequency == frequency)
        return false;
    rack->dvfsFrequency = frequency;
    pushClusterEdit(doc, std::move(cluster),
                    tr("Set DVFS frequency of %1").arg(QString::fromStdString(rackName)));
    return true;
}

bool addNodeType(ScenarioDocument &doc, NodeType type, QString *why)
{
    if (type.name.empty() || doc.scenario().findNodeType(type.name)) {
        if (why)
            *why = type.name.empty() ? tr("A node type needs a name")
                                     : tr("There is already a node type %1")
                                               .arg(QString::fromStdString(type.name));
        return false;
    }
    return addNodeTypes(doc, {std::move(type)}, why);
}

bool addNodeTypes(ScenarioDocument &doc, std::vector<NodeType> added, QString *why)
{
    if (added.empty())
        return false;
    Scenario probe;
    probe.nodeTypes = doc.scenario().nodeTypes;
    for (const NodeType &type : added) {
        if (type.name.empty())
            return refuse(why, tr("A node type needs a name"));
        if (std::any_of(probe.nodeTypes.begin(), probe.nodeTypes.end(),
                        [&](const NodeType &t) { return t.name == type.name; }))
            return refuse(
                    why,
                    tr("There is already a node type %1").arg(QString::fromStdString(type.name)));
        probe.nodeTypes.push_back(type);
    }
    if (const QString problem = problemIn(probe); !problem.isEmpty())
        return refuse(why, problem);
    const QString text =
            added.size() == 1
                    ? tr("Add node type %1").arg(QString::fromStdString(added.front().name))
                    : tr("Add %1 node types").arg(added.size());
    doc.undoStack()->push(new ReplaceNodeTypesCommand(&doc, std::move(probe.nodeTypes), text));
    return true;
}

std::string uniqueNodeTypeName(const Scenario &scenario, const std::string &base)
{
    if (!scenario.findNodeType(base))
        return base;
    for (int number = 2;; ++number) {
        std::string name = base + "-" + std::to_string(number);
        if (!scenario.findNodeType(name))
            return name;
    }
}

bool replaceNodeType(ScenarioDocument &doc, const std::string &name, const NodeType &type,
                     QString *why)
{
    std::vector<NodeType> types = doc.scenario().nodeTypes;
    auto it = std::find_if(types.begin(), types.end(),
                           [&](const NodeType &t) { return t.name == name; });
    if (it == types.end() || *it == type)
        return false;
    const bool renamed = type.name != name;
    if (renamed && (type.name.empty() || doc.scenario().findNodeType(type.name))) {
        if (why)
            *why = tr("The node type name %1 is empty or taken")
                           .arg(QString::fromStdString(type.name));
        return false;
    }
    *it = type;
    {
        Scenario probe;
        probe.nodeTypes = types;
        if (const QString problem = problemIn(probe); !problem.isEmpty())
            return refuse(why, problem);
    }
    const QString text = tr("Edit node type %1").arg(QString::fromStdString(name));
    auto *command = new QUndoCommand(text);
    new ReplaceNodeTypesCommand(&doc, std::move(types), text, command);
    if (renamed) {
        Cluster cluster = doc.scenario().cluster;
        for (Zone &zone : cluster.zones) {
            for (Rack &rack : zone.racks) {
                for (NodeSpec &node : rack.nodes) {
                    if (node.type == name)
                        node.type = type.name;
                }
            }
        }
        new ReplaceClusterCommand(&doc, std::move(cluster), text, command);
        auto fixes = rewriteConstraints(doc.scenario(), {{name, type.name}}, true);
        if (!fixes.empty())
            new ChangeJobsCommand(&doc, std::move(fixes), text, command);
    }
    doc.undoStack()->push(command);
    return true;
}

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
    doc.undoStack()->push(
            new InsertJobsCommand(&doc, doc.scenario().jobs.size(), std::move(jobs), text));
}

void removeJobs(ScenarioDocument &doc, std::vector<std::size_t> indices)
{
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    if (indices.empty())
        return;
    const int count = static_cast<int>(indices.size());
    doc.undoStack()->push(new RemoveJobsCommand(
            &doc, std::move(indices), countText(count, tr("Delete %1 job"), tr("Delete %1 jobs"))));
}

void editJob(ScenarioDocument &doc, std::size_t index, const Job &job)
{
    if (doc.scenario().jobs[index] == job)
        return;
    doc.undoStack()->push(new ChangeJobsCommand(
            &doc, {{index, job}}, tr("Edit job %1").arg(static_cast<qlonglong>(job.id)), nullptr,
            true));
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
    if (!changes.empty())
        doc.undoStack()->push(new ChangeJobsCommand(&doc, std::move(changes), text));
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
    doc.undoStack()->push(new ChangeJobsCommand(&doc, std::move(changes), text));
}

bool addService(ScenarioDocument &doc, Service service, QString *why)
{
    if (service.name.empty())
        return refuse(why, tr("A service needs a name"));
    if (serviceIndex(doc.scenario(), service.name) >= 0)
        return refuse(
                why, tr("There is already a service %1").arg(QString::fromStdString(service.name)));
    Scenario probe;
    probe.nodeTypes = doc.scenario().nodeTypes;
    probe.services = {service};
    if (const QString problem = problemIn(probe); !problem.isEmpty())
        return refuse(why, problem);
    const QString text = tr("Add service %1").arg(QString::fromStdString(service.name));
    doc.undoStack()->push(
            new AddServiceCommand(&doc, doc.scenario().services.size(), std::move(service), text));
    return true;
}

bool editService(ScenarioDocument &doc, const std::string &name, const Service &service,
                 QString *why)
{
    const std::ptrdiff_t index = serviceIndex(doc.scenario(), name);
    if (index < 0 || doc.scenario().services[std::size_t(index)] == service)
        return false;
    if (service.name.empty())
        return refuse(why, tr("A service needs a name"));
    if (service.name != name && serviceIndex(doc.scenario(), service.name) >= 0)
        return refuse(
                why, tr("There is already a service %1").arg(QString::fromStdString(service.name)));
    Scenario probe;
    probe.nodeTypes = doc.scenario().nodeTypes;
    probe.services = {service};
    if (const QString problem = problemIn(probe); !problem.isEmpty())
        return refuse(why, problem);
    doc.undoStack()->push(
            new ChangeServiceCommand(&doc, std::size_t(index), service,
                                     tr("Edit service %1").arg(QString::fromStdString(name))));
    return true;
}

bool removeService(ScenarioDocument &doc, const std::string &name)
{
    const std::ptrdiff_t index = serviceIndex(doc.scenario(), name);
    if (index < 0)
        return false;
    doc.undoStack()->push(new RemoveServiceCommand(
            &doc, std::size_t(index), tr("Delete service %1").arg(QString::fromStdString(name))));
    return true;
}

void setPolicy(ScenarioDocument &doc, const Policy &policy)
{
    if (doc.scenario().policy == policy)
        return;
    doc.undoStack()->push(new ChangePolicyCommand(&doc, policy, tr("Change policy")));
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
    const QString text =
            field.isEmpty() ? tr("Change energy settings") : tr("Change %1").arg(field);
    doc.undoStack()->push(new ChangeEnergyCommand(&doc, energy, text, field));
    return true;
}

void setMetadata(ScenarioDocument &doc, const std::string &name, const std::string &description,
                 std::uint64_t seed)
{
    const Scenario &s = doc.scenario();
    if (s.name == name && s.description == description && s.seed == seed)
        return;
    doc.undoStack()->push(
            new ChangeMetadataCommand(&doc, {name, description, seed}, tr("Edit scenario")));
}

} // namespace headroom::ui::edits
