#include "ui/topology/rack_item.h"

#include "ui/topology/topology_style.h"

namespace headroom::ui {

void RackItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    paintColumn(painter, option, {&m_style->rackFill, &m_style->rackPen, &m_style->rackFont, 3});
}

} // namespace headroom::ui
