#include "ui/dnd/drop_rules.h"

#include "core/engine/compiled_cluster.h"
#include "core/engine/node_filter_index.h"
#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/count_text.h"

#include <QCoreApplication>

namespace headroom::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::DropRules", text);
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString jobLabel(const Job &job)
{
    return job.name.empty()
                   ? tr("Job %1").arg(static_cast<qlonglong>(job.id))
                   : tr("Job %1 (%2)").arg(static_cast<qlonglong>(job.id)).arg(q(job.name));
}

// The constraints a job gets when dropped on the target: a location replaces the job's
// previous location (pin, rack, zone); a node-type requirement stays.
JobConstraints placedAt(const Job &job, const DropTarget &target)
{
    JobConstraints c = *job.constraints;
    c.pinNode.clear();
    c.rack.clear();
    c.zone.clear();
    switch (target.kind) {
    case DropTarget::Kind::Node:
        c.pinNode = target.name;
        break;
    case DropTarget::Kind::Rack:
        c.rack = target.name;
        break;
    case DropTarget::Kind::Zone:
        c.zone = target.name;
        break;
    case DropTarget::Kind::EmptyArea:
        break;
    }
    return c;
}

// Why the job cannot run at the target, or an empty string if it can. `label` names the job
// for people: "Job 12 (finetune)", or a template's name, since a job not yet created has no id.
QString whyNot(const Scenario &s, NodeFilterIndex &filters, const Job &job, const QString &label,
               const DropTarget &target)
{
    const JobConstraints c = placedAt(job, target);
    if (target.kind == DropTarget::Kind::Node) {
        const NodeSpec *node = s.cluster.findNode(target.name);
        const NodeType *type = node ? s.findNodeType(node->type) : nullptr;
        if (!type)
            return tr("Unknown node %1").arg(q(target.name));
        if (!c.nodeType.empty() && c.nodeType != node->type)
            return tr("%1 needs a %2 node; %3 is a %4")
                    .arg(label, q(c.nodeType), q(node->name), q(node->type));
        if (job.slots > type->accelerators)
            return tr("%1 needs %2 accelerators; %3 has %4")
                    .arg(label)
                    .arg(job.slots)
                    .arg(q(node->name))
                    .arg(type->accelerators);
        return {};
    }
    const int filter = filters.filterFor(c);
    if (filters.feasibility(filter, job.slots) == RejectReason::None)
        return {};
    const FilterCapacity &capacity = filters.capacity(filter);
    int admitted = 0;
    for (int count : capacity.nodesOfType)
        admitted += count;
    const QString where =
            target.kind == DropTarget::Kind::EmptyArea ? tr("the cluster") : q(target.name);
    if (admitted == 0)
        return c.nodeType.empty() ? tr("%1 has no nodes").arg(where)
                                  : tr("%1 has no %2 nodes").arg(where, q(c.nodeType));
    return tr("%1 needs %2 accelerators; %3 can never provide them at once")
            .arg(label)
            .arg(job.slots)
            .arg(where);
}

QString targetLabel(const DropTarget &target)
{
    return q(target.name);
}

} // namespace

