// How the big views scale, each against a reference measured in the same run. These timings
// used to sit in unit tests (tests/ui/test_topology_view.cpp largeClusterBuildsQuickly,
// tests/ui/test_live_charts.cpp ganttPaintsHugeRunsQuickly, tests/ui/test_panels.cpp
// millionJobs); the tests keep what is built, ingested and sorted, this program the time.
//
//   bench_views [--repeat R]
//
// 1. Topology: a 2,048-node view (16 racks × 128) built, fed a snapshot, painted at overview
//    and at 100 %, and rebuilt, against a plain QGraphicsScene of the same number of
//    rectangles and texts built and painted in the same view size.
// 2. Gantt: painting a 400,000-job run (whole run and zoomed in) against painting a run ten
//    times shorter (40,000 jobs) in the same view: painting must not scale with the run's
//    length (the test asserted "under 1 s" for each). Target: the long run paints within
//    kGanttTarget times the short one; painting per segment would make it 10.
// 3. Workloads: the panel over 1,000,000 jobs built, sorted by run time and filtered, against
//    std::sort of the same run times and a substring scan of the same names.
// Prints each figure and ratio; exits 1 when a ratio with a target is above it. Run it from a
// Release build, offscreen (QT_QPA_PLATFORM=offscreen) or under xvfb-run.
#include "tests/support/scenario_builder.h"
#include "tests/ui/long_run_events.h"
#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/models/jobs_table_model.h"
#include "ui/panels/workloads_panel.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"
#include "ui/timeline/gantt_view.h"
#include "ui/topology/topology_scene.h"
#include "ui/topology/topology_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace headroom;
using namespace headroom::ui;

