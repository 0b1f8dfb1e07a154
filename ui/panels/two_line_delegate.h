#pragma once

#include <QStyledItemDelegate>

namespace headroom::ui {

// Palette rows: the icon, the display text in bold and, below it, the text of `detailRole`
// in the view's secondary colour.
class TwoLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TwoLineDelegate(int detailRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_detailRole;
};

} // namespace headroom::ui
