#include "ui/timeline/gantt_view.h"

#include "core/engine/compiled_cluster.h"
#include "ui/color.h"
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

constexpr double kMinimumSpanS = 60.0;
constexpr double kMinSecondsPerPixel = 1e-3;
// Horizontal scroll positions are ints: keep the content under a billion pixels.
constexpr double kMaxContentWidth = 1e9;
constexpr int kMinRowHeight = 3;
constexpr int kMaxRowHeight = 64;
constexpr int kMaxAutoRowHeight = 40;
// Narrower than this, a bar is drawn as occupancy instead of as a rectangle of its own.
constexpr double kMinBarWidth = 1.5;

// The same tenant gets the same colour in every run, on every machine.
std::uint8_t colorKey(const std::string &text)
{
    const std::uint32_t h = stableHash(text);
    return std::uint8_t(h ^ (h >> 8) ^ (h >> 16) ^ (h >> 24));
}

std::uint8_t colorKey(std::uint32_t job)
{
    std::uint32_t h = job * 2654435761u;
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    return std::uint8_t(h);
}

} // namespace

GanttView::GanttView(ScenarioDocument *document, Selection *selection, RunController *run,
                     QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_document(document)
    , m_selection(selection)
    , m_run(run)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_rowHeight = std::clamp(fontMetrics().height() + 6, kMinRowHeight, kMaxRowHeight);
    rebuildColors();

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

// --- Data -------------------------------------------------------------------------------

void GanttView::loadRows()
{
    m_rows.clear();
    m_rowsByName.clear();
    const CompiledCluster cluster = compileCluster(m_document->scenario());
    m_rows.resize(cluster.nodes.size());
    for (std::size_t i = 0; i < cluster.nodes.size(); ++i) {
        const CompiledNode &node = cluster.nodes[i];
        Row &row = m_rows[i];
        row.name = QString::fromStdString(node.name);
        row.slots = std::max(1, node.slots);
        row.laneCount = std::min(row.slots, kMaxLanes);
        m_rowsByName[node.name].push_back(int(i));
    }
    // Racks and zones select all their nodes' rows (they are contiguous in topology order).
    for (std::size_t r = 0; r < cluster.rackNodes.size(); ++r) {
        for (int n = cluster.rackNodes[r].begin; n < cluster.rackNodes[r].end; ++n)
            m_rowsByName[cluster.rackNames[r]].push_back(n);
    }
    for (std::size_t z = 0; z < cluster.zoneNodes.size(); ++z) {
        for (int n = cluster.zoneNodes[z].begin; n < cluster.zoneNodes[z].end; ++n)
            m_rowsByName[cluster.zoneNames[z]].push_back(n);
    }
    updateLabelWidth();
}

void GanttView::updateLabelWidth()
{
    const QFontMetrics fm(font());
    int widest = fm.horizontalAdvance(QStringLiteral("node-00"));
    for (const Row &row : m_rows)
        widest = std::max(widest, fm.horizontalAdvance(row.name));
    m_labelWidth = std::clamp(widest + 16, 60, 200);
}

void GanttView::onRunReset()
{
    // Every document edit resets the run, so this is also where the rows are refreshed.
    loadRows();
    m_tenantKeys.clear();
    m_segmentCount = 0;
    m_droppedBefore = -std::numeric_limits<double>::infinity();
    m_hasEvents = false;
    m_timeStart = 0.0;
    m_now = 0.0;
    m_fit = true;
    onSelectionElementsChanged();
    onSelectionJobsChanged();
    updateScrollBars();
    viewport()->update();
}

void GanttView::onSnapshot(const LiveSnapshot &snapshot)
{
    QScrollBar *h = horizontalScrollBar();
    const bool following = !m_fit && h->value() >= h->maximum();
    const LiveJobs &jobs = m_run->liveJobs();
    for (std::size_t i = 0; i < snapshot.newEvents.size(); ++i) {
        const JobEvent &event = snapshot.newEvents[i];
        if (!m_hasEvents && event.kind != JobEvent::Kind::Rejected) {
            m_hasEvents = true;
            m_timeStart = event.time;
        }
        // Bars end where the run's job record says the job left (a restart ends the bars of
        // the previous stretch first).
        endJob(event, jobs.releasedBy(i), event.kind == JobEvent::Kind::Preempted);
        if (event.kind == JobEvent::Kind::Started)
            startJob(event);
        m_now = std::max(m_now, event.time);
    }
    m_now = std::max(m_now, snapshot.status.now);
    if (!m_hasEvents)
        m_timeStart = m_now;
    enforceCap();
    updateScrollBars();
    if (following)
        h->setValue(h->maximum());
    viewport()->update();
}

std::uint16_t GanttView::takeLanes(Row &row, int lanes) const
{
    const std::uint32_t all = (1u << row.laneCount) - 1u;
    lanes = std::clamp(lanes, 1, row.laneCount);
    if (lanes == row.laneCount)
        return std::uint16_t(all);
    const std::uint32_t free = ~std::uint32_t(row.busyLanes) & all;
    const std::uint32_t block = (1u << lanes) - 1u;
    for (int at = 0; at + lanes <= row.laneCount; ++at) {
        if ((free & (block << at)) == (block << at))
            return std::uint16_t(block << at);
    }
    // Fragmented: the lowest free lanes, even if not adjacent (drawn as several pieces).
    std::uint32_t mask = 0;
    for (int lane = 0; lane < row.laneCount && std::popcount(mask) < lanes; ++lane) {
        if (free & (1u << lane))
            mask |= 1u << lane;
    }
    // More jobs than lanes can only happen on nodes with more than kMaxLanes accelerators;
    // overlap on the first lane rather than vanish.
    return std::uint16_t(mask ? mask : 1u);
}

void GanttView::startJob(const JobEvent &event)
{
    const auto job = std::uint32_t(event.job);
    const auto &jobs = m_document->scenario().jobs;
    const int jobSlots = event.job < jobs.size() ? jobs[event.job].slots : 1;
    const std::uint8_t tenant =
            event.job < jobs.size() ? tenantKey(jobs[event.job].tenant) : kNoTenant;
    for (const int node : event.nodes) {
        if (node < 0 || node >= rowCount())
            continue;
        Row &row = m_rows[std::size_t(node)];
        // A gang holds whole nodes; a single-node job holds its own accelerator count.
        const int held = event.nodes.size() > 1 ? row.slots : std::min(jobSlots, row.slots);
        const int lanes = int(std::ceil(double(held) * row.laneCount / row.slots - 1e-9));
        Segment segment;
        segment.start = event.time;
        segment.job = job;
        segment.lanes = takeLanes(row, lanes);
        segment.tenantColor = tenant;
        row.busyLanes |= segment.lanes;
        row.open.push_back(std::uint32_t(row.segments.size()));
        row.segments.push_back(segment);
        ++m_segmentCount;
    }
}

void GanttView::endJob(const JobEvent &event, std::span<const int> nodes, bool preempted)
{
    for (const int node : nodes) {
        if (node < 0 || node >= rowCount())
            continue;
        Row &row = m_rows[std::size_t(node)];
        row.busyLanes = 0;
        for (auto o = row.open.begin(); o != row.open.end();) {
            Segment &segment = row.segments[*o];
            if (segment.job == event.job) {
                segment.end = std::max(event.time, segment.start);
                segment.flags |= preempted ? kPreempted : 0;
                row.longestFinished = std::max(row.longestFinished, segment.end - segment.start);
                o = row.open.erase(o);
            } else {
                row.busyLanes |= segment.lanes;
                ++o;
            }
        }
    }
}

void GanttView::enforceCap()
{
    if (m_segmentCount <= m_segmentCap)
        return;
    // Drop finished segments from the oldest stretch of time until a quarter of the cap is
    // free again, so this O(segments) pass runs rarely. The horizon is guessed assuming
    // segments are spread evenly in time, and advanced until enough has gone.
    // Running segments are never dropped; if they alone exceed the cap, the last pass drops
    // every finished one and the cap is exceeded by the running jobs only.
    const std::size_t target = m_segmentCap - m_segmentCap / 4;
    double from = std::max(m_timeStart, m_droppedBefore);
    for (int pass = 0; pass < 8 && m_segmentCount > target && from < m_now; ++pass) {
        const double share = double(m_segmentCount - target) / double(m_segmentCount);
        const double horizon = pass == 7 ? m_now : from + std::max(share, 0.02) * (m_now - from);
        for (Row &row : m_rows) {
            const auto removed = std::remove_if(
                    row.segments.begin(), row.segments.end(),
                    [horizon](const Segment &s) { return !s.open() && s.end <= horizon; });
            m_segmentCount -= std::size_t(row.segments.end() - removed);
            row.segments.erase(removed, row.segments.end());
            row.open.clear();
            for (std::size_t i = 0; i < row.segments.size(); ++i) {
                if (row.segments[i].open())
                    row.open.push_back(std::uint32_t(i));
            }
        }
        m_droppedBefore = horizon;
        from = horizon;
    }
}

void GanttView::setSegmentCap(std::size_t segments)
{
    m_segmentCap = std::max<std::size_t>(segments, 1);
    enforceCap();
    viewport()->update();
}

std::size_t GanttView::runningSegmentCount() const
{
    std::size_t n = 0;
    for (const Row &row : m_rows)
        n += row.open.size();
    return n;
}

// --- Selection --------------------------------------------------------------------------

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
    m_highlightedRows.assign(m_rows.size(), 0);
    if (m_selection) {
        for (const std::string &name : m_selection->elements()) {
            const auto it = m_rowsByName.find(name);
            if (it == m_rowsByName.end())
                continue;
            for (const int row : it->second)
                m_highlightedRows[std::size_t(row)] = 1;
        }
    }
    viewport()->update();
}

