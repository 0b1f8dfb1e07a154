#pragma once

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QPen>
#include <QStaticText>

#include <array>
#include <map>
#include <utility>

namespace headroom::ui {

// Colours, pens and fonts shared by every item of the topology scene. Items keep a pointer to
// the scene's one instance instead of copies, so a palette switch (light <-> dark) is one
// recomputation plus a repaint, and painting a tile never constructs a pen or a colour.
struct TopologyStyle
{
    // Scene geometry, in scene units (device-independent pixels at 100 % zoom).
    static constexpr qreal kZoneGap = 16;
    static constexpr qreal kZonePadding = 8;
    static constexpr qreal kZoneHeader = 30;
    static constexpr qreal kRackGap = 8;
    static constexpr qreal kRackWidth = 148;
    static constexpr qreal kRackHeader = 26;
    static constexpr qreal kRackPadding = 4;
    static constexpr qreal kTileHeight = 20;
    static constexpr qreal kTileGap = 2;
    static constexpr qreal kEmptyRackSlots = 2; // an empty rack stays tall enough to drop on
    // A rack of more nodes than kMaxRackRows wraps its tiles into columns side by side (top
    // to bottom, then the next column), as many as make the block about kWrapAspect times as
    // wide as tall, the shape of the window's centre: a 16,384-node rack is a 64 × 256 block
    // that fits the view instead of a column 360,000 units tall.
    static constexpr int kMaxRackRows = 128;
    static constexpr qreal kWrapAspect = 1.6;
    static constexpr qreal kTileColumnGap = 4; // between the tile columns of a wrapped rack
    static constexpr qreal kEmptyZoneWidth = kRackWidth; // likewise for an empty zone
    // Below this level of detail a tile's text would be under ~6 device pixels: tiles paint
    // as plain filled rectangles.
    static constexpr qreal kTextLevelOfDetail = 0.55;
    static constexpr int kRampSteps = 256;

    void update(const QPalette &palette, const QFont &baseFont);

    // Text and indicator drawing on a fill, prepared once so painting copies no pen or brush.
    struct Ink
    {
        QColor color;
        QPen textPen;
        QPen ringPen;
        QBrush dotBrush;
    };

    // Utilization 0..1 to the ramp colour and to the ink readable on it.
    const QColor &rampColor(double utilization) const { return m_ramp[rampIndex(utilization)]; }
    const Ink &rampInk(double utilization) const
    {
        return m_rampDarkInk[rampIndex(utilization)] ? darkInk : lightInk;
    }

    QColor background;
    QColor zoneFill;
    QColor zoneBorder;
    QColor rackFill;
    QColor rackBorder;
    QColor headerText;
    QColor secondaryText;
    QColor tileFill; // the neutral look, when no run is loaded
    Ink tileInk;
    Ink darkInk;  // on light ramp colours
    Ink lightInk; // on dark ramp colours
    // Power management: a switched-off node is dark with muted ink; a booting one is hatched
    // amber with a dashed amber border, a shutting-down one hatched slate the other way.
    QColor offFill;
    Ink offInk;
    QBrush bootHatch;
    QPen bootPen;
    QPen bootGlyphPen;
    QBrush shutdownHatch;
    QPen shutdownPen;
    QPen shutdownGlyphPen;
    QPen offGlyphPen;
    // A failed node, or one in a planned outage (docs/design.md §10): brick red, cross-hatched,
    // with a cross where the indicator would be; no other state is red or cross-hatched.
    QColor downFill;
    Ink downInk;
    QBrush downHatch;
    QPen downPen;
    QPen downGlyphPen;
    QColor highlight; // selection
    QColor highlightText;

    QPen zonePen;
    QPen rackPen;
    QPen tilePen;
    QPen selectedPen;
    QPen selectedInnerPen; // inside the selection ring, for contrast with the fill
    QPen jobPen;           // nodes running a selected job
    QPen dropAllowedPen;
    QPen dropRefusedPen;
    QColor dropAllowedFill;
    QColor dropRefusedFill;

    QFont zoneFont;
    QFont rackFont;
    QFont tileFont;

    // The "busy/accelerators" label of a tile. Tiles share one laid-out text per distinct
    // value (there are only a few dozen), so a snapshot that changes every tile's count
    // allocates and lays out nothing. busy < 0 is the neutral label (the count alone).
    struct CountText
    {
        QStaticText text;
        qreal width = 0;
        qreal height = 0;
    };
    const CountText &countText(int busy, int accelerators) const;
    // Only when no tile refers to the cached texts any more (the scene was cleared).
    void clearTextCache() { m_countTexts.clear(); }

private:
    static int rampIndex(double utilization)
    {
        const double u = utilization < 0.0 ? 0.0 : (utilization > 1.0 ? 1.0 : utilization);
        return static_cast<int>(u * (kRampSteps - 1) + 0.5);
    }

    std::array<QColor, kRampSteps> m_ramp;
    std::array<bool, kRampSteps> m_rampDarkInk{};
    // std::map: references stay valid while it grows.
    mutable std::map<std::pair<int, int>, CountText> m_countTexts;
};

} // namespace headroom::ui
