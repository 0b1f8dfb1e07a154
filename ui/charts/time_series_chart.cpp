#include "ui/charts/time_series_chart.h"

#include "ui/charts/chart_style.h"
#include "ui/charts/decimation.h"

#include <QChart>
#include <QContextMenuEvent>
#include <QCursor>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom::ui {

namespace {

// With no data, or a run a few seconds long, the axis still spans a readable minute.
constexpr double kMinimumSpanS = 60.0;
constexpr int kTimeTicks = 6;
constexpr int kValueTicks = 5;

QString labelFormatFor(double step)
{
    if (step >= 1.0 - 1e-9)
        return QStringLiteral("%.0f");
    if (step >= 0.1 - 1e-9)
        return QStringLiteral("%.1f");
    return QStringLiteral("%.2f");
}

void setRangeIfChanged(QValueAxis *axis, double min, double max)
{
    if (axis->min() != min || axis->max() != max)
        axis->setRange(min, max);
}

void setTicks(QValueAxis *axis, double step);

// Sets range and tick step in the order that keeps the tick count small in between: Qt
// Charts lays the axis out after each call, and a new, much wider range with the old, fine
// step would briefly ask for tens of thousands of tick items (seen as a multi-minute stall
// when a flat-out run jumped from minutes to weeks of simulated time in one frame).
void setRangeAndTicks(QValueAxis *axis, double min, double max, double step)
{
    const double oldStep = axis->tickInterval();
    const double rangeFirst = oldStep > 0.0 ? (max - min) / oldStep : 1e300;
    const double ticksFirst = step > 0.0 ? (axis->max() - axis->min()) / step : 1e300;
    if (rangeFirst <= ticksFirst) {
        setRangeIfChanged(axis, min, max);
        setTicks(axis, step);
    } else {
        setTicks(axis, step);
        setRangeIfChanged(axis, min, max);
    }
}

void setTicks(QValueAxis *axis, double step)
{
    if (axis->tickInterval() != step)
        axis->setTickInterval(step);
    const QString format = labelFormatFor(step);
    if (axis->labelFormat() != format)
        axis->setLabelFormat(format);
}

} // namespace

// The chart goes to QChartView's constructor: the parent-only constructor makes a default
// chart of its own, which a later setChart() releases without deleting (LeakSanitizer reports
// it). The view owns the chart, the chart owns axes and series.
TimeSeriesChart::TimeSeriesChart(std::shared_ptr<SampleHistory> history, TimeSeriesSpec spec,
                                 QWidget *parent)
    : QChartView(new QChart, parent)
    , m_history(std::move(history))
    , m_spec(std::move(spec))
    , m_chart(chart())
    , m_timeAxis(new QValueAxis)
    , m_leftAxis(new QValueAxis)
{
    setFrameShape(QFrame::NoFrame);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMinimumSize(220, 150);

    // Streaming data: animating every frame would be both slow and misleading.
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setVisible(m_spec.legend);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    for (QValueAxis *axis : {m_timeAxis, m_leftAxis}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0.0);
    }
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_leftAxis->setTitleText(m_spec.left.title);
    m_chart->addAxis(m_leftAxis, Qt::AlignLeft);
    if (m_spec.right) {
        m_rightAxis = new QValueAxis;
        m_rightAxis->setTickType(QValueAxis::TicksDynamic);
        m_rightAxis->setTickAnchor(0.0);
        m_rightAxis->setTitleText(m_spec.right->title);
        // Both axes share the plot's grid; two grids at different steps would be noise.
        m_rightAxis->setGridLineVisible(false);
        m_chart->addAxis(m_rightAxis, Qt::AlignRight);
    }

    for (const TimeSeriesSpec::Series &s : m_spec.series) {
        auto *series = new QLineSeries;
        series->setName(s.name);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(s.rightAxis && m_rightAxis ? m_rightAxis : m_leftAxis);
        connect(series, &QLineSeries::hovered, this, &TimeSeriesChart::onHovered);
        m_series.push_back(series);
    }
    // Added after the data so that the legend lists the measured series first.
    for (const TimeSeriesSpec::Reference &r : m_spec.references) {
        auto *line = new QLineSeries;
        line->setName(r.name);
        m_chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_leftAxis);
        m_references.push_back(line);
        m_referenceValues.push_back(r.value ? r.value() : 0.0);
        // Named on the plot, next to the line, rather than in a legend that the narrow
        // chart docks would elide.
        auto *label = new QGraphicsSimpleTextItem(r.name, m_chart);
        label->setZValue(10);
        m_referenceLabels.push_back(label);
    }
    connect(m_chart, &QChart::plotAreaChanged, this, &TimeSeriesChart::placeReferenceLabels);
    showReferences();
    applyVisibility();

    connect(m_timeAxis, &QValueAxis::rangeChanged, this, &TimeSeriesChart::onTimeRangeChanged);
    connect(m_history.get(), &SampleHistory::appended, this, &TimeSeriesChart::scheduleFrame);
    connect(m_history.get(), &SampleHistory::cleared, this, &TimeSeriesChart::onCleared);

    m_frameTimer.setSingleShot(true);
    connect(&m_frameTimer, &QTimer::timeout, this, &TimeSeriesChart::publish);

    applyStyle();
    publish();
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::scheduleFrame()
{
    m_dirty = true;
    // A hidden dock (e.g. a tab behind another) costs nothing; it catches up when shown.
    if (!isVisible() || m_frameTimer.isActive())
        return;
    const qint64 since = m_sinceFrame.isValid() ? m_sinceFrame.elapsed() : kFrameMs;
    const qint64 wait = std::clamp<qint64>(kFrameMs - since, 0, kFrameMs);
    m_frameTimer.start(int(m_sinceFrame.isValid() ? wait : m_spec.framePhaseMs));
}