bool GanttView::isRowHighlighted(int node) const
{
    return node >= 0 && std::size_t(node) < m_highlightedRows.size() &&
           m_highlightedRows[std::size_t(node)];
}

// --- Geometry ---------------------------------------------------------------------------

int GanttView::headerHeight() const
{
    return fontMetrics().height() + 10;
}

QRect GanttView::plotRect() const
{
    return viewport()->rect().adjusted(m_labelWidth, headerHeight(), 0, 0);
}

double GanttView::timeSpanEnd() const
{
    return std::max(m_now, m_timeStart + kMinimumSpanS);
}

double GanttView::fitSecondsPerPixel() const
{
    const int width = std::max(1, plotRect().width());
    return (timeSpanEnd() - m_timeStart) / width;
}

double GanttView::viewStart() const
{
    return m_timeStart + horizontalScrollBar()->value() * m_secondsPerPixel;
}

double GanttView::xAt(double time) const
{
    return m_labelWidth + (time - viewStart()) / m_secondsPerPixel;
}

double GanttView::timeAt(double x) const
{
    return viewStart() + (x - m_labelWidth) * m_secondsPerPixel;
}

void GanttView::updateScrollBars()
{
    const QRect plot = plotRect();
    const double span = timeSpanEnd() - m_timeStart;
    const double fit = fitSecondsPerPixel();
    const double finest = std::max(kMinSecondsPerPixel, span / kMaxContentWidth);
    if (m_fit)
        m_secondsPerPixel = fit;
    m_secondsPerPixel = std::clamp(m_secondsPerPixel, std::min(finest, fit), fit);
    if (m_secondsPerPixel >= fit)
        m_fit = true;

    QScrollBar *h = horizontalScrollBar();
    const double contentWidth = std::ceil(span / m_secondsPerPixel);
    h->setRange(0, std::max(0, int(contentWidth) - plot.width()));
    h->setPageStep(std::max(1, plot.width()));
    h->setSingleStep(20);

    // A small cluster gets taller rows (and lanes) rather than a mostly empty view.
    const int rows = std::max(1, rowCount());
    m_rowPitch = std::max(m_rowHeight, std::min(kMaxAutoRowHeight, plot.height() / rows));
    QScrollBar *v = verticalScrollBar();
    const qint64 contentHeight = qint64(m_rows.size()) * m_rowPitch;
    v->setRange(0, int(std::max<qint64>(0, contentHeight - plot.height())));
    v->setPageStep(std::max(1, plot.height()));
    v->setSingleStep(m_rowPitch);
}

