#pragma once

#include <QColor>
#include <QPalette>

#include <array>

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
QT_END_NAMESPACE

namespace headroom::ui {

// Chart colours taken from the widget palette rather than a built-in QChart theme, so the
// charts match the application in light and dark mode and follow a palette switch.
struct ChartStyle
{
    bool dark = false;
    QColor background;     // around the plot: the dock's window colour
    QColor plotBackground; // inside the plot: the base colour, like a view
    QColor text;
    QColor secondaryText;
    QColor grid;
    QColor axisLine;
    // Series colours tuned per mode: saturated enough on white, light enough on near-black.
    std::array<QColor, 4> series;

    static ChartStyle fromPalette(const QPalette &palette);
};

// Applies the style to the chart's background, legend and every attached axis; series pens
// are the caller's (they depend on which series is which).
void applyChartStyle(QChart *chart, const ChartStyle &style);
void styleAxis(QAbstractAxis *axis, const ChartStyle &style, const QColor &labelColor);

} // namespace headroom::ui
