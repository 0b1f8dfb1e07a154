#include "ui/topology/drop_indicator_item.h"

#include "ui/topology/topology_style.h"

#include <QPainter>

namespace headroom::ui {

DropIndicatorItem::DropIndicatorItem(const TopologyStyle *style)
    : m_style(style)
{
    setZValue(100);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void DropIndicatorItem::setTarget(const QRectF &rect, bool allowed)
{
    if (rect == m_rect && allowed == m_allowed)
        return;
    prepareGeometryChange();
    m_rect = rect;
    m_allowed = allowed;
}

void DropIndicatorItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(m_allowed ? m_style->dropAllowedPen : m_style->dropRefusedPen);
    painter->setBrush(m_allowed ? m_style->dropAllowedFill : m_style->dropRefusedFill);
    painter->drawRoundedRect(m_rect.adjusted(-1, -1, 1, 1), 3, 3);
    painter->setRenderHint(QPainter::Antialiasing, false);
}

} // namespace headroom::ui
