#include "ui/timeline/gantt_view.h"

#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/run/run_controller.h"
#include "ui/timeline/time_axis.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <bit>
#include <cmath>

namespace headroom::ui {

namespace {

// Narrower than this, a bar is drawn as occupancy instead of as a rectangle of its own.
constexpr double kMinBarWidth = 1.5;
// Pixels between two time ticks, at least.
constexpr int kTickSpacing = 90;

int defaultRowHeight(const QFontMetrics &fm)
{
    return std::clamp(fm.height() + 6, GanttGeometry::kMinRowHeight, GanttGeometry::kMaxRowHeight);
}

} // namespace

GanttView::GanttView(ScenarioDocument *document, Selection *selection, RunController *run,
                     QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_document(document)
    , m_selection(selection)
    , m_run(run)
    , m_palette(palette())
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_geometry.rowHeight = defaultRowHeight(fontMetrics());

    connect(run, &RunController::snapshotArrived, this, &GanttView::onSnapshot);
    connect(run, &RunController::runReset, this, &GanttView::onRunReset);
    if (selection) {
        connect(selection, &Selection::jobsChanged, this, &GanttView::onSelectionJobsChanged);
        connect(selection, &Selection::elementsChanged, this,
                &GanttView::onSelectionElementsChanged);
    }
    onRunReset();
}

GanttView::~GanttView() = default;

// --- Run and selection ------------------------------------------------------------------

void GanttView::onRunReset()
{
    // Every document edit resets the run, so this is also where the rows are refreshed.
    m_model.reset(m_document->scenario());
    updateLabelWidth();
    m_geometry.fit = true;
    layOut();
    onSelectionElementsChanged();
    onSelectionJobsChanged();
    viewport()->update();
}

void GanttView::onSnapshot(const LiveSnapshot &snapshot)
{
    QScrollBar *h = horizontalScrollBar();
    const bool following = !m_geometry.fit && h->value() >= h->maximum();
    m_model.apply(snapshot, m_run->liveJobs(), m_document->scenario().jobs);
    layOut();
    if (following)
        h->setValue(h->maximum());
    viewport()->update();
}

void GanttView::setSegmentCap(std::size_t segments)
{
    m_model.setSegmentCap(segments);
    viewport()->update();
}

void GanttView::onSelectionJobsChanged()
{
    if (!m_selection)
        return;
    m_selectedJobs = m_selection->jobs();
    // A job selected elsewhere (the jobs table, say) that is running now: bring its first
    // node into view. Finished jobs are not searched for: that would be O(segments).
    if (m_selectedJobs.size() == 1) {
        const NodeList &nodes = m_run->liveJobs().nodesOf(m_selectedJobs.front());
        if (!nodes.empty())
            ensureRowVisible(nodes.front());
    }
    viewport()->update();
}

void GanttView::onSelectionElementsChanged()
{
    m_highlightedRows.assign(std::size_t(m_model.rowCount()), 0);
    if (m_selection) {
        for (const std::string &name : m_selection->elements()) {
            if (const std::vector<int> *rows = m_model.rowsNamed(name)) {
                for (const int row : *rows)
                    m_highlightedRows[std::size_t(row)] = 1;
            }
        }
    }
    viewport()->update();
}

bool GanttView::isRowHighlighted(int node) const
{
    return node >= 0 && std::size_t(node) < m_highlightedRows.size() &&
           m_highlightedRows[std::size_t(node)];
}

bool GanttView::isJobSelected(std::uint32_t job) const
{
    return std::binary_search(m_selectedJobs.begin(), m_selectedJobs.end(), std::size_t(job));
}

// --- Geometry ---------------------------------------------------------------------------

void GanttView::updateLabelWidth()
{
    const QFontMetrics fm(font());
    int widest = fm.horizontalAdvance(QStringLiteral("node-00"));
    for (const GanttModel::Row &row : m_model.rows())
        widest = std::max(widest, fm.horizontalAdvance(row.name));
    m_labelWidth = std::clamp(widest + 16, 60, 200);
}

int GanttView::headerHeight() const
{
    return fontMetrics().height() + 10;
}

void GanttView::layOut()
{
    m_geometry.plot = viewport()->rect().adjusted(m_labelWidth, headerHeight(), 0, 0);
    m_geometry.timeStart = m_model.timeStart();
    const GanttGeometry::Ranges ranges = m_geometry.layOut(m_model.span(), m_model.rowCount());
    const QRect &plot = m_geometry.plot;
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, ranges.horizontal);
    h->setPageStep(std::max(1, plot.width()));
    h->setSingleStep(20);
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, ranges.vertical);
    v->setPageStep(std::max(1, plot.height()));
    v->setSingleStep(m_geometry.rowPitch);
    // Setting a range may have moved a scroll bar.
    m_geometry.scrollX = h->value();
    m_geometry.scrollY = v->value();
}

