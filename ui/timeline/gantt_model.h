#pragma once

#include "ui/timeline/gantt_geometry.h"
#include "ui/timeline/gantt_palette.h"

#include <QPoint>
#include <QRect>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace headroom {
struct Job;
struct Scenario;
} // namespace headroom

namespace headroom::ui {

class LiveJobs;
struct LiveSnapshot;

// What the jobs timeline shows, without a widget: one row per node (topology order) and a
// segment for every stretch of time a job held that node, built from the run's job events.
// A running segment extends to now().
//
// A row is split into lanes, one per accelerator (at most 16; larger nodes share lanes
// proportionally), and a job takes as many lanes as accelerators it holds there, so
// co-located jobs sit side by side instead of on top of each other.
//
// Scale: segments are stored per row, sorted by start time (events arrive in time order), 24
// bytes each. forEachVisibleSegment() binary-searches the first segment that can reach into a
// time window (start >= window start - the row's longest finished segment) and adds the
// row's few running segments, so a paint costs O(visible segments), independent of the run's
// length. Memory is capped (segmentCap(), 4 million segments = 96 MB by default): past the
// cap the oldest finished segments are dropped, and droppedBefore() says up to when.
class GanttModel
{
public:
    static constexpr double kOpen = std::numeric_limits<double>::infinity();
    static constexpr int kMaxLanes = 16;
    static constexpr std::uint8_t kPreempted = 1;
    static constexpr std::uint8_t kInterrupted = 2; // ended by a node going down (§10.4)
    static constexpr std::uint8_t kRestarted = 4;   // the first piece after an interruption
    static constexpr std::size_t kDefaultSegmentCap = 4'000'000;
    // Runs shorter than this are shown over this span, so the first bars are not full width.
    static constexpr double kMinimumSpanS = 60.0;

    struct Segment
    {
        double start = 0.0;
        double end = kOpen; // kOpen while the job still runs there
        std::uint32_t job = 0;
        std::uint16_t lanes = 0;      // bit i: lane i of the row
        std::uint8_t flags = 0;       // kPreempted, kInterrupted, kRestarted
        std::uint8_t tenantColor = 0; // TenantColorSlots slot
        bool open() const { return end == kOpen; }
    };
    static_assert(sizeof(Segment) == 24);

    struct Row
    {
        QString name;
        int slots = 1;
        int laneCount = 1;
        std::uint16_t busyLanes = 0;
        double longestFinished = 0.0;    // how far back a finished segment can reach
        std::vector<Segment> segments;   // by start
        std::vector<std::uint32_t> open; // indices of running segments (few: <= slots)
        // Stretches the node was down (failed or in a planned outage), by start; the last
        // one's end is kOpen while it is still down. Few: a node fails rarely.
        std::vector<std::pair<double, double>> down;
    };

    struct Hit
    {
        int row = -1;
        std::size_t index = 0; // in the row's segments
    };

    // The nodes of `scenario` as empty rows: a new run.
    void reset(const Scenario &scenario);
    // Follows one snapshot of the run of `jobs` (Scenario::jobs): `record` is the run's job
    // record with this snapshot applied; it says which nodes each ending job leaves.
    void apply(const LiveSnapshot &snapshot, const LiveJobs &record, const std::vector<Job> &jobs);

    int rowCount() const { return int(m_rows.size()); }
    const Row &row(int index) const { return m_rows[std::size_t(index)]; }
    const std::vector<Row> &rows() const { return m_rows; }
    // Rows of a node, or of all nodes of a rack or zone; null for an unknown name.
    const std::vector<int> *rowsNamed(const std::string &name) const;

    // Stored segments (finished and running).
    std::size_t segmentCount() const { return m_segmentCount; }
    std::size_t runningSegmentCount() const;
    bool hasEvents() const { return m_hasEvents; }
    double timeStart() const { return m_timeStart; } // the run's first event
    double now() const { return m_now; }
    // The time span the timeline shows: from timeStart() to now(), at least kMinimumSpanS.
    double span() const { return std::max(m_now, m_timeStart + kMinimumSpanS) - m_timeStart; }
    // History before this time was dropped to stay under segmentCap(); -infinity if none.
    double droppedBefore() const { return m_droppedBefore; }

    std::size_t segmentCap() const { return m_segmentCap; }
    void setSegmentCap(std::size_t segments);

    // Calls visit(index, end) for every segment of `row` that reaches into [from, to], with
    // its end (now() for a running one).
    template<typename Visit>
    void forEachVisibleSegment(const Row &row, double from, double to, Visit &&visit) const;

    // The segment under a viewport position, with a few pixels of slack so that thin bars
    // can still be hit.
    std::optional<Hit> hitTest(const GanttGeometry &geometry, const QPoint &pos) const;
    // Where the latest segment of `job` on `node` is drawn; empty when there is none or it
    // is out of the plot.
    QRect barRect(const GanttGeometry &geometry, std::size_t job, int node) const;

    // The lanes a job holding `held` accelerators takes in a row, next to those busy there.
    static std::uint16_t takeLanes(const Row &row, int held);

private:
    void startJob(double time, std::size_t job, std::span<const int> nodes,
                  const std::vector<Job> &jobs);
    void endJob(double time, std::size_t job, std::span<const int> nodes, std::uint8_t flags);
    void followDownNodes(const LiveSnapshot &snapshot);
    void enforceCap();

    std::vector<Row> m_rows;
    std::unordered_map<std::string, std::vector<int>> m_rowsByName; // node, rack, zone names
    TenantColorSlots m_tenantSlots;
    std::vector<std::uint32_t> m_interrupted; // jobs whose next start is a restart, sorted
    std::vector<double> m_downUntil;          // per row: when a down node is due back
    std::size_t m_segmentCount = 0;
    std::size_t m_segmentCap = kDefaultSegmentCap;
    double m_droppedBefore = -std::numeric_limits<double>::infinity();
    bool m_hasEvents = false;
    double m_timeStart = 0.0;
    double m_now = 0.0;
};

template<typename Visit>
void GanttModel::forEachVisibleSegment(const Row &row, double from, double to, Visit &&visit) const
{
    // Finished segments that reach `from` start no earlier than from - the row's longest one.
    const double searchFrom = from - row.longestFinished;
    const auto begin = std::lower_bound(row.segments.begin(), row.segments.end(), searchFrom,
                                        [](const Segment &s, double t) { return s.start < t; });
    for (auto it = begin; it != row.segments.end() && it->start <= to; ++it) {
        const double end = it->open() ? m_now : it->end;
        if (end >= from)
            visit(std::size_t(it - row.segments.begin()), end);
    }
    // Running segments that started even earlier.
    for (const std::uint32_t i : row.open) {
        if (row.segments[i].start < searchFrom)
            visit(std::size_t(i), m_now);
    }
}

} // namespace headroom::ui
