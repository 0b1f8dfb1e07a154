// GUI responsiveness benchmark (issue: "with 2,048 nodes on screen and all charts live while
// the simulation runs flat out, event-loop latency p99 under 50 ms; time from start to the
// first painted main window under 1.5 s").
//
//   bench_gui [--jobs N] [--seconds S]
//   bench_gui --swf TRACE [--scheduler fcfs|easy] [--seconds S] [--screenshot PNG]
//   bench_gui --scenario FILE [--pause-at T] [--explain JOB] [--size WxH] [--raise DOCK]
//             --screenshot PNG
//
// 1. Start-up: from the process's start (read from /proc, so dynamic loading counts) to the
//    first paint of the main window showing the bundled example.
// 2. Latency: a 2,048-node cluster (16 racks × 128 DGX-H100-like nodes) with a synthetic
//    trace, every dock visible, the simulation at "as fast as possible". A 5 ms timer on the
//    UI thread records how late it fires; p50/p99/max over the run (or the first S seconds).
//    Exits 1 when the UI thread froze for a second or more.
// With --swf, both use the trace instead (issue 11: 16,384 nodes, a million jobs): the window
//    first paints with the trace imported as the GUI's "replace cluster" import makes it (its
//    reading counts), and the latency run replays it. The screenshot is taken 3 s into the run.
// Run it under a real X server (xvfb-run) or QT_QPA_PLATFORM=offscreen.
// With --scenario it only looks: opens FILE, runs it flat out (or to simulated time T and
// pauses there, optionally explaining job JOB's placement), grabs the window (1680×1050 unless
// --size says otherwise: the README's screenshots), with the dock named DOCK (an object name,
// e.g. TimelineDock) in front of its tabs, into PNG and exits.
#include "core/io/swf_reader.h"
#include "core/workload/synthetic_trace.h"
#include "ui/document/selection.h"
#include "ui/main_window.h"
#include "ui/run/run_controller.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace headroom;

namespace {

// Seconds since this process started, from /proc (includes exec and dynamic linking).
double secondsSinceProcessStart()
{
    std::ifstream stat("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const std::size_t afterName = content.rfind(')');
    std::vector<std::string> fields;
    std::string field;
    for (std::size_t i = afterName + 2; i < content.size(); ++i) {
        if (content[i] == ' ') {
            fields.push_back(field);
            field.clear();
        } else {
            field += content[i];
        }
    }
    // fields[0] is field 3 (state); starttime is field 22.
    const double startTicks = std::stod(fields.at(22 - 3));
    double uptime = 0.0;
    std::ifstream("/proc/uptime") >> uptime;
    return uptime - startTicks / double(sysconf(_SC_CLK_TCK));
}

class FirstPaint : public QObject
{
public:
    double seconds = -1.0;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && seconds < 0.0)
            seconds = secondsSinceProcessStart();
        return QObject::eventFilter(watched, event);
    }
};

Scenario bigCluster(int jobs)
{
    Scenario s;
    s.name = "2,048-node benchmark";
    NodeType type;
    type.name = "dgx-h100";
    type.accelerators = 8;
    type.power = PowerCurve::linear(2600, 10200);
    s.nodeTypes.push_back(type);
    for (int z = 0; z < 2; ++z) {
        Zone zone{"hall-" + std::to_string(z + 1), {}};
        for (int r = 0; r < 8; ++r) {
            // A budget above the rack's full load (128 × 10.2 kW = 1,306 kW): shown in the
            // views, never binding, so this measures the GUI and not a power-capped workload
            // (bench_replay --rack-budget-kw measures that).
            Rack rack{"h" + std::to_string(z + 1) + "-r" + std::to_string(r + 1), 1400.0, {}};
            for (int n = 0; n < 128; ++n)
                rack.nodes.push_back({rack.name + "-n" + std::to_string(n + 1), type.name});
            zone.racks.push_back(std::move(rack));
        }
        s.cluster.zones.push_back(std::move(zone));
    }
    TraceSpec spec;
    spec.jobCount = jobs;
    spec.nodes = 2048;
    spec.slotsPerNode = 8;
    s.jobs = generateTrace(spec, 11);
    s.policy.scheduler = SchedulerKind::Easy;
    s.policy.sampleIntervalS = 600;
    return s;
}

