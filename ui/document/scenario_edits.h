#pragma once

#include "core/model/scenario.h"

#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// Every edit the GUI offers, each pushed on the document's undo stack as one step: compound
// edits (a rack with its nodes, a rename with the jobs that follow it) are built here, never
// in a view. Functions return false (and change nothing) when the edit does not apply; `why`
// then says why, in words fit for the status bar.
//
// An edit that changes one field of one object (a job's name, the scheduler, the PUE) merges
// with the next edit of that same field of that same object, so typing or stepping a spin box
// is one undo step; anything else is a step of its own.
//
// Cluster and node-type edits are in cluster_edits.cpp, the others in scenario_edits.cpp.
namespace edits {

// Cluster
bool addZone(ScenarioDocument &doc, std::string *createdName = nullptr);
bool addRack(ScenarioDocument &doc, const std::string &zone, std::string *createdName = nullptr);
bool addNodes(ScenarioDocument &doc, const std::string &rack, const std::string &nodeType,
              int count, QString *why = nullptr);
// A new rack of `count` nodes of a type in `zone`; with no zone given, in the last zone, or in
// a new one when there is none. One step, zone and all.
bool addRackOfNodes(ScenarioDocument &doc, const std::string &zone, const std::string &nodeType,
                    int count, QString *why = nullptr);
// Removes nodes, racks and zones by name in one step; jobs that referred to them lose those
// constraints in the same step (so the scenario stays valid and undo restores both).
bool removeElements(ScenarioDocument &doc, const std::vector<std::string> &names);
// Copies of nodes (next to the originals) or of racks (with all their nodes).
bool duplicateElements(ScenarioDocument &doc, const std::vector<std::string> &names);
bool renameElement(ScenarioDocument &doc, const std::string &oldName, const std::string &newName,
                   QString *why = nullptr);
bool setRackBudget(ScenarioDocument &doc, const std::string &rack, std::optional<double> kw);
bool setNodeType(ScenarioDocument &doc, const std::string &node, const std::string &type);
// Reserves a node for one tenant's jobs; an empty tenant makes it shared again.
bool setNodeTenant(ScenarioDocument &doc, const std::string &node, const std::string &tenant);
// A rack's own DVFS frequency (relative, 0 < f <= 4); nullopt follows the cluster's.
bool setRackDvfs(ScenarioDocument &doc, const std::string &rack, std::optional<double> frequency,
                 QString *why = nullptr);

// Node counts per type, rebuilt as planning rebuilds them (core/plan/cluster_resize.h,
// docs/design.md §7.2), with the jobs whose pins that drops, as one step (Plan → Size Cluster
// → Apply). Refuses an unknown type or a negative count; false without a step when nothing
// changes. In plan_edits.cpp.
bool setNodeCounts(ScenarioDocument &doc, const std::vector<std::pair<std::string, int>> &counts,
                   QString *why = nullptr);

// Node types
bool addNodeType(ScenarioDocument &doc, NodeType type, QString *why = nullptr);
bool replaceNodeType(ScenarioDocument &doc, const std::string &name, const NodeType &type,
                     QString *why = nullptr);
// Adds several node types as one step (Add from Catalog); refuses all of them when any name
// is empty or taken, or any figure is out of range.
bool addNodeTypes(ScenarioDocument &doc, std::vector<NodeType> types, QString *why = nullptr);
// `base` when no node type has that name yet, else the first free "base-2", "base-3", …
std::string uniqueNodeTypeName(const Scenario &scenario, const std::string &base);

// Jobs
// Appends jobs; ids that are 0 or already taken get fresh ones.
void addJobs(ScenarioDocument &doc, std::vector<Job> jobs, const QString &text);
void removeJobs(ScenarioDocument &doc, std::vector<std::size_t> indices);
// Every job replaced by `jobs` (a trace mapped onto the cluster), as one step; the cluster,
// node types, policies, energy settings and services stay.
void replaceAllJobs(ScenarioDocument &doc, std::vector<Job> jobs, const QString &text);
void editJob(ScenarioDocument &doc, std::size_t index, const Job &job);
// What an import changed (a scenario applyImport() built from the document's): its node
// types, cluster and jobs, as one step; the rest of `imported` is the document's already.
void applyImported(ScenarioDocument &doc, Scenario imported, const QString &text);
// Replaces several jobs in place as one step that never merges (a drop, a menu action);
// false when none of them changes.
bool replaceJobs(ScenarioDocument &doc, std::vector<std::pair<std::size_t, Job>> jobs,
                 const QString &text);
void setJobConstraints(ScenarioDocument &doc, const std::vector<std::size_t> &indices,
                       const JobConstraints &constraints, const QString &text);
// One constraint (e.g. &JobConstraints::zone) of several jobs, each keeping its others, as
// one step; false when no job changes.
bool setJobsConstraint(ScenarioDocument &doc, const std::vector<std::size_t> &indices,
                       std::string JobConstraints::*constraint, const std::string &value);
// Tenant isolation (Job::dedicated) for several jobs at once, as one step.
void setJobsDedicated(ScenarioDocument &doc, const std::vector<std::size_t> &indices,
                      bool dedicated);

// Services (names are unique, so they are the key)
bool addService(ScenarioDocument &doc, Service service, QString *why = nullptr);
bool editService(ScenarioDocument &doc, const std::string &name, const Service &service,
                 QString *why = nullptr);
bool removeService(ScenarioDocument &doc, const std::string &name);

// Failures and planned outages (docs/design.md §10; failure_edits.cpp)
// Failures on or off, their seed and where interrupted jobs go back in the queue.
void setFailures(ScenarioDocument &doc, const FailurePolicy &failures);
// Takes a node down for a while (Take Node Down… in the topology). Refuses an unknown node,
// a start or duration out of range, or an overlap with another outage of that node, saying
// which.
bool addOutage(ScenarioDocument &doc, const PlannedOutage &outage, QString *why = nullptr);
// Replaces outage `index` (Scenario::outages order); false without a step when unchanged.
bool editOutage(ScenarioDocument &doc, std::size_t index, const PlannedOutage &outage,
                QString *why = nullptr);
// Removes outages by position, as one step.
bool removeOutages(ScenarioDocument &doc, std::vector<std::size_t> indices);

// Settings
void setPolicy(ScenarioDocument &doc, const Policy &policy);
// `field` names the setting that changed, in words ("PUE"), for the undo text "Change PUE";
// without it the text names the one field that changed, or the energy settings. Refuses
// values the scenario format would refuse, saying which and why.
bool setEnergy(ScenarioDocument &doc, const EnergyPolicy &energy, const QString &field = {},
               QString *why = nullptr);
void setMetadata(ScenarioDocument &doc, const std::string &name, const std::string &description,
                 std::uint64_t seed);

// A name not used by any zone, rack or node: prefix + the smallest free number.
std::string uniqueName(const Scenario &scenario, const std::string &prefix);

} // namespace edits
} // namespace headroom::ui