void TimeSeriesChart::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    if (m_dirty)
        scheduleFrame();
}

void TimeSeriesChart::onCleared()
{
    m_zoomed = false;
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const auto &value = m_spec.references[i].value;
        m_referenceValues[i] = value ? value() : 0.0;
    }
    showReferences();
    applyVisibility();
    // At once, not at the next frame: a reset must never show the previous run's lines.
    m_frameTimer.stop();
    publish();
}

QString TimeSeriesChart::referenceLabel(int index) const
{
    return m_referenceLabels.at(std::size_t(index))->text();
}

void TimeSeriesChart::placeReferenceLabels()
{
    const QRectF plot = m_chart->plotArea();
    std::vector<QRectF> placed; // labels already placed: lines close in value (a cap just
                                // under the installed peak) must not print over each other
    const auto overlaps = [&placed](const QRectF &box) {
        return std::any_of(placed.begin(), placed.end(),
                           [&box](const QRectF &other) { return other.intersects(box); });
    };
    for (std::size_t i = 0; i < m_referenceLabels.size(); ++i) {
        QGraphicsSimpleTextItem *label = m_referenceLabels[i];
        const double v = m_referenceValues[i];
        const bool inside = v > 0.0 && v <= m_leftAxis->max() && plot.isValid();
        label->setVisible(inside);
        if (!inside)
            continue;
        const QPointF at = m_chart->mapToPosition(QPointF(m_timeAxis->max(), v), m_references[i]);
        const QRectF box = label->boundingRect();
        // Right-aligned just above the line; below it when that would leave the plot.
        qreal y = at.y() - box.height() - 1;
        if (y < plot.top())
            y = at.y() + 1;
        QRectF where(at.x() - box.width() - 4, y, box.width(), box.height());
        if (overlaps(where))
            where.moveTop(at.y() + 1); // below its own line instead
        for (const QRectF &other : placed) {
            if (other.intersects(where))
                where.moveRight(other.left() - 8); // still crowded: to the left of the other
        }
        label->setPos(where.topLeft());
        placed.push_back(where);
    }
}

void TimeSeriesChart::showReferences()
{
    // A cluster without a power model has no peak to show, one without a cap no cap line:
    // hide the line and its legend entry.
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const bool visible = m_referenceValues[i] > 0.0;
        m_references[i]->setVisible(visible);
        for (QLegendMarker *marker : m_chart->legend()->markers(m_references[i]))
            marker->setVisible(false); // named on the plot instead
        m_referenceLabels[i]->setVisible(visible);
    }
}

void TimeSeriesChart::applyVisibility()
{
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const auto &shown = m_spec.series[i].shown;
        const bool visible = !shown || shown();
        m_series[i]->setVisible(visible);
        for (QLegendMarker *marker : m_chart->legend()->markers(m_series[i]))
            marker->setVisible(visible);
    }
}

std::size_t TimeSeriesChart::pointBudget() const
{
    // Min/max decimation keeps two points per bucket: two per pixel of plot width is all
    // the screen can show, and every extra point costs stroking time each frame.
    const auto width = static_cast<std::size_t>(std::max(0.0, m_chart->plotArea().width()));
    return std::clamp<std::size_t>(2 * width, 200, kMaxPointsPerSeries);
}

