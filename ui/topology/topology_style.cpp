#include "ui/topology/topology_style.h"

#include "ui/color.h"

#include <iterator>

namespace headroom::ui {
namespace {

// Viridis (van der Walt & Smith, matplotlib): perceptually uniform, readable by people with
// common colour-vision deficiencies, monotonic in lightness so it also reads in greyscale,
// and neither end is the grey of a light or a dark window, so utilization never looks like
// "no data" on either palette. Nine evenly spaced stops; linear interpolation between them
// stays within a just-noticeable difference of the full table.
constexpr QRgb kViridis[] = {0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d,
                             0x27ad81, 0x5cc863, 0xaadc32, 0xfde725};

QColor viridis(double u)
{
    constexpr int last = int(std::size(kViridis)) - 1;
    const double position = u * last;
    const int lower = position >= last ? last - 1 : static_cast<int>(position);
    return mix(QColor(kViridis[lower]), QColor(kViridis[lower + 1]), position - lower);
}

QPen cosmeticPen(const QColor &color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(color, width, style);
    pen.setCosmetic(true); // constant on-screen width at every zoom and device pixel ratio
    pen.setJoinStyle(Qt::MiterJoin);
    return pen;
}

TopologyStyle::Ink makeInk(const QColor &color)
{
    TopologyStyle::Ink ink;
    ink.color = color;
    ink.textPen = QPen(color);
    ink.ringPen = QPen(color, 1.2);
    ink.dotBrush = QBrush(color);
    return ink;
}

} // namespace

const TopologyStyle::CountText &TopologyStyle::countText(int busy, int accelerators) const
{
    const auto key = std::make_pair(busy < 0 ? -1 : busy, accelerators);
    auto it = m_countTexts.find(key);
    if (it == m_countTexts.end()) {
        CountText count;
        count.text.setText(busy < 0 ? QString::number(accelerators)
                                    : QString::number(busy) + u'/' + QString::number(accelerators));
        count.text.setTextFormat(Qt::PlainText);
        count.text.setPerformanceHint(QStaticText::AggressiveCaching);
        count.text.prepare(QTransform(), tileFont);
        count.width = count.text.size().width();
        count.height = count.text.size().height();
        it = m_countTexts.emplace(key, std::move(count)).first;
    }
    return it->second;
}

void TopologyStyle::update(const QPalette &palette, const QFont &baseFont)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    const bool dark = isDark(window);

    // The canvas is the window colour; zones and racks step towards the base colour and away
    // from the text colour, so the nesting reads the same way on light and dark palettes.
    background = window;
    zoneFill = mix(window, text, dark ? 0.06 : 0.035);
    zoneBorder = mix(window, text, 0.25);
    rackFill = mix(base, window, 0.35);
    rackBorder = mix(window, text, 0.3);
    headerText = text;
    secondaryText = mix(text, window, 0.4);
    tileFill = palette.color(QPalette::Button);
    tileInk = makeInk(palette.color(QPalette::ButtonText));
    darkInk = makeInk(QColor(0x12, 0x12, 0x12));
    lightInk = makeInk(QColor(0xf5, 0xf5, 0xf5));
    offFill = dark ? QColor(0x17, 0x17, 0x19) : QColor(0x3a, 0x3b, 0x3f);
    offInk = makeInk(dark ? QColor(0x80, 0x80, 0x86) : QColor(0xa8, 0xa9, 0xae));
    const QColor amber(0xff, 0xb0, 0x20);
    const QColor slate(0x8c, 0xa3, 0xc0);
    bootHatch = QBrush(amber, Qt::BDiagPattern);
    bootPen = cosmeticPen(amber, 2, Qt::DashLine);
    bootGlyphPen = QPen(amber, 1.4, Qt::SolidLine, Qt::RoundCap);
    shutdownHatch = QBrush(slate, Qt::FDiagPattern);
    shutdownPen = cosmeticPen(slate, 1, Qt::DashLine);
    shutdownGlyphPen = QPen(slate, 1.4, Qt::SolidLine, Qt::RoundCap);
    offGlyphPen = QPen(offInk.color, 1.4, Qt::SolidLine, Qt::RoundCap);
    downFill = dark ? QColor(0x7a, 0x1c, 0x17) : QColor(0xb3, 0x26, 0x1e);
    downInk = makeInk(QColor(0xff, 0xe8, 0xe5));
    downHatch = QBrush(QColor(0xff, 0x9a, 0x8f, 0x90), Qt::DiagCrossPattern);
    downPen = cosmeticPen(dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0x7a, 0x10, 0x0b), 2);
    downGlyphPen = QPen(downInk.color, 1.6, Qt::SolidLine, Qt::RoundCap);
    highlight = palette.color(QPalette::Highlight);
    highlightText = palette.color(QPalette::HighlightedText);

    zonePen = cosmeticPen(zoneBorder, 1);
    rackPen = cosmeticPen(rackBorder, 1);
    tilePen = cosmeticPen(mix(tileFill, text, 0.35), 1);
    selectedPen = cosmeticPen(highlight, 2);
    selectedInnerPen = cosmeticPen(base, 2);
    // Magenta is absent from the viridis ramp and from typical highlight blues, so nodes of a
    // selected job stand out against any utilization and next to selected nodes.
    jobPen = cosmeticPen(dark ? QColor(0xff, 0x5c, 0xc8) : QColor(0xd0, 0x1c, 0x8b), 2,
                         Qt::SolidLine);
    const QColor allowed = dark ? QColor(0x4c, 0xd9, 0x64) : QColor(0x1a, 0x8f, 0x3a);
    const QColor refused = dark ? QColor(0xff, 0x5a, 0x52) : QColor(0xd1, 0x24, 0x1b);
    dropAllowedPen = cosmeticPen(allowed, 2);
    dropRefusedPen = cosmeticPen(refused, 2, Qt::DashLine);
    dropAllowedFill = allowed;
    dropAllowedFill.setAlphaF(0.14f);
    dropRefusedFill = refused;
    dropRefusedFill.setAlphaF(0.12f);

    // Pixel sizes, not point sizes: the text has to fit boxes laid out in scene units, which
    // are device-independent pixels, whatever the screen's DPI.
    zoneFont = baseFont;
    zoneFont.setBold(true);
    zoneFont.setPixelSize(13);
    rackFont = baseFont;
    rackFont.setBold(true);
    rackFont.setPixelSize(12);
    tileFont = baseFont;
    tileFont.setPixelSize(11);
    // Tiles are redrawn at many zoom levels; hinting would make text jump in width.
    tileFont.setHintingPreference(QFont::PreferNoHinting);

    for (int i = 0; i < kRampSteps; ++i) {
        const QColor color = viridis(double(i) / (kRampSteps - 1));
        m_ramp[i] = color;
        // Dark ink where it contrasts better than light ink (equal contrast at L = 0.18).
        m_rampDarkInk[i] = relativeLuminance(color) > 0.18;
    }
}

} // namespace headroom::ui
