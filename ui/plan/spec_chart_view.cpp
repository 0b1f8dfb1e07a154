#include "ui/plan/spec_chart_view.h"

#include "report/chart_scale.h"
#include "report/report_style.h"
#include "ui/charts/chart_style.h"

#include <QAreaSeries>
#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom::ui {
namespace {

// Report colours are tuned for white paper; on a dark window the series keep their hue but
// are lightened so that they stay readable.
QColor seriesColor(int index, const ChartStyle &style)
{
    const QColor color = report::style::color(index);
    return style.dark ? color.lighter(150) : color;
}

double dataTop(const report::ChartSpec &spec)
{
    double top = spec.yMin;
    for (const report::ChartLine &line : spec.lines) {
        for (const QPointF &p : line.points)
            top = std::max(top, p.y());
    }
    for (const report::ChartBar &bar : spec.bars)
        top = std::max(top, bar.value);
    for (const report::ChartRule &rule : spec.rules) {
        if (rule.direction == report::ChartRule::Direction::Horizontal)
            top = std::max(top, rule.value);
    }
    return top;
}

} // namespace

SpecChartView::SpecChartView(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(360, 240);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    clear();
}

void SpecChartView::setSpec(const report::ChartSpec &spec)
{
    m_spec = spec;
    m_message.clear();
    rebuild();
}

void SpecChartView::clear(const QString &message)
{
    m_spec = {};
    m_message = message;
    rebuild();
}

void SpecChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void SpecChartView::rebuild()
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    const ChartStyle style = ChartStyle::fromPalette(palette());
    applyChartStyle(chart, style);
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    if (m_spec.title.isEmpty() && m_spec.lines.empty() && m_spec.bars.empty()) {
        chart->setTitle(m_message);
        chart->legend()->hide();
        return;
    }
    chart->setTitle(m_spec.subtitle.isEmpty() ? m_spec.title
                                              : QStringLiteral("%1<br><small>%2</small>")
                                                        .arg(m_spec.title.toHtmlEscaped(),
                                                             m_spec.subtitle.toHtmlEscaped()));
    chart->legend()->show();

    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    x->setTitleText(m_spec.xTitle);
    y->setTitleText(m_spec.yTitle);
    const double xTo = m_spec.xMax > m_spec.xMin ? m_spec.xMax : m_spec.xMin + 1.0;
    const double yTo = m_spec.yMax.value_or(report::niceCeil(dataTop(m_spec) * 1.06));
    x->setRange(m_spec.xMin, xTo);
    y->setRange(m_spec.yMin, yTo > m_spec.yMin ? yTo : m_spec.yMin + 1.0);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0.0);
    x->setTickInterval(report::niceStep(xTo - m_spec.xMin, 8));
    x->setLabelFormat(x->tickInterval() >= 1.0 ? QStringLiteral("%.0f") : QStringLiteral("%.2g"));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%g"));
    for (QValueAxis *axis : {x, y})
        styleAxis(axis, style, style.secondaryText);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto attach = [&](QAbstractSeries *series) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    };

    // Bars as one filled step outline over the value axis (a bar series would need a
    // category axis, which cannot share the plot with lines).
    if (!m_spec.bars.empty()) {
        auto *outline = new QLineSeries;
        for (const report::ChartBar &bar : m_spec.bars) {
            outline->append(bar.x0, 0.0);
            outline->append(bar.x0, bar.value);
            outline->append(bar.x1, bar.value);
            outline->append(bar.x1, 0.0);
        }
        auto *area = new QAreaSeries(outline);
        outline->setParent(area); // the area reads it; it goes with the area
        QColor fill = seriesColor(m_spec.bars.front().color, style);
        area->setPen(QPen(fill, 0.5));
        fill.setAlphaF(0.45f);
        area->setBrush(fill);
        area->setName(m_spec.barLegend.empty() ? QString() : m_spec.barLegend.front().second);
        attach(area);
    }
    for (const report::ChartLine &line : m_spec.lines) {
        const QColor color = seriesColor(line.color, style);
        if (line.joined || !line.markers) {
            auto *series = new QLineSeries;
            for (const QPointF &p : line.points)
                series->append(p);
            series->setPen(QPen(color, 2.0));
            series->setName(line.markers ? QString() : line.name);
            attach(series);
            if (line.name.isEmpty() || line.markers)
                chart->legend()->markers(series).front()->setVisible(false);
        }
        if (line.markers) {
            auto *dots = new QScatterSeries;
            for (const QPointF &p : line.points)
                dots->append(p);
            dots->setMarkerSize(9.0);
            dots->setColor(color);
            dots->setBorderColor(color.darker(130));
            dots->setName(line.name);
            attach(dots);
            if (line.name.isEmpty())
                chart->legend()->markers(dots).front()->setVisible(false);
        }
    }
    for (const report::ChartRule &rule : m_spec.rules) {
        auto *series = new QLineSeries;
        if (rule.direction == report::ChartRule::Direction::Horizontal) {
            series->append(m_spec.xMin, rule.value);
            series->append(xTo, rule.value);
        } else {
            series->append(rule.value, y->min());
            series->append(rule.value, y->max());
        }
        series->setPen(QPen(seriesColor(rule.color, style), 1.6,
                            rule.dashed ? Qt::DashLine : Qt::SolidLine));
        series->setName(rule.label);
        attach(series);
    }
}

} // namespace headroom::ui