// With HEADROOM_BENCH_TRACE set, reports every event that kept the GUI thread busy for
// more than 20 ms, by receiver class and event type: where the latency comes from.
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool trace = qEnvironmentVariableIsSet("HEADROOM_BENCH_TRACE");

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!trace)
            return QApplication::notify(receiver, event);
        // Described before delivery: the event may delete its receiver (a DeferredDelete, such
        // as the simulation worker's own at exit on its thread), and reading the receiver
        // afterwards was a use after free that crashed the benchmark at exit.
        const QObject *owner = receiver->parent();
        const char *receiverClass = receiver->metaObject()->className();
        const char *ownerClass = owner ? owner->metaObject()->className() : "-";
        const QString receiverName = receiver->objectName();
        const int type = event->type();
        QElapsedTimer timer;
        timer.start();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ms = timer.elapsed();
        if (ms > 20) {
            std::printf("  slow event: %lld ms, %s (%s) in %s, type %d\n",
                        static_cast<long long>(ms), receiverClass, qPrintable(receiverName),
                        ownerClass, type);
        }
        return result;
    }
};

// "1504x940"; an empty size for anything else.
QSize parseSize(const char *text)
{
    int width = 0;
    int height = 0;
    return std::sscanf(text, "%dx%d", &width, &height) == 2 ? QSize(width, height) : QSize();
}

void settle(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
}

