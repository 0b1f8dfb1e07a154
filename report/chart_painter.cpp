#include "report/chart_painter.h"

#include "report/chart_scale.h"
#include "report/report_format.h"
#include "report/report_style.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace headroom::report {
namespace {

constexpr double kTitlePt = 10.0;
constexpr double kSubtitlePt = 8.0;
constexpr double kLabelPt = 7.5;
constexpr double kLegendRow = 11.0;

// Decimals a tick label needs to tell ticks `step` apart (0.25 -> 2, 5 -> 0).
int decimalsFor(double step)
{
    int decimals = 0;
    double scaled = step;
    while (decimals < 3 && std::fabs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, scaled)) {
        scaled *= 10.0;
        ++decimals;
    }
    return decimals;
}

struct Axis
{
    double from = 0.0; // data range
    double to = 1.0;
    double pixelFrom = 0.0; // canvas range
    double pixelTo = 1.0;

    double map(double value) const
    {
        const double t = to > from ? (value - from) / (to - from) : 0.0;
        return pixelFrom + std::clamp(t, 0.0, 1.0) * (pixelTo - pixelFrom);
    }
};

struct Tick
{
    double value;
    QString label;
};

std::vector<Tick> linearTicks(double from, double to, double step, double labelScale,
                              const QString &suffix)
{
    std::vector<Tick> ticks;
    if (!(step > 0.0) || !(to > from))
        return ticks;
    const int decimals = decimalsFor(step * labelScale);
    const double first = std::ceil(from / step - 1e-9) * step;
    for (int i = 0; i < 200; ++i) {
        const double value = first + i * step;
        if (value > to + step * 1e-9)
            break;
        ticks.push_back({value, number(value * labelScale, decimals) + suffix});
    }
    return ticks;
}

double dataMaximum(const ChartSpec &spec)
{
    double top = spec.yMin;
    for (const ChartLine &line : spec.lines) {
        for (const QPointF &p : line.points)
            top = std::max(top, p.y());
    }
    for (const ChartBar &bar : spec.bars)
        top = std::max(top, bar.value);
    for (const ChartRule &rule : spec.rules) {
        if (rule.direction == ChartRule::Direction::Horizontal)
            top = std::max(top, rule.value);
    }
    return top;
}

struct LegendItem
{
    enum class Swatch { Line, Dashed, Box };
    Swatch swatch;
    int color;
    QString label;
};

} // namespace