void GanttView::fitToWidth()
{
    m_fit = true;
    updateScrollBars();
    viewport()->update();
}

void GanttView::zoomBy(double factor, int anchorX)
{
    const QRect plot = plotRect();
    anchorX = std::clamp(anchorX, plot.left(), plot.right());
    const double anchorTime = timeAt(anchorX);
    m_fit = false;
    m_secondsPerPixel *= factor;
    updateScrollBars();
    // Keep the time under the cursor where it was.
    const double start = anchorTime - (anchorX - m_labelWidth) * m_secondsPerPixel;
    horizontalScrollBar()->setValue(int(std::lround((start - m_timeStart) / m_secondsPerPixel)));
    viewport()->update();
}

int GanttView::rowAt(int y) const
{
    const QRect plot = plotRect();
    if (y < plot.top() || m_rowPitch <= 0)
        return -1;
    const int row = (y - plot.top() + verticalScrollBar()->value()) / m_rowPitch;
    return row < rowCount() ? row : -1;
}

void GanttView::ensureRowVisible(int row)
{
    const QRect plot = plotRect();
    QScrollBar *v = verticalScrollBar();
    const int top = row * m_rowPitch;
    if (top < v->value() || top + m_rowPitch > v->value() + plot.height())
        v->setValue(top - plot.height() / 3);
}

