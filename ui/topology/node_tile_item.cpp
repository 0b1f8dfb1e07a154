#include "ui/topology/node_tile_item.h"

#include "ui/topology/topology_style.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace headroom::ui {

NodeTileItem::NodeTileItem(const TopologyStyle *style, int index, const QString &name,
                           qreal labelWidth, int accelerators, const QSizeF &size)
    : m_style(style)
    , m_count(&style->countText(-1, accelerators))
    , m_rect(QPointF(0, 0), size)
    , m_name(name)
    , m_labelWidth(labelWidth)
    , m_index(index)
    , m_accelerators(accelerators)
{
    setFlag(ItemIsSelectable);
    setZValue(2);
    // Plain text: QStaticText would otherwise guess rich text from names such as "<gpu>".
    m_label.setTextFormat(Qt::PlainText);
    m_label.setPerformanceHint(QStaticText::AggressiveCaching);
}

const QStaticText &NodeTileItem::elidedLabel() const
{
    if (!m_labelElided) {
        // The whole name, unique in the cluster: "n01" in two racks would read as one node
        // twice.
        m_label.setText(
                QFontMetricsF(m_style->tileFont).elidedText(m_name, Qt::ElideMiddle, m_labelWidth));
        m_labelElided = true;
    }
    return m_label;
}

QPainterPath NodeTileItem::shape() const
{
    QPainterPath path;
    path.addRect(m_rect);
    return path;
}

double NodeTileItem::utilization() const
{
    if (m_busy < 0 || m_accelerators <= 0)
        return 0.0;
    return double(m_busy) / m_accelerators;
}

NodeTileItem::PowerState NodeTileItem::powerState() const
{
    if (m_busy < 0)
        return PowerState::NoRun;
    if (m_switched != PowerState::Idle)
        return m_switched;
    return m_busy > 0 ? PowerState::Busy : PowerState::Idle;
}

bool NodeTileItem::setSwitched(PowerState state)
{
    if (state == PowerState::Busy || state == PowerState::NoRun)
        state = PowerState::Idle;
    if (state == m_switched)
        return false;
    m_switched = state;
    return true;
}

QRgb NodeTileItem::overviewColor(bool selected) const
{
    const TopologyStyle &s = *m_style;
    if (selected)
        return s.highlight.rgb();
    if (m_jobHighlighted)
        return s.jobPen.color().rgb();
    const PowerState power = powerState();
    if (power == PowerState::Booting)
        return s.bootPen.color().rgb();
    if (power == PowerState::ShuttingDown)
        return s.shutdownPen.color().rgb();
    if (power == PowerState::Down)
        return s.downFill.rgb();
    if (power == PowerState::Off)
        return s.offFill.rgb();
    return (m_busy >= 0 ? s.rampColor(utilization()) : s.tileFill).rgb();
}

namespace {

// The IEC power symbol (an open ring with a bar), in `box`.
void drawPowerGlyph(QPainter *painter, const QRectF &box, const QPen &pen)
{
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QRectF ring = box.adjusted(0.5, 1.0, -0.5, 0.0);
    painter->drawArc(ring, 120 * 16, -300 * 16);
    painter->drawLine(QPointF(box.center().x(), box.top()),
                      QPointF(box.center().x(), box.center().y()));
}

// A cross in `box`: the node is down.
void drawDownGlyph(QPainter *painter, const QRectF &box, const QPen &pen)
{
    painter->setPen(pen);
    const QRectF b = box.adjusted(1, 1, -1, -1);
    painter->drawLine(b.topLeft(), b.bottomRight());
    painter->drawLine(b.bottomLeft(), b.topRight());
}

} // namespace

bool NodeTileItem::setBusy(int busy)
{
    if (busy == m_busy)
        return false;
    m_busy = busy;
    m_count = &m_style->countText(busy, m_accelerators);
    return true;
}

bool NodeTileItem::setJobHighlighted(bool highlighted)
{
    if (highlighted == m_jobHighlighted)
        return false;
    m_jobHighlighted = highlighted;
    return true;
}

void NodeTileItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    // Everything used here is prepared (style pens, brushes, static texts): painting a frame
    // of thousands of tiles allocates nothing.
    const TopologyStyle &s = *m_style;
    const bool running = m_busy >= 0;
    const double u = utilization();
    const PowerState power = powerState();
    const bool down = power == PowerState::Down;
    const bool switched = power == PowerState::Off || power == PowerState::Booting ||
                          power == PowerState::ShuttingDown || down;
    const QColor &fill =
            down ? s.downFill : (switched ? s.offFill : (running ? s.rampColor(u) : s.tileFill));
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = option->state & QStyle::State_Selected;

    if (lod < TopologyStyle::kTextLevelOfDetail) {
        // Overview: thousands of tiles a few pixels high. A plain fill is all that reads; once
        // the gap between tiles is under a device pixel it would only show as irregular
        // stripes of the rack colour, so the tiles close it (below, and either side where the
        // columns of a wrapped rack meet; within the bounding rect).
        using S = TopologyStyle;
        const qreal side = S::kTileColumnGap * lod < 1 ? S::kTileColumnGap / 2 : 0;
        const qreal below = S::kTileGap * lod < 1 ? S::kTileGap : 0;
        const QRectF area = m_rect.adjusted(-side, 0, side, below);
        painter->fillRect(area, selected ? s.highlight : fill);
        if (!selected && down)
            painter->fillRect(area, s.downHatch);
        else if (!selected && power == PowerState::Booting)
            painter->fillRect(area, s.bootHatch);
        else if (!selected && power == PowerState::ShuttingDown)
            painter->fillRect(area, s.shutdownHatch);
        if (m_jobHighlighted) {
            painter->setPen(s.jobPen);
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(m_rect);
        }
        return;
    }

    painter->fillRect(m_rect, fill);
    if (down)
        painter->fillRect(m_rect, s.downHatch);
    else if (power == PowerState::Booting)
        painter->fillRect(m_rect, s.bootHatch);
    else if (power == PowerState::ShuttingDown)
        painter->fillRect(m_rect, s.shutdownHatch);
    if (!running || switched) {
        painter->setPen(down                                ? s.downPen
                        : power == PowerState::Booting      ? s.bootPen
                        : power == PowerState::ShuttingDown ? s.shutdownPen
                                                            : s.tilePen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(power == PowerState::Booting ? m_rect.adjusted(1, 1, -1, -1) : m_rect);
    }

    const TopologyStyle::Ink &ink =
            down ? s.downInk : (switched ? s.offInk : (running ? s.rampInk(u) : s.tileInk));
    if (down) {
        const qreal d = kIndicatorSize + 2;
        const QRectF box(kPadding - 1, (m_rect.height() - d) / 2, d, d);
        painter->setRenderHint(QPainter::Antialiasing, true);
        drawDownGlyph(painter, box, s.downGlyphPen);
        painter->setRenderHint(QPainter::Antialiasing, false);
    } else if (switched) {
        // The power symbol where the on/busy indicator would be, in the state's colour.
        const qreal d = kIndicatorSize + 2;
        const QRectF box(kPadding - 1, (m_rect.height() - d) / 2, d, d);
        painter->setRenderHint(QPainter::Antialiasing, true);
        drawPowerGlyph(painter, box,
                       power == PowerState::Booting        ? s.bootGlyphPen
                       : power == PowerState::ShuttingDown ? s.shutdownGlyphPen
                                                           : s.offGlyphPen);
        painter->setRenderHint(QPainter::Antialiasing, false);
    } else if (running) {
        // Power state: a ring when idle, a dot when busy.
        const qreal d = kIndicatorSize;
        const QRectF dot(kPadding, (m_rect.height() - d) / 2, d, d);
        if (powerState() == PowerState::Busy) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(ink.dotBrush);
        } else {
            painter->setPen(ink.ringPen);
            painter->setBrush(Qt::NoBrush);
        }
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->drawEllipse(dot);
        painter->setRenderHint(QPainter::Antialiasing, false);
    }
    const qreal textY = (m_rect.height() - m_count->height) / 2;
    painter->setFont(s.tileFont);
    painter->setPen(ink.textPen);
    painter->drawStaticText(QPointF(kLabelX, textY), elidedLabel());
    painter->drawStaticText(QPointF(m_rect.width() - kPadding - m_count->width, textY),
                            m_count->text);

    if (m_jobHighlighted) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(s.jobPen);
        painter->drawRect(m_rect.adjusted(1, 1, -1, -1));
    }
    if (selected) {
        // A focus-ring look: the highlight colour just outside the tile, with a thin line of
        // the base colour inside it, so it reads on every ramp colour and next to the job
        // outline.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(s.selectedPen);
        painter->drawRect(m_rect.adjusted(-1, -1, 1, 1));
        if (!m_jobHighlighted) {
            painter->setPen(s.selectedInnerPen);
            painter->drawRect(m_rect.adjusted(1, 1, -1, -1));
        }
    }
}

} // namespace headroom::ui
