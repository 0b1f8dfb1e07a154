#include "ui/panels/two_line_delegate.h"

#include <QApplication>
#include <QPainter>

namespace headroom::ui {
namespace {
constexpr int kIconSize = 32;
constexpr int kMargin = 4;
} // namespace

TwoLineDelegate::TwoLineDelegate(int detailRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_detailRole(detailRole)
{}

void TwoLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background, selection and focus from the style; text and icon drawn here.
    const QString title = opt.text;
    const QIcon icon = opt.icon;
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect area = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect iconRect(area.left(), area.top() + (area.height() - kIconSize) / 2, kIconSize,
                         kIconSize);
    const bool selected = opt.state & QStyle::State_Selected;
    const bool enabled = opt.state & QStyle::State_Enabled;
    icon.paint(painter, iconRect, Qt::AlignCenter, enabled ? QIcon::Normal : QIcon::Disabled);

    const QRect textRect = area.adjusted(kIconSize + 2 * kMargin, 0, 0, 0);
    const QPalette::ColorGroup group = enabled ? QPalette::Normal : QPalette::Disabled;
    QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(selected ? 0.85f : 0.6f);

    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics detailMetrics(opt.font);
    const int total = titleMetrics.height() + detailMetrics.height();
    const int top = textRect.top() + std::max(0, (textRect.height() - total) / 2);

    painter->save();
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(QRect(textRect.left(), top, textRect.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, textRect.width()));
    painter->setFont(opt.font);
    painter->setPen(secondary);
    const QString detail = index.data(m_detailRole).toString();
    painter->drawText(QRect(textRect.left(), top + titleMetrics.height(), textRect.width(),
                            detailMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      detailMetrics.elidedText(detail, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize TwoLineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont titleFont = option.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics detailMetrics(option.font);
    const int height =
            std::max(kIconSize, titleMetrics.height() + detailMetrics.height()) + 2 * kMargin + 2;
    // Narrow on purpose: the text elides to the view's width, so a long detail line does not
    // make the list scroll sideways.
    const int width =
            kIconSize + 3 * kMargin + titleMetrics.horizontalAdvance(QLatin1Char('M')) * 8;
    return {width, height};
}

} // namespace headroom::ui