void GanttView::fitToWidth()
{
    m_geometry.fit = true;
    layOut();
    viewport()->update();
}

void GanttView::zoomBy(double factor, int anchorX)
{
    const int scrollX = m_geometry.zoomBy(factor, anchorX, m_model.span(), m_model.rowCount());
    layOut();
    horizontalScrollBar()->setValue(scrollX);
    viewport()->update();
}

void GanttView::ensureRowVisible(int row)
{
    const int top = row * m_geometry.rowPitch;
    const int height = m_geometry.plot.height();
    QScrollBar *v = verticalScrollBar();
    if (top < v->value() || top + m_geometry.rowPitch > v->value() + height)
        v->setValue(top - height / 3);
}

std::optional<std::size_t> GanttView::jobAt(const QPoint &viewportPos) const
{
    const std::optional<GanttModel::Hit> hit = m_model.hitTest(m_geometry, viewportPos);
    if (!hit)
        return std::nullopt;
    return m_model.row(hit->row).segments[hit->index].job;
}

QRect GanttView::barRect(std::size_t job, int node) const
{
    return m_model.barRect(m_geometry, job, node);
}

// --- Painting ---------------------------------------------------------------------------

QColor GanttView::colorOf(const GanttModel::Segment &segment) const
{
    const bool dim = !m_selectedJobs.empty() && !isJobSelected(segment.job);
    return m_colorBy == ColorBy::Tenant ? m_palette.tenantColor(segment.tenantColor, dim)
                                        : m_palette.jobColor(segment.job, dim);
}

void GanttView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), m_palette.base);
    p.save();
    p.setClipRect(m_geometry.plot);
    paintRowBackgrounds(p);
    paintBars(p);
    p.restore();
    paintHeader(p);
    paintLabels(p);
}

void GanttView::paintRowBackgrounds(QPainter &p)
{
    const QRect &plot = m_geometry.plot;
    // Alternate stripes, selected nodes in the highlight colour.
    const int lastRow = m_geometry.lastVisibleRow(m_model.rowCount());
    for (int r = m_geometry.firstVisibleRow(); r <= lastRow; ++r) {
        const QRectF band(plot.left(), m_geometry.rowTop(r), plot.width(), m_geometry.rowPitch);
        if (isRowHighlighted(r)) {
            QColor c = m_palette.highlight;
            c.setAlphaF(0.22f);
            p.fillRect(band, c);
        } else if (r % 2) {
            p.fillRect(band, m_palette.stripe);
        }
    }

    // Vertical grid at the header's ticks.
    const double from = m_geometry.timeAt(plot.left());
    const double to = m_geometry.timeAt(plot.right() + 1);

    // Nodes down (failed or in a planned outage), cross-hatched for as long as they were.
    for (int r = m_geometry.firstVisibleRow(); r <= lastRow; ++r) {
        for (const auto &[start, stop] : m_model.row(r).down) {
            const double end = stop == GanttModel::kOpen ? m_model.now() : stop;
            if (end < from || start > to)
                continue;
            const double x0 = std::max(m_geometry.xAt(start), double(plot.left()));
            const double x1 = std::min(m_geometry.xAt(end), double(plot.right() + 1));
            p.fillRect(
                    QRectF(x0, m_geometry.rowTop(r), std::max(x1 - x0, 2.0), m_geometry.rowPitch),
                    m_palette.downBrush);
        }
    }
    const double step = timeTickStep(m_geometry.secondsPerPixel, kTickSpacing);
    p.setPen(QPen(m_palette.grid, 1));
    for (auto k = qint64(std::ceil(from / step)); double(k) * step <= to; ++k) {
        const double x = std::round(m_geometry.xAt(double(k) * step)) + 0.5;
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 1));
    }

    // History dropped to honour the memory cap.
    const double dropped = m_model.droppedBefore();
    if (dropped > m_model.timeStart() && m_geometry.xAt(dropped) > plot.left()) {
        const QRectF gone(plot.left(), plot.top(), m_geometry.xAt(dropped) - plot.left(),
                          plot.height());
        p.fillRect(gone, QBrush(m_palette.grid, Qt::BDiagPattern));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(gone.adjusted(6, 6, -6, -6), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("Older history dropped (memory cap)"));
    }
}

