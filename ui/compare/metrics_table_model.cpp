#include "ui/compare/metrics_table_model.h"

#include "core/plan/metric_direction.h"
#include "ui/compare/compared_runs_model.h"

#include <QColor>
#include <QLocale>

#include <cmath>

namespace headroom::ui {

MetricsTableModel::MetricsTableModel(ComparedRunsModel *runs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_runs(runs)
{
    // Any change of the runs may change the baseline, so every cell: a reset is simplest.
    connect(runs, &ComparedRunsModel::runsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

QColor MetricsTableModel::betterColor()
{
    return QColor(46, 160, 67, 90);
}

QColor MetricsTableModel::worseColor()
{
    return QColor(218, 54, 51, 90);
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_runs->runs().empty())
        return 0;
    return int(m_runs->runs().front().metrics.entries.size());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs->runs().size());
}

QString metricText(double value)
{
    const QLocale locale;
    if (std::abs(value) < 1e15 && value == std::round(value))
        return locale.toString(qlonglong(value));
    return locale.toString(value, 'f', std::abs(value) >= 1000.0 ? 1 : 3);
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto &runs = m_runs->runs();
    const MetricValue &base = runs.front().metrics.entries[std::size_t(index.row())];
    const std::optional<double> value = runs[std::size_t(index.column())].metrics.find(base.key);
    const double delta = value ? *value - base.value : 0.0;
    const int verdict = index.column() == 0 || !value ? 0 : deltaVerdict(base.key, delta);
    switch (role) {
    case Qt::DisplayRole: {
        if (!value)
            return tr("—");
        if (index.column() == 0 || delta == 0.0)
            return metricText(*value);
        const QString sign = delta > 0 ? QStringLiteral("+") : QString();
        QString text = tr("%1  (%2%3").arg(metricText(*value), sign, metricText(delta));
        if (base.value != 0.0)
            text += QStringLiteral(", %1%2%").arg(
                    sign, QLocale().toString(100.0 * delta / std::abs(base.value), 'f', 1));
        return text + QLatin1Char(')');
    }
    case Qt::BackgroundRole:
        if (verdict > 0)
            return betterColor();
        if (verdict < 0)
            return worseColor();
        return {};
    case Qt::ToolTipRole:
        if (verdict > 0)
            return tr("Better than the baseline");
        if (verdict < 0)
            return tr("Worse than the baseline");
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case DeltaVerdictRole:
        return verdict;
    case ValueRole:
        return value ? QVariant(*value) : QVariant();
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const auto &runs = m_runs->runs();
    if (orientation == Qt::Horizontal) {
        if (section >= int(runs.size()))
            return {};
        // Names run long ("cluster · easy/best_fit"); the column should fit its numbers.
        const QString &name = runs[std::size_t(section)].name;
        constexpr int kLongest = 22;
        if (role == Qt::ToolTipRole || name.size() <= kLongest)
            return name;
        return name.left(kLongest - 1) + QChar(0x2026);
    }
    if (role != Qt::DisplayRole)
        return {};
    if (runs.empty() || section >= int(runs.front().metrics.entries.size()))
        return {};
    return QString::fromStdString(runs.front().metrics.entries[std::size_t(section)].key);
}

} // namespace headroom::ui
