#include "ui/topology/column_item.h"

#include "ui/topology/topology_style.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace headroom::ui {

ColumnItem::ColumnItem(const TopologyStyle *style, int index, const QString &title,
                       const QString &subtitle, const QRectF &rect, qreal headerHeight)
    : m_style(style)
    , m_rect(rect)
    , m_header(rect.left(), rect.top(), rect.width(), headerHeight)
    , m_title(title)
    , m_subtitle(subtitle)
    , m_index(index)
{
    m_shape.addRect(m_header);
    setFlag(ItemIsSelectable);
}

void ColumnItem::paintColumn(QPainter *painter, const QStyleOptionGraphicsItem *option,
                             const Look &look) const
{
    const TopologyStyle &s = *m_style;
    const bool selected = option->state & QStyle::State_Selected;
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());

    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(selected ? s.selectedPen : *look.border);
    painter->setBrush(*look.fill);
    painter->drawRoundedRect(m_rect, look.radius, look.radius);
    if (selected) {
        // The header becomes a selection-coloured band, like a selected row in a list.
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.highlight);
        painter->drawRoundedRect(m_header, look.radius, look.radius);
        painter->drawRect(m_header.adjusted(0, m_header.height() / 2, 0, 0)); // square bottom
    }
    painter->setRenderHint(QPainter::Antialiasing, false);

    // Text smaller than ~5 device pixels is noise.
    if (lod * look.font->pixelSize() < 5)
        return;
    const QRectF text = m_header.adjusted(8, 0, -8, 0);
    painter->setFont(*look.font);
    if (!m_subtitle.isEmpty()) {
        painter->setPen(selected ? s.highlightText : s.secondaryText);
        painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, m_subtitle);
    }
    painter->setPen(selected ? s.highlightText : s.headerText);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    if (!m_emptyHint.isEmpty()) {
        painter->setPen(s.secondaryText);
        painter->setFont(s.tileFont);
        painter->drawText(m_rect.adjusted(8, m_header.height(), -8, -4),
                          Qt::AlignCenter | Qt::TextWordWrap, m_emptyHint);
    }
}

} // namespace headroom::ui
