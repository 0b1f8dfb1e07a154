#include "ui/charts/time_series_chart.h"

#include "report/decimation.h"
#include "report/report_format.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/chart_switch.h"
#include "ui/charts/reference_tags.h"

#include <QAreaSeries>
#include <QChart>
#include <QContextMenuEvent>
#include <QCursor>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QScopeGuard>
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
// Chart margins around the axes, in pixels; the right one grows by the reference tags' gutter.
constexpr int kMargin = 4;
constexpr int kRightMargin = 8;
constexpr qreal kTagPad = 6.0; // between a line's end and its tag, and after the tag

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

// A staircase through `points`: each value holds until the next point's time.
QList<QPointF> steps(const QList<QPointF> &points)
{
    QList<QPointF> out;
    out.reserve(2 * points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (i > 0 && points[i].y() != points[i - 1].y())
            out.append(QPointF(points[i].x(), points[i - 1].y()));
        out.append(points[i]);
    }
    return out;
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
    m_chart->setMargins(QMargins(kMargin, kMargin, kRightMargin, kMargin));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    // With terms, the switch above the plot is the legend.
    m_chart->legend()->setVisible(m_spec.legend && m_spec.terms.empty());
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    for (QValueAxis *axis : {m_timeAxis, m_leftAxis}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0.0);
    }
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_leftAxis, Qt::AlignLeft);
    if (m_spec.right) {
        m_rightAxis = new QValueAxis;
        m_rightAxis->setTickType(QValueAxis::TicksDynamic);
        m_rightAxis->setTickAnchor(0.0);
        // Both axes share the plot's grid; two grids at different steps would be noise.
        m_rightAxis->setGridLineVisible(false);
        m_chart->addAxis(m_rightAxis, Qt::AlignRight);
    }

    for (const TimeSeriesSpec::Series &s : m_spec.series) {
        auto *series = new QLineSeries;
        series->setName(s.name);
        QAreaSeries *area = nullptr;
        QAbstractSeries *drawn = series;
        if (s.look == TimeSeriesSpec::Series::Look::FilledSteps) {
            // The area does not own its line: the line goes with the area.
            area = new QAreaSeries(series);
            series->setParent(area);
            area->setName(s.name);
            connect(area, &QAreaSeries::hovered, this, &TimeSeriesChart::onHovered);
            drawn = area;
        } else {
            connect(series, &QLineSeries::hovered, this, &TimeSeriesChart::onHovered);
        }
        m_chart->addSeries(drawn);
        drawn->attachAxis(m_timeAxis);
        drawn->attachAxis(s.rightAxis && m_rightAxis ? m_rightAxis : m_leftAxis);
        m_series.push_back(series);
        m_areas.push_back(area);
    }
    // Added after the data so that the legend lists the measured series first.
    for (const TimeSeriesSpec::Reference &r : m_spec.references) {
        auto *line = new QLineSeries;
        line->setName(r.name);
        m_chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_leftAxis);
        m_references.push_back(line);
        m_referenceValues.push_back(0.0);
        auto *tag = new QGraphicsSimpleTextItem(m_chart);
        tag->setZValue(10);
        m_referenceTags.push_back(tag);
        auto *leader = new QGraphicsLineItem(m_chart);
        leader->setZValue(10);
        m_referenceLeaders.push_back(leader);
    }
    if (m_spec.terms.size() > 1) {
        std::vector<ChartSwitch::Choice> choices;
        for (const TimeSeriesSpec::Terms &t : m_spec.terms)
            choices.push_back({t.name, t.tooltip});
        m_switch = new ChartSwitch(choices, viewport());
        connect(m_switch, &ChartSwitch::currentChanged, this, [this](int index) {
            m_terms = index;
            refresh();
        });
    }
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        placeReferenceTags();
        fitAxisTitles();
        placeSwitch();
        // Qt Charts leaves the old axis labels on screen when the plot shrinks (the tags'
        // gutter widening): repaint all of it. The plot moves rarely, never every frame.
        viewport()->update();
    });
    readScenario();

    connect(m_timeAxis, &QValueAxis::rangeChanged, this, &TimeSeriesChart::onTimeRangeChanged);
    connect(m_history.get(), &SampleHistory::appended, this, &TimeSeriesChart::scheduleFrame);
    connect(m_history.get(), &SampleHistory::cleared, this, &TimeSeriesChart::onCleared);

    // Named in bench_gui's HEADROOM_BENCH_TRACE report of slow events.
    m_frameTimer.setObjectName(QStringLiteral("chartFrameTimer"));
    m_frameTimer.setSingleShot(true);
    connect(&m_frameTimer, &QTimer::timeout, this, &TimeSeriesChart::publish);

    applyStyle();
    publish();
}