QRectF GanttView::laneRect(const Row &row, int rowIndex, std::uint16_t lanes) const
{
    const QRect plot = plotRect();
    const double pad = m_rowPitch >= 10 ? 2.0 : 0.0;
    const double top = plot.top() + double(rowIndex) * m_rowPitch - verticalScrollBar()->value();
    const double laneHeight = (m_rowPitch - 2 * pad) / row.laneCount;
    const int first = std::countr_zero(std::uint32_t(lanes));
    const int last = 31 - std::countl_zero(std::uint32_t(lanes));
    return QRectF(0, top + pad + first * laneHeight, 0, (last - first + 1) * laneHeight);
}

template<typename Visit>
void GanttView::forEachVisibleSegment(const Row &row, double from, double to, Visit &&visit) const
{
    // Finished bars that reach `from` start no earlier than from - the row's longest one.
    const double searchFrom = from - row.longestFinished;
    const auto begin = std::lower_bound(row.segments.begin(), row.segments.end(), searchFrom,
                                        [](const Segment &s, double t) { return s.start < t; });
    for (auto it = begin; it != row.segments.end() && it->start <= to; ++it) {
        const double end = it->open() ? m_now : it->end;
        if (end >= from)
            visit(std::size_t(it - row.segments.begin()), end);
    }
    // Running bars that started even earlier.
    for (const std::uint32_t i : row.open) {
        if (row.segments[i].start < searchFrom)
            visit(std::size_t(i), m_now);
    }
}

std::optional<GanttView::Hit> GanttView::hitTest(const QPoint &pos) const
{
    const QRect plot = plotRect();
    const int rowIndex = rowAt(pos.y());
    if (rowIndex < 0 || !plot.contains(pos))
        return std::nullopt;
    const Row &row = m_rows[std::size_t(rowIndex)];
    const double t = timeAt(pos.x() + 0.5);
    // A few pixels of slack so that thin bars can still be clicked.
    const double slack = 3.0 * m_secondsPerPixel;
    std::optional<Hit> best;
    double bestDistance = slack;
    forEachVisibleSegment(row, t - slack, t + slack, [&](std::size_t i, double end) {
        const Segment &s = row.segments[i];
        const QRectF lanes = laneRect(row, rowIndex, s.lanes);
        if (pos.y() < lanes.top() - 1 || pos.y() > lanes.bottom() + 1)
            return;
        const double distance = t < s.start ? s.start - t : (t > end ? t - end : 0.0);
        if (distance < bestDistance || (distance == 0.0 && !best)) {
            bestDistance = distance;
            best = Hit{rowIndex, i};
        }
    });
    return best;
}

std::optional<std::size_t> GanttView::jobAt(const QPoint &viewportPos) const
{
    const std::optional<Hit> hit = hitTest(viewportPos);
    if (!hit)
        return std::nullopt;
    return m_rows[std::size_t(hit->row)].segments[hit->index].job;
}