void TimeSeriesChart::publish()
{
    m_dirty = false;
    m_sinceFrame.start();

    const std::span<const double> times = m_history->times();
    const std::size_t n = times.size();
    const double dataMin = n ? times.front() : 0.0;
    const double dataMax = n ? std::max(times.back(), dataMin + kMinimumSpanS) : kMinimumSpanS;

    double axisMin = 0.0;
    double axisMax = 1.0;
    double step = 1.0;
    if (m_zoomed) {
        m_unit = timeUnitForSpan(m_zoomToS - m_zoomFromS);
        axisMin = m_zoomFromS / m_unit.seconds;
        axisMax = m_zoomToS / m_unit.seconds;
        step = timeStep(axisMax - axisMin, m_unit, kTimeTicks);
    } else {
        // The range depends only on the data's extent, rounded to nice values, so the axis
        // holds still for many frames and then moves in one visible step.
        m_unit = timeUnitForSpan(dataMax - dataMin);
        const double lo = dataMin / m_unit.seconds;
        const double hi = dataMax / m_unit.seconds;
        const double span = niceCeil(hi - lo);
        step = timeStep(span, m_unit, kTimeTicks);
        axisMin = std::floor(lo / step + 1e-9) * step;
        axisMax = axisMin + span;
        while (axisMax < hi - 1e-9)
            axisMax += step;
    }

    // The visible window plus one sample either side, so lines run to the plot's edges.
    const double fromS = axisMin * m_unit.seconds;
    const double toS = axisMax * m_unit.seconds;
    std::size_t first =
            std::size_t(std::upper_bound(times.begin(), times.end(), fromS) - times.begin());
    first = first > 0 ? first - 1 : 0;
    std::size_t last =
            std::size_t(std::lower_bound(times.begin(), times.end(), toS) - times.begin());
    last = std::min(n, last + 1);
    const std::size_t count = last > first ? last - first : 0;

    m_visibleFirst = first;
    m_visibleCount = count;
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const auto values = m_history->values(m_spec.series[i].metric);
        m_series[i]->replace(decimateMinMax(times.subspan(first, count),
                                            values.subspan(first, count), pointBudget(),
                                            1.0 / m_unit.seconds));
    }
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const double v = m_referenceValues[i];
        if (v > 0.0)
            m_references[i]->replace({QPointF(axisMin, v), QPointF(axisMax, v)});
    }

    m_settingRange = true;
    setRangeAndTicks(m_timeAxis, axisMin, axisMax, step);
    m_settingRange = false;
    const QString title = tr("Simulated time (%1)").arg(m_unit.symbol);
    if (m_timeAxis->titleText() != title)
        m_timeAxis->setTitleText(title);

    updateYAxis(m_leftAxis, m_spec.left, false);
    if (m_rightAxis)
        updateYAxis(m_rightAxis, *m_spec.right, true);
    placeReferenceLabels();
}

void TimeSeriesChart::updateYAxis(QValueAxis *axis, const TimeSeriesSpec::Axis &spec, bool right)
{
    double top = spec.fixedMax;
    double step = 0.0;
    if (top > 0.0) {
        step = niceStep(top, kValueTicks);
    } else {
        double seen = 0.0;
        for (const TimeSeriesSpec::Series &s : m_spec.series) {
            if (s.rightAxis != right || (s.shown && !s.shown()))
                continue;
            if (spec.robustQuantile > 0.0 && m_visibleCount > 0) {
                const auto values =
                        m_history->values(s.metric).subspan(m_visibleFirst, m_visibleCount);
                std::vector<double> sorted(values.begin(), values.end());
                const auto k =
                        static_cast<std::size_t>(spec.robustQuantile * double(sorted.size() - 1));
                std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(k), sorted.end());
                seen = std::max(seen, sorted[k]);
            } else {
                seen = std::max(seen, m_history->maxValue(s.metric));
            }
        }
        if (!right) {
            for (double v : m_referenceValues)
                seen = std::max(seen, v);
        }
        // 5 % headroom keeps a maximum off the frame; rounding the top to a whole step puts
        // a labelled tick there.
        const double wanted = std::max(spec.minimumMax, seen * 1.05);
        step = niceStep(wanted, kValueTicks);
        top = std::ceil(wanted / step - 1e-9) * step;
    }
    setRangeAndTicks(axis, 0.0, top, step);
}

