#pragma once

#include "ui/run/live_snapshot.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace headroom::ui {

class RunController;
class ScenarioDocument;
class Selection;
struct JobEvent;
struct LiveSnapshot;

// The jobs timeline: a Gantt chart of the current run with one row per node (topology order)
// and a bar for every stretch of time a job held that node, built live from the run's
// Started / Preempted / Completed events. A running bar extends to the current simulated time
// (the "now" line).
//
// A node row is split into lanes, one per accelerator (at most 16; larger nodes share lanes
// proportionally), and a job takes as many lanes as accelerators it holds there, so
// co-located jobs sit side by side instead of on top of each other. Bars are coloured by
// tenant (the first twelve tenants to run get a qualitative palette, later ones a hashed hue;
// jobs without a tenant are grey) or by job (hashed), with colours chosen per light or dark
// palette.
//
// Interaction: wheel scrolls rows, Shift+wheel scrolls time, Ctrl+wheel zooms time around the
// cursor, Ctrl+Shift+wheel changes the row height, Ctrl+0 (or double-clicking the time
// header) fits the whole run. While the view is scrolled to the end it follows "now".
// Clicking a bar selects its job, clicking a node's name selects the node; the view
// highlights the bars of selected jobs and the rows of selected nodes (directly or through a
// selected rack or zone).
//
// Scale: segments are stored per node, sorted by start time (events arrive in time order),
// 24 bytes each. Painting looks only at the visible rows, and in each row binary-searches the
// first segment that can reach into the visible time window (start >= window start - the
// row's longest finished segment), plus the row's few running segments; so it is O(visible
// segments), independent of the run's length. Bars narrower than a pixel are not drawn one
// by one: they add to a per-pixel occupancy strip drawn once per row. Memory is capped
// (segmentCap(), 4 million segments = 96 MB by default): past the cap the oldest finished
// segments are dropped, and the dropped stretch of history is shown hatched.
class GanttView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class ColorBy { Tenant, Job };
    static constexpr std::size_t kDefaultSegmentCap = 4'000'000;

    GanttView(ScenarioDocument *document, Selection *selection, RunController *run,
              QWidget *parent = nullptr);
    ~GanttView() override;

    int rowCount() const { return int(m_rows.size()); }
    // Stored segments (finished and running).
    std::size_t segmentCount() const { return m_segmentCount; }
    std::size_t runningSegmentCount() const;
    double now() const { return m_now; }
    // History before this time was dropped to stay under segmentCap(); -infinity if none.
    double droppedBefore() const { return m_droppedBefore; }

    std::size_t segmentCap() const { return m_segmentCap; }
    void setSegmentCap(std::size_t segments);

    ColorBy colorBy() const { return m_colorBy; }
    void setColorBy(ColorBy colorBy);

    // Horizontal zoom, in simulated seconds per pixel; fitToWidth() shows the whole run and
    // keeps doing so as it grows.
    double secondsPerPixel() const { return m_secondsPerPixel; }
    bool isFitToWidth() const { return m_fit; }
    void fitToWidth();
    void zoomBy(double factor, int anchorX);

    // Where the latest bar of `job` on `node` is drawn, in viewport coordinates; an empty
    // rectangle when there is none or it is scrolled out of view.
    QRect barRect(std::size_t job, int node) const;
    // The job whose bar is under a viewport position.
    std::optional<std::size_t> jobAt(const QPoint &viewportPos) const;
    bool isRowHighlighted(int node) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    static constexpr double kOpen = std::numeric_limits<double>::infinity();
    static constexpr int kMaxLanes = 16;
    static constexpr std::uint8_t kPreempted = 1;
    static constexpr std::size_t kQualitativeColors = 12;
    static constexpr std::uint8_t kNoTenant = 255;

    struct Segment
    {
        double start = 0.0;
        double end = kOpen; // kOpen while the job still runs there
        std::uint32_t job = 0;
        std::uint16_t lanes = 0;      // bit i: lane i of the row
        std::uint8_t flags = 0;       // kPreempted
        std::uint8_t tenantColor = 0; // colour slot: see tenantKey()
        bool open() const { return end == kOpen; }
    };
    static_assert(sizeof(Segment) == 24);

    struct Row
    {
        QString name;
        int slots = 1;
        int laneCount = 1;
        std::uint16_t busyLanes = 0;
        double longestFinished = 0.0;    // how far back a finished bar can reach
        std::vector<Segment> segments;   // by start
        std::vector<std::uint32_t> open; // indices of running segments (few: <= slots)
    };

    struct Hit
    {
        int row = -1;
        std::size_t index = 0;
    };

    void onSnapshot(const LiveSnapshot &snapshot);
    void onRunReset();
    void onSelectionJobsChanged();
    void onSelectionElementsChanged();
    void loadRows();
    void updateLabelWidth();
    void startJob(const JobEvent &event);
    void endJob(const JobEvent &event, std::span<const int> nodes, bool preempted);
    std::uint16_t takeLanes(Row &row, int lanes) const;
    void enforceCap();

    QRect plotRect() const;
    int headerHeight() const;
    double viewStart() const;
    double xAt(double time) const;
    double timeAt(double x) const;
    double fitSecondsPerPixel() const;
    double timeSpanEnd() const;
    void updateScrollBars();
    int rowAt(int y) const;
    std::optional<Hit> hitTest(const QPoint &pos) const;
    QRectF laneRect(const Row &row, int rowIndex, std::uint16_t lanes) const;
    template<typename Visit>
    void forEachVisibleSegment(const Row &row, double from, double to, Visit &&visit) const;
    void ensureRowVisible(int row);

    void paintRows(QPainter &p, const QRect &plot);
    void paintHeader(QPainter &p, const QRect &plot);
    void paintLabels(QPainter &p, const QRect &plot);
    std::uint8_t tenantKey(const std::string &tenant);
    void rebuildColors();
    QColor colorOf(const Segment &segment) const;
    QString toolTipFor(const Hit &hit) const;

    ScenarioDocument *m_document;
    Selection *m_selection;
    RunController *m_run;

    std::vector<Row> m_rows;
    std::unordered_map<std::string, std::vector<int>> m_rowsByName; // node, rack, zone names
    std::vector<char> m_highlightedRows;
    std::size_t m_segmentCount = 0;
    std::size_t m_segmentCap = kDefaultSegmentCap;
    double m_droppedBefore = -std::numeric_limits<double>::infinity();

    bool m_hasEvents = false;
    double m_timeStart = 0.0; // first event of the run: the left end of the timeline
    double m_now = 0.0;

    double m_secondsPerPixel = 1.0;
    bool m_fit = true;
    int m_rowHeight = 20; // as the user set it (Ctrl+Shift+wheel)
    int m_rowPitch = 20;  // as drawn: taller when the rows would not fill the view
    int m_labelWidth = 80;

    ColorBy m_colorBy = ColorBy::Tenant;
    std::unordered_map<std::string, std::uint8_t> m_tenantKeys; // colour slot per tenant
    std::array<QColor, 512> m_colors;                           // tenant slots, then job hash slots
    std::array<QColor, 512> m_dimColors;
    std::vector<std::size_t> m_selectedJobs; // sorted copy of Selection::jobs()
    std::vector<float> m_coverage;           // paint scratch: per-pixel occupancy
};

} // namespace headroom::ui