QRect GanttView::barRect(std::size_t job, int node) const
{
    if (node < 0 || node >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(node)];
    const auto it = std::find_if(row.segments.rbegin(), row.segments.rend(),
                                 [job](const Segment &s) { return s.job == job; });
    if (it == row.segments.rend())
        return {};
    const double end = it->open() ? m_now : it->end;
    QRectF r = laneRect(row, node, it->lanes);
    r.setLeft(xAt(it->start));
    r.setRight(std::max(xAt(end), r.left() + 1.0));
    return r.toAlignedRect().intersected(plotRect());
}

// --- Painting ---------------------------------------------------------------------------

std::uint8_t GanttView::tenantKey(const std::string &tenant)
{
    if (tenant.empty())
        return kNoTenant;
    const auto it = m_tenantKeys.find(tenant);
    if (it != m_tenantKeys.end())
        return it->second;
    // The first tenants get the qualitative palette in the order they first run (a run is
    // deterministic, so a scenario always gets the same colours); later ones a hashed hue.
    const std::size_t seen = m_tenantKeys.size();
    const auto key = std::uint8_t(
            seen < kQualitativeColors
                    ? seen
                    : kQualitativeColors + colorKey(tenant) % (kNoTenant - kQualitativeColors));
    m_tenantKeys.emplace(tenant, key);
    return key;
}

void GanttView::rebuildColors()
{
    const bool dark = isDark(palette().color(QPalette::Base));
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    // Tableau-style qualitative colours: distinct at a glance and readable with dark text.
    static constexpr std::array<QRgb, kQualitativeColors> kQualitative{
            0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948,
            0xb07aa1, 0xff9da7, 0x9c755f, 0x499894, 0xd37295, 0x8cd17d};
    auto hashed = [dark](int i) {
        // Golden-ratio hue steps spread neighbouring keys around the wheel; saturation and
        // lightness per mode so bars stand out on white and on near-black alike.
        const double hue = std::fmod(i * 0.6180339887498949, 1.0);
        const double saturation =
                dark ? 0.42 + 0.12 * ((i >> 1) % 2) : 0.50 + 0.15 * ((i >> 1) % 2);
        const double lightness = dark ? 0.42 + 0.08 * (i % 2) : 0.60 + 0.08 * (i % 2);
        return QColor::fromHslF(float(hue), float(saturation), float(lightness));
    };
    for (int i = 0; i < 256; ++i) {
        QColor tenant =
                i < int(kQualitativeColors) ? QColor(kQualitative[std::size_t(i)]) : hashed(i);
        if (dark && i < int(kQualitativeColors))
            tenant = mix(tenant, base, 0.18); // a little less glare on near-black
        if (i == kNoTenant)
            tenant = mix(base, text, 0.38);
        m_colors[std::size_t(i)] = tenant;
        m_colors[std::size_t(256 + i)] = hashed(i);
    }
    for (std::size_t i = 0; i < m_colors.size(); ++i)
        m_dimColors[i] = mix(m_colors[i], base, 0.7);
}

QColor GanttView::colorOf(const Segment &segment) const
{
    const std::size_t key =
            m_colorBy == ColorBy::Tenant ? segment.tenantColor : 256 + colorKey(segment.job);
    const bool dim = !m_selectedJobs.empty() &&
                     !std::binary_search(m_selectedJobs.begin(), m_selectedJobs.end(),
                                         std::size_t(segment.job));
    return dim ? m_dimColors[key] : m_colors[key];
}

void GanttView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QRect plot = plotRect();
    p.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    paintRows(p, plot);
    paintHeader(p, plot);
    paintLabels(p, plot);
}

