#pragma once

#include "core/engine/node_power_state.h"
#include "core/placement/placement_explain.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

// Where the scenario's placement strategy would put job `job` (position in Scenario::jobs) on
// the cluster with every node on and empty: the planners' "why this node?" before a run.
PlacementExplanation explainOnEmptyCluster(const Scenario &scenario, std::size_t job);

// The verdict as users read it: "Chosen", "Too few free", "Switched off"…
QString verdictText(NodeVerdict verdict);

// One row per node of a PlacementExplanation: node, verdict, free and needed accelerators,
// the strategy's score and the reason. Read-only; sort it through a QSortFilterProxyModel on
// SortRole (numbers sort as numbers, verdicts from chosen to least suitable).
class PlacementExplainModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NodeColumn,
        VerdictColumn,
        FreeColumn,
        NeededColumn,
        ScoreColumn,
        ReasonColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int NodeIndexRole = Qt::UserRole + 2; // topology order

    explicit PlacementExplainModel(QObject *parent = nullptr);

    // `power`: the nodes' power states (topology order) when explaining a live cluster, so
    // that a node that is not on reads "Booting" or "Shutting down" rather than "Switched
    // off"; empty otherwise.
    void setExplanation(PlacementExplanation explanation, std::vector<NodePowerState> power = {});
    void clear();
    const PlacementExplanation &explanation() const { return m_explanation; }
    const NodeExplanation &node(int row) const { return m_explanation.nodes[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString verdictOf(const NodeExplanation &node) const;

    PlacementExplanation m_explanation;
    std::vector<NodePowerState> m_power;
};

} // namespace headroom::ui