TimeSeriesChart::~TimeSeriesChart() = default;

QAbstractSeries *TimeSeriesChart::drawnSeries(int index) const
{
    QAreaSeries *area = m_areas.at(std::size_t(index));
    return area ? static_cast<QAbstractSeries *>(area) : m_series.at(std::size_t(index));
}

void TimeSeriesChart::scheduleFrame()
{
    m_dirty = true;
    // A hidden dock (e.g. a tab behind another) costs nothing; it catches up when shown.
    if (!isVisible() || m_frameTimer.isActive())
        return;
    const qint64 frameMs = std::max<qint64>(kFrameMs, 8 * (m_publishMs + m_paintMs));
    const qint64 since = m_sinceFrame.isValid() ? m_sinceFrame.elapsed() : frameMs;
    const qint64 wait = std::clamp<qint64>(frameMs - since, 0, frameMs);
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
    // At once, not at the next frame: a reset must never show the previous run's lines.
    refresh();
}

void TimeSeriesChart::refresh()
{
    readScenario();
    m_frameTimer.stop();
    publish();
}

void TimeSeriesChart::setTerms(int index)
{
    if (m_switch)
        m_switch->setCurrent(index); // refreshes through currentChanged
}

void TimeSeriesChart::readScenario()
{
    if (m_switch) {
        for (std::size_t i = 1; i < m_spec.terms.size(); ++i) {
            const auto &offered = m_spec.terms[i].offered;
            m_switch->setOffered(int(i), !offered || offered());
        }
        m_terms = m_switch->current(); // the first terms when the current one went away
    }
    const double scale = termsScale();
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const TimeSeriesSpec::Reference &r = m_spec.references[i];
        const double base = r.value ? r.value() : 0.0;
        m_referenceValues[i] = base * scale;
        const auto format = [&r](double v) {
            return r.format ? r.format(v) : report::number(v, 1);
        };
        QString value = format(m_referenceValues[i]);
        QString tip = r.description;
        if (scale != 1.0) {
            const TimeSeriesSpec::Terms &terms = m_spec.terms[std::size_t(m_terms)];
            value = QStringLiteral("%1 = %2").arg(terms.scaleName, value);
            tip += QStringLiteral("<br>") + tr("%1 here: %2 %3 = %4")
                                                    .arg(terms.name, format(base), terms.scaleName,
                                                         format(m_referenceValues[i]));
        }
        m_referenceTags[i]->setText(r.name + QLatin1Char('\n') + value);
        m_referenceTags[i]->setToolTip(tip);
    }
    showReferences();
    applyVisibility();
    updateMargins();
    fitAxisTitles();
}

double TimeSeriesChart::termsScale() const
{
    if (m_spec.terms.empty())
        return 1.0;
    const auto &scale = m_spec.terms[std::size_t(m_terms)].scale;
    return scale ? scale() : 1.0;
}

const TimeSeriesSpec::Axis &TimeSeriesChart::leftAxisSpec() const
{
    return m_spec.terms.empty() ? m_spec.left : m_spec.terms[std::size_t(m_terms)].left;
}

bool TimeSeriesChart::seriesShown(std::size_t index) const
{
    const TimeSeriesSpec::Series &s = m_spec.series[index];
    return (s.terms < 0 || s.terms == m_terms) && (!s.shown || s.shown());
}

QString TimeSeriesChart::referenceLabel(int index) const
{
    return m_referenceTags.at(std::size_t(index))->text();
}

QRectF TimeSeriesChart::referenceTagRect(int index) const
{
    const QGraphicsSimpleTextItem *tag = m_referenceTags.at(std::size_t(index));
    return tag->isVisible() ? tag->mapRectToParent(tag->boundingRect()) : QRectF();
}

void TimeSeriesChart::updateMargins()
{
    qreal tags = 0.0;
    for (std::size_t i = 0; i < m_referenceTags.size(); ++i) {
        if (m_referenceValues[i] > 0.0)
            tags = std::max(tags, m_referenceTags[i]->boundingRect().width());
    }
    m_gutter = tags > 0.0 ? std::ceil(tags + 2 * kTagPad) : 0.0;
    const int top = kMargin + (m_switch ? m_switch->sizeHint().height() : 0);
    const QMargins margins(kMargin, top, kRightMargin + int(m_gutter), kMargin);
    if (m_chart->margins() != margins) {
        m_chart->setMargins(margins);
        // Laid out now rather than at the next event: tags must never be drawn where the
        // gutter is not yet reserved.
        m_chart->layout()->activate();
    }
}