void GanttView::paintRows(QPainter &p, const QRect &plot)
{
    const QPalette &pal = palette();
    const bool dark = isDark(pal.color(QPalette::Base));
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor stripe = mix(base, text, dark ? 0.06 : 0.035);
    const QColor grid = mix(base, text, dark ? 0.16 : 0.10);
    const QColor occupancy = mix(base, text, 0.55);

    p.save();
    p.setClipRect(plot);
    const int firstRow = std::max(0, verticalScrollBar()->value() / m_rowPitch);
    const int lastRow =
            std::min(rowCount() - 1, (verticalScrollBar()->value() + plot.height()) / m_rowPitch);
    const double from = timeAt(plot.left());
    const double to = timeAt(plot.right() + 1);

    // Row backgrounds: alternate stripes, selected nodes in the highlight colour.
    for (int r = firstRow; r <= lastRow; ++r) {
        const QRectF band(plot.left(),
                          plot.top() + double(r) * m_rowPitch - verticalScrollBar()->value(),
                          plot.width(), m_rowPitch);
        if (isRowHighlighted(r)) {
            QColor c = highlight;
            c.setAlphaF(0.22f);
            p.fillRect(band, c);
        } else if (r % 2) {
            p.fillRect(band, stripe);
        }
    }

    // Vertical grid at the header's ticks.
    const double step = timeTickStep(m_secondsPerPixel, 90);
    p.setPen(QPen(grid, 1));
    for (auto k = qint64(std::ceil(from / step)); double(k) * step <= to; ++k) {
        const double x = std::round(xAt(double(k) * step)) + 0.5;
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 1));
    }

    // History dropped to honour the memory cap.
    if (m_droppedBefore > m_timeStart && xAt(m_droppedBefore) > plot.left()) {
        const QRectF gone(plot.left(), plot.top(), xAt(m_droppedBefore) - plot.left(),
                          plot.height());
        p.fillRect(gone, QBrush(grid, Qt::BDiagPattern));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(gone.adjusted(6, 6, -6, -6), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("Older history dropped (memory cap)"));
    }

    const QFontMetrics fm(font());
    const bool anySelected = !m_selectedJobs.empty();
    m_coverage.assign(std::size_t(std::max(0, plot.width())) + 2, 0.0f);
    std::vector<QRectF> selected;
    p.setRenderHint(QPainter::Antialiasing, false);

    // The loop below runs once per visible segment: everything it needs is computed here, so
    // a sub-pixel segment costs a few arithmetic operations.
    const double t0 = viewStart();
    const double pixelsPerSecond = 1.0 / m_secondsPerPixel;
    const double originX = m_labelWidth;
    const double clipLeft = plot.left() - 2.0;
    const double clipRight = plot.right() + 2.0;
    const double pad = m_rowPitch >= 10 ? 2.0 : 0.0;
    const int lastColumn = int(m_coverage.size()) - 1;

    for (int r = firstRow; r <= lastRow; ++r) {
        const Row &row = m_rows[std::size_t(r)];
        const double rowTop = plot.top() + double(r) * m_rowPitch - verticalScrollBar()->value();
        const double laneHeight = (m_rowPitch - 2 * pad) / row.laneCount;
        const float perLane = 1.0f / float(row.laneCount);
        auto laneBand = [&](std::uint32_t mask, double x, double width) {
            const int first = std::countr_zero(mask);
            const int last = 31 - std::countl_zero(mask);
            return QRectF(x, rowTop + pad + first * laneHeight, width,
                          (last - first + 1) * laneHeight);
        };
        bool anyCoverage = false;
        forEachVisibleSegment(row, from, to, [&](std::size_t i, double end) {
            const Segment &s = row.segments[i];
            const double x0 = std::max(originX + (s.start - t0) * pixelsPerSecond, clipLeft);
            const double x1 = std::min(originX + (end - t0) * pixelsPerSecond, clipRight);
            const double width = x1 - x0;
            const bool isSelected =
                    anySelected && std::binary_search(m_selectedJobs.begin(), m_selectedJobs.end(),
                                                      std::size_t(s.job));
            if (isSelected) {
                selected.push_back(laneBand(s.lanes, x0, std::max(width, 3.0)));
            }
            if (width < kMinBarWidth) {
                // Too thin to draw alone: add to this pixel's occupancy.
                const int column = std::clamp(int(x0) - plot.left(), 0, lastColumn);
                m_coverage[std::size_t(column)] +=
                        float(std::max(width, 0.05)) * float(std::popcount(s.lanes)) * perLane;
                anyCoverage = true;
                return;
            }
            const QRectF lanes = laneBand(s.lanes, x0, width);
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
                    p.setPen(QPen(dark ? fill.lighter(135) : fill.darker(135), 1));
                    p.drawRect(rect.adjusted(0, 0, -1, -1));
                }
                if (width >= 40 && rect.height() >= fm.height() - 2 &&
                    (!anySelected || isSelected)) {
                    const auto &jobs = m_document->scenario().jobs;
                    const QString label = s.job < jobs.size() ? QString::number(jobs[s.job].id)
                                                              : QString::number(s.job);
                    p.setPen(fill.lightnessF() > 0.55 ? QColor(20, 20, 20) : QColor(245, 245, 245));
                    p.drawText(rect.adjusted(4, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                               fm.elidedText(label, Qt::ElideRight, int(width) - 6));
                }
            }
            if ((s.flags & kPreempted) && width >= 3) {
                // A preemption ends the bar with a hard edge in the text colour.
                p.fillRect(QRectF(x0 + width - 2, lanes.top(), 2, lanes.height()), text);
            }
        });
        if (anyCoverage) {
            // The occupancy strip: one rectangle per run of equally shaded pixels.
            const double top = rowTop + pad;
            const double height = m_rowPitch - 2 * pad;
            int runStart = 0;
            int runLevel = 0;
            auto flush = [&](int endColumn) {
                if (runLevel > 0) {
                    QColor c = occupancy;
                    c.setAlphaF(float(runLevel) / 8.0f);
                    p.fillRect(QRectF(plot.left() + runStart, top, endColumn - runStart, height),
                               c);
                }
            };
            for (int c = 0; c < int(m_coverage.size()); ++c) {
                const int level =
                        m_coverage[std::size_t(c)] > 0.0f
                                ? std::clamp(int(std::ceil(m_coverage[std::size_t(c)] * 8.0f)), 1,
                                             8)
                                : 0;
                if (level != runLevel) {
                    flush(c);
                    runStart = c;
                    runLevel = level;
                }
                m_coverage[std::size_t(c)] = 0.0f;
            }
            flush(int(m_coverage.size()));
        }
    }

    // Selected jobs on top, at least three pixels wide so they show at any zoom.
    p.setPen(QPen(highlight, 2));
    p.setBrush(Qt::NoBrush);
    for (const QRectF &rect : selected)
        p.drawRect(rect.adjusted(0, 0, -1, -1));

    // Now.
    const double nowX = xAt(m_now);
    if (nowX >= plot.left() && nowX <= plot.right() + 1) {
        p.setPen(QPen(dark ? QColor(255, 110, 100) : QColor(205, 40, 30), 1.5));
        p.drawLine(QPointF(nowX, plot.top()), QPointF(nowX, plot.bottom() + 1));
    }

    if (m_rows.empty() || m_segmentCount == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter,
                   m_rows.empty() ? tr("The cluster has no nodes.")
                                  : tr("Jobs appear here as the simulation starts them."));
    }
    p.restore();
}

