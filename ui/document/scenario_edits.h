#pragma once

#include "core/model/scenario.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// Every edit the GUI offers, each pushed on the document's undo stack as one step. Functions
// return false (and change nothing) when the edit does not apply; `why` then says why, in
// words fit for the status bar.
namespace edits {

// Cluster
bool addZone(ScenarioDocument &doc, std::string *createdName = nullptr);
bool addRack(ScenarioDocument &doc, const std::string &zone, std::string *createdName = nullptr);
bool addNodes(ScenarioDocument &doc, const std::string &rack, const std::string &nodeType,
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

// Node types
bool addNodeType(ScenarioDocument &doc, NodeType type, QString *why = nullptr);
bool replaceNodeType(ScenarioDocument &doc, const std::string &name, const NodeType &type,
                     QString *why = nullptr);

// Jobs
// Appends jobs; ids that are 0 or already taken get fresh ones.
void addJobs(ScenarioDocument &doc, std::vector<Job> jobs, const QString &text);
void removeJobs(ScenarioDocument &doc, std::vector<std::size_t> indices);
void editJob(ScenarioDocument &doc, std::size_t index, const Job &job);
void setJobConstraints(ScenarioDocument &doc, const std::vector<std::size_t> &indices,
                       const JobConstraints &constraints, const QString &text);

// Settings
void setPolicy(ScenarioDocument &doc, const Policy &policy);
void setMetadata(ScenarioDocument &doc, const std::string &name, const std::string &description,
                 std::uint64_t seed);

// A name not used by any zone, rack or node: prefix + the smallest free number.
std::string uniqueName(const Scenario &scenario, const std::string &prefix);

} // namespace edits
} // namespace headroom::ui
