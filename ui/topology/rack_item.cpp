#include "ui/topology/rack_item.h"

#include "ui/topology/topology_style.h"

#include <QPainter>

namespace headroom::ui {

void RackItem::setOverview(const QImage &image, const QRectF &grid)
{
    m_overview = image;
    m_grid = grid;
}

void RackItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    paintColumn(painter, option, {&m_style->rackFill, &m_style->rackPen, &m_style->rackFont, 3});
    if (overviewShown()) {
        // Nearest pixel, not smoothed: each tile keeps its own colour.
        painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter->drawImage(m_grid, m_overview);
    }
}

} // namespace headroom::ui