void GanttView::paintBars(QPainter &p)
{
    const QRect &plot = m_geometry.plot;
    const QFontMetrics fm(font());
    const bool anySelected = !m_selectedJobs.empty();
    const auto &jobs = m_document->scenario().jobs;
    m_coverage.assign(std::size_t(std::max(0, plot.width())) + 2, 0.0f);
    std::vector<QRectF> selected;
    p.setRenderHint(QPainter::Antialiasing, false);

    // The loop below runs once per visible segment: everything it needs is computed here, so
    // a sub-pixel segment costs a few arithmetic operations.
    const double from = m_geometry.timeAt(plot.left());
    const double to = m_geometry.timeAt(plot.right() + 1);
    const double t0 = m_geometry.viewStart();
    const double pixelsPerSecond = 1.0 / m_geometry.secondsPerPixel;
    const double originX = plot.left();
    const double clipLeft = plot.left() - 2.0;
    const double clipRight = plot.right() + 2.0;
    const int lastColumn = int(m_coverage.size()) - 1;

    // An interruption (docs/design.md §10.4): a hard edge in the failure colour with a notch
    // above it, at the end `x` of the piece in `lanes`, visible at any zoom.
    auto markInterruption = [&p, this](const QRectF &lanes, double x) {
        p.fillRect(QRectF(x - 2, lanes.top(), 3, lanes.height()), m_palette.failure);
        const double h = std::min(6.0, lanes.height() / 2);
        const QPointF tip[3] = {{x - h, lanes.top()}, {x + h, lanes.top()}, {x, lanes.top() + h}};
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(m_palette.failure);
        p.drawPolygon(tip, 3);
        p.setBrush(Qt::NoBrush); // the bars' outlines are drawn with drawRect
        p.setRenderHint(QPainter::Antialiasing, false);
    };

    const int lastRow = m_geometry.lastVisibleRow(m_model.rowCount());
    for (int r = m_geometry.firstVisibleRow(); r <= lastRow; ++r) {
        const GanttModel::Row &row = m_model.row(r);
        const float perLane = 1.0f / float(row.laneCount);
        auto laneBand = [&](std::uint32_t lanes, double x, double width) {
            return m_geometry.laneBand(r, row.laneCount, lanes, x, width);
        };
        bool anyCoverage = false;
        m_model.forEachVisibleSegment(row, from, to, [&](std::size_t i, double end) {
            const GanttModel::Segment &s = row.segments[i];
            const double x0 = std::max(originX + (s.start - t0) * pixelsPerSecond, clipLeft);
            const double x1 = std::min(originX + (end - t0) * pixelsPerSecond, clipRight);
            const double width = x1 - x0;
            const bool isSelected = anySelected && isJobSelected(s.job);
            if (isSelected)
                selected.push_back(laneBand(s.lanes, x0, std::max(width, 3.0)));
            if (width < kMinBarWidth) {
                if (s.flags & GanttModel::kInterrupted)
                    markInterruption(laneBand(s.lanes, x0, 1.0), x0 + 1.0);
                // Too thin to draw alone: add to this pixel's occupancy.
                const int column = std::clamp(int(x0) - plot.left(), 0, lastColumn);
                m_coverage[std::size_t(column)] +=
                        float(std::max(width, 0.05)) * float(std::popcount(s.lanes)) * perLane;
                anyCoverage = true;
                return;
            }
            const QColor fill = colorOf(s);
            // A fragmented allocation is drawn piece by piece, one rectangle per lane run.
            std::uint32_t bits = s.lanes;
            while (bits) {
                const int firstLane = std::countr_zero(bits);
                const int runLength = std::countr_one(bits >> firstLane);
                const std::uint32_t run = ((1u << runLength) - 1u) << firstLane;
                bits &= ~run;
                const QRectF rect = laneBand(run, x0, width);
                p.fillRect(rect, fill);
                if (width >= 4 && rect.height() >= 4) {
                    p.setPen(QPen(m_palette.outlineOf(fill), 1));
                    p.drawRect(rect.adjusted(0, 0, -1, -1));
                }
                if (width >= 40 && rect.height() >= fm.height() - 2 &&
                    (!anySelected || isSelected)) {
                    const QString label = s.job < jobs.size() ? QString::number(jobs[s.job].id)
                                                              : QString::number(s.job);
                    p.setPen(GanttPalette::inkOn(fill));
                    p.drawText(rect.adjusted(4, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                               fm.elidedText(label, Qt::ElideRight, int(width) - 6));
                }
            }
            if ((s.flags & GanttModel::kPreempted) && width >= 3) {
                // A preemption ends the bar with a hard edge in the text colour.
                const QRectF lanes = laneBand(s.lanes, x0, width);
                p.fillRect(QRectF(x0 + width - 2, lanes.top(), 2, lanes.height()), m_palette.text);
            }
            if (s.flags & GanttModel::kInterrupted)
                markInterruption(laneBand(s.lanes, x0, width), x0 + width);
            if ((s.flags & GanttModel::kRestarted) && width >= 3) {
                // The piece after an interruption starts with a dashed edge in the same colour.
                const QRectF lanes = laneBand(s.lanes, x0, width);
                p.setPen(QPen(m_palette.failure, 2, Qt::DashLine));
                p.drawLine(QPointF(x0 + 1, lanes.top()), QPointF(x0 + 1, lanes.bottom()));
            }
        });
        if (anyCoverage)
            paintOccupancy(p, r);
    }

    // Selected jobs on top, at least three pixels wide so they show at any zoom.
    p.setPen(QPen(m_palette.highlight, 2));
    p.setBrush(Qt::NoBrush);
    for (const QRectF &rect : selected)
        p.drawRect(rect.adjusted(0, 0, -1, -1));

    // Now.
    const double nowX = m_geometry.xAt(m_model.now());
    if (nowX >= plot.left() && nowX <= plot.right() + 1) {
        p.setPen(QPen(m_palette.now, 1.5));
        p.drawLine(QPointF(nowX, plot.top()), QPointF(nowX, plot.bottom() + 1));
    }

    if (m_model.rowCount() == 0 || m_model.segmentCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter,
                   m_model.rowCount() == 0 ? tr("The cluster has no nodes.")
                                           : tr("Jobs appear here as the simulation starts them."));
    }
}

