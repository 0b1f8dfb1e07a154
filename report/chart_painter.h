#pragma once

#include "report/chart_spec.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace headroom::report {

// The few drawing operations a report chart needs, in points from the chart's top left.
// drawChart() lays a chart out once against this interface; SvgChartCanvas writes the result
// as SVG text (HTML reports), PainterChartCanvas paints it with QPainter (PDF, previews).
class ChartCanvas
{
public:
    enum class Anchor { Start, Middle, End };
    struct Pen
    {
        QColor color;
        double width = 1.0;
        bool dashed = false;
    };

    virtual ~ChartCanvas() = default;
    virtual void fillRect(const QRectF &rect, const QColor &fill) = 0;
    virtual void strokeRect(const QRectF &rect, const Pen &pen) = 0;
    virtual void line(const QPointF &from, const QPointF &to, const Pen &pen) = 0;
    virtual void polyline(const std::vector<QPointF> &points, const Pen &pen) = 0;
    virtual void polygon(const std::vector<QPointF> &points, const QColor &fill) = 0;
    // `baseline` is the left end, centre or right end of the text's baseline.
    virtual void text(const QPointF &baseline, const QString &text, double sizePt,
                      const QColor &color, Anchor anchor, bool bold = false) = 0;
    // Width the text will take; layout uses it to keep labels apart.
    virtual double textWidth(const QString &text, double sizePt, bool bold = false) const = 0;
};

// Lays out and draws the chart into a width × spec.heightPt box.
void drawChart(ChartCanvas &canvas, const ChartSpec &spec, double width);

// The chart as one <svg> element sized to its container (viewBox width × spec.heightPt), with
// fixed-precision coordinates and no ids or timestamps: the same spec gives the same bytes.
QString chartSvg(const ChartSpec &spec, double width);

// Paints the chart into `target` (device coordinates) at the painter device's resolution; the
// chart is laid out for target.width() converted to points.
void paintChart(QPainter &painter, const ChartSpec &spec, const QRectF &target);

} // namespace headroom::report
