// The chart views as a user reads them: the reference tags beside the power chart's plot
// (stacked apart, never on the plot), axis titles that fit at the two window sizes the GUI is
// tried at (1280×800 and 1680×1050, in the real main window with the bundled example), and the
// per-node view's two readings, the run average being the core's per-node figures.
#include "core/engine/simulation.h"
#include "core/metrics/breakdown.h"
#include "tests/support/scenario_builder.h"
#include "ui/charts/chart_switch.h"
#include "ui/charts/live_charts.h"
#include "ui/charts/node_utilization_view.h"
#include "ui/charts/reference_tags.h"
#include "ui/charts/time_series_chart.h"
#include "ui/document/scenario_document.h"
#include "ui/main_window.h"
#include "ui/run/run_controller.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QLineSeries>
#include <QStandardPaths>
#include <QValueAxis>
#include <QtTest>

#include <vector>

using namespace headroom;
using namespace headroom::ui;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

QString examplePath()
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR") + "/resources/examples/two-rack-h100.json";
}

// Eight 8-accelerator nodes, 1 to 6 kW each: 48 kW at full load, a cap at 45 kW just under it
// (the example's 150 kW under 163 kW, scaled), PUE 1.3. Jobs keep the nodes unevenly busy.
Scenario cappedScenario()
{
    test::ScenarioBuilder builder;
    builder.nodes(4, 8, "gpu8", "r0", "z0").nodes(4, 8, "gpu8", "r1", "z0");
    builder.linearPower("gpu8", 1000, 6000);
    builder.job(1, 0, 16, 4000).job(2, 0, 8, 1000).job(3, 100, 4, 3000).job(4, 200, 2, 500);
    builder.job(5, 300, 8, 2500).job(6, 400, 1, 200).sampleInterval(60);
    Scenario s = builder.build();
    s.energy.clusterPowerCapKw = 45.0;
    s.energy.pue = 1.3;
    return s;
}

TimeSeriesChart *findChart(const std::vector<ChartPanel> &panels, const char *name)
{
    for (const ChartPanel &panel : panels) {
        if (panel.objectName == QLatin1String(name))
            return qobject_cast<TimeSeriesChart *>(panel.widget);
    }
    return nullptr;
}

// What is wrong with the chart's reference tags: each visible one must lie inside the chart,
// off the plot (so off every line drawn on it) and off the other tags, and `visible` of them
// must be shown. Empty when all is well.
QString tagProblems(const TimeSeriesChart *chart, int visible)
{
    const QRectF plot = chart->chart()->plotArea();
    const QRectF whole(QPointF(0, 0), chart->chart()->size());
    const auto box = [](const QRectF &r) {
        return QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    };
    QStringList problems;
    std::vector<QRectF> tags;
    for (int i = 0; i < chart->referenceCount(); ++i) {
        const QRectF tag = chart->referenceTagRect(i);
        if (tag.isEmpty())
            continue;
        const QString where = QStringLiteral("tag %1 at %2").arg(i).arg(box(tag));
        if (!whole.contains(tag))
            problems << where + QStringLiteral(" leaves the chart ") + box(whole);
        if (tag.intersects(plot))
            problems << where + QStringLiteral(" lies on the plot ") + box(plot);
        for (const QRectF &other : tags) {
            if (other.intersects(tag))
                problems << where + QStringLiteral(" lies on the tag at ") + box(other);
        }
        tags.push_back(tag);
    }
    if (int(tags.size()) != visible)
        problems << QStringLiteral("%1 tags shown, not %2").arg(tags.size()).arg(visible);
    return problems.join(QStringLiteral("; "));
}

} // namespace

class TestChartViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stackTagsKeepsThemApart_data();
    void stackTagsKeepsThemApart();
    void referenceTagsStayOffThePlot_data();
    void referenceTagsStayOffThePlot();
    void mainWindowChartsAreReadable_data();
    void mainWindowChartsAreReadable();
    void nodeUtilizationShowsTheRunAverage();
};

