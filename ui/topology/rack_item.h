#pragma once

#include "ui/topology/column_item.h"

#include <QImage>

namespace headroom::ui {

// A rack: a column of node tiles inside its zone. Click the header to select the rack.
class RackItem final : public ColumnItem
{
public:
    enum { Type = UserType + 2 };

    using ColumnItem::ColumnItem;
    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // A wrapped rack's tiles as one pixel each (columns × rows, the tiles' layout), drawn over
    // `grid` while shown: zoomed out, thousands of tiles a pixel or two high read as this
    // image, and painting it costs one draw instead of one item each (TopologyScene).
    void setOverview(const QImage &image, const QRectF &grid);
    QImage &overview() { return m_overview; }
    void setOverviewShown(bool shown) { m_overviewShown = shown; }
    bool overviewShown() const { return m_overviewShown && !m_overview.isNull(); }

private:
    QImage m_overview;
    QRectF m_grid;
    bool m_overviewShown = false;
};

} // namespace headroom::ui
