#pragma once

#include "ui/topology/topology_style.h"

#include <QGraphicsItem>
#include <QStaticText>
#include <QString>

namespace headroom::ui {

// One node of the cluster: a tile in its rack column. Deliberately not a QObject (thousands
// of them): the scene owns them, and the view pushes live values in.
class NodeTileItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    // What the little indicator at the left of the tile shows. Only Idle and Busy exist in a
    // run so far; switched-off and booting nodes (power management) will add their states here.
    enum class PowerState : quint8 { NoRun, Idle, Busy };

    // `label` is the short name already elided to fit; `size` is the tile's size.
    NodeTileItem(const TopologyStyle *style, int index, const QString &label, int accelerators,
                 const QSizeF &size);

    int type() const override { return Type; }
    // A little larger than the tile: the selection outline is drawn just outside it.
    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    int index() const { return m_index; } // topology order
    int accelerators() const { return m_accelerators; }
    // Busy accelerators in the current run; -1 when no run is loaded.
    int busy() const { return m_busy; }
    double utilization() const;
    PowerState powerState() const;

    // Both repaint the tile only when the value actually changes.
    void setBusy(int busy);
    void setJobHighlighted(bool highlighted);
    bool isJobHighlighted() const { return m_jobHighlighted; }

    // Layout of the tile's content, shared with the scene's label elision.
    static constexpr qreal kIndicatorSize = 6;
    static constexpr qreal kPadding = 5;
    static constexpr qreal kLabelX = kPadding + kIndicatorSize + 5;

private:
    const TopologyStyle *m_style;
    const TopologyStyle::CountText *m_count; // shared, owned by the style
    QRectF m_rect;
    QStaticText m_label;
    int m_index;
    int m_accelerators;
    int m_busy = -1;
    bool m_jobHighlighted = false;
};

} // namespace headroom::ui