void TestChartViews::initTestCase()
{
    // The main window restores its layout from QSettings: start from its default layout.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestChartViews::stackTagsKeepsThemApart_data()
{
    QTest::addColumn<std::vector<double>>("centres");
    QTest::addColumn<std::vector<double>>("heights");
    QTest::addColumn<std::vector<double>>("tops");
    // Gap 2, room [0, 100].
    QTest::newRow("far apart: each centred on its line")
            << std::vector<double>{20, 70} << std::vector<double>{10, 10}
            << std::vector<double>{15, 65};
    QTest::newRow("close: pushed down in order")
            << std::vector<double>{40, 44} << std::vector<double>{20, 20}
            << std::vector<double>{30, 52};
    QTest::newRow("given bottom first: the same places")
            << std::vector<double>{44, 40} << std::vector<double>{20, 20}
            << std::vector<double>{52, 30};
    QTest::newRow("at the top edge: kept inside")
            << std::vector<double>{1, 3} << std::vector<double>{20, 20}
            << std::vector<double>{0, 22};
    QTest::newRow("at the bottom edge: pushed up together")
            << std::vector<double>{97, 99} << std::vector<double>{20, 20}
            << std::vector<double>{58, 80};
    QTest::newRow("three crowded: spread over the room")
            << std::vector<double>{50, 50, 50} << std::vector<double>{24, 24, 24}
            << std::vector<double>{24, 50, 76};
}

void TestChartViews::stackTagsKeepsThemApart()
{
    QFETCH(std::vector<double>, centres);
    QFETCH(std::vector<double>, heights);
    QFETCH(std::vector<double>, tops);
    const std::vector<double> got = stackTags(centres, heights, 2.0, 0.0, 100.0);
    QCOMPARE(got.size(), centres.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        QVERIFY(got[i] >= 0.0 && got[i] + heights[i] <= 100.0);
        for (std::size_t j = 0; j < got.size(); ++j) {
            if (i != j && centres[i] < centres[j])
                QVERIFY2(got[i] + heights[i] + 2.0 <= got[j] + 1e-9, "overlap or order lost");
        }
    }
    QCOMPARE(got, tops);
}

void TestChartViews::referenceTagsStayOffThePlot_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("terms");
    // The smallest a chart gets, a right-column chart at 1280×800 and at 1680×1050, and large.
    for (const QSize size : {QSize(220, 150), QSize(310, 175), QSize(390, 200), QSize(800, 500)}) {
        for (int terms : {0, 1}) {
            QTest::addRow("%dx%d %s", size.width(), size.height(), terms ? "facility" : "IT")
                    << size << terms;
        }
    }
}

void TestChartViews::referenceTagsStayOffThePlot()
{
    QFETCH(QSize, size);
    QFETCH(int, terms);
    ScenarioDocument document(cappedScenario());
    RunController run(&document);
    QWidget host;
    const std::vector<ChartPanel> panels = createLiveCharts(&run, &document, &host);
    TimeSeriesChart *power = findChart(panels, "powerChart");
    QVERIFY(power);
    power->resize(size);
    host.show();
    power->setTerms(terms);
    QCOMPARE(power->terms(), terms);
    run.setSpeed(0.0);
    run.play();
    QTRY_VERIFY_WITH_TIMEOUT(run.result() != nullptr, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(power->series(terms)->count() > 2, 5000);
    QCoreApplication::processEvents(); // the layout after the last frame

    // Both lines are drawn and tagged; the cap's line sits a few pixels under the full load's.
    QVERIFY(power->reference(0)->isVisible() && power->reference(1)->isVisible());
    QCOMPARE(tagProblems(power, 2), QString());
    const QRectF plot = power->chart()->plotArea();
    for (int i = 0; i < 2; ++i) {
        const QPointF end = power->chart()->mapToPosition(
                QPointF(power->timeAxis()->max(), power->referenceValue(i)), power->reference(i));
        QVERIFY(qAbs(end.x() - plot.right()) < 1.0);
        QVERIFY(end.y() >= plot.top() - 0.5 && end.y() <= plot.bottom() + 0.5);
        // The tag's first line names it, the second gives its value in these terms.
        const QStringList lines = power->referenceLabel(i).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[1].endsWith(QStringLiteral("kW")));
        QCOMPARE(lines[1].contains(QStringLiteral("PUE")), terms == 1);
    }
    // The full load's tag is above the cap's, as its line is.
    QVERIFY(power->referenceTagRect(0).bottom() <= power->referenceTagRect(1).top());
}

void TestChartViews::mainWindowChartsAreReadable_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("1680x1050") << QSize(1680, 1050);
}

