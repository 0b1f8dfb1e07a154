#pragma once

#include "ui/topology/column_item.h"

namespace headroom::ui {

// A zone: a column holding its racks side by side. Click the header to select the zone.
class ZoneItem final : public ColumnItem
{
public:
    enum { Type = UserType + 3 };

    using ColumnItem::ColumnItem;
    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

} // namespace headroom::ui