void drawChart(ChartCanvas &canvas, const ChartSpec &spec, double width)
{
    using Anchor = ChartCanvas::Anchor;
    const double height = spec.heightPt;
    const QColor text = style::text();
    const QColor secondary = style::secondaryText();

    // Title block and legend, top down.
    double y = 11.0;
    canvas.text({0.0, y}, spec.title, kTitlePt, text, Anchor::Start, true);
    if (!spec.subtitle.isEmpty()) {
        y += 12.0;
        canvas.text({0.0, y}, spec.subtitle, kSubtitlePt, secondary, Anchor::Start);
    }
    std::vector<LegendItem> legend;
    for (const ChartLine &line : spec.lines) {
        if (!line.name.isEmpty())
            legend.push_back({line.markers && !line.joined ? LegendItem::Swatch::Box
                                                           : LegendItem::Swatch::Line,
                              line.color, line.name});
    }
    for (const auto &[color, name] : spec.barLegend)
        legend.push_back({LegendItem::Swatch::Box, color, name});
    for (const ChartRule &rule : spec.rules) {
        if (!rule.label.isEmpty())
            legend.push_back({rule.dashed ? LegendItem::Swatch::Dashed : LegendItem::Swatch::Line,
                              rule.color, rule.label});
    }
    if (!legend.empty()) {
        y += kLegendRow + 1.0;
        double x = 0.0;
        for (const LegendItem &item : legend) {
            const double itemWidth = 16.0 + canvas.textWidth(item.label, kLabelPt);
            if (x > 0.0 && x + itemWidth > width) {
                x = 0.0;
                y += kLegendRow;
            }
            const QColor color = style::color(item.color);
            const double mid = y - 2.6;
            if (item.swatch == LegendItem::Swatch::Box)
                canvas.fillRect(QRectF(x, mid - 3.5, 9.0, 7.0), color);
            else
                canvas.line({x, mid}, {x + 12.0, mid},
                            {color, 2.0, item.swatch == LegendItem::Swatch::Dashed});
            canvas.text({x + 15.0, y}, item.label, kLabelPt, text, Anchor::Start);
            x += itemWidth + 12.0;
        }
    }

    // Vertical axis: rounded up from the data so peaks never touch the frame.
    double yMax = spec.yMax.value_or(0.0);
    if (!spec.yMax) {
        const double top = dataMaximum(spec);
        yMax = spec.yPercent && top <= 1.0 ? 1.0 : niceCeil(top * 1.06);
        if (!(yMax > spec.yMin))
            yMax = spec.yMin + 1.0;
    }
    const double ySpan = yMax - spec.yMin;
    double yStep = spec.yPercent ? niceStep(ySpan * 100.0, 5) / 100.0 : niceStep(ySpan, 5);
    if (spec.yIntegers)
        yStep = std::max(1.0, std::ceil(yStep));
    const std::vector<Tick> yTicks =
            linearTicks(spec.yMin, yMax, yStep, spec.yPercent ? 100.0 : 1.0,
                        spec.yPercent ? QString(kNbsp) + QLatin1Char('%') : QString());
    double yLabelWidth = 0.0;
    for (const Tick &tick : yTicks)
        yLabelWidth = std::max(yLabelWidth, canvas.textWidth(tick.label, kLabelPt));

    const bool hasYTitle = !spec.yTitle.isEmpty();
    const QRectF plot(QPointF(yLabelWidth + 6.0, y + (hasYTitle ? 21.0 : 9.0)),
                      QPointF(width - 4.0, height - 27.0));
    if (hasYTitle)
        canvas.text({0.0, plot.top() - 8.5}, spec.yTitle, kLabelPt, secondary, Anchor::Start);
    const Axis yAxis{spec.yMin, yMax, plot.bottom(), plot.top()};

    // Horizontal axis.
    double xFrom = spec.xMin;
    double xTo = spec.xMax > spec.xMin ? spec.xMax : spec.xMin + 1.0;
    std::vector<Tick> xTicks;
    QString xTitle = spec.xTitle;
    const int maxXTicks = std::max(2, int(plot.width() / 55.0));
    if (spec.xAxis == ChartSpec::XAxis::Categories) {
        xFrom = -0.5;
        xTo = std::max<double>(spec.categories.size(), 1) - 0.5;
        const double slot = plot.width() / double(std::max<qsizetype>(spec.categories.size(), 1));
        double widest = 0.0;
        for (const QString &label : spec.categories)
            widest = std::max(widest, canvas.textWidth(label, kLabelPt));
        // Every k-th label, k as small as keeps neighbours apart.
        const qsizetype every = std::max<qsizetype>(1, qsizetype(std::ceil((widest + 6.0) / slot)));
        for (qsizetype i = 0; i < spec.categories.size(); i += every)
            xTicks.push_back({double(i), spec.categories.at(i)});
    } else if (spec.xAxis == ChartSpec::XAxis::Number) {
        xTicks = linearTicks(xFrom, xTo, niceStep(xTo - xFrom, maxXTicks), 1.0, QString());
    } else {
        const TimeUnit unit = timeUnitForSpan(xTo - xFrom);
        const double step = timeStep((xTo - xFrom) / unit.seconds, unit, maxXTicks) * unit.seconds;
        xTicks = linearTicks(xFrom, xTo, step, 1.0 / unit.seconds, QString());
        xTitle = xTitle.isEmpty() ? unit.symbol : xTitle + QStringLiteral(" (") + unit.symbol + ')';
    }
    const Axis xAxis{xFrom, xTo, plot.left(), plot.right()};

    // Plot: background, grid, data, rules, frame.
    canvas.fillRect(plot, Qt::white);
    for (const Tick &tick : yTicks) {
        const double py = yAxis.map(tick.value);
        if (tick.value > spec.yMin)
            canvas.line({plot.left(), py}, {plot.right(), py}, {style::grid(), 0.6, false});
        canvas.text({plot.left() - 4.0, py + 2.6}, tick.label, kLabelPt, secondary, Anchor::End);
    }
    for (const ChartBar &bar : spec.bars) {
        double left = xAxis.map(bar.x0);
        double right = xAxis.map(bar.x1);
        if (right - left > 3.0) { // a hairline gap keeps neighbouring bars apart
            left += 0.4;
            right -= 0.4;
        }
        const double top = yAxis.map(bar.value);
        if (plot.bottom() - top > 0.0)
            canvas.fillRect(QRectF(QPointF(left, top), QPointF(right, plot.bottom())),
                            style::color(bar.color));
    }
    for (const ChartLine &line : spec.lines) {
        if (line.points.empty())
            continue;
        std::vector<QPointF> points;
        points.reserve(line.points.size() + 2);
        for (const QPointF &p : line.points)
            points.emplace_back(xAxis.map(p.x()), yAxis.map(p.y()));
        const QColor color = style::color(line.color);
        if (line.filled) {
            std::vector<QPointF> area = points;
            area.emplace_back(points.back().x(), plot.bottom());
            area.emplace_back(points.front().x(), plot.bottom());
            QColor fill = color;
            fill.setAlphaF(0.14f);
            canvas.polygon(area, fill);
        }
        if (line.joined || !line.markers)
            canvas.polyline(points, {color, 1.2, false});
        if (line.markers) {
            for (const QPointF &p : points)
                canvas.fillRect(QRectF(p.x() - 2.0, p.y() - 2.0, 4.0, 4.0), color);
        }
    }
    for (const ChartRule &rule : spec.rules) {
        const ChartCanvas::Pen pen{style::color(rule.color), 1.1, rule.dashed};
        if (rule.direction == ChartRule::Direction::Horizontal) {
            const double py = yAxis.map(rule.value);
            canvas.line({plot.left(), py}, {plot.right(), py}, pen);
        } else {
            const double px = xAxis.map(rule.value);
            canvas.line({px, plot.top()}, {px, plot.bottom()}, pen);
        }
    }
    canvas.strokeRect(plot, {style::rule(), 0.8, false});

    for (const Tick &tick : xTicks) {
        const double px = xAxis.map(tick.value);
        canvas.line({px, plot.bottom()}, {px, plot.bottom() + 3.0}, {style::rule(), 0.8, false});
        canvas.text({px, plot.bottom() + 11.5}, tick.label, kLabelPt, secondary, Anchor::Middle);
    }
    if (!xTitle.isEmpty())
        canvas.text({plot.center().x(), height - 2.0}, xTitle, kLabelPt, secondary, Anchor::Middle);
}