void GanttView::paintHeader(QPainter &p, const QRect &plot)
{
    const QPalette &pal = palette();
    const QRect header(0, 0, viewport()->width(), plot.top());
    p.fillRect(header, pal.color(QPalette::Window));
    p.setPen(mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.3));
    p.drawLine(header.bottomLeft(), header.bottomRight());

    p.save();
    p.setClipRect(QRect(plot.left(), 0, plot.width(), plot.top()));
    const QFontMetrics fm(font());
    const double step = timeTickStep(m_secondsPerPixel, 90);
    const double from = timeAt(plot.left() - 60); // labels partly in view still show
    const double to = timeAt(plot.right() + 1);
    for (auto k = qint64(std::ceil(from / step)); double(k) * step <= to; ++k) {
        const double t = double(k) * step;
        const double x = std::round(xAt(t)) + 0.5;
        p.setPen(pal.color(QPalette::WindowText));
        p.drawLine(QPointF(x, plot.top() - 5), QPointF(x, plot.top()));
        if (x >= plot.left()) // a label cut by the row names would read as a different time
            p.drawText(QRectF(x + 3, 0, 200, plot.top() - 2), Qt::AlignLeft | Qt::AlignVCenter,
                       timeTickLabel(t, step));
    }
    const double nowX = xAt(m_now);
    if (m_hasEvents && nowX >= plot.left() && nowX <= plot.right() + 1) {
        const QColor accent =
                isDark(pal.color(QPalette::Base)) ? QColor(255, 110, 100) : QColor(205, 40, 30);
        const QString label = tr("now");
        const int w = fm.horizontalAdvance(label) + 8;
        const QRectF box(std::min(nowX - w / 2.0, plot.right() - w + 1.0), 1, w, plot.top() - 3);
        p.fillRect(box, accent);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, label);
    }
    p.restore();
}

