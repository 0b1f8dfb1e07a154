#pragma once

#include "core/plan/sizing.h"

#include <QAbstractTableModel>

#include <memory>

namespace headroom::ui {

// Every configuration a sizing study evaluated (docs/design.md §7.4), one row each: its
// evaluation order, round, node counts, the value of each SLO's key, the objective, the cost
// split and whether it met the SLOs. Display text as the report prints it; Qt::UserRole holds
// the number to sort by, for a QSortFilterProxyModel with that sort role.
class SizingPointsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit SizingPointsModel(QObject *parent = nullptr);

    void setResult(std::shared_ptr<const SizingResult> result, const QString &currency);
    const SizingResult *result() const { return m_result.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static constexpr int SortRole = Qt::UserRole;

private:
    enum class Column { Index, Round, Count, Slo, Objective, Capital, Energy, Meets };
    struct ColumnInfo
    {
        Column kind;
        int which = 0; // the varied type or the SLO
    };
    void buildColumns();

    std::shared_ptr<const SizingResult> m_result;
    QString m_currency = QStringLiteral("USD");
    std::vector<ColumnInfo> m_columns;
};

} // namespace headroom::ui
