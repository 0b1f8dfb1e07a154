#include "ui/plan/sizing_points_model.h"

#include "report/plan_figures.h"
#include "report/report_format.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace headroom::ui {

SizingPointsModel::SizingPointsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SizingPointsModel::setResult(std::shared_ptr<const SizingResult> result,
                                  const QString &currency)
{
    beginResetModel();
    m_result = std::move(result);
    m_currency = currency;
    buildColumns();
    endResetModel();
}

void SizingPointsModel::buildColumns()
{
    m_columns.clear();
    if (!m_result)
        return;
    m_columns.push_back({Column::Index});
    m_columns.push_back({Column::Round});
    for (std::size_t i = 0; i < m_result->request.vary.size(); ++i)
        m_columns.push_back({Column::Count, int(i)});
    for (std::size_t i = 0; i < m_result->request.slos.size(); ++i)
        m_columns.push_back({Column::Slo, int(i)});
    m_columns.push_back({Column::Objective});
    m_columns.push_back({Column::Capital});
    m_columns.push_back({Column::Energy});
    m_columns.push_back({Column::Meets});
}

int SizingPointsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_result->points.size());
}

int SizingPointsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant SizingPointsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= int(m_columns.size()))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const ColumnInfo &column = m_columns[std::size_t(section)];
    const SizingRequest &request = m_result->request;
    switch (column.kind) {
    case Column::Index:
        return role == Qt::ToolTipRole ? tr("Order of evaluation") : tr("#");
    case Column::Round:
        return role == Qt::ToolTipRole ? tr("Search round that proposed it") : tr("Round");
    case Column::Count:
        return QString::fromStdString(request.vary[std::size_t(column.which)].type);
    case Column::Slo: {
        const Slo &slo = request.slos[std::size_t(column.which)];
        return role == Qt::ToolTipRole ? report::sloText(slo, m_currency)
                                       : report::metricLabel(slo.key);
    }
    case Column::Objective:
        return role == Qt::ToolTipRole ? report::objectiveLabel(request.objective)
                                       : tr("Objective");
    case Column::Capital:
        return role == Qt::ToolTipRole ? tr("Node prices amortised over the run") : tr("Capital");
    case Column::Energy:
        return role == Qt::ToolTipRole ? tr("The run's energy bill") : tr("Energy");
    case Column::Meets:
        return tr("SLOs");
    }
    return {};
}

QVariant SizingPointsModel::data(const QModelIndex &index, int role) const
{
    if (!m_result || !index.isValid() || index.row() >= rowCount())
        return {};
    const std::size_t row = std::size_t(index.row());
    const SizingPoint &point = m_result->points[row];
    const ColumnInfo &column = m_columns[std::size_t(index.column())];
    const bool recommended = int(row) == m_result->recommended;
    if (role == Qt::FontRole && recommended) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole && recommended)
        return tr("The recommended configuration");
    if (role == Qt::TextAlignmentRole)
        return int((column.kind == Column::Meets ? Qt::AlignLeft : Qt::AlignRight) |
                   Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column.kind == Column::Meets && !point.feasible)
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    const RunCost &cost = point.evaluation.cost;
    switch (column.kind) {
    case Column::Index:
        return display ? QVariant(QString::number(row)) : QVariant(qlonglong(row));
    case Column::Round:
        return display ? QVariant(QString::number(point.round)) : QVariant(point.round);
    case Column::Count: {
        const int count = point.counts[std::size_t(column.which)];
        return display ? QVariant(QString::number(count)) : QVariant(count);
    }
    case Column::Slo: {
        const std::size_t slo = std::size_t(column.which);
        const double value = slo < point.verdicts.size() ? point.verdicts[slo].value : 0.0;
        return display ? QVariant(report::metricValue(m_result->request.slos[slo].key, value,
                                                      m_currency))
                       : QVariant(value);
    }
    case Column::Objective:
        return display ? QVariant(report::objectiveValue(m_result->request.objective,
                                                         point.objective))
                       : QVariant(point.objective);
    case Column::Capital:
        return display ? QVariant(report::money(cost.capitalUsd, QStringLiteral("USD")))
                       : QVariant(cost.capitalUsd);
    case Column::Energy:
        return display ? QVariant(report::money(cost.energy,
                                                QString::fromStdString(cost.energyCurrency)))
                       : QVariant(cost.energy);
    case Column::Meets:
        if (!display)
            return point.feasible ? 1 : 0;
        return recommended ? tr("meets · recommended")
                           : (point.feasible ? tr("meets") : tr("breaks"));
    }
    return {};
}

} // namespace headroom::ui