void TimeSeriesChart::placeReferenceTags()
{
    const QRectF plot = m_chart->plotArea();
    std::vector<std::size_t> shown;
    std::vector<double> centres;
    std::vector<double> heights;
    for (std::size_t i = 0; i < m_referenceTags.size(); ++i) {
        const double v = m_referenceValues[i];
        const bool inside = v > 0.0 && v <= m_leftAxis->max() && plot.isValid();
        m_referenceTags[i]->setVisible(inside);
        m_referenceLeaders[i]->setVisible(inside);
        if (!inside)
            continue;
        shown.push_back(i);
        centres.push_back(
                m_chart->mapToPosition(QPointF(m_timeAxis->max(), v), m_references[i]).y());
        heights.push_back(m_referenceTags[i]->boundingRect().height());
    }
    // In the gutter, beyond a right axis if there is one; a little above and below the plot
    // is still clear of the axes' labels.
    const qreal left = m_chart->size().width() - kRightMargin - m_gutter + kTagPad;
    const std::vector<double> tops =
            stackTags(centres, heights, 2.0, plot.top() - 4.0, plot.bottom() + 4.0);
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const std::size_t i = shown[k];
        m_referenceTags[i]->setPos(left, tops[k]);
        // The line continues to its tag, bending when the tag had to move off its height.
        m_referenceLeaders[i]->setLine(
                QLineF(plot.right(), centres[k], left - 2.0, tops[k] + heights[k] / 2.0));
    }
}

void TimeSeriesChart::fitAxisTitles()
{
    const QRectF plot = m_chart->plotArea();
    // Qt Charts elides a title longer than its axis; a short title reads better than a cut one.
    const auto fit = [](QValueAxis *axis, const QString &title, const QString &shortTitle,
                        qreal room) {
        const QString text =
                shortTitle.isEmpty() ||
                                QFontMetricsF(axis->titleFont()).horizontalAdvance(title) <= room
                        ? title
                        : shortTitle;
        if (axis->titleText() != text)
            axis->setTitleText(text);
    };
    const qreal height = plot.height() - 4.0;
    const TimeSeriesSpec::Axis &left = leftAxisSpec();
    fit(m_leftAxis, left.title, left.shortTitle, height);
    if (m_rightAxis)
        fit(m_rightAxis, m_spec.right->title, m_spec.right->shortTitle, height);
    fit(m_timeAxis, tr("Simulated time (%1)").arg(m_unit.symbol),
        tr("Time (%1)").arg(m_unit.symbol), plot.width() - 4.0);
}

void TimeSeriesChart::placeSwitch()
{
    if (!m_switch)
        return;
    m_switch->adjustSize();
    const QRectF plot = m_chart->plotArea();
    const QPoint centre = mapFromScene(m_chart->mapToScene(plot.center()));
    const int x = std::clamp(centre.x() - m_switch->width() / 2, 0,
                             std::max(0, viewport()->width() - m_switch->width()));
    m_switch->move(x, kMargin / 2);
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeSwitch();
}

void TimeSeriesChart::showReferences()
{
    // A cluster without a power model has no peak to show, one without a cap no cap line:
    // hide the line, its tag and its legend entry.
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const bool visible = m_referenceValues[i] > 0.0;
        m_references[i]->setVisible(visible);
        for (QLegendMarker *marker : m_chart->legend()->markers(m_references[i]))
            marker->setVisible(false); // named in its tag instead
        m_referenceTags[i]->setVisible(visible);
        m_referenceLeaders[i]->setVisible(visible);
    }
}

void TimeSeriesChart::applyVisibility()
{
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const bool visible = seriesShown(i);
        QAbstractSeries *drawn = drawnSeries(int(i));
        drawn->setVisible(visible);
        for (QLegendMarker *marker : m_chart->legend()->markers(drawn))
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

void TimeSeriesChart::paintEvent(QPaintEvent *event)
{
    QElapsedTimer clock;
    clock.start();
    QChartView::paintEvent(event);
    m_paintMs = clock.elapsed();
}

void TimeSeriesChart::publish()
{
    m_dirty = false;
    m_sinceFrame.start();
    const auto timed = qScopeGuard([this] { m_publishMs = m_sinceFrame.elapsed(); });

    const std::span<const double> times = m_history->times();
    const std::size_t n = times.size();
    const double dataMin = n ? times.front() : 0.0;
    const double dataMax = n ? std::max(times.back(), dataMin + kMinimumSpanS) : kMinimumSpanS;

    double axisMin = 0.0;
    double axisMax = 1.0;
    double step = 1.0;
    if (m_zoomed) {
        m_unit = report::timeUnitForSpan(m_zoomToS - m_zoomFromS);
        axisMin = m_zoomFromS / m_unit.seconds;
        axisMax = m_zoomToS / m_unit.seconds;
        step = report::timeStep(axisMax - axisMin, m_unit, kTimeTicks);
    } else {
        // The range depends only on the data's extent, rounded to nice values, so the axis
        // holds still for many frames and then moves in one visible step.
        m_unit = report::timeUnitForSpan(dataMax - dataMin);
        const double lo = dataMin / m_unit.seconds;
        const double hi = dataMax / m_unit.seconds;
        const double span = report::niceCeil(hi - lo);
        step = report::timeStep(span, m_unit, kTimeTicks);
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
        QList<QPointF> points =
                report::decimateMinMax(times.subspan(first, count), values.subspan(first, count),
                                       pointBudget(), 1.0 / m_unit.seconds);
        if (m_areas[i])
            points = steps(points);
        m_series[i]->replace(points);
    }
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const double v = m_referenceValues[i];
        if (v > 0.0)
            m_references[i]->replace({QPointF(axisMin, v), QPointF(axisMax, v)});
    }

    m_settingRange = true;
    setRangeAndTicks(m_timeAxis, axisMin, axisMax, step);
    m_settingRange = false;
    fitAxisTitles();

    updateYAxis(m_leftAxis, leftAxisSpec(), false);
    if (m_rightAxis)
        updateYAxis(m_rightAxis, *m_spec.right, true);
    placeReferenceTags();
}