void TimeSeriesChart::onTimeRangeChanged(qreal min, qreal max)
{
    if (m_settingRange || !(max > min))
        return;
    // Only a rubber-band zoom changes the range behind our back.
    m_zoomed = true;
    m_zoomFromS = min * m_unit.seconds;
    m_zoomToS = max * m_unit.seconds;
    scheduleFrame();
}

void TimeSeriesChart::zoomToTime(double fromS, double toS)
{
    if (!(toS > fromS))
        return;
    m_zoomed = true;
    m_zoomFromS = fromS;
    m_zoomToS = toS;
    m_frameTimer.stop();
    publish();
}

void TimeSeriesChart::resetZoom()
{
    m_zoomed = false;
    m_settingRange = true;
    m_chart->zoomReset(); // forget Qt Charts' own zoom history as well
    m_settingRange = false;
    m_frameTimer.stop();
    publish();
}

void TimeSeriesChart::onHovered(const QPointF &point, bool state)
{
    if (!state || m_history->empty()) {
        QToolTip::hideText();
        return;
    }
    const std::size_t i = m_history->indexNear(point.x() * m_unit.seconds);
    const double t = m_history->times()[i];
    QString text =
            tr("<b>%1 %2</b>").arg(QLocale().toString(t / m_unit.seconds, 'f', 2), m_unit.symbol);
    for (const TimeSeriesSpec::Series &s : m_spec.series) {
        if (s.shown && !s.shown())
            continue;
        const QString value = QLocale().toString(m_history->value(s.metric, i), 'f', s.decimals);
        text += QStringLiteral("<br>%1: %2%3")
                        .arg(s.name.toHtmlEscaped(), value,
                             s.unit.isEmpty() ? QString() : QStringLiteral("\u00a0") + s.unit);
    }
    QToolTip::showText(QCursor::pos(), text, this);
}

void TimeSeriesChart::mouseReleaseEvent(QMouseEvent *event)
{
    // QChartView zooms out on a right click; here the right button opens the context menu.
    if (event->button() == Qt::RightButton) {
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void TimeSeriesChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void TimeSeriesChart::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *reset = menu.addAction(tr("Reset Zoom"));
    reset->setEnabled(m_zoomed);
    connect(reset, &QAction::triggered, this, &TimeSeriesChart::resetZoom);
    menu.exec(event->globalPos());
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
}

void TimeSeriesChart::applyStyle()
{
    const ChartStyle style = ChartStyle::fromPalette(palette());
    applyChartStyle(m_chart, style);

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    m_chart->legend()->setFont(small);

    // With two value axes, each axis' labels take its series' colour to say which is which.
    auto colorOfFirst = [&](bool right) {
        for (std::size_t i = 0; i < m_spec.series.size(); ++i) {
            if (m_spec.series[i].rightAxis == right)
                return style.series[i % style.series.size()];
        }
        return style.text;
    };
    styleAxis(m_timeAxis, style, style.text);
    styleAxis(m_leftAxis, style, m_rightAxis ? colorOfFirst(false) : style.text);
    if (m_rightAxis)
        styleAxis(m_rightAxis, style, colorOfFirst(true));
    for (QValueAxis *axis : {m_timeAxis, m_leftAxis, m_rightAxis}) {
        if (!axis)
            continue;
        axis->setLabelsFont(small);
        axis->setTitleFont(small);
    }
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        QPen pen(style.series[i % style.series.size()], 1.6);
        pen.setCosmetic(true);
        // Qt Charts draws a solid line segment by segment, and antialiased segment ends
        // overlap at every joint: a flat series looks dotted. Any other pen style is drawn as
        // one path, so a "dash" longer than any plot stands in for a solid line.
        pen.setDashPattern({1e5, 1e-5});
        pen.setCapStyle(Qt::FlatCap);
        m_series[i]->setPen(pen);
    }
    const QColor warning = style.dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0xc6, 0x28, 0x28);
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const bool isWarning = m_spec.references[i].warning;
        const QColor color = isWarning ? warning : style.secondaryText;
        QPen pen(color, isWarning ? 1.6 : 1.2, Qt::DashLine);
        pen.setCosmetic(true);
        m_references[i]->setPen(pen);
        m_referenceLabels[i]->setBrush(color);
        m_referenceLabels[i]->setFont(small);
    }
}

} // namespace headroom::ui
