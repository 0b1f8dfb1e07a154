#include "ui/timeline/gantt_model.h"

#include "core/engine/compiled_cluster.h"
#include "core/model/scenario.h"
#include "ui/run/live_jobs.h"
#include "ui/run/live_snapshot.h"

#include <bit>
#include <cmath>

namespace headroom::ui {

void GanttModel::reset(const Scenario &scenario)
{
    m_rows.clear();
    m_rowsByName.clear();
    const CompiledCluster cluster = compileCluster(scenario);
    m_rows.resize(cluster.nodes.size());
    for (std::size_t i = 0; i < cluster.nodes.size(); ++i) {
        const CompiledNode &node = cluster.nodes[i];
        Row &row = m_rows[i];
        row.name = QString::fromStdString(node.name);
        row.slots = std::max(1, node.slots);
        row.laneCount = std::min(row.slots, kMaxLanes);
        m_rowsByName[node.name].push_back(int(i));
    }
    // Racks and zones stand for all their nodes' rows (contiguous in topology order).
    for (std::size_t r = 0; r < cluster.rackNodes.size(); ++r) {
        for (int n = cluster.rackNodes[r].begin; n < cluster.rackNodes[r].end; ++n)
            m_rowsByName[cluster.rackNames[r]].push_back(n);
    }
    for (std::size_t z = 0; z < cluster.zoneNodes.size(); ++z) {
        for (int n = cluster.zoneNodes[z].begin; n < cluster.zoneNodes[z].end; ++n)
            m_rowsByName[cluster.zoneNames[z]].push_back(n);
    }
    m_tenantSlots.clear();
    m_interrupted.clear();
    m_downUntil.assign(m_rows.size(), kOpen);
    m_segmentCount = 0;
    m_droppedBefore = -std::numeric_limits<double>::infinity();
    m_hasEvents = false;
    m_timeStart = 0.0;
    m_now = 0.0;
}

const std::vector<int> *GanttModel::rowsNamed(const std::string &name) const
{
    const auto it = m_rowsByName.find(name);
    return it == m_rowsByName.end() ? nullptr : &it->second;
}

void GanttModel::apply(const LiveSnapshot &snapshot, const LiveJobs &record,
                       const std::vector<Job> &jobs)
{
    for (std::size_t i = 0; i < snapshot.newEvents.size(); ++i) {
        const JobEvent &event = snapshot.newEvents[i];
        if (!m_hasEvents && event.kind != JobEvent::Kind::Rejected) {
            m_hasEvents = true;
            m_timeStart = event.time;
        }
        // Segments end where the record says the job left; a start of a job still running
        // elsewhere ends that stretch first, so no segment stays open forever.
        const bool interrupted = event.kind == JobEvent::Kind::Interrupted;
        endJob(event.time, event.job, record.releasedBy(i),
               interrupted                               ? kInterrupted
               : event.kind == JobEvent::Kind::Preempted ? kPreempted
                                                         : std::uint8_t(0));
        if (interrupted) {
            const auto job = std::uint32_t(event.job);
            const auto at = std::lower_bound(m_interrupted.begin(), m_interrupted.end(), job);
            if (at == m_interrupted.end() || *at != job)
                m_interrupted.insert(at, job);
        }
        if (event.kind == JobEvent::Kind::Started)
            startJob(event.time, event.job,
                     std::span<const int>(event.nodes.begin(), event.nodes.end()), jobs);
        m_now = std::max(m_now, event.time);
    }
    m_now = std::max(m_now, snapshot.status.now);
    if (!m_hasEvents)
        m_timeStart = m_now;
    followDownNodes(snapshot);
    enforceCap();
}

void GanttModel::followDownNodes(const LiveSnapshot &snapshot)
{
    // Open a stretch for each node down now that has none open; close the open stretches of
    // nodes no longer down, at the return the last snapshot that saw them down announced
    // (snapshots are frames apart: the time one sees it back may be much later). A node that
    // went down and came back between two snapshots is not shown: its interrupted jobs are.
    if (m_downUntil.size() != m_rows.size())
        m_downUntil.assign(m_rows.size(), kOpen);
    std::vector<char> downNow;
    if (!snapshot.downNodes.empty())
        downNow.assign(m_rows.size(), 0);
    for (const DownNode &d : snapshot.downNodes) {
        if (d.node < 0 || d.node >= rowCount())
            continue;
        downNow[std::size_t(d.node)] = 1;
        m_downUntil[std::size_t(d.node)] = d.until;
        auto &down = m_rows[std::size_t(d.node)].down;
        if (down.empty() || down.back().second != kOpen)
            down.emplace_back(d.since, kOpen);
    }
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        auto &down = m_rows[r].down;
        if (!down.empty() && down.back().second == kOpen && (downNow.empty() || !downNow[r]))
            down.back().second =
                    std::max(down.back().first, std::min(snapshot.status.now, m_downUntil[r]));
    }
}