namespace {

// Two decimals are finer than any screen or printer needs at report sizes, and fixed
// formatting keeps the text identical on every machine.
QString svgNumber(double value)
{
    double rounded = std::round(value * 100.0) / 100.0;
    if (rounded == 0.0)
        rounded = 0.0; // no "-0"
    QString text = QString::number(rounded, 'f', 2);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString svgPoints(const std::vector<QPointF> &points)
{
    QString out;
    out.reserve(qsizetype(points.size()) * 14);
    for (const QPointF &p : points) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += svgNumber(p.x()) + QLatin1Char(',') + svgNumber(p.y());
    }
    return out;
}

QString strokeAttributes(const ChartCanvas::Pen &pen)
{
    QString out = QStringLiteral(" stroke=\"%1\" stroke-width=\"%2\"")
                          .arg(pen.color.name(), svgNumber(pen.width));
    if (pen.dashed)
        out += QStringLiteral(" stroke-dasharray=\"4 3\"");
    return out;
}

class SvgChartCanvas final : public ChartCanvas
{
public:
    QString body;

    void fillRect(const QRectF &r, const QColor &fill) override
    {
        body += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                        .arg(svgNumber(r.x()), svgNumber(r.y()), svgNumber(r.width()),
                             svgNumber(r.height()), fill.name());
    }
    void strokeRect(const QRectF &r, const Pen &pen) override
    {
        body += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                               "fill=\"none\"%5/>\n")
                        .arg(svgNumber(r.x()), svgNumber(r.y()), svgNumber(r.width()),
                             svgNumber(r.height()), strokeAttributes(pen));
    }
    void line(const QPointF &a, const QPointF &b, const Pen &pen) override
    {
        body += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\"%5/>\n")
                        .arg(svgNumber(a.x()), svgNumber(a.y()), svgNumber(b.x()), svgNumber(b.y()),
                             strokeAttributes(pen));
    }
    void polyline(const std::vector<QPointF> &points, const Pen &pen) override
    {
        body += QStringLiteral("<polyline fill=\"none\" stroke-linejoin=\"round\"%1 "
                               "points=\"%2\"/>\n")
                        .arg(strokeAttributes(pen), svgPoints(points));
    }
    void polygon(const std::vector<QPointF> &points, const QColor &fill) override
    {
        body += QStringLiteral("<polygon fill=\"%1\" fill-opacity=\"%2\" points=\"%3\"/>\n")
                        .arg(fill.name(), svgNumber(fill.alphaF()), svgPoints(points));
    }
    void text(const QPointF &baseline, const QString &text, double sizePt, const QColor &color,
              Anchor anchor, bool bold) override
    {
        QString attributes;
        if (anchor == Anchor::Middle)
            attributes += QStringLiteral(" text-anchor=\"middle\"");
        else if (anchor == Anchor::End)
            attributes += QStringLiteral(" text-anchor=\"end\"");
        if (bold)
            attributes += QStringLiteral(" font-weight=\"bold\"");
        body += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" fill=\"%4\"%5>%6</text>\n")
                        .arg(svgNumber(baseline.x()), svgNumber(baseline.y()), svgNumber(sizePt),
                             color.name(), attributes, style::escaped(text));
    }
    double textWidth(const QString &text, double sizePt, bool bold) const override
    {
        // The browser picks the font, so this is an estimate, on the wide side: DejaVu Sans
        // digits are 0.64 em, the widest common sans.
        return double(text.size()) * sizePt * (bold ? 0.68 : 0.62);
    }
};