void GanttView::paintOccupancy(QPainter &p, int row)
{
    // One rectangle per run of equally shaded pixels; empties the coverage for the next row.
    const double pad = m_geometry.lanePad();
    const double top = m_geometry.rowTop(row) + pad;
    const double height = m_geometry.rowPitch - 2 * pad;
    const int left = m_geometry.plot.left();
    int runStart = 0;
    int runLevel = 0;
    auto flush = [&](int endColumn) {
        if (runLevel > 0) {
            QColor c = m_palette.occupancy;
            c.setAlphaF(float(runLevel) / 8.0f);
            p.fillRect(QRectF(left + runStart, top, endColumn - runStart, height), c);
        }
    };
    for (int c = 0; c < int(m_coverage.size()); ++c) {
        float &coverage = m_coverage[std::size_t(c)];
        const int level = coverage > 0.0f ? std::clamp(int(std::ceil(coverage * 8.0f)), 1, 8) : 0;
        if (level != runLevel) {
            flush(c);
            runStart = c;
            runLevel = level;
        }
        coverage = 0.0f;
    }
    flush(int(m_coverage.size()));
}

void GanttView::paintHeader(QPainter &p)
{
    const QPalette &pal = palette();
    const QRect &plot = m_geometry.plot;
    const QRect header(0, 0, viewport()->width(), plot.top());
    p.fillRect(header, pal.color(QPalette::Window));
    p.setPen(m_palette.separator);
    p.drawLine(header.bottomLeft(), header.bottomRight());

    p.save();
    p.setClipRect(QRect(plot.left(), 0, plot.width(), plot.top()));
    const QFontMetrics fm(font());
    const double step = timeTickStep(m_geometry.secondsPerPixel, kTickSpacing);
    const double from = m_geometry.timeAt(plot.left() - 60); // labels partly in view still show
    const double to = m_geometry.timeAt(plot.right() + 1);
    for (auto k = qint64(std::ceil(from / step)); double(k) * step <= to; ++k) {
        const double t = double(k) * step;
        const double x = std::round(m_geometry.xAt(t)) + 0.5;
        p.setPen(pal.color(QPalette::WindowText));
        p.drawLine(QPointF(x, plot.top() - 5), QPointF(x, plot.top()));
        if (x >= plot.left()) // a label cut by the row names would read as a different time
            p.drawText(QRectF(x + 3, 0, 200, plot.top() - 2), Qt::AlignLeft | Qt::AlignVCenter,
                       timeTickLabel(t, step));
    }
    const double nowX = m_geometry.xAt(m_model.now());
    if (m_model.hasEvents() && nowX >= plot.left() && nowX <= plot.right() + 1) {
        const QString label = tr("now");
        const int w = fm.horizontalAdvance(label) + 8;
        const QRectF box(std::min(nowX - w / 2.0, plot.right() - w + 1.0), 1, w, plot.top() - 3);
        p.fillRect(box, m_palette.now);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, label);
    }
    p.restore();
}

