// The jobs timeline without its widget: segments and lanes built from job events, rows named
// by node, rack and zone, the memory cap, the time/pixel geometry and zoom, hit testing, and
// the bar palette.
#include "tests/support/sample_scenarios.h"
#include "ui/run/live_jobs.h"
#include "ui/timeline/gantt_geometry.h"
#include "ui/timeline/gantt_model.h"
#include "ui/timeline/gantt_palette.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace headroom;
using namespace headroom::ui;

namespace {

using Kind = JobEvent::Kind;

JobEvent jobEvent(Kind kind, double time, std::size_t job, std::vector<int> nodes = {})
{
    return JobEvent{kind, time, job, NodeList(nodes)};
}

// A model fed the way the view feeds it: the run's job record first, then the model.
struct Feed
{
    Scenario scenario = test::twoRackScenario();
    LiveJobs record;
    GanttModel model;

    Feed()
    {
        record.reset(scenario.cluster.nodeCount(), scenario.jobs.size());
        model.reset(scenario);
    }
    void operator()(double now, std::vector<JobEvent> events)
    {
        LiveSnapshot snapshot;
        snapshot.status.now = now;
        snapshot.newEvents = std::move(events);
        record.apply(snapshot);
        model.apply(snapshot, record, scenario.jobs);
    }
    const GanttModel::Segment &segment(int row, std::size_t index) const
    {
        return model.row(row).segments[index];
    }
};

// A 900 x 300 viewport with 80 pixels of names and a 24-pixel header.
GanttGeometry geometryFor(const GanttModel &model)
{
    GanttGeometry g;
    g.plot = QRect(0, 0, 900, 300).adjusted(80, 24, 0, 0);
    g.timeStart = model.timeStart();
    g.layOut(model.span(), model.rowCount());
    return g;
}

} // namespace

class TestGanttModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takeLanes_data()
    {
        QTest::addColumn<int>("slots");
        QTest::addColumn<int>("busy");
        QTest::addColumn<int>("held");
        QTest::addColumn<int>("lanes");
        QTest::newRow("first block") << 8 << 0x00 << 4 << 0x0f;
        QTest::newRow("next to a busy block") << 8 << 0x0f << 4 << 0xf0;
        QTest::newRow("whole node") << 8 << 0x0f << 8 << 0xff;
        QTest::newRow("fragmented: lowest free lanes") << 8 << 0x26 << 3 << 0x19;
        QTest::newRow("all busy: overlap on lane 0") << 8 << 0xff << 2 << 0x01;
        QTest::newRow("32 accelerators share 16 lanes") << 32 << 0x0000 << 8 << 0x000f;
        QTest::newRow("one accelerator of 32: one lane") << 32 << 0x0001 << 1 << 0x0002;
    }
    void takeLanes()
    {
        QFETCH(int, slots);
        QFETCH(int, busy);
        QFETCH(int, held);
        QFETCH(int, lanes);
        GanttModel::Row row;
        row.slots = slots;
        row.laneCount = std::min(slots, GanttModel::kMaxLanes);
        row.busyLanes = std::uint16_t(busy);
        QCOMPARE(int(GanttModel::takeLanes(row, held)), lanes);
    }

    void segmentsFromEvents()
    {
        Feed feed;
        GanttModel &model = feed.model;
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.row(4).name, QStringLiteral("r1-n0"));
        QCOMPARE(model.row(0).laneCount, 8);
        QCOMPARE(model.segmentCount(), std::size_t(0));
        QVERIFY(!model.hasEvents());

        // Job 0 is a gang on nodes 0 and 1; jobs 1 (4 accelerators) and 3 (2) share node 2.
        feed(10, {jobEvent(Kind::Started, 0, 0, {0, 1}), jobEvent(Kind::Started, 0, 1, {2}),
                  jobEvent(Kind::Started, 10, 3, {2})});
        QVERIFY(model.hasEvents());
        QCOMPARE(model.timeStart(), 0.0);
        QCOMPARE(model.now(), 10.0);
        QCOMPARE(model.span(), GanttModel::kMinimumSpanS); // short runs show a minimum span
        QCOMPARE(model.segmentCount(), std::size_t(4));
        QCOMPARE(model.runningSegmentCount(), std::size_t(4));
        QCOMPARE(int(feed.segment(0, 0).lanes), 0xff); // a gang holds whole nodes
        QCOMPARE(int(feed.segment(2, 0).lanes), 0x0f);
        QCOMPARE(int(feed.segment(2, 1).lanes), 0x30); // side by side, not on top
        QVERIFY(feed.segment(2, 1).open());
        QCOMPARE(feed.segment(0, 0).tenantColor, std::uint8_t(0)); // first tenant to run
        QCOMPARE(feed.segment(2, 0).tenantColor, std::uint8_t(1));
        QCOMPARE(feed.segment(2, 1).tenantColor, TenantColorSlots::kNoTenant);

        // Preemption and completion close segments where the job ran.
        feed(60, {jobEvent(Kind::Preempted, 50, 0), jobEvent(Kind::Completed, 60, 1)});
        QCOMPARE(model.segmentCount(), std::size_t(4));
        QCOMPARE(model.runningSegmentCount(), std::size_t(1));
        QCOMPARE(feed.segment(1, 0).end, 50.0);
        QVERIFY(feed.segment(1, 0).flags & GanttModel::kPreempted);
        QVERIFY(!(feed.segment(2, 0).flags & GanttModel::kPreempted));
        QCOMPARE(model.row(2).longestFinished, 60.0);
        QCOMPARE(int(model.row(2).busyLanes), 0x30);

        // A restart opens new segments elsewhere; a rejection draws nothing.
        feed(70, {jobEvent(Kind::Started, 70, 0, {3, 4}), jobEvent(Kind::Rejected, 70, 2)});
        QCOMPARE(model.segmentCount(), std::size_t(6));
        QCOMPARE(model.runningSegmentCount(), std::size_t(3));
        // A start of a job still running elsewhere ends that stretch first.
        feed(80, {jobEvent(Kind::Started, 80, 0, {5})});
        QCOMPARE(model.segmentCount(), std::size_t(7));
        QCOMPARE(model.runningSegmentCount(), std::size_t(2));
        QCOMPARE(feed.segment(3, 0).end, 80.0);
        QCOMPARE(model.span(), 80.0);

        model.reset(feed.scenario);
        QCOMPARE(model.segmentCount(), std::size_t(0));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.now(), 0.0);
    }

    void visibleSegments()
    {
        Feed feed;
        // Node 5: a long job from 0 to 1000 and short ones at 2000, 3000, 4000; one running
        // from 4500.
        feed(5000, {jobEvent(Kind::Started, 0, 0, {5}), jobEvent(Kind::Completed, 1000, 0),
                    jobEvent(Kind::Started, 2000, 1, {5}), jobEvent(Kind::Completed, 2010, 1),
                    jobEvent(Kind::Started, 3000, 2, {5}), jobEvent(Kind::Completed, 3010, 2),
                    jobEvent(Kind::Started, 4000, 3, {5}), jobEvent(Kind::Completed, 4010, 3),
                    jobEvent(Kind::Started, 4500, 0, {5})});
        auto visible = [&](double from, double to) {
            std::vector<std::size_t> out;
            feed.model.forEachVisibleSegment(feed.model.row(5), from, to,
                                             [&](std::size_t i, double) { out.push_back(i); });
            return out;
        };
        QCOMPARE(visible(500, 600), std::vector<std::size_t>({0})); // reaches back
        QCOMPARE(visible(2500, 3005), std::vector<std::size_t>({2}));
        QCOMPARE(visible(4800, 4900), std::vector<std::size_t>({4})); // running
        QCOMPARE(visible(1500, 1600), std::vector<std::size_t>());
    }

    void rowsNamed()
    {
        Feed feed;
        QCOMPARE(*feed.model.rowsNamed("r0-n2"), std::vector<int>({2}));
        QCOMPARE(*feed.model.rowsNamed("r1"), std::vector<int>({4, 5}));
        QCOMPARE(feed.model.rowsNamed("z0")->size(), std::size_t(6));
        QVERIFY(!feed.model.rowsNamed("nowhere"));
    }

    void memoryCap()
    {
        Feed feed;
        feed.model.setSegmentCap(400);
        // 2,000 one-node jobs back to back, one of them (job 0) running throughout.
        std::vector<JobEvent> events{jobEvent(Kind::Started, 0, 0, {5})};
        for (int i = 1; i <= 2000; ++i) {
            events.push_back(jobEvent(Kind::Started, i * 10.0, std::size_t(i), {i % 5}));
            events.push_back(jobEvent(Kind::Completed, i * 10.0 + 10, std::size_t(i)));
        }
        feed(20010, std::move(events));
        QVERIFY(feed.model.segmentCount() <= 400);
        QVERIFY(feed.model.segmentCount() >= 200);
        QVERIFY(feed.model.droppedBefore() > 0);
        QCOMPARE(feed.model.runningSegmentCount(), std::size_t(1)); // never dropped
        // What is left is the newest history.
        for (int row = 0; row < 5; ++row) {
            for (const GanttModel::Segment &s : feed.model.row(row).segments)
                QVERIFY(s.end > feed.model.droppedBefore());
        }

        // A cap below the running jobs: every finished segment goes, the running ones stay.
        feed.model.setSegmentCap(1);
        feed(20020, {jobEvent(Kind::Started, 20020, 3001, {0}),
                     jobEvent(Kind::Started, 20020, 3002, {1})});
        QCOMPARE(feed.model.segmentCount(), std::size_t(3));
        QCOMPARE(feed.model.runningSegmentCount(), std::size_t(3));
    }

    void geometryMapsTimeAndRows()
    {
        GanttGeometry g;
        g.plot = QRect(80, 24, 820, 276);
        g.timeStart = 100.0;
        g.secondsPerPixel = 2.0;
        g.rowPitch = 20;
        g.scrollX = 10;
        g.scrollY = 30;
        QCOMPARE(g.viewStart(), 120.0);
        QCOMPARE(g.xAt(120.0), 80.0);
        QCOMPARE(g.xAt(220.0), 130.0);
        QCOMPARE(g.timeAt(g.xAt(777.0)), 777.0);
        QCOMPARE(g.rowTop(2), 24.0 + 40 - 30);
        QCOMPARE(g.rowAt(24, 10), 1);   // scrolled by one and a half rows
        QCOMPARE(g.rowAt(23, 10), -1);  // the header
        QCOMPARE(g.rowAt(299, 10), -1); // below the last row
        QCOMPARE(g.firstVisibleRow(), 1);
        QCOMPARE(g.lastVisibleRow(100), 15);
        // Lanes 2 and 3 of 8 inside the row's 2-pixel padding.
        const QRectF band = g.laneBand(0, 8, 0x0c, 5, 7);
        QCOMPARE(band, QRectF(5, 24 - 30 + 2 + 2 * 2.0, 7, 2 * 2.0));
    }

    void zoomAndFit()
    {
        GanttGeometry g;
        g.plot = QRect(80, 24, 800, 276);
        g.rowHeight = 20;
        // Fit: the whole span across the plot; few rows grow to fill it (up to 40 pixels).
        GanttGeometry::Ranges ranges = g.layOut(36000, 6);
        QVERIFY(g.fit);
        QCOMPARE(g.secondsPerPixel, 36000.0 / 800);
        QCOMPARE(ranges.horizontal, 0);
        QCOMPARE(g.rowPitch, 40);
        QCOMPARE(ranges.vertical, 0);
        // Many rows keep their height and scroll.
        ranges = g.layOut(36000, 100);
        QCOMPARE(g.rowPitch, 20);
        QCOMPARE(ranges.vertical, 100 * 20 - 276);

        // Zooming in keeps the time under the anchor where it was.
        const double anchorTime = g.timeAt(480);
        g.scrollX = g.zoomBy(0.25, 480, 36000, 100);
        QVERIFY(!g.fit);
        QCOMPARE(g.secondsPerPixel, 36000.0 / 800 / 4);
        QVERIFY(std::abs(g.timeAt(480) - anchorTime) <= g.secondsPerPixel);
        QCOMPARE(g.layOut(36000, 100).horizontal, 4 * 800 - 800);
        // Zooming out past the whole span fits again.
        g.zoomBy(100, 480, 36000, 100);
        QVERIFY(g.fit);
        QCOMPARE(g.secondsPerPixel, 36000.0 / 800);
        // Never finer than a millisecond per pixel.
        g.zoomBy(1e-9, 480, 36000, 100);
        QCOMPARE(g.secondsPerPixel, 1e-3);
    }

    void hitTestAndBars()
    {
        Feed feed;
        feed(100, {jobEvent(Kind::Started, 0, 0, {0, 1}), jobEvent(Kind::Started, 0, 1, {2}),
                   jobEvent(Kind::Completed, 80, 1), jobEvent(Kind::Started, 90, 3, {2}),
                   jobEvent(Kind::Completed, 90.05, 3)});
        const GanttGeometry g = geometryFor(feed.model);
        const QRect bar = feed.model.barRect(g, 1, 2);
        QVERIFY(!bar.isEmpty());
        QVERIFY(g.plot.contains(bar));
        QCOMPARE(bar.left(), int(g.xAt(0)));
        const std::optional<GanttModel::Hit> hit = feed.model.hitTest(g, bar.center());
        QVERIFY(hit);
        QCOMPARE(hit->row, 2);
        QCOMPARE(feed.segment(hit->row, hit->index).job, std::uint32_t(1));
        // Bars of two jobs on one node do not overlap.
        QVERIFY(!bar.intersects(feed.model.barRect(g, 3, 2)));

        // A bar thinner than a pixel can still be hit a couple of pixels off.
        const QRect thin = feed.model.barRect(g, 3, 2);
        QVERIFY(thin.width() <= 2);
        const std::optional<GanttModel::Hit> near =
                feed.model.hitTest(g, QPoint(thin.right() + 2, thin.center().y()));
        QVERIFY(near);
        QCOMPARE(feed.segment(near->row, near->index).job, std::uint32_t(3));

        // Nothing: empty time, another row, the names column, no such bar.
        QVERIFY(!feed.model.hitTest(g, QPoint(g.plot.right() - 5, bar.center().y())));
        QVERIFY(!feed.model.hitTest(g, QPoint(bar.center().x(), int(g.rowTop(5)) + 5)));
        QVERIFY(!feed.model.hitTest(g, QPoint(10, bar.center().y())));
        QVERIFY(feed.model.barRect(g, 2, 2).isEmpty());
        QVERIFY(feed.model.barRect(g, 1, 99).isEmpty());
    }

    void tenantSlots()
    {
        TenantColorSlots slots;
        QCOMPARE(slots.slotOf(""), TenantColorSlots::kNoTenant);
        QCOMPARE(slots.slotOf("b"), std::uint8_t(0));
        QCOMPARE(slots.slotOf("a"), std::uint8_t(1));
        QCOMPARE(slots.slotOf("b"), std::uint8_t(0));
        for (int i = 2; i < int(TenantColorSlots::kQualitative); ++i)
            QCOMPARE(slots.slotOf("t" + std::to_string(i)), std::uint8_t(i));
        // Past the qualitative colours, a hashed slot: the same for a name every time.
        const std::uint8_t late = slots.slotOf("late tenant");
        QVERIFY(late >= TenantColorSlots::kQualitative && late < TenantColorSlots::kNoTenant);
        TenantColorSlots other;
        for (int i = 0; i < int(TenantColorSlots::kQualitative); ++i)
            other.slotOf("x" + std::to_string(i));
        QCOMPARE(other.slotOf("late tenant"), late);
        slots.clear();
        QCOMPARE(slots.slotOf("a"), std::uint8_t(0));
    }

    void paletteFollowsLightAndDark()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        const GanttPalette l(light);
        const GanttPalette d(dark);
        QVERIFY(!l.dark);
        QVERIFY(d.dark);
        QCOMPARE(l.tenantColor(0, false), QColor(0x4e79a7)); // the first qualitative colour
        QVERIFY(d.tenantColor(0, false) != l.tenantColor(0, false));
        QVERIFY(l.tenantColor(0, true) != l.tenantColor(0, false)); // dimmed
        QVERIFY(l.jobColor(7, false) == l.jobColor(7, false));
        QVERIFY(l.jobColor(7, false) != l.jobColor(8, false));
        // Jobs without a tenant are grey between base and text.
        const QColor none = l.tenantColor(TenantColorSlots::kNoTenant, false);
        QCOMPARE(none.saturation(), 0);
        QVERIFY(none.lightness() > 0 && none.lightness() < 255);
        // Light bars get dark labels, dark bars light ones.
        QVERIFY(GanttPalette::inkOn(QColor(0xedc948)).lightness() < 128);
        QVERIFY(GanttPalette::inkOn(QColor(0x1f, 0x3a, 0x6a)).lightness() > 128);
    }
};

QTEST_MAIN(TestGanttModel)
#include "test_gantt_model.moc"