void TimeSeriesChart::updateYAxis(QValueAxis *axis, const TimeSeriesSpec::Axis &spec, bool right)
{
    double top = spec.fixedMax;
    double step = 0.0;
    if (top > 0.0) {
        step = report::niceStep(top, kValueTicks);
    } else {
        double seen = 0.0;
        for (std::size_t i = 0; i < m_spec.series.size(); ++i) {
            const TimeSeriesSpec::Series &s = m_spec.series[i];
            if (s.rightAxis != right || !seriesShown(i))
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
        step = report::niceStep(wanted, kValueTicks);
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
    // Every series the scenario has, in any terms: hovering IT power also tells facility power.
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
        // One device pixel, solid: the raster engine draws a cosmetic pen no wider than a
        // pixel with its fast antialiased line stroker, joints included (Qt Charts draws a solid
        // line segment by segment). A wider pen went through the generic stroker and an
        // antialiased fill, most of each chart's repaint: 20-40 ms per chart on a loaded
        // machine, the 16,384-node benchmark's lateness peaks (issue 11). A dashed series (a
        // cumulative count on its own axis, few points) pays the dash stroker: it must be told
        // apart from the solid one where they overlap.
        const QColor color = style.series[i % style.series.size()];
        QPen pen(color, 1.0);
        pen.setCosmetic(true);
        if (m_spec.series[i].look == TimeSeriesSpec::Series::Look::Dashed) {
            pen.setDashPattern({5.0, 3.0}); // in pen widths
            pen.setCapStyle(Qt::FlatCap);
        }
        m_series[i]->setPen(pen);
        if (m_areas[i]) {
            QColor fill = color;
            fill.setAlphaF(style.dark ? 0.35f : 0.25f);
            m_areas[i]->setPen(pen);
            m_areas[i]->setBrush(fill);
            // The legend's swatch is small: a fill as faint as the plot's would read as empty.
            QColor swatch = color;
            swatch.setAlphaF(0.6f);
            for (QLegendMarker *marker : m_chart->legend()->markers(m_areas[i])) {
                marker->setShape(QLegend::MarkerShapeRectangle);
                marker->setBrush(swatch);
                marker->setPen(QPen(color, 1.0));
            }
        }
    }
    const QColor warning = style.dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0xc6, 0x28, 0x28);
    for (std::size_t i = 0; i < m_references.size(); ++i) {
        const bool isWarning = m_spec.references[i].warning;
        const QColor color = isWarning ? warning : style.secondaryText;
        QPen pen(color, isWarning ? 1.6 : 1.2, Qt::DashLine);
        pen.setCosmetic(true);
        m_references[i]->setPen(pen);
        m_referenceTags[i]->setBrush(color);
        m_referenceTags[i]->setFont(small);
        QPen leader(color, 1.0);
        leader.setCosmetic(true);
        m_referenceLeaders[i]->setPen(leader);
    }
    if (m_switch) {
        m_switch->setFont(small);
        for (std::size_t t = 0; t < m_spec.terms.size(); ++t) {
            for (std::size_t i = 0; i < m_spec.series.size(); ++i) {
                if (m_spec.series[i].terms == int(t)) {
                    m_switch->setColor(int(t), style.series[i % style.series.size()]);
                    break;
                }
            }
        }
    }
    // Fonts change the tags' and the switch's sizes.
    updateMargins();
    placeReferenceTags();
    placeSwitch();
}

} // namespace headroom::ui
