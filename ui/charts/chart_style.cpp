#include "ui/charts/chart_style.h"

#include "ui/color.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace headroom::ui {

ChartStyle ChartStyle::fromPalette(const QPalette &palette)
{
    ChartStyle style;
    style.background = palette.color(QPalette::Window);
    style.plotBackground = palette.color(QPalette::Base);
    style.text = palette.color(QPalette::WindowText);
    style.dark = isDark(style.background);
    style.secondaryText = mix(style.text, style.background, 0.35);
    style.grid = mix(style.plotBackground, style.text, style.dark ? 0.18 : 0.12);
    style.axisLine = mix(style.plotBackground, style.text, 0.45);
    if (style.dark) {
        style.series = {QColor(0x5e, 0xa8, 0xf0), QColor(0xf2, 0xa0, 0x4a),
                        QColor(0x6f, 0xcf, 0x8a), QColor(0xd6, 0x8c, 0xe6)};
    } else {
        style.series = {QColor(0x1f, 0x6f, 0xc5), QColor(0xd9, 0x6a, 0x0b),
                        QColor(0x2e, 0x8b, 0x4a), QColor(0x8e, 0x44, 0xad)};
    }
    return style;
}

void styleAxis(QAbstractAxis *axis, const ChartStyle &style, const QColor &labelColor)
{
    axis->setLabelsColor(labelColor);
    axis->setTitleBrush(labelColor);
    axis->setLinePen(QPen(style.axisLine, 1));
    axis->setGridLineColor(style.grid);
    axis->setMinorGridLineColor(style.grid);
    axis->setShadesVisible(false);
}

void applyChartStyle(QChart *chart, const ChartStyle &style)
{
    chart->setBackgroundBrush(style.background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundBrush(style.plotBackground);
    chart->setPlotAreaBackgroundPen(QPen(style.grid, 1));
    chart->setPlotAreaBackgroundVisible(true);
    chart->setTitleBrush(style.text);
    chart->legend()->setLabelColor(style.text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
}

} // namespace headroom::ui