void TestChartViews::mainWindowChartsAreReadable()
{
    QFETCH(QSize, size);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(examplePath()));
    QCOMPARE(window.size(), size);

    auto *power = window.findChild<TimeSeriesChart *>(QStringLiteral("powerChart"));
    QVERIFY(power);
    // Before any run, the power chart already shows the example's full load and 150 kW cap.
    QCOMPARE(window.runController()->state(), RunState::Idle);
    QVERIFY(power->reference(0)->isVisible());
    QVERIFY(power->reference(1)->isVisible());
    QCOMPARE(power->referenceValue(1), 150.0);
    QCOMPARE(tagProblems(power, 2), QString());

    RunController *run = window.runController();
    run->setSpeed(0.0);
    run->play();
    QTRY_VERIFY_WITH_TIMEOUT(run->result() != nullptr, 60000);
    QTest::qWait(3 * TimeSeriesChart::kFrameMs); // the last frames and the layout after them

    // The failures chart shares the bottom area with the timeline: brought to the front, it
    // must read as well as the column's four.
    auto *failures = window.findChild<TimeSeriesChart *>(QStringLiteral("failuresChart"));
    QVERIFY(failures);
    qobject_cast<QDockWidget *>(failures->parentWidget())->raise();
    QTest::qWait(3 * TimeSeriesChart::kFrameMs);
    const QList<TimeSeriesChart *> charts = window.findChildren<TimeSeriesChart *>();
    QCOMPARE(charts.size(), 5);
    for (const TimeSeriesChart *chart : charts) {
        QVERIFY2(chart->isVisible(), qPrintable(chart->objectName()));
        const QRectF plot = chart->chart()->plotArea();
        QVERIFY2(plot.height() >= 40 && plot.width() >= 120,
                 qPrintable(QStringLiteral("%1: a %2x%3 plot")
                                    .arg(chart->objectName())
                                    .arg(plot.width())
                                    .arg(plot.height())));
        // Every axis title fits its axis whole: Qt Charts would cut it to "Busy accelerato…".
        const auto fits = [&](const QValueAxis *axis, qreal length) {
            const qreal width =
                    QFontMetricsF(axis->titleFont()).horizontalAdvance(axis->titleText());
            if (width > length) {
                qWarning("%s: \"%s\" is %.0f px on a %.0f px axis", qPrintable(chart->objectName()),
                         qPrintable(axis->titleText()), width, length);
                return false;
            }
            return !axis->titleText().isEmpty();
        };
        QVERIFY(fits(chart->leftAxis(), plot.height()));
        QVERIFY(fits(chart->timeAxis(), plot.width()));
        if (chart->rightAxis())
            QVERIFY(fits(chart->rightAxis(), plot.height()));
        QCOMPARE(tagProblems(chart, chart == power ? 2 : 0), QString());
    }
    // The power chart's facility reading at this size too.
    power->setTerms(1);
    QCOMPARE(tagProblems(power, 2), QString());
    QVERIFY(QFontMetricsF(power->leftAxis()->titleFont())
                    .horizontalAdvance(power->leftAxis()->titleText()) <=
            power->chart()->plotArea().height());
}

void TestChartViews::nodeUtilizationShowsTheRunAverage()
{
    const Scenario s = cappedScenario();
    Simulation direct(s);
    direct.run();
    const std::vector<NodeUsage> expected = nodeUsage(s, direct.result());
    QCOMPARE(expected.size(), std::size_t(8));

    ScenarioDocument document(s);
    RunController run(&document);
    NodeUtilizationView view(&run, &document);
    view.resize(500, 200);
    view.show();
    QCOMPARE(view.nodeCount(), 8);
    QAbstractButton *average = view.readingSwitch()->button(1);
    QVERIFY(!view.hasRunAverage());
    QVERIFY(!average->isEnabled()); // there is no run to average yet
    QCOMPARE(view.reading(), NodeUtilizationView::Reading::Now);

    // Paused mid-run: only the current instant exists.
    run.runUntil(300.0);
    QTRY_VERIFY_WITH_TIMEOUT(run.state() == RunState::Paused && run.latest() &&
                                     run.latest()->status.now >= 300.0,
                             30000);
    QVERIFY(!average->isEnabled());
    const std::vector<double> now = view.sortedUtilization();

    // Finished: the view reads the run's average per node, the core's figures exactly.
    run.setSpeed(0.0);
    run.play();
    QTRY_VERIFY_WITH_TIMEOUT(run.result() != nullptr, 30000);
    QVERIFY(view.hasRunAverage());
    QVERIFY(average->isEnabled());
    QCOMPARE(view.reading(), NodeUtilizationView::Reading::RunAverage);
    QVERIFY(average->isChecked());
    const std::vector<double> sorted = view.sortedUtilization();
    QCOMPARE(sorted.size(), expected.size());
    bool uneven = false;
    for (int rank = 0; rank < view.nodeCount(); ++rank) {
        const NodeUsage &node = expected[std::size_t(view.nodeAtRank(rank))];
        QCOMPARE(sorted[std::size_t(rank)], node.utilization);
        QCOMPARE(sorted[std::size_t(rank)],
                 run.result()->metrics.nodeUtilization[std::size_t(view.nodeAtRank(rank))]);
        if (rank > 0) {
            QVERIFY(sorted[std::size_t(rank)] <= sorted[std::size_t(rank - 1)]);
            uneven = uneven || sorted[std::size_t(rank)] < sorted[std::size_t(rank - 1)];
        }
    }
    QVERIFY(uneven); // a flat profile would not tell the readings apart
    QVERIFY(sorted != now);

    // Back to the last instant with a click, and back again.
    QTest::mouseClick(view.readingSwitch()->button(0), Qt::LeftButton);
    QCOMPARE(view.reading(), NodeUtilizationView::Reading::Now);
    const std::vector<double> last = view.sortedUtilization();
    QVERIFY(last != sorted);
    view.setReading(NodeUtilizationView::Reading::RunAverage);
    QCOMPARE(view.sortedUtilization(), sorted);
    QVERIFY(!view.grab().isNull());

    // A reset has no average to show until the next run ends.
    run.reset();
    QVERIFY(!view.hasRunAverage());
    QVERIFY(!average->isEnabled());
    QCOMPARE(view.reading(), NodeUtilizationView::Reading::Now);
    QCOMPARE(view.sortedUtilization(), std::vector<double>(8, 0.0));
}

QTEST_MAIN(TestChartViews)
#include "test_chart_views.moc"
