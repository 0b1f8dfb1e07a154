#include "ui/explain/placement_explain_model.h"

#include "core/engine/cluster_state.h"
#include "core/engine/compiled_cluster.h"
#include "core/model/scenario.h"
#include "core/placement/placement_factory.h"
#include "core/placement/placement_strategy.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <limits>

namespace headroom::ui {

PlacementExplanation explainOnEmptyCluster(const Scenario &scenario, std::size_t job)
{
    if (job >= scenario.jobs.size())
        return {};
    const CompiledCluster layout = compileCluster(scenario);
    const ClusterState state(layout);
    const std::unique_ptr<PlacementStrategy> strategy = makePlacement(scenario.policy.placement);
    return explainPlacement(scenario.jobs[job], state, *strategy);
}

QString verdictText(NodeVerdict verdict)
{
    switch (verdict) {
    case NodeVerdict::Chosen:
        return PlacementExplainModel::tr("Chosen");
    case NodeVerdict::Candidate:
        return PlacementExplainModel::tr("Candidate");
    case NodeVerdict::WrongType:
        return PlacementExplainModel::tr("Wrong node type");
    case NodeVerdict::OutsideZone:
        return PlacementExplainModel::tr("Outside the zone");
    case NodeVerdict::OutsideRack:
        return PlacementExplainModel::tr("Outside the rack");
    case NodeVerdict::NotPinnedNode:
        return PlacementExplainModel::tr("Not the pinned node");
    case NodeVerdict::ReservedForOtherTenant:
        return PlacementExplainModel::tr("Reserved for another tenant");
    case NodeVerdict::TooSmall:
        return PlacementExplainModel::tr("Too small");
    case NodeVerdict::Off:
        return PlacementExplainModel::tr("Switched off");
    case NodeVerdict::TooFewFree:
        return PlacementExplainModel::tr("Too few free");
    }
    return {};
}

PlacementExplainModel::PlacementExplainModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PlacementExplainModel::setExplanation(PlacementExplanation explanation,
                                           std::vector<NodePowerState> power)
{
    beginResetModel();
    m_explanation = std::move(explanation);
    m_power = std::move(power);
    endResetModel();
}

QString PlacementExplainModel::verdictOf(const NodeExplanation &node) const
{
    if (node.verdict == NodeVerdict::Off && std::size_t(node.node) < m_power.size()) {
        if (m_power[std::size_t(node.node)] == NodePowerState::Booting)
            return tr("Booting");
        if (m_power[std::size_t(node.node)] == NodePowerState::ShuttingDown)
            return tr("Shutting down");
    }
    return verdictText(node.verdict);
}

void PlacementExplainModel::clear()
{
    setExplanation({});
}

int PlacementExplainModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_explanation.nodes.size());
}

int PlacementExplainModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlacementExplainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeExplanation &n = node(index.row());
    const int column = index.column();
    if (role == NodeIndexRole)
        return n.node;
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(n.reason);
    if (role == Qt::TextAlignmentRole) {
        if (column == FreeColumn || column == NeededColumn || column == ScoreColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::FontRole && n.verdict == NodeVerdict::Chosen) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::DecorationRole && column == VerdictColumn) {
        // Green for the pick, blue for a possible node, grey for the rest.
        switch (n.verdict) {
        case NodeVerdict::Chosen:
            return QColor(0x2e, 0x9d, 0x4f);
        case NodeVerdict::Candidate:
            return QColor(0x3b, 0x7d, 0xd8);
        case NodeVerdict::Off:
            return QColor(0x55, 0x55, 0x55);
        default:
            return QColor(0xb0, 0xb0, 0xb0);
        }
    }
    if (role == SortRole) {
        switch (column) {
        case NodeColumn:
            return n.node;
        case VerdictColumn:
            return int(n.verdict);
        case FreeColumn:
            return n.freeSlots;
        case NeededColumn:
            return n.neededSlots;
        case ScoreColumn:
            // Nodes without a score sort after every scored one.
            return n.score ? *n.score : std::numeric_limits<double>::max();
        case ReasonColumn:
            return QString::fromStdString(n.reason);
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NodeColumn:
        return QString::fromStdString(n.name);
    case VerdictColumn:
        return verdictOf(n);
    case FreeColumn:
        return n.freeSlots;
    case NeededColumn:
        return n.neededSlots;
    case ScoreColumn:
        return n.score ? QLocale().toString(*n.score, 'g', 6) : QStringLiteral("—");
    case ReasonColumn:
        return QString::fromStdString(n.reason);
    }
    return {};
}

QVariant PlacementExplainModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NodeColumn:
            return tr("Node");
        case VerdictColumn:
            return tr("Verdict");
        case FreeColumn:
            return tr("Free");
        case NeededColumn:
            return tr("Needed");
        case ScoreColumn:
            return tr("Score");
        case ReasonColumn:
            return tr("Reason");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case FreeColumn:
            return tr("Free accelerators on the node now");
        case NeededColumn:
            return tr("Free accelerators the node would need for this job");
        case ScoreColumn:
            return m_explanation.scoreMeaning.empty()
                           ? tr("The placement strategy's score")
                           : QString::fromStdString(m_explanation.scoreMeaning);
        default:
            return {};
        }
    }
    return {};
}

} // namespace headroom::ui
