#pragma once

#include <QGraphicsItem>

namespace headroom::ui {

struct TopologyStyle;

// Outlines the drop target under the cursor while something is dragged over the view: in the
// "allowed" colour, or dashed in the "refused" colour when the drop would be refused.
class DropIndicatorItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };

    explicit DropIndicatorItem(const TopologyStyle *style);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect.adjusted(-3, -3, 3, 3); }
    // Never the target of a click: it only shows what the view already decided.
    QPainterPath shape() const override { return {}; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setTarget(const QRectF &rect, bool allowed);
    bool isAllowed() const { return m_allowed; }

private:
    const TopologyStyle *m_style;
    QRectF m_rect;
    bool m_allowed = false;
};

} // namespace headroom::ui
