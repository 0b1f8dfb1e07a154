#include "ui/topology/zone_item.h"

#include "ui/topology/topology_style.h"

namespace headroom::ui {

void ZoneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    paintColumn(painter, option, {&m_style->zoneFill, &m_style->zonePen, &m_style->zoneFont, 6});
}

} // namespace headroom::ui
