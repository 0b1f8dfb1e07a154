#pragma once

#include <QStyledItemDelegate>

namespace headroom::ui {

// Edits a double in a table cell as typed text within [minimum, maximum], read in the C
// locale (the scenario files' notation), keeping every digit typed: the default spin box
// editor rounds to two decimals, which turns a 0.125 price into 0.13.
class NumberDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    NumberDelegate(double minimum, double maximum, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    QString displayText(const QVariant &value, const QLocale &locale) const override;

private:
    double m_minimum;
    double m_maximum;
};

} // namespace headroom::ui
