#pragma once

#include <QAbstractTableModel>

namespace headroom::ui {

class ComparedRunsModel;

// The compared runs' metrics side by side (docs/design.md §8.1): a row per numeric key of the
// baseline (the first run) in metrics-JSON order, a column per run. Later runs show their
// delta against the baseline, tinted by whether it is better or worse (metricDirection).
class MetricsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // DeltaVerdictRole: +1 better, −1 worse, 0 neutral or unchanged (also on the baseline).
    // ValueRole: the metric's value as a double; invalid when the run lacks the key.
    enum Role { DeltaVerdictRole = Qt::UserRole + 1, ValueRole };

    explicit MetricsTableModel(ComparedRunsModel *runs, QObject *parent = nullptr);

    // The tints of a better and a worse delta, legible on light and dark bases alike.
    static QColor betterColor();
    static QColor worseColor();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    ComparedRunsModel *m_runs;
};

// A metric's value for a table: integers as integers, the rest to a sensible precision.
QString metricText(double value);

} // namespace headroom::ui
