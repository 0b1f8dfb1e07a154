// The live charts and the jobs timeline: min/max decimation, axis arithmetic, charts fed with
// snapshots through RunController's signals (points, axes, zoom, reset), the per-node view,
// and the Gantt view's segments, selection in both directions, memory cap and paint cost;
// finally a real run through the worker thread.
#include "report/chart_scale.h"
#include "report/decimation.h"
#include "tests/support/sample_scenarios.h"
#include "tests/support/scenario_builder.h"
#include "tests/ui/long_run_events.h"
#include "ui/charts/live_charts.h"
#include "ui/charts/node_utilization_view.h"
#include "ui/charts/time_series_chart.h"
#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"
#include "ui/timeline/gantt_view.h"
#include "ui/timeline/time_axis.h"

#include <QHelpEvent>
#include <QLineSeries>
#include <QScrollBar>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace headroom;
using namespace headroom::ui;
using namespace headroom::report; // decimation and axis arithmetic

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

Sample sample(double time, double utilization, long long queued = 0, long long running = 0)
{
    Sample s;
    s.time = time;
    s.utilization = utilization;
    s.queued = queued;
    s.running = running;
    s.itPowerW = 1000.0 + 5000.0 * utilization;
    s.loadBalanceCov = 1.0 - utilization;
    s.jainIndex = 0.5 + utilization / 2;
    return s;
}

JobEvent jobEvent(JobEvent::Kind kind, double time, std::size_t job, std::vector<int> nodes = {})
{
    JobEvent e;
    e.kind = kind;
    e.time = time;
    e.job = job;
    e.nodes = std::move(nodes);
    return e;
}

LiveSnapshot snapshot(const RunController &run, double now, std::vector<JobEvent> events = {},
                      std::vector<Sample> samples = {})
{
    LiveSnapshot s;
    s.runId = run.runId();
    s.status.now = now;
    s.newEvents = std::move(events);
    s.newSamples = std::move(samples);
    return s;
}

struct ChartsFixture
{
    ScenarioDocument document{test::twoRackScenario()};
    RunController run{&document};
    QWidget window;
    std::vector<ChartPanel> panels;

    ChartsFixture()
    {
        panels = createLiveCharts(&run, &document, &window);
        auto *layout = new QVBoxLayout(&window);
        for (const ChartPanel &panel : panels)
            layout->addWidget(panel.widget);
        window.resize(700, 1400);
        window.show();
    }

    QWidget *panel(const QString &name) const
    {
        for (const ChartPanel &p : panels) {
            if (p.objectName == name)
                return p.widget;
        }
        return nullptr;
    }
    TimeSeriesChart *chart(const QString &name) const
    {
        return qobject_cast<TimeSeriesChart *>(panel(name));
    }
};

struct GanttFixture
{
    ScenarioDocument document{test::twoRackScenario()};
    Selection selection;
    RunController run{&document};
    GanttView view{&document, &selection, &run};

    GanttFixture()
    {
        view.resize(900, 300);
        view.show();
    }
    void feed(double now, std::vector<JobEvent> events)
    {
        Q_EMIT run.snapshotArrived(snapshot(run, now, std::move(events)));
    }
};

} // namespace

class TestLiveCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimation_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<int>("maxPoints");

        auto series = [](int n, auto f) {
            std::vector<double> v(std::size_t(n), 0.0);
            for (int i = 0; i < n; ++i)
                v[std::size_t(i)] = f(i);
            return v;
        };
        QTest::newRow("empty") << std::vector<double>{} << 2000;
        QTest::newRow("one point") << std::vector<double>{7.0} << 2000;
        QTest::newRow("under the cap") << series(10, [](int i) { return i * 0.5; }) << 2000;
        QTest::newRow("exactly the cap") << series(2000, [](int i) { return i % 7; }) << 2000;
        QTest::newRow("one over the cap") << series(2001, [](int i) { return i % 7; }) << 2000;
        QTest::newRow("ramp") << series(10000, [](int i) { return double(i); }) << 2000;
        QTest::newRow("constant") << series(5000, [](int) { return 3.0; }) << 200;
        QTest::newRow("sine") << series(50000, [](int i) { return std::sin(i * 0.01); }) << 300;
        QTest::newRow("one-sample spike and dip") << series(100000, [](int i) {
            return i == 43210 ? 99.0 : i == 77777 ? -5.0 : 1.0;
        }) << 500;
        QTest::newRow("extremes at the ends") << series(9999, [](int i) {
            return i == 0 ? -1.0 : i == 9998 ? 9.0 : 0.5;
        }) << 100;
        QTest::newRow("cap below four") << series(100, [](int i) { return i % 3; }) << 2;
    }

    void decimation()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(int, maxPoints);
        const std::vector<std::size_t> kept = decimateMinMaxIndices(values, maxPoints);
        const std::size_t n = values.size();
        const std::size_t cap = std::max<std::size_t>(std::size_t(maxPoints), 4);

        if (n <= cap) {
            QCOMPARE(kept.size(), n); // nothing to drop
        } else {
            QVERIFY2(kept.size() <= cap, qPrintable(QString::number(kept.size())));
            QVERIFY(kept.size() >= cap / 2); // it uses the budget, not just two points
        }
        if (n == 0)
            return;
        QCOMPARE(kept.front(), std::size_t(0));
        QCOMPARE(kept.back(), n - 1);
        QVERIFY(std::is_sorted(kept.begin(), kept.end()));
        QVERIFY(std::adjacent_find(kept.begin(), kept.end()) == kept.end());
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        auto keptValue = [&](double v) {
            return std::any_of(kept.begin(), kept.end(),
                               [&](std::size_t i) { return values[i] == v; });
        };
        QVERIFY2(keptValue(*hi), "the maximum survives");
        QVERIFY2(keptValue(*lo), "the minimum survives");

        // As chart points: x scaled, y untouched.
        std::vector<double> x(n);
        for (std::size_t i = 0; i < n; ++i)
            x[i] = double(i) * 60.0;
        const QList<QPointF> points = decimateMinMax(x, values, maxPoints, 1.0 / 60.0);
        QCOMPARE(std::size_t(points.size()), kept.size());
        QCOMPARE(points.front(), QPointF(0.0, values.front()));
        QCOMPARE(points.back(), QPointF(double(n - 1), values.back()));
    }

    void niceCeilRoundsUp_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("expected");
        QTest::newRow("zero") << 0.0 << 1.0;
        QTest::newRow("one") << 1.0 << 1.0;
        QTest::newRow("just over one") << 1.01 << 1.2;
        QTest::newRow("37") << 37.0 << 40.0;
        QTest::newRow("8.2") << 8.2 << 10.0;
        QTest::newRow("rounding noise above 3") << 3.0000000001 << 3.0;
    }
    void niceCeilRoundsUp()
    {
        QFETCH(double, value);
        QFETCH(double, expected);
        QCOMPARE(niceCeil(value), expected);
    }

    void timeUnitFollowsTheSpan_data()
    {
        QTest::addColumn<double>("spanS");
        QTest::addColumn<QString>("symbol");
        QTest::newRow("half an hour") << 1800.0 << QStringLiteral("min");
        QTest::newRow("30 hours") << 30 * 3600.0 << QStringLiteral("h");
        QTest::newRow("30 days") << 30 * 86400.0 << QStringLiteral("d");
    }
    void timeUnitFollowsTheSpan()
    {
        QFETCH(double, spanS);
        QFETCH(QString, symbol);
        QCOMPARE(timeUnitForSpan(spanS).symbol, symbol);
    }

    void timeTickLabels_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("label");
        QTest::newRow("hour ticks")
                << 3 * 86400.0 + 6 * 3600 << 3600.0 << QStringLiteral("3d 06:00");
        QTest::newRow("day ticks") << 5 * 86400.0 << 86400.0 << QStringLiteral("day 5");
        QTest::newRow("second ticks") << 90.0 << 30.0 << QStringLiteral("00:01:30");
    }
    void timeTickLabels()
    {
        QFETCH(double, seconds);
        QFETCH(double, step);
        QFETCH(QString, label);
        QCOMPARE(timeTickLabel(seconds, step), label);
    }

    // The steps and formats with one or two cases each.
    void scales()
    {
        QCOMPARE(niceStep(100.0, 5), 20.0);
        QCOMPARE(niceStep(1.0, 4), 0.25);
        QCOMPARE(timeStep(24, TimeUnit{3600, "h"}, 6), 6.0);
        QCOMPARE(timeStep(90, TimeUnit{60, "min"}, 6), 15.0);

        QCOMPARE(timeTickStep(1.0, 90), 120.0);
        QCOMPARE(timeTickStep(100.0, 90), 3.0 * 3600);
        QCOMPARE(formatSimTime(86400 + 3725), QStringLiteral("1d 01:02:05"));
        QCOMPARE(formatSimTime(12.25), QStringLiteral("00:00:12.25"));
        QCOMPARE(formatSimDuration(5400), QStringLiteral("1:30:00"));
    }

    void chartsAreCreated()
    {
        ChartsFixture f;
        QStringList names;
        for (const ChartPanel &p : f.panels) {
            names << p.objectName;
            QVERIFY(p.widget);
            QVERIFY(!p.title.isEmpty());
            QCOMPARE(p.widget->objectName(), p.objectName);
        }
        QCOMPARE(names, QStringList({"utilizationChart", "loadBalanceChart", "powerChart",
                                     "queueChart", "failuresChart", "nodeUtilizationChart"}));
        QCOMPARE(f.chart("failuresChart")->seriesCount(), 2);
        QVERIFY(f.chart("failuresChart")->rightAxis());
        QVERIFY(f.chart("utilizationChart"));
        QVERIFY(qobject_cast<NodeUtilizationView *>(f.panel("nodeUtilizationChart")));
        QCOMPARE(f.chart("loadBalanceChart")->seriesCount(), 2);
        QCOMPARE(f.chart("queueChart")->seriesCount(), 2);
        QVERIFY(f.chart("loadBalanceChart")->rightAxis());
        QCOMPARE(f.chart("loadBalanceChart")->rightAxis()->max(), 1.0);
        QCOMPARE(f.chart("utilizationChart")->chart()->animationOptions(), QChart::NoAnimation);
        QCOMPARE(f.chart("utilizationChart")->rubberBand(),
                 QChartView::RubberBands(QChartView::HorizontalRubberBand));
    }

    void chartsPlotSnapshotSamples()
    {
        ChartsFixture f;
        std::vector<Sample> samples;
        for (int i = 0; i < 10; ++i)
            samples.push_back(sample(60.0 * i, i / 10.0, 37 - i, i));
        Q_EMIT f.run.snapshotArrived(snapshot(f.run, 540, {}, samples));

        TimeSeriesChart *util = f.chart("utilizationChart");
        QTRY_COMPARE(util->series(0)->count(), 10);
        // Nine minutes of samples: a minute axis, values in percent.
        QCOMPARE(util->timeUnit().symbol, QStringLiteral("min"));
        QCOMPARE(util->series(0)->at(0), QPointF(0.0, 0.0));
        QCOMPARE(util->series(0)->at(9), QPointF(9.0, 90.0));
        QCOMPARE(util->leftAxis()->min(), 0.0);
        QCOMPARE(util->leftAxis()->max(), 100.0);
        QVERIFY(util->timeAxis()->min() <= 0.0);
        QVERIFY(util->timeAxis()->max() >= 9.0);

        TimeSeriesChart *queue = f.chart("queueChart");
        QTRY_COMPARE(queue->series(0)->count(), 10);
        QCOMPARE(queue->series(0)->at(0).y(), 37.0); // queued
        QCOMPARE(queue->series(1)->at(9).y(), 9.0);  // running
        const double queueTop = queue->leftAxis()->max();
        QVERIFY(queueTop >= 37.0 && queueTop <= 50.0);

        TimeSeriesChart *balance = f.chart("loadBalanceChart");
        QTRY_COMPARE(balance->series(1)->count(), 10);
        QCOMPARE(balance->series(0)->at(0).y(), 1.0); // CoV
        QCOMPARE(balance->series(1)->at(0).y(), 0.5); // Jain
        QVERIFY(balance->series(1)->attachedAxes().contains(balance->rightAxis()));

        TimeSeriesChart *power = f.chart("powerChart");
        QTRY_COMPARE(power->series(0)->count(), 10);
        QCOMPARE(power->series(0)->at(9).y(), (1000.0 + 5000.0 * 0.9) / 1000.0); // kW
        // Six nodes at 6 kW: the installed peak is on the axis.
        QVERIFY(power->leftAxis()->max() >= 36.0);

        // More samples, smaller values: the axis does not shrink, the series grows.
        std::vector<Sample> more;
        for (int i = 10; i < 20; ++i)
            more.push_back(sample(60.0 * i, 0.1, 1, 1));
        Q_EMIT f.run.snapshotArrived(snapshot(f.run, 1140, {}, more));
        QTRY_COMPARE(queue->series(0)->count(), 20);
        QCOMPARE(queue->leftAxis()->max(), queueTop);

        // A run reset clears every series at once.
        Q_EMIT f.run.runReset(f.run.runId() + 1);
        QCOMPARE(util->series(0)->count(), 0);
        QCOMPARE(queue->series(0)->count(), 0);
        QCOMPARE(queue->series(1)->count(), 0);
        QCOMPARE(balance->series(1)->count(), 0);
        QCOMPARE(power->series(0)->count(), 0);
    }

    void chartsDecimateLongRunsAndZoom()
    {
        ChartsFixture f;
        // Thirty days at 5-minute samples, with one spike.
        std::vector<Sample> samples;
        const int n = 30 * 288;
        for (int i = 0; i < n; ++i)
            samples.push_back(sample(300.0 * i, i == 4321 ? 1.0 : 0.5));
        Q_EMIT f.run.snapshotArrived(snapshot(f.run, 300.0 * (n - 1), {}, samples));

        TimeSeriesChart *util = f.chart("utilizationChart");
        QTRY_VERIFY(util->series(0)->count() > 0);
        const QList<QPointF> points = util->series(0)->points();
        QVERIFY(std::size_t(points.size()) <= TimeSeriesChart::kMaxPointsPerSeries);
        QCOMPARE(util->timeUnit().symbol, QStringLiteral("d"));
        QCOMPARE(points.front().x(), 0.0);
        QCOMPARE(points.back().x(), 300.0 * (n - 1) / 86400.0);
        QVERIFY(std::any_of(points.begin(), points.end(),
                            [](const QPointF &p) { return p.y() == 100.0; }));
        QVERIFY(util->timeAxis()->max() >= 30.0 - 1e-9);

        // Zoom to two hours: every sample there, at full resolution, in minutes.
        util->zoomToTime(4321 * 300.0 - 3600, 4321 * 300.0 + 3600);
        QVERIFY(util->isZoomed());
        QCOMPARE(util->timeUnit().symbol, QStringLiteral("min"));
        // 25 samples: both edges fall on samples, which then carry the line to the edges.
        QCOMPARE(util->series(0)->count(), 2 * 12 + 1);
        // Off the sample grid, one sample either side of the window is added for the same.
        util->zoomToTime(4321 * 300.0 - 3500, 4321 * 300.0 + 3500);
        QCOMPARE(util->series(0)->count(), 2 * 12 - 1 + 2);
        // New samples do not move a zoomed axis. The chart publishes them at its next frame
        // (a fixed wait would pass without one): wait until the series has been replaced.
        const double zoomMin = util->timeAxis()->min();
        const double zoomMax = util->timeAxis()->max();
        QSignalSpy published(util->series(0), &QXYSeries::pointsReplaced);
        Q_EMIT f.run.snapshotArrived(snapshot(f.run, 300.0 * n, {}, {sample(300.0 * n, 0.5)}));
        QTRY_VERIFY(!published.isEmpty());
        QCOMPARE(util->timeAxis()->min(), zoomMin);
        QCOMPARE(util->timeAxis()->max(), zoomMax);

        // What the rubber band does: QChart::zoomIn on a plot rectangle.
        util->resetZoom();
        QVERIFY(!util->isZoomed());
        const QRectF plot = util->chart()->plotArea();
        util->chart()->zoomIn(QRectF(plot.left() + plot.width() / 4, plot.top(), plot.width() / 4,
                                     plot.height()));
        QVERIFY(util->isZoomed());
        QTRY_VERIFY(util->timeAxis()->max() < 20.0);
        // Double-click resets.
        QTest::mouseDClick(util->viewport(), Qt::LeftButton, {}, plot.center().toPoint());
        QVERIFY(!util->isZoomed());
        QVERIFY(util->timeAxis()->max() >= 30.0 - 1e-9);
    }

    void chartsFollowThePalette()
    {
        ChartsFixture f;
        TimeSeriesChart *util = f.chart("utilizationChart");
        QPalette dark = util->palette();
        dark.setColor(QPalette::Window, QColor(32, 32, 34));
        dark.setColor(QPalette::Base, QColor(20, 20, 22));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        util->setPalette(dark);
        QCOMPARE(util->chart()->backgroundBrush().color(), QColor(32, 32, 34));
        QCOMPARE(util->chart()->plotAreaBackgroundBrush().color(), QColor(20, 20, 22));
        QCOMPARE(util->timeAxis()->labelsColor(), QColor(230, 230, 230));
        // The series colour is the dark-mode one: lighter than the light-mode blue.
        QVERIFY(util->series(0)->pen().color().lightnessF() > 0.5);
    }

    void seriesPensTakeTheFastStroker()
    {
        // A cosmetic, solid pen at most a pixel wide is drawn by the raster engine's line
        // stroker; anything wider goes through the generic stroker and an antialiased fill,
        // which made each chart's repaint tens of milliseconds (issue 11). The one exception is
        // the Failures chart's cumulative interruptions (few points), dashed to stand apart from
        // nodes down where the two overlap.
        ChartsFixture f;
        for (const char *name : {"utilizationChart", "loadBalanceChart", "powerChart", "queueChart",
                                 "failuresChart"}) {
            TimeSeriesChart *chart = f.chart(name);
            for (int i = 0; i < chart->seriesCount(); ++i) {
                const QPen pen = chart->series(i)->pen();
                QVERIFY2(pen.isCosmetic(), name);
                QVERIFY2(pen.widthF() <= 1.0, name);
                const bool interruptions = QByteArray(name) == "failuresChart" && i == 1;
                QCOMPARE(pen.style(), interruptions ? Qt::CustomDashLine : Qt::SolidLine);
            }
        }
    }

    void nodeUtilizationSortsBusiestFirst()
    {
        ChartsFixture f;
        auto *view = qobject_cast<NodeUtilizationView *>(f.panel("nodeUtilizationChart"));
        QCOMPARE(view->nodeCount(), 6);
        LiveSnapshot s = snapshot(f.run, 10);
        s.nodeBusy = {2, 8, 0, 4, 8, 1};
        Q_EMIT f.run.snapshotArrived(s);
        QCOMPARE(view->sortedUtilization(), (std::vector<double>{1.0, 1.0, 0.5, 0.25, 0.125, 0.0}));
        QCOMPARE(view->nodeAtRank(0), 1); // ties keep topology order
        QCOMPARE(view->nodeAtRank(1), 4);
        QCOMPARE(view->nodeAtRank(5), 2);
        QVERIFY(!view->grab().isNull());
        Q_EMIT f.run.runReset(f.run.runId() + 1);
        QCOMPARE(view->sortedUtilization(), std::vector<double>(6, 0.0));
    }

    void ganttBuildsSegmentsFromEvents()
    {
        GanttFixture f;
        QCOMPARE(f.view.model().rowCount(), 6);
        QCOMPARE(f.view.model().segmentCount(), std::size_t(0));
        using K = JobEvent::Kind;
        // Job 0 is a gang on nodes 0 and 1, job 1 and job 3 share node 2.
        f.feed(10, {jobEvent(K::Started, 0, 0, {0, 1}), jobEvent(K::Started, 0, 1, {2}),
                    jobEvent(K::Started, 10, 3, {2})});
        QCOMPARE(f.view.model().segmentCount(), std::size_t(4));
        QCOMPARE(f.view.model().runningSegmentCount(), std::size_t(4));
        QCOMPARE(f.view.model().now(), 10.0);

        // Co-located jobs get different lanes of the node's row.
        const QRect a = f.view.barRect(1, 2);
        const QRect b = f.view.barRect(3, 2);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(!a.intersects(b));

        // Preempted and completed close segments; a restart opens a new one elsewhere.
        f.feed(60, {jobEvent(K::Preempted, 50, 0), jobEvent(K::Completed, 60, 1)});
        QCOMPARE(f.view.model().segmentCount(), std::size_t(4));
        QCOMPARE(f.view.model().runningSegmentCount(), std::size_t(1));
        f.feed(70, {jobEvent(K::Started, 70, 0, {3, 4}), jobEvent(K::Rejected, 70, 2)});
        QCOMPARE(f.view.model().segmentCount(), std::size_t(6));
        QCOMPARE(f.view.model().runningSegmentCount(), std::size_t(3));
        f.feed(170, {jobEvent(K::Completed, 60, 3), jobEvent(K::Completed, 170, 0)});
        QCOMPARE(f.view.model().runningSegmentCount(), std::size_t(0));
        QVERIFY(!f.view.grab().isNull());

        Q_EMIT f.run.runReset(f.run.runId() + 1);
        QCOMPARE(f.view.model().segmentCount(), std::size_t(0));
        QCOMPARE(f.view.model().rowCount(), 6);
    }

    void ganttClickSelectsJob()
    {
        GanttFixture f;
        using K = JobEvent::Kind;
        f.feed(100, {jobEvent(K::Started, 0, 0, {0, 1}), jobEvent(K::Started, 0, 1, {2}),
                     jobEvent(K::Completed, 80, 1)});
        const QRect bar = f.view.barRect(1, 2);
        QVERIFY(!bar.isEmpty());
        QCOMPARE(f.view.jobAt(bar.center()), std::optional<std::size_t>(1));

        QSignalSpy jobsChanged(&f.selection, &Selection::jobsChanged);
        QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, bar.center());
        QCOMPARE(f.selection.jobs(), Selection::JobIndices({1}));
        QCOMPARE(jobsChanged.count(), 1);

        // Ctrl-click adds the gang; a click on empty space clears.
        QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier,
                          f.view.barRect(0, 1).center());
        QCOMPARE(f.selection.jobs(), Selection::JobIndices({0, 1}));
        QVERIFY(!f.view.jobAt(QPoint(f.view.viewport()->width() - 5, 200)));
        QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {},
                          QPoint(f.view.viewport()->width() - 5, 200));
        QVERIFY(f.selection.jobs().empty());

        // A click on a node's name selects the node.
        QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, QPoint(10, bar.center().y()));
        QCOMPARE(f.selection.elements(), Selection::Names({"r0-n2"}));
    }

    void ganttToolTip()
    {
        GanttFixture f;
        using K = JobEvent::Kind;
        f.feed(100, {jobEvent(K::Started, 0, 0, {0, 1}), jobEvent(K::Started, 5, 1, {2}),
                     jobEvent(K::Completed, 80, 1)});
        auto toolTipAt = [&](const QPoint &pos) {
            QHelpEvent help(QEvent::ToolTip, pos, f.view.viewport()->mapToGlobal(pos));
            QCoreApplication::sendEvent(f.view.viewport(), &help);
            return QToolTip::text();
        };
        const QString running = toolTipAt(f.view.barRect(0, 1).center());
        QVERIFY2(running.contains("Job 1") && running.contains("pretrain") &&
                         running.contains("research") && running.contains("Accelerators: 16") &&
                         running.contains("r0-n1") && running.contains("running"),
                 qPrintable(running));
        const QString done = toolTipAt(f.view.barRect(1, 2).center());
        QVERIFY2(done.contains("Job 2") && done.contains("prod") &&
                         done.contains("Accelerators: 4") && done.contains("00:00:05") &&
                         done.contains("00:01:20"),
                 qPrintable(done));
        QToolTip::hideText();
    }

    void ganttFollowsSelectionFromElsewhere()
    {
        GanttFixture f;
        f.feed(10, {jobEvent(JobEvent::Kind::Started, 0, 0, {0, 1})});
        f.selection.setElements({"r0-n3"});
        QVERIFY(f.view.isRowHighlighted(3));
        QVERIFY(!f.view.isRowHighlighted(2));
        // A rack stands for its nodes.
        f.selection.setElements({"r1"});
        QVERIFY(f.view.isRowHighlighted(4));
        QVERIFY(f.view.isRowHighlighted(5));
        QVERIFY(!f.view.isRowHighlighted(3));
        // Selected jobs keep their colour, the others are dimmed: compare a pixel.
        const QPoint inside = f.view.barRect(0, 0).center();
        const QColor before = f.view.viewport()->grab().toImage().pixelColor(inside);
        f.selection.setJobs({2});
        const QColor dimmed = f.view.viewport()->grab().toImage().pixelColor(inside);
        QVERIFY(before != dimmed);
        f.selection.setJobs({0});
        const QColor selected = f.view.viewport()->grab().toImage().pixelColor(inside);
        QCOMPARE(selected, before);
    }

    void ganttZoomAndScroll()
    {
        GanttFixture f;
        using K = JobEvent::Kind;
        f.feed(36000, {jobEvent(K::Started, 0, 0, {0, 1}), jobEvent(K::Completed, 36000, 0)});
        QVERIFY(f.view.isFitToWidth());
        const double fit = f.view.secondsPerPixel();
        QVERIFY(fit > 0);
        QWheelEvent wheel(QPointF(400, 100), f.view.viewport()->mapToGlobal(QPointF(400, 100)),
                          QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(f.view.viewport(), &wheel);
        QVERIFY(!f.view.isFitToWidth());
        QVERIFY(f.view.secondsPerPixel() < fit);
        QVERIFY(f.view.horizontalScrollBar()->maximum() > 0);
        f.view.fitToWidth();
        QCOMPARE(f.view.secondsPerPixel(), fit);
    }

    void ganttMemoryCap()
    {
        GanttFixture f;
        f.view.setSegmentCap(400);
        using K = JobEvent::Kind;
        // 2,000 one-node jobs back to back, one of them (job 0) running throughout.
        std::vector<JobEvent> events{jobEvent(K::Started, 0, 0, {5})};
        for (int i = 1; i <= 2000; ++i) {
            events.push_back(jobEvent(K::Started, i * 10.0, std::size_t(i), {i % 5}));
            events.push_back(jobEvent(K::Completed, i * 10.0 + 10, std::size_t(i)));
        }
        f.feed(20010, std::move(events));
        QVERIFY(f.view.model().segmentCount() <= 400);
        QVERIFY(f.view.model().segmentCount() >= 200);
        QVERIFY(f.view.model().droppedBefore() > 0);
        QCOMPARE(f.view.model().runningSegmentCount(), std::size_t(1)); // never dropped
        QVERIFY(!f.view.barRect(0, 5).isEmpty());
        QVERIFY(!f.view.barRect(2000, 0).isEmpty());

        // A cap below the running jobs: every finished bar goes, the running ones stay.
        f.view.setSegmentCap(1);
        f.feed(20020,
               {jobEvent(K::Started, 20020, 3001, {0}), jobEvent(K::Started, 20020, 3002, {1})});
        QCOMPARE(f.view.model().segmentCount(), std::size_t(3));
        QCOMPARE(f.view.model().runningSegmentCount(), std::size_t(3));
    }

    void ganttTakesHugeRuns()
    {
        // 64 single-slot nodes and 400,000 jobs: ~6,000 segments a row, all ingested, and the
        // whole run (all sub-pixel) and a zoomed window both paint. That painting does not
        // scale with the run's length is measured by tests/bench/bench_views.cpp (against a
        // run ten times shorter in the same view).
        ScenarioDocument document(test::ScenarioBuilder().singleSlotNodes(64).build());
        Selection selection;
        RunController run(&document);
        GanttView view(&document, &selection, &run);
        view.resize(1200, 900);
        view.show();
        const int jobs = 400000;
        std::vector<JobEvent> events = test::longRunEvents(jobs);
        const double end = events.back().time;
        Q_EMIT run.snapshotArrived(snapshot(run, end, std::move(events)));
        QCOMPARE(view.model().segmentCount(), std::size_t(jobs));

        const QImage whole = view.viewport()->grab().toImage();
        view.zoomBy(0.0005, 600);
        const QImage zoomed = view.viewport()->grab().toImage();
        QVERIFY(!whole.isNull() && !zoomed.isNull());
    }

    void realRunThroughTheWorker()
    {
        ScenarioDocument document(test::twoRackScenario());
        Selection selection;
        RunController run(&document);
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        const std::vector<ChartPanel> panels = createLiveCharts(&run, &document, &window);
        for (const ChartPanel &panel : panels)
            layout->addWidget(panel.widget);
        auto *gantt = new GanttView(&document, &selection, &run, &window);
        layout->addWidget(gantt);
        window.resize(800, 1600);
        window.show();

        QSignalSpy finished(&run, &RunController::finished);
        run.play();
        QVERIFY(finished.wait(10000));
        // FCFS on 6 nodes of 8: #1 (gang, 2 nodes), #2 and #3 start at 0, #4 at 10.
        QCOMPARE(gantt->model().segmentCount(), std::size_t(5));
        QCOMPARE(gantt->model().runningSegmentCount(), std::size_t(0));
        auto *util = qobject_cast<TimeSeriesChart *>(panels[0].widget);
        QTRY_COMPARE(std::size_t(util->series(0)->count()), run.samples().size());
        QVERIFY(util->series(0)->count() > 50);
    }
};

QTEST_MAIN(TestLiveCharts)
#include "test_live_charts.moc"