int lookAt(ui::MainWindow &window, const QString &path, double pauseAt, int explainJob,
           const QSize &size, const QString &raised, const QString &screenshot)
{
    if (!window.openFile(path))
        return 1;
    window.resize(size);
    ui::RunController *run = window.runController();
    run->setSpeed(0.0);
    QElapsedTimer clock;
    clock.start();
    if (pauseAt >= 0.0) {
        run->runUntil(pauseAt);
        while (!(run->state() == ui::RunState::Paused && run->latest() &&
                 run->latest()->status.now >= pauseAt) &&
               clock.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 10);
    } else {
        run->play();
        while (!run->result() && clock.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    if (explainJob >= 0) {
        window.selection()->setJobs({std::size_t(explainJob)});
        window.explainAction()->trigger();
    }
    if (auto *dock = raised.isEmpty() ? nullptr : window.findChild<QDockWidget *>(raised))
        dock->raise();
    settle(1500); // charts publish at 10 frames a second; tiles at 15
    if (const ui::LiveSnapshot *last = run->latest())
        std::printf("t = %.0f s: %lld nodes off, %lld booting, %lld boots\n", last->status.now,
                    last->status.nodesOff, last->status.nodesBooting, last->boots);
    if (!screenshot.isEmpty()) {
        window.grab().save(screenshot);
        std::printf("screenshot: %s\n", qPrintable(screenshot));
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    int jobs = 200000;
    double limitSeconds = 60.0;
    QStringList hidden; // --hide OBJECTNAME: close a dock (or "topology") to see what it costs
    QString screenshot; // --screenshot FILE: grab the window one second into the run
    QString scenarioPath;
    double pauseAt = -1.0;
    int explainJob = -1;
    std::optional<QSize> size; // --size WxH: the window's size (with --scenario: 1680×1050)
    QString raised;
    QString swfPath;            // --swf TRACE: the latency run replays this trace
    QString scheduler = "easy"; // --scheduler, with --swf
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--jobs")
            jobs = std::atoi(argv[i + 1]);
        else if (option == "--seconds")
            limitSeconds = std::atof(argv[i + 1]);
        else if (option == "--screenshot")
            screenshot = QString::fromLocal8Bit(argv[i + 1]);
        else if (option == "--hide")
            hidden << QString::fromLocal8Bit(argv[i + 1]);
        else if (option == "--scenario")
            scenarioPath = QString::fromLocal8Bit(argv[i + 1]);
        else if (option == "--pause-at")
            pauseAt = std::atof(argv[i + 1]);
        else if (option == "--explain")
            explainJob = std::atoi(argv[i + 1]);
        else if (option == "--raise")
            raised = QString::fromLocal8Bit(argv[i + 1]);
        else if (option == "--size")
            size = parseSize(argv[i + 1]);
        else if (option == "--swf")
            swfPath = QString::fromLocal8Bit(argv[i + 1]);
        else if (option == "--scheduler")
            scheduler = QString::fromLocal8Bit(argv[i + 1]);
    }
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    QStandardPaths::setTestModeEnabled(true); // keep the user's settings and recovery apart
    TracingApplication app(argc, argv);
    QApplication::setOrganizationName("HeadroomBench");

    FirstPaint firstPaint;
    ui::MainWindow window;
    window.installEventFilter(&firstPaint);
    int nodes = 2048;
    if (!swfPath.isEmpty()) {
        Scenario trace = readSwf(swfPath.toStdString()).scenario;
        trace.policy.scheduler = scheduler == "fcfs" ? SchedulerKind::Fcfs : SchedulerKind::Easy;
        jobs = int(trace.jobs.size());
        nodes = int(trace.cluster.zones.at(0).racks.at(0).nodes.size());
        window.showScenario(std::move(trace));
        window.resize(1680, 1050);
    } else {
        window.openFile(":/examples/two-rack-h100.json");
        if (size)
            window.resize(*size);
    }
    window.show();
    QElapsedTimer wait;
    wait.start();
    while (firstPaint.seconds < 0.0 && wait.elapsed() < 20000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    std::printf("start to first painted main window: %.3f s\n", firstPaint.seconds);

    for (const QString &name : hidden) {
        if (name == "topology")
            window.centralWidget()->hide();
        else if (auto *dock = window.findChild<QDockWidget *>(name))
            dock->close();
    }
    ui::RunController *run = window.runController();
    if (!scenarioPath.isEmpty())
        return lookAt(window, scenarioPath, pauseAt, explainJob, size.value_or(QSize(1680, 1050)),
                      raised, screenshot);
    if (swfPath.isEmpty())
        window.showScenario(bigCluster(jobs));
    QApplication::processEvents();
    run->setSpeed(0.0);

    std::vector<double> lateness;
    QElapsedTimer clock;
    clock.start();
    double expected = 5.0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        lateness.push_back(std::max(0.0, now - expected));
        expected = now + 5.0;
    });
    probe.start();
    run->play();
    if (!screenshot.isEmpty()) {
        QTimer::singleShot(swfPath.isEmpty() ? 1000 : 3000, &window, [&window, screenshot] {
            window.grab().save(screenshot);
            std::printf("screenshot: %s\n", qPrintable(screenshot));
        });
    }
    while (!run->result() && clock.elapsed() < limitSeconds * 1000.0)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    probe.stop();
    const bool finished = run->result() != nullptr;
    const auto status = run->latest() ? run->latest()->status : LiveStatus{};
    std::sort(lateness.begin(), lateness.end());
    auto pct = [&](double p) {
        return lateness.empty() ? 0.0 : lateness[std::size_t(p * double(lateness.size() - 1))];
    };
    std::printf("run: %d jobs on %d nodes, %s after %.1f s (%lld events)\n", jobs, nodes,
                finished ? "finished" : "stopped", double(clock.elapsed()) / 1000.0,
                static_cast<long long>(status.events));
    const double maxLateness = lateness.empty() ? 0.0 : lateness.back();
    std::printf("event-loop lateness over %zu ticks: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                lateness.size(), pct(0.5), pct(0.99), maxLateness);
    // The bound tests/ui/test_run_controller.cpp asserted (uiThreadStaysResponsive): the UI
    // thread is never frozen for a second, i.e. 200 probe intervals.
    const bool frozen = maxLateness >= 1000.0;
    std::printf("max lateness / probe interval: %.1f (target < 200) %s\n", maxLateness / 5.0,
                frozen ? "OVER TARGET" : "ok");
    return frozen ? 1 : 0;
}
