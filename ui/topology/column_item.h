#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

namespace headroom::ui {

struct TopologyStyle;

// A labelled column of the topology: a zone (holding racks) or a rack (holding node tiles).
// Only the header is the item's shape, so a click or a rubber band on the column's body
// reaches the tiles or the background instead of selecting the whole rack or zone.
class ColumnItem : public QGraphicsItem
{
public:
    // `rect` is the whole column in item coordinates, its header the top `headerHeight`.
    ColumnItem(const TopologyStyle *style, int index, const QString &title, const QString &subtitle,
               const QRectF &rect, qreal headerHeight);

    QRectF boundingRect() const override { return m_rect.adjusted(-1, -1, 1, 1); }
    QPainterPath shape() const override { return m_shape; }

    int index() const { return m_index; }
    QRectF rect() const { return m_rect; }
    QRectF headerRect() const { return m_header; }
    // Shown in the body of an empty column: what can be dropped there.
    void setEmptyHint(const QString &hint) { m_emptyHint = hint; }

protected:
    struct Look
    {
        const QColor *fill;
        const QPen *border;
        const QFont *font;
        qreal radius;
    };
    void paintColumn(QPainter *painter, const QStyleOptionGraphicsItem *option,
                     const Look &look) const;

    const TopologyStyle *m_style;

private:
    QRectF m_rect;
    QRectF m_header;
    QPainterPath m_shape;
    QString m_title;
    QString m_subtitle;
    QString m_emptyHint;
    int m_index;
};

} // namespace headroom::ui
