// Edits of the cluster tree and of the node types; a rename or removal takes the jobs whose
// constraints name it, and the planned outages of its nodes, along in the same step.
#include "core/model/limits.h"
#include "ui/document/edit_support.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/count_text.h"

#include <algorithm>
#include <map>
#include <set>

namespace headroom::ui::edits {
using namespace detail;
namespace {

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

// A name for a new node of `rack`, unique in the cluster (`taken`, which it joins). It continues
// the rack's own numbering when its last node ends in a number ("a-n08" → "a-n09", "n99" →
// "n100"), so new nodes read like their neighbours; else "<rack>-n01", "<rack>-n02", …
std::string newNodeName(const Rack &rack, std::set<std::string> &taken)
{
    if (!rack.nodes.empty()) {
        const std::string &last = rack.nodes.back().name;
        const std::size_t digits = last.find_last_not_of("0123456789") + 1; // 0 if all digits
        const std::size_t width = last.size() - digits;
        if (width > 0 && width <= 6) {
            const std::string prefix = last.substr(0, digits);
            for (int number = std::stoi(last.substr(digits)) + 1;; ++number) {
                std::string value = std::to_string(number);
                if (value.size() < width)
                    value.insert(0, width - value.size(), '0');
                if (taken.insert(prefix + value).second)
                    return prefix + value;
            }
        }
    }
    return uniqueIn(taken, rack.name + "-n");
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

// Pushes a cluster change together with the job and outage fix-ups it needs, as one undo
// step; `renamed` maps a node's old name to its new one.
void pushClusterEdit(ScenarioDocument &doc, Cluster after, const QString &text,
                     std::vector<std::pair<std::size_t, Job>> jobFixes = {},
                     const std::map<std::string, std::string> &renamed = {})
{
    auto command = std::make_unique<QUndoCommand>(text);
    // Outages first: a removed node's outage is gone before its node is, so what views read
    // between the two is still a valid scenario (undo puts the node back first).
    outagesFollowCluster(doc, after, renamed, text, command.get());
    replaceCommand(doc, std::move(after), text, command.get());
    if (!jobFixes.empty())
        replaceJobsCommand(doc, std::move(jobFixes), text, command.get());
    push(doc, std::move(command));
}

} // namespace

std::string uniqueName(const Scenario &scenario, const std::string &prefix)
{
    std::set<std::string> taken = scenario.cluster.names();
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
    Zone *zone = cluster.findZone(zoneName);
    if (!zone)
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
    Rack *rack = cluster.findRack(rackName);
    if (!rack) {
        if (why)
            *why = tr("Unknown rack %1").arg(QString::fromStdString(rackName));
        return false;
    }
    std::set<std::string> taken = cluster.names();
    for (int i = 0; i < count; ++i)
        rack->nodes.push_back({newNodeName(*rack, taken), nodeType});
    pushClusterEdit(
            doc, std::move(cluster),
            countText(count, tr("Add %1 %2 node to %3"), tr("Add %1 %2 nodes to %3"))
                    .arg(QString::fromStdString(nodeType), QString::fromStdString(rackName)));
    return true;
}

bool addRackOfNodes(ScenarioDocument &doc, const std::string &zoneName, const std::string &nodeType,
                    int count, QString *why)
{
    if (count <= 0)
        return false;
    if (!doc.scenario().findNodeType(nodeType))
        return refuse(why, tr("Unknown node type %1").arg(QString::fromStdString(nodeType)));
    Cluster cluster = doc.scenario().cluster;
    std::set<std::string> taken = cluster.names();
    Zone *zone = nullptr;
    if (!zoneName.empty()) {
        zone = cluster.findZone(zoneName);
        if (!zone)
            return refuse(why, tr("Unknown zone %1").arg(QString::fromStdString(zoneName)));
    } else {
        if (cluster.zones.empty())
            cluster.zones.push_back({uniqueIn(taken, "zone-"), {}});
        zone = &cluster.zones.back();
    }
    Rack rack{uniqueIn(taken, "rack-"), std::nullopt, {}};
    for (int i = 0; i < count; ++i)
        rack.nodes.push_back({newNodeName(rack, taken), nodeType});
    zone->racks.push_back(std::move(rack));
    pushClusterEdit(doc, std::move(cluster),
                    tr("New rack of %1 nodes").arg(QString::fromStdString(nodeType)));
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
    std::set<std::string> taken = cluster.names();
    int copies = 0;
    for (Zone &zone : cluster.zones) {
        std::vector<Rack> racks;
        for (Rack &rack : zone.racks) {
            std::vector<NodeSpec> nodes;
            for (const NodeSpec &node : rack.nodes) {
                nodes.push_back(node);
                if (wanted.count(node.name)) {
                    nodes.push_back({newNodeName(rack, taken), node.type, node.tenant});
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
                    copy.nodes.push_back({newNodeName(copy, taken), node.type, node.tenant});
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
    if (doc.scenario().cluster.names().count(newName)) {
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
                    rewriteConstraints(doc.scenario(), {{oldName, newName}}, false),
                    {{oldName, newName}});
    return true;
}

bool setRackBudget(ScenarioDocument &doc, const std::string &rackName, std::optional<double> kw)
{
    Cluster cluster = doc.scenario().cluster;
    Rack *rack = cluster.findRack(rackName);
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
    NodeSpec *node = cluster.findNode(nodeName);
    if (!node || node->type == type)
        return false;
    node->type = type;
    pushClusterEdit(doc, std::move(cluster),
                    tr("Change type of %1").arg(QString::fromStdString(nodeName)));
    return true;
}

bool setNodeTenant(ScenarioDocument &doc, const std::string &nodeName, const std::string &tenant)
{
    Cluster cluster = doc.scenario().cluster;
    NodeSpec *node = cluster.findNode(nodeName);
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
    if (frequency && !(*frequency > 0.0 && *frequency <= limits::kMaxDvfsRatio))
        return refuse(why, tr("A DVFS frequency must be above 0 and at most %1 × nominal")
                                   .arg(limits::kMaxDvfsRatio));
    Cluster cluster = doc.scenario().cluster;
    Rack *rack = cluster.findRack(rackName);
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
    push(doc, std::unique_ptr<QUndoCommand>(replaceCommand(doc, std::move(probe.nodeTypes), text)));
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
    auto command = std::make_unique<QUndoCommand>(text);
    replaceCommand(doc, std::move(types), text, command.get());
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
        replaceCommand(doc, std::move(cluster), text, command.get());
        auto fixes = rewriteConstraints(doc.scenario(), {{name, type.name}}, true);
        if (!fixes.empty())
            replaceJobsCommand(doc, std::move(fixes), text, command.get());
    }
    push(doc, std::move(command));
    return true;
}

} // namespace headroom::ui::edits