std::uint16_t GanttModel::takeLanes(const Row &row, int held)
{
    const std::uint32_t all = (1u << row.laneCount) - 1u;
    const int lanes = std::clamp(int(std::ceil(double(held) * row.laneCount / row.slots - 1e-9)), 1,
                                 row.laneCount);
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

void GanttModel::startJob(double time, std::size_t job, std::span<const int> nodes,
                          const std::vector<Job> &jobs)
{
    const int jobSlots = job < jobs.size() ? jobs[job].slots : 1;
    const std::uint8_t tenant = job < jobs.size() ? m_tenantSlots.slotOf(jobs[job].tenant)
                                                  : TenantColorSlots::kNoTenant;
    bool restarted = false;
    if (const auto at =
                std::lower_bound(m_interrupted.begin(), m_interrupted.end(), std::uint32_t(job));
        at != m_interrupted.end() && *at == std::uint32_t(job)) {
        restarted = true;
        m_interrupted.erase(at);
    }
    for (const int node : nodes) {
        if (node < 0 || node >= rowCount())
            continue;
        Row &row = m_rows[std::size_t(node)];
        // A gang holds whole nodes; a single-node job holds its own accelerator count.
        const int held = nodes.size() > 1 ? row.slots : std::min(jobSlots, row.slots);
        Segment segment;
        segment.start = time;
        segment.job = std::uint32_t(job);
        segment.flags = restarted ? kRestarted : 0;
        segment.lanes = takeLanes(row, held);
        segment.tenantColor = tenant;
        row.busyLanes |= segment.lanes;
        row.open.push_back(std::uint32_t(row.segments.size()));
        row.segments.push_back(segment);
        ++m_segmentCount;
    }
}

void GanttModel::endJob(double time, std::size_t job, std::span<const int> nodes,
                        std::uint8_t flags)
{
    for (const int node : nodes) {
        if (node < 0 || node >= rowCount())
            continue;
        Row &row = m_rows[std::size_t(node)];
        row.busyLanes = 0;
        for (auto o = row.open.begin(); o != row.open.end();) {
            Segment &segment = row.segments[*o];
            if (segment.job == job) {
                segment.end = std::max(time, segment.start);
                segment.flags |= flags;
                row.longestFinished = std::max(row.longestFinished, segment.end - segment.start);
                o = row.open.erase(o);
            } else {
                row.busyLanes |= segment.lanes;
                ++o;
            }
        }
    }
}

void GanttModel::enforceCap()
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
            std::erase_if(row.down, [horizon](const auto &d) { return d.second <= horizon; });
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

void GanttModel::setSegmentCap(std::size_t segments)
{
    m_segmentCap = std::max<std::size_t>(segments, 1);
    enforceCap();
}

std::size_t GanttModel::runningSegmentCount() const
{
    std::size_t n = 0;
    for (const Row &row : m_rows)
        n += row.open.size();
    return n;
}

std::optional<GanttModel::Hit> GanttModel::hitTest(const GanttGeometry &geometry,
                                                   const QPoint &pos) const
{
    const int rowIndex = geometry.rowAt(pos.y(), rowCount());
    if (rowIndex < 0 || !geometry.plot.contains(pos))
        return std::nullopt;
    const Row &row = m_rows[std::size_t(rowIndex)];
    const double t = geometry.timeAt(pos.x() + 0.5);
    const double slack = 3.0 * geometry.secondsPerPixel;
    std::optional<Hit> best;
    double bestDistance = slack;
    forEachVisibleSegment(row, t - slack, t + slack, [&](std::size_t i, double end) {
        const Segment &s = row.segments[i];
        const QRectF lanes = geometry.laneBand(rowIndex, row.laneCount, s.lanes, 0, 0);
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

QRect GanttModel::barRect(const GanttGeometry &geometry, std::size_t job, int node) const
{
    if (node < 0 || node >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(node)];
    const auto it = std::find_if(row.segments.rbegin(), row.segments.rend(),
                                 [job](const Segment &s) { return s.job == job; });
    if (it == row.segments.rend())
        return {};
    const double end = it->open() ? m_now : it->end;
    QRectF r = geometry.laneBand(node, row.laneCount, it->lanes, 0, 0);
    r.setLeft(geometry.xAt(it->start));
    r.setRight(std::max(geometry.xAt(end), r.left() + 1.0));
    return r.toAlignedRect().intersected(geometry.plot);
}

} // namespace headroom::ui