void GanttView::paintLabels(QPainter &p)
{
    const QPalette &pal = palette();
    const QRect &plot = m_geometry.plot;
    const QRect column(0, plot.top(), plot.left(), plot.height());
    p.fillRect(column, pal.color(QPalette::Window));
    p.setPen(m_palette.separator);
    p.drawLine(column.topRight(), column.bottomRight());
    p.fillRect(QRect(0, 0, plot.left(), plot.top()), pal.color(QPalette::Window));

    const QFontMetrics fm(font());
    const int pitch = m_geometry.rowPitch;
    // Thin rows label every k-th node only, so the labels never overlap.
    const int every = std::max(1, int(std::ceil(double(fm.height()) / pitch)));
    p.save();
    p.setClipRect(column);
    QFont bold = font();
    bold.setBold(true);
    const int lastRow = m_geometry.lastVisibleRow(m_model.rowCount());
    for (int r = m_geometry.firstVisibleRow(); r <= lastRow; ++r) {
        const QRect band(6, int(m_geometry.rowTop(r)), plot.left() - 10, pitch);
        const bool highlighted = isRowHighlighted(r);
        if (highlighted)
            p.fillRect(QRect(0, band.top(), plot.left(), band.height()),
                       pal.color(QPalette::Highlight));
        if (r % every && !highlighted)
            continue;
        p.setFont(highlighted ? bold : font());
        p.setPen(pal.color(highlighted ? QPalette::HighlightedText : QPalette::WindowText));
        const QRect textRect = every > 1 ? band.adjusted(0, 0, 0, fm.height()) : band;
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(m_model.row(r).name, Qt::ElideMiddle, band.width()));
    }
    p.restore();
}

// --- Input ------------------------------------------------------------------------------

void GanttView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    layOut();
}

void GanttView::scrollContentsBy(int, int)
{
    m_geometry.scrollX = horizontalScrollBar()->value();
    m_geometry.scrollY = verticalScrollBar()->value();
    viewport()->update();
}

void GanttView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (mods & Qt::ControlModifier) {
        const int steps = delta.y() != 0 ? delta.y() : delta.x();
        if (mods & Qt::ShiftModifier) {
            const int old = m_geometry.rowPitch;
            m_geometry.rowHeight =
                    std::clamp(old + (steps > 0 ? 2 : -2), GanttGeometry::kMinRowHeight,
                               GanttGeometry::kMaxRowHeight);
            // Keep the row under the cursor where it is.
            const int y = int(event->position().y()) - m_geometry.plot.top();
            const int content = verticalScrollBar()->value() + y;
            layOut();
            verticalScrollBar()->setValue(content * m_geometry.rowPitch / std::max(1, old) - y);
        } else {
            zoomBy(std::pow(0.8, steps / 120.0), int(event->position().x()));
        }
        event->accept();
        return;
    }
    if ((mods & Qt::ShiftModifier) && delta.x() == 0) {
        QScrollBar *h = horizontalScrollBar();
        h->setValue(h->value() - delta.y() * h->singleStep() / 40);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void GanttView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_selection) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    selectAt(event->position().toPoint(), event->modifiers() & Qt::ControlModifier);
    event->accept();
}

void GanttView::selectAt(const QPoint &pos, bool toggle)
{
    const QRect &plot = m_geometry.plot;
    if (pos.x() < plot.left() && pos.y() >= plot.top()) {
        // The label column selects nodes.
        const int row = m_geometry.rowAt(pos.y(), m_model.rowCount());
        Selection::Names names = toggle ? m_selection->elements() : Selection::Names{};
        if (row >= 0) {
            const std::string name = m_model.row(row).name.toStdString();
            if (toggle && names.contains(name))
                names.erase(name);
            else
                names.insert(name);
        }
        m_selection->setElements(std::move(names));
    } else if (plot.contains(pos)) {
        const std::optional<std::size_t> job = jobAt(pos);
        Selection::JobIndices jobs = toggle ? m_selection->jobs() : Selection::JobIndices{};
        if (job) {
            const auto it = std::find(jobs.begin(), jobs.end(), *job);
            if (it != jobs.end())
                jobs.erase(it);
            else
                jobs.push_back(*job);
        }
        m_selection->setJobs(std::move(jobs));
    }
}

