#pragma once

#include "ui/topology/topology_style.h"

#include <QGraphicsItem>
#include <QStaticText>
#include <QString>

namespace headroom::ui {

// One node of the cluster: a tile in its rack column. Deliberately not a QObject (thousands
// of them): the scene owns them, and the view pushes live values in through the scene.
class NodeTileItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    // What the tile shows of the node's power state: on (Idle or Busy, from the busy count),
    // switched by power management (Off, Booting, ShuttingDown), or Down (failed or in a
    // planned outage, docs/design.md §10); NoRun without a run.
    enum class PowerState : quint8 { NoRun, Idle, Busy, Off, Booting, ShuttingDown, Down };

    // `name` is the node's name, shown elided (in the middle) to `labelWidth` in the style's
    // tile font; `size` is the tile's size.
    NodeTileItem(const TopologyStyle *style, int index, const QString &name, qreal labelWidth,
                 int accelerators, const QSizeF &size);

    int type() const override { return Type; }
    // A little larger than the tile: the selection outline is drawn just outside it.
    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    int index() const { return m_index; } // topology order
    // The name as the tile shows it, elided to fit.
    QString label() const { return elidedLabel().text(); }
    int accelerators() const { return m_accelerators; }
    // Busy accelerators in the current run; -1 when no run is loaded.
    int busy() const { return m_busy; }
    double utilization() const;
    PowerState powerState() const;
    // The one colour the tile reads as when zoomed far out (its fill, or the selection,
    // job or power-transition colour over it): its pixel in the rack's overview.
    QRgb overviewColor(bool selected) const;

    // The live values only record the value and say whether it changed: the scene repaints
    // the tiles of a frame together (one update per rack instead of one per tile; thousands
    // of item updates per frame cost more than the painting).
    bool setBusy(int busy);
    // Off, Booting, ShuttingDown or Down; Idle or Busy both mean "on" (the busy count decides).
    bool setSwitched(PowerState state);
    bool setJobHighlighted(bool highlighted);
    bool isJobHighlighted() const { return m_jobHighlighted; }

    // Layout of the tile's content, shared with the scene's label elision.
    static constexpr qreal kIndicatorSize = 6;
    static constexpr qreal kPadding = 5;
    static constexpr qreal kLabelX = kPadding + kIndicatorSize + 5;

private:
    // Elided the first time it is needed: shaping 16,384 names took a seventh of the start-up
    // of a big cluster, and zoomed far out (or scrolled away) most tiles never show theirs.
    const QStaticText &elidedLabel() const;

    const TopologyStyle *m_style;
    const TopologyStyle::CountText *m_count; // shared, owned by the style
    QRectF m_rect;
    QString m_name;
    qreal m_labelWidth;
    mutable QStaticText m_label;
    mutable bool m_labelElided = false;
    int m_index;
    int m_accelerators;
    int m_busy = -1;
    PowerState m_switched = PowerState::Idle; // Idle: on
    bool m_jobHighlighted = false;
};

} // namespace headroom::ui