namespace {

// Painting a run ten times longer may cost a little more, not ten times more: the Gantt
// paints what reaches a pixel, not every segment.
constexpr double kGanttTarget = 3.0;

int repeatCount = 5;

// Best of repeatCount runs of step, in milliseconds.
template<typename Step>
double bestMs(Step &&step)
{
    double best = 1e300;
    for (int i = 0; i < repeatCount; ++i) {
        QElapsedTimer timer;
        timer.start();
        step();
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

double onceMs(const std::function<void()> &step)
{
    QElapsedTimer timer;
    timer.start();
    step();
    return double(timer.nsecsElapsed()) / 1e6;
}

void row(const char *what, double ms, double referenceMs)
{
    std::printf("  %-34s %9.1f ms   reference %8.1f ms   ratio %7.2f\n", what, ms, referenceMs,
                ms / std::max(referenceMs, 1e-3));
}

bool check(const char *what, double ms, double referenceMs, double target)
{
    const double ratio = ms / std::max(referenceMs, 1e-3);
    const bool ok = ratio <= target;
    std::printf("  %-34s %9.1f ms   reference %8.1f ms   ratio %7.2f (target <= %.0f) %s\n", what,
                ms, referenceMs, ratio, target, ok ? "ok" : "OVER TARGET");
    return ok;
}

// The trivial scene: one rectangle and one text per node, in a grid, no model behind it.
void buildPlainScene(QGraphicsScene &scene, int items)
{
    scene.clear();
    for (int i = 0; i < items; ++i) {
        const QRectF tile((i % 128) * 60.0, (i / 128) * 40.0, 56.0, 36.0);
        scene.addRect(tile, QPen(Qt::gray), QBrush(Qt::lightGray));
        auto *text = scene.addSimpleText(QString::number(i));
        text->setPos(tile.topLeft() + QPointF(4, 4));
    }
}

void topology()
{
    constexpr int kRacks = 16;
    constexpr int kNodes = 128;
    test::ScenarioBuilder builder;
    for (int r = 0; r < kRacks; ++r)
        builder.nodes(kNodes, 8, "gpu8", "rack" + std::to_string(r), r < kRacks / 2 ? "za" : "zb");
    const Scenario scenario = builder.build();
    const int items = kRacks * kNodes;

    ScenarioDocument document(scenario);
    Selection selection;
    RunController run(&document);
    std::unique_ptr<TopologyView> view;
    const double buildMs = onceMs([&] {
        view = std::make_unique<TopologyView>(&document, &selection, &run);
        view->resize(900, 700);
        view->show();
    });
    QGraphicsView plain;
    plain.resize(900, 700);
    plain.show();
    QGraphicsScene plainScene;
    plain.setScene(&plainScene);
    const double plainBuildMs = onceMs([&] { buildPlainScene(plainScene, items); });
    std::printf("topology, %d nodes (%d tiles in the view):\n", items,
                view->topologyScene()->nodeCount());
    row("build the view", buildMs, plainBuildMs);

    LiveSnapshot snapshot;
    snapshot.nodeBusy.resize(std::size_t(items));
    for (int i = 0; i < items; ++i)
        snapshot.nodeBusy[std::size_t(i)] = (i * 7) % 9;
    const double snapshotMs = bestMs([&] { Q_EMIT run.snapshotArrived(snapshot); });
    const double recolourMs = bestMs([&] {
        int i = 0;
        for (QGraphicsItem *item : plainScene.items()) {
            if (auto *rect = qgraphicsitem_cast<QGraphicsRectItem *>(item))
                rect->setBrush(QColor::fromHsv((i++ * 7 % 9) * 30, 120, 220));
        }
    });
    row("apply a utilisation snapshot", snapshotMs, recolourMs);

    view->fitToView();
    plain.fitInView(plainScene.itemsBoundingRect(), Qt::KeepAspectRatio);
    (void)view->grab(); // the first frame also builds the scene's index
    (void)plain.grab();
    row("overview frame", bestMs([&] { (void)view->grab().toImage(); }),
        bestMs([&] { (void)plain.grab().toImage(); }));
    view->resetZoom();
    plain.resetTransform();
    (void)view->grab(); // lays out the texts at this scale once
    (void)plain.grab();
    row("100 % frame", bestMs([&] { (void)view->grab().toImage(); }),
        bestMs([&] { (void)plain.grab().toImage(); }));
    row("rebuild after a reset", onceMs([&] { document.resetScenario(scenario); }),
        onceMs([&] { buildPlainScene(plainScene, items); }));
}

LiveSnapshot ganttRun(const RunController &run, int jobs)
{
    LiveSnapshot s;
    s.runId = run.runId();
    s.newEvents = test::longRunEvents(jobs);
    s.status.now = s.newEvents.back().time;
    return s;
}

struct GanttTimes
{
    double ingestMs = 0.0;
    double wholeMs = 0.0;
    double zoomedMs = 0.0;
};

GanttTimes paintGantt(int jobs)
{
    ScenarioDocument document(test::ScenarioBuilder().singleSlotNodes(64).build());
    Selection selection;
    RunController run(&document);
    GanttView view(&document, &selection, &run);
    view.resize(1200, 900);
    view.show();
    LiveSnapshot snapshot = ganttRun(run, jobs);
    GanttTimes times;
    times.ingestMs = onceMs([&] { Q_EMIT run.snapshotArrived(std::move(snapshot)); });
    (void)view.viewport()->grab();
    times.wholeMs = bestMs([&] { (void)view.viewport()->grab().toImage(); });
    view.zoomBy(0.0005, 600);
    (void)view.viewport()->grab();
    times.zoomedMs = bestMs([&] { (void)view.viewport()->grab().toImage(); });
    return times;
}

bool gantt()
{
    constexpr int kHuge = 400000;
    constexpr int kSmall = 40000;
    const GanttTimes huge = paintGantt(kHuge);
    const GanttTimes small = paintGantt(kSmall);
    std::printf("gantt, %d jobs on 64 nodes (reference: %d jobs):\n", kHuge, kSmall);
    row("ingest the run", huge.ingestMs, small.ingestMs);
    bool ok = check("paint the whole run", huge.wholeMs, small.wholeMs, kGanttTarget);
    ok = check("paint zoomed in", huge.zoomedMs, small.zoomedMs, kGanttTarget) && ok;
    return ok;
}

void workloads()
{
    constexpr int kJobs = 1000000;
    test::ScenarioBuilder builder;
    builder.nodes(4, 8, "gpu8", "r1", "z1");
    Scenario s = builder.build();
    s.jobs.reserve(kJobs);
    for (int i = 1; i <= kJobs; ++i) {
        Job job;
        job.id = i;
        const long long n = i;
        job.name = "j" + std::to_string(n * 7919 % kJobs);
        job.tenant = i % 3 ? "a" : "b";
        job.submitS = i;
        job.slots = 1 + i % 8;
        job.runS = static_cast<double>(1 + n * 104729 % 86400);
        s.jobs.push_back(std::move(job));
    }
    std::vector<double> runTimes;
    std::vector<std::string> names;
    for (const Job &job : s.jobs) {
        runTimes.push_back(job.runS);
        names.push_back(job.name);
    }
    ScenarioDocument document(std::move(s));
    Selection selection;
    std::unique_ptr<WorkloadsPanel> panel;
    const double builtMs = onceMs([&] {
        panel = std::make_unique<WorkloadsPanel>(&document, &selection, nullptr);
        panel->resize(900, 500);
    });
    const double copyMs = onceMs([&] {
        std::vector<double> copy = runTimes;
        std::vector<std::string> nameCopy = names;
    });
    std::printf("workloads, %d jobs:\n", kJobs);
    row("build the panel (vs copy the data)", builtMs, copyMs);
    const double sortMs = onceMs(
            [&] { panel->view()->sortByColumn(JobsTableModel::RunColumn, Qt::AscendingOrder); });
    const double plainSortMs = onceMs([&] {
        std::vector<std::size_t> order(runTimes.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return runTimes[a] < runTimes[b]; });
    });
    row("sort by run time", sortMs, plainSortMs);
    std::size_t matches = 0;
    const double filterMs = onceMs([&] { panel->setFilterText("j12345"); });
    const double scanMs = onceMs([&] {
        for (const std::string &name : names)
            matches += name.find("j12345") != std::string::npos;
    });
    row("filter by name", filterMs, scanMs);
    std::printf("  (%d rows shown, %zu names match)\n", panel->view()->model()->rowCount(),
                matches);
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--repeat")
            repeatCount = std::max(1, std::atoi(argv[i + 1]));
    }
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    QApplication app(argc, argv);
    topology();
    const bool ganttOk = gantt();
    workloads();
    return ganttOk ? 0 : 1;
}