void GanttView::mouseReleaseEvent(QMouseEvent *event)
{
    // The press did the work; accepting the release keeps it from reaching the dock.
    event->setAccepted(event->button() == Qt::LeftButton);
}

void GanttView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->position().y() < m_geometry.plot.top()) {
        fitToWidth();
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseDoubleClickEvent(event);
}

void GanttView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int anchor = m_geometry.plot.center().x();
        switch (event->key()) {
        case Qt::Key_0:
            fitToWidth();
            return;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomBy(0.5, anchor);
            return;
        case Qt::Key_Minus:
            zoomBy(2.0, anchor);
            return;
        default:
            break;
        }
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void GanttView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *fit = menu.addAction(tr("Fit Whole Run"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit, &QAction::triggered, this, &GanttView::fitToWidth);
    fit->setEnabled(!m_geometry.fit);
    menu.addSeparator();
    auto *group = new QActionGroup(&menu);
    QAction *byTenant = menu.addAction(tr("Colour by Tenant"));
    QAction *byJob = menu.addAction(tr("Colour by Job"));
    for (QAction *a : {byTenant, byJob}) {
        a->setCheckable(true);
        group->addAction(a);
    }
    (m_colorBy == ColorBy::Tenant ? byTenant : byJob)->setChecked(true);
    connect(byTenant, &QAction::triggered, this, [this] { setColorBy(ColorBy::Tenant); });
    connect(byJob, &QAction::triggered, this, [this] { setColorBy(ColorBy::Job); });
    menu.exec(event->globalPos());
}

void GanttView::setColorBy(ColorBy colorBy)
{
    if (m_colorBy == colorBy)
        return;
    m_colorBy = colorBy;
    viewport()->update();
}

void GanttView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_palette = GanttPalette(palette());
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        m_geometry.rowHeight = defaultRowHeight(fontMetrics());
        updateLabelWidth();
        layOut();
        viewport()->update();
    }
}

bool GanttView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const std::optional<GanttModel::Hit> hit = m_model.hitTest(m_geometry, help->pos());
        if (hit)
            QToolTip::showText(help->globalPos(), toolTipFor(*hit), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString GanttView::toolTipFor(const GanttModel::Hit &hit) const
{
    const GanttModel::Row &row = m_model.row(hit.row);
    const GanttModel::Segment &s = row.segments[hit.index];
    const auto &jobs = m_document->scenario().jobs;
    QString text;
    if (s.job < jobs.size()) {
        const Job &job = jobs[s.job];
        text = tr("<b>Job %1</b>").arg(job.id);
        if (!job.name.empty())
            text += QStringLiteral(" ") + QString::fromStdString(job.name).toHtmlEscaped();
        if (!job.tenant.empty())
            text += tr("<br>Tenant: %1").arg(QString::fromStdString(job.tenant).toHtmlEscaped());
        text += tr("<br>Accelerators: %1").arg(job.slots);
    } else {
        text = tr("<b>Job #%1</b>").arg(s.job);
    }
    text += tr("<br>Node: %1").arg(row.name.toHtmlEscaped());
    text += tr("<br>Start: %1%2")
                    .arg(formatSimTime(s.start), (s.flags & GanttModel::kRestarted)
                                                         ? tr(" (restart after an interruption)")
                                                         : QString());
    if (s.open()) {
        text += tr("<br>End: running (%1 so far)").arg(formatSimDuration(m_model.now() - s.start));
    } else {
        text += tr("<br>End: %1%2")
                        .arg(formatSimTime(s.end), (s.flags & GanttModel::kInterrupted)
                                                           ? tr(" (interrupted: a node went down)")
                                                   : (s.flags & GanttModel::kPreempted)
                                                           ? tr(" (preempted)")
                                                           : QString());
        text += tr("<br>Duration: %1").arg(formatSimDuration(s.end - s.start));
    }
    return text;
}

} // namespace headroom::ui