void GanttView::paintLabels(QPainter &p, const QRect &plot)
{
    const QPalette &pal = palette();
    const QRect column(0, plot.top(), plot.left(), plot.height());
    p.fillRect(column, pal.color(QPalette::Window));
    p.setPen(mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.3));
    p.drawLine(column.topRight(), column.bottomRight());
    p.fillRect(QRect(0, 0, plot.left(), plot.top()), pal.color(QPalette::Window));

    const QFontMetrics fm(font());
    // Thin rows label every k-th node only, so the labels never overlap.
    const int every = std::max(1, int(std::ceil(double(fm.height()) / m_rowPitch)));
    const int firstRow = std::max(0, verticalScrollBar()->value() / m_rowPitch);
    const int lastRow =
            std::min(rowCount() - 1, (verticalScrollBar()->value() + plot.height()) / m_rowPitch);
    p.save();
    p.setClipRect(column);
    QFont bold = font();
    bold.setBold(true);
    for (int r = firstRow; r <= lastRow; ++r) {
        const QRect band(6, plot.top() + r * m_rowPitch - verticalScrollBar()->value(),
                         plot.left() - 10, m_rowPitch);
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
                   fm.elidedText(m_rows[std::size_t(r)].name, Qt::ElideMiddle, band.width()));
    }
    p.restore();
}

// --- Events -----------------------------------------------------------------------------

void GanttView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void GanttView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void GanttView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (mods & Qt::ControlModifier) {
        const int steps = delta.y() != 0 ? delta.y() : delta.x();
        if (mods & Qt::ShiftModifier) {
            const int old = m_rowPitch;
            m_rowHeight =
                    std::clamp(m_rowPitch + (steps > 0 ? 2 : -2), kMinRowHeight, kMaxRowHeight);
            // Keep the row under the cursor where it is.
            const int y = int(event->position().y()) - plotRect().top();
            const int content = verticalScrollBar()->value() + y;
            updateScrollBars();
            verticalScrollBar()->setValue(content * m_rowPitch / std::max(1, old) - y);
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
    const QPoint pos = event->position().toPoint();
    const QRect plot = plotRect();
    const bool toggle = event->modifiers() & Qt::ControlModifier;
    if (pos.x() < plot.left() && pos.y() >= plot.top()) {
        // The label column selects nodes.
        const int row = rowAt(pos.y());
        Selection::Names names = toggle ? m_selection->elements() : Selection::Names{};
        if (row >= 0) {
            const std::string name = m_rows[std::size_t(row)].name.toStdString();
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
    event->accept();
}

void GanttView::mouseReleaseEvent(QMouseEvent *event)
{
    // The press did the work; accepting the release keeps it from reaching the dock.
    event->setAccepted(event->button() == Qt::LeftButton);
}

void GanttView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->position().y() < plotRect().top()) {
        fitToWidth();
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseDoubleClickEvent(event);
}

void GanttView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int anchor = plotRect().center().x();
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
    fit->setEnabled(!m_fit);
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
        rebuildColors();
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        m_rowHeight = std::clamp(fontMetrics().height() + 6, kMinRowHeight, kMaxRowHeight);
        updateLabelWidth();
        updateScrollBars();
        viewport()->update();
    }
}

bool GanttView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const std::optional<Hit> hit = hitTest(help->pos());
        if (hit)
            QToolTip::showText(help->globalPos(), toolTipFor(*hit), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString GanttView::toolTipFor(const Hit &hit) const
{
    const Row &row = m_rows[std::size_t(hit.row)];
    const Segment &s = row.segments[hit.index];
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
    text += tr("<br>Start: %1").arg(formatSimTime(s.start));
    if (s.open()) {
        text += tr("<br>End: running (%1 so far)").arg(formatSimDuration(m_now - s.start));
    } else {
        text += tr("<br>End: %1%2")
                        .arg(formatSimTime(s.end),
                             (s.flags & kPreempted) ? tr(" (preempted)") : QString());
        text += tr("<br>Duration: %1").arg(formatSimDuration(s.end - s.start));
    }
    return text;
}

} // namespace headroom::ui