DropVerdict evaluateDrop(const Scenario &s, const DragPayload &payload, const DropTarget &target)
{
    switch (target.kind) {
    case DropTarget::Kind::Node:
        if (!s.cluster.findNode(target.name))
            return {false, tr("Unknown node %1").arg(q(target.name))};
        break;
    case DropTarget::Kind::Rack:
        if (!s.cluster.findRack(target.name))
            return {false, tr("Unknown rack %1").arg(q(target.name))};
        break;
    case DropTarget::Kind::Zone:
        if (!s.cluster.findZone(target.name))
            return {false, tr("Unknown zone %1").arg(q(target.name))};
        break;
    case DropTarget::Kind::EmptyArea:
        break;
    }

    if (payload.kind == DragPayload::Kind::NodeType) {
        if (!s.findNodeType(payload.nodeType))
            return {false, tr("Unknown node type %1").arg(q(payload.nodeType))};
        switch (target.kind) {
        case DropTarget::Kind::Node:
        case DropTarget::Kind::Rack: {
            std::string rack = target.name;
            if (target.kind == DropTarget::Kind::Node)
                rack = s.cluster.placeOfNode(target.name).rack->name;
            return {true, tr("Add %1 nodes to %2").arg(q(payload.nodeType), q(rack))};
        }
        case DropTarget::Kind::Zone:
            return {true,
                    tr("New rack of %1 nodes in %2").arg(q(payload.nodeType), q(target.name))};
        case DropTarget::Kind::EmptyArea:
            return {true, tr("New rack of %1 nodes").arg(q(payload.nodeType))};
        }
    }

    if (payload.kind == DragPayload::Kind::ExistingJobs &&
        target.kind == DropTarget::Kind::EmptyArea)
        return {false,
                tr("Drop jobs on a node to pin them, or on a rack or zone to keep them there")};

    const CompiledCluster cluster = compileCluster(s);
    NodeFilterIndex filters(cluster);
    std::vector<const Job *> jobs;
    if (payload.kind == DragPayload::Kind::JobTemplate) {
        jobs.push_back(&payload.jobTemplate);
    } else {
        for (std::size_t index : payload.jobs) {
            if (index >= s.jobs.size())
                return {false, tr("The dragged jobs no longer exist")};
            jobs.push_back(&s.jobs[index]);
        }
    }
    for (const Job *job : jobs) {
        const QString label = payload.kind == DragPayload::Kind::JobTemplate ? payload.templateName
                                                                             : jobLabel(*job);
        if (const QString reason = whyNot(s, filters, *job, label, target); !reason.isEmpty())
            return {false, reason};
    }
    if (payload.kind == DragPayload::Kind::JobTemplate) {
        if (target.kind == DropTarget::Kind::EmptyArea)
            return {true, tr("Add job %1").arg(payload.templateName)};
        return {true, tr("Add job %1 on %2").arg(payload.templateName, targetLabel(target))};
    }
    const int n = static_cast<int>(jobs.size());
    switch (target.kind) {
    case DropTarget::Kind::Node:
        return {true, countText(n, tr("Pin %1 job to %2"), tr("Pin %1 jobs to %2"))
                              .arg(targetLabel(target))};
    case DropTarget::Kind::Rack:
    case DropTarget::Kind::Zone:
        return {true, countText(n, tr("Keep %1 job in %2"), tr("Keep %1 jobs in %2"))
                              .arg(targetLabel(target))};
    case DropTarget::Kind::EmptyArea:
        break;
    }
    return {false, {}};
}

bool applyDrop(ScenarioDocument &document, const DragPayload &payload, const DropTarget &target,
               int nodeCount)
{
    const Scenario &s = document.scenario();
    if (!evaluateDrop(s, payload, target).allowed)
        return false;

    if (payload.kind == DragPayload::Kind::NodeType) {
        switch (target.kind) {
        case DropTarget::Kind::Node:
            return edits::addNodes(document, s.cluster.placeOfNode(target.name).rack->name,
                                   payload.nodeType, nodeCount);
        case DropTarget::Kind::Rack:
            return edits::addNodes(document, target.name, payload.nodeType, nodeCount);
        case DropTarget::Kind::Zone:
        case DropTarget::Kind::EmptyArea:
            // The empty area's target has no name: the last zone, or a new one.
            return edits::addRackOfNodes(document, target.name, payload.nodeType, nodeCount);
        }
        return false;
    }

    if (payload.kind == DragPayload::Kind::JobTemplate) {
        Job job = payload.jobTemplate;
        job.constraints = placedAt(job, target);
        job.submitS = 0;
        edits::addJobs(document, {job}, tr("Add job %1").arg(payload.templateName));
        return true;
    }

    // Existing jobs: each keeps its other constraints and gets the new location; one step.
    const int n = static_cast<int>(payload.jobs.size());
    const QString text = target.kind == DropTarget::Kind::Node
                                 ? countText(n, tr("Pin %1 job to %2"), tr("Pin %1 jobs to %2"))
                                           .arg(q(target.name))
                                 : countText(n, tr("Keep %1 job in %2"), tr("Keep %1 jobs in %2"))
                                           .arg(q(target.name));
    std::vector<std::pair<std::size_t, Job>> changes;
    for (std::size_t index : payload.jobs) {
        Job job = s.jobs[index];
        job.constraints = placedAt(job, target);
        changes.emplace_back(index, std::move(job));
    }
    return edits::replaceJobs(document, std::move(changes), text);
}

} // namespace headroom::ui