class PainterChartCanvas final : public ChartCanvas
{
public:
    PainterChartCanvas(QPainter &painter, const QPointF &origin, double scale)
        : m_painter(painter)
        , m_origin(origin)
        , m_scale(scale)
    {}

    void fillRect(const QRectF &r, const QColor &fill) override
    {
        m_painter.fillRect(QRectF(map(r.topLeft()), r.size() * m_scale), fill);
    }
    void strokeRect(const QRectF &r, const Pen &pen) override
    {
        m_painter.setPen(qpen(pen));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRect(QRectF(map(r.topLeft()), r.size() * m_scale));
    }
    void line(const QPointF &a, const QPointF &b, const Pen &pen) override
    {
        m_painter.setPen(qpen(pen));
        m_painter.drawLine(map(a), map(b));
    }
    void polyline(const std::vector<QPointF> &points, const Pen &pen) override
    {
        m_painter.setPen(qpen(pen));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawPolyline(mapped(points));
    }
    void polygon(const std::vector<QPointF> &points, const QColor &fill) override
    {
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(fill);
        m_painter.drawPolygon(mapped(points));
    }
    void text(const QPointF &baseline, const QString &text, double sizePt, const QColor &color,
              Anchor anchor, bool bold) override
    {
        const QFont font = style::font(sizePt, bold);
        const QFontMetricsF metrics(font, m_painter.device());
        double shift = 0.0;
        if (anchor != Anchor::Start) {
            const double width = metrics.horizontalAdvance(text);
            shift = anchor == Anchor::Middle ? width / 2.0 : width;
        }
        m_painter.setFont(font);
        m_painter.setPen(color);
        m_painter.drawText(map(baseline) - QPointF(shift, 0.0), text);
    }
    double textWidth(const QString &text, double sizePt, bool bold) const override
    {
        const QFontMetricsF metrics(style::font(sizePt, bold), m_painter.device());
        return metrics.horizontalAdvance(text) / m_scale;
    }

private:
    QPointF map(const QPointF &p) const { return m_origin + p * m_scale; }
    QPolygonF mapped(const std::vector<QPointF> &points) const
    {
        QPolygonF polygon;
        polygon.reserve(qsizetype(points.size()));
        for (const QPointF &p : points)
            polygon << map(p);
        return polygon;
    }
    QPen qpen(const Pen &pen) const
    {
        QPen result(pen.color, pen.width * m_scale);
        result.setCapStyle(Qt::FlatCap);
        result.setJoinStyle(Qt::RoundJoin);
        if (pen.dashed) // the pattern is in pen widths; SVG's "4 3" is in points
            result.setDashPattern({4.0 / pen.width, 3.0 / pen.width});
        return result;
    }

    QPainter &m_painter;
    QPointF m_origin;
    double m_scale;
};

} // namespace

QString chartSvg(const ChartSpec &spec, double width)
{
    SvgChartCanvas canvas;
    drawChart(canvas, spec, width);
    const QString label = style::escaped(spec.title);
    return QStringLiteral("<svg class=\"chart\" viewBox=\"0 0 %1 %2\" width=\"100%\" role=\"img\" "
                          "aria-label=\"%3\" font-family=\"%4\">\n<title>%3</title>\n")
                   .arg(svgNumber(width), svgNumber(spec.heightPt), label,
                        style::escaped(style::fontFamilyCss())) +
           canvas.body + QStringLiteral("</svg>");
}

void paintChart(QPainter &painter, const ChartSpec &spec, const QRectF &target)
{
    const double scale = painter.device()->logicalDpiX() / 72.0;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    PainterChartCanvas canvas(painter, target.topLeft(), scale);
    drawChart(canvas, spec, target.width() / scale);
    painter.restore();
}

} // namespace headroom::report
