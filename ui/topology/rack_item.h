#pragma once

#include "ui/topology/column_item.h"

namespace headroom::ui {

// A rack: a column of node tiles inside its zone. Click the header to select the rack.
class RackItem final : public ColumnItem
{
public:
    enum { Type = UserType + 2 };

    using ColumnItem::ColumnItem;
    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

} // namespace headroom::ui
