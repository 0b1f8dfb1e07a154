#include "ui/run/simulation_worker.h"

#include "core/engine/simulation.h"
#include "core/engine/simulation_observer.h"
#include "core/placement/placement_explain.h"

#include <cmath>
#include <exception>
#include <map>

namespace headroom::ui {

// Buffers what the engine reports between two snapshots. Lives on the worker thread.
class SnapshotCollector final : public SimulationObserver
{
public:
    std::vector<Sample> samples;
    std::vector<JobEvent> events;

    void jobStarted(SimTime time, std::size_t job, const Allocation &allocation) override
    {
        JobEvent event{JobEvent::Kind::Started, time, job, {}};
        event.nodes.reserve(allocation.size());
        for (const NodeShare &share : allocation)
            event.nodes.push_back(share.node);
        events.push_back(std::move(event));
    }
    void jobPreempted(SimTime time, std::size_t job) override
    {
        events.push_back({JobEvent::Kind::Preempted, time, job, {}});
    }
    void jobCompleted(SimTime time, std::size_t job) override
    {
        events.push_back({JobEvent::Kind::Completed, time, job, {}});
    }
    void jobRejected(SimTime time, std::size_t job, RejectReason reason) override
    {
        events.push_back({JobEvent::Kind::Rejected, time, job, {}, reason});
    }
    void sampled(const Sample &sample) override { samples.push_back(sample); }
    // Power management switched a node. The snapshot reads every node's state from the
    // cluster state anyway; counted here are the boots, which the status bar shows live.
    void nodePowerStateChanged(SimTime, int, NodePowerState state) override
    {
        if (state == NodePowerState::Booting)
            ++boots;
    }

    // Failures and outages (docs/design.md §10): the nodes down now (the engine's status
    // counts them).
    void nodeFailed(SimTime time, int node, SimTime repairEnd, bool planned) override
    {
        // A node already down that is to stay down longer (an outage or another failure
        // while in repair) keeps the time it went down.
        if (const auto it = down.find(node); it != down.end()) {
            it->second.until = repairEnd;
            it->second.planned = planned;
            return;
        }
        down[node] = DownNode{node, time, repairEnd, planned};
    }
    void nodeRepaired(SimTime, int node) override { down.erase(node); }
    void jobInterrupted(SimTime time, std::size_t job, SimTime) override
    {
        events.push_back({JobEvent::Kind::Interrupted, time, job, {}});
    }

    long long boots = 0;
    std::map<int, DownNode> down; // few at a time, by node
};

SimulationWorker::SimulationWorker(QObject *parent)
    : QObject(parent)
    , m_ticker(this) // a child, so that moveToThread() takes the timer along
{
    m_ticker.setSingleShot(true);
    connect(&m_ticker, &QTimer::timeout, this, &SimulationWorker::tick);
}

SimulationWorker::~SimulationWorker() = default;

void SimulationWorker::setState(RunState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state, m_runId);
}

void SimulationWorker::load(std::shared_ptr<const Scenario> scenario, quint64 runId)
{
    if (runId < m_latestRunId.load())
        return; // superseded by an edit made since
    m_ticker.stop();
    m_simulation.reset();
    m_collector.reset();
    m_runId = runId;
    m_scenario = scenario;
    m_stopAt = -1.0;
    m_state = RunState::Idle;
    setState(RunState::Loading);
    try {
        m_collector = std::make_unique<SnapshotCollector>();
        m_simulation = std::make_unique<Simulation>(*scenario);
        m_simulation->addObserver(m_collector.get());
    } catch (const std::exception &error) {
        m_simulation.reset();
        Q_EMIT failed(QString::fromStdString(error.what()), m_runId);
        setState(RunState::Failed);
        return;
    }
    m_eventsAtLastFrame = 0;
    m_frameClock.start();
    publish();
    setState(RunState::Paused);
}

std::optional<PlacementExplanation> SimulationWorker::explain(std::size_t job)
{
    if (!m_simulation || !m_scenario || m_state == RunState::Running ||
        job >= m_scenario->jobs.size())
        return std::nullopt;
    const ClusterState &state = m_simulation->clusterState();
    ExplainHooks hooks;
    hooks.isOn = [&state](int node) { return isOn(state.powerState(node)); };
    return explainPlacement(m_scenario->jobs[job], state, m_simulation->placement(), hooks);
}

void SimulationWorker::restartPacing()
{
    m_paceStartSimTime = m_simulation ? m_simulation->now() : 0.0;
    m_paceClock.start();
}

void SimulationWorker::play()
{
    if (!m_simulation || m_simulation->finished())
        return;
    m_stopAt = -1.0;
    restartPacing();
    setState(RunState::Running);
    m_ticker.start(0);
}

void SimulationWorker::pause()
{
    if (m_state != RunState::Running)
        return;
    m_ticker.stop();
    publish();
    setState(RunState::Paused);
}

void SimulationWorker::stepOnce()
{
    if (!m_simulation || m_simulation->finished() || m_state == RunState::Running)
        return;
    m_simulation->step();
    publish();
    setState(m_simulation->finished() ? RunState::Finished : RunState::Paused);
}

void SimulationWorker::runUntil(double time)
{
    if (!m_simulation || m_simulation->finished())
        return;
    m_stopAt = time;
    restartPacing();
    setState(RunState::Running);
    m_ticker.start(0);
}

void SimulationWorker::setSpeed(double simSecondsPerSecond)
{
    m_speed = std::max(0.0, simSecondsPerSecond);
    restartPacing();
}

void SimulationWorker::tick()
{
    if (m_state != RunState::Running || !m_simulation)
        return;
    // The GUI applies every job event (the live job record, the timeline, the jobs table).
    // Running further ahead of it than it can follow only grows the next frame and the GUI's
    // backlog, and a GUI that is always behind never has time for input (issue 11): wait
    // for it to take the frame in flight.
    if (m_inFlight.load() && m_collector->events.size() >= kMaxUnsentEvents) {
        m_ticker.start(2);
        return;
    }
    Simulation &sim = *m_simulation;
    const bool paced = m_speed > 0.0;
    double target = std::numeric_limits<double>::infinity();
    if (paced)
        target = m_paceStartSimTime + m_speed * (double(m_paceClock.elapsed()) / 1000.0);
    if (m_stopAt >= 0.0)
        target = std::min(target, m_stopAt);

    QElapsedTimer slice;
    slice.start();
    bool caughtUp = false;
    while (!sim.finished()) {
        // Look at the clock every few dozen batches; a batch is typically microseconds.
        for (int i = 0; i < 64; ++i) {
            if (sim.nextEventTime() > target) {
                caughtUp = true;
                break;
            }
            if (!sim.step())
                break;
        }
        if (caughtUp || slice.elapsed() >= kSliceMs)
            break;
    }
    if (caughtUp && std::isfinite(target))
        sim.runUntil(target); // moves the clock through the quiet stretch

    const bool reachedStop = m_stopAt >= 0.0 && sim.now() >= m_stopAt;
    if (sim.finished()) {
        publish();
        setState(RunState::Finished);
        return;
    }
    if (reachedStop || (m_frameClock.elapsed() >= kFrameMs && !m_inFlight.load()))
        publish();
    if (reachedStop) {
        m_stopAt = -1.0;
        setState(RunState::Paused);
        return;
    }
    // Behind schedule or flat out: go again at once; caught up: wait for the next frame.
    m_ticker.start(caughtUp ? kFrameMs / 3 : 0);
}

void SimulationWorker::publish()
{
    if (!m_simulation)
        return;
    auto snapshot = std::make_shared<LiveSnapshot>();
    snapshot->runId = m_runId;
    snapshot->status = m_simulation->status();
    const ClusterState &state = m_simulation->clusterState();
    snapshot->nodeBusy.resize(state.nodeCount());
    snapshot->nodePower.resize(state.nodeCount());
    for (int node = 0; node < state.nodeCount(); ++node) {
        snapshot->nodeBusy[node] = state.busySlots(node);
        snapshot->nodePower[node] = state.powerState(node);
    }
    snapshot->boots = m_collector->boots;
    snapshot->downNodes.reserve(m_collector->down.size());
    for (const auto &entry : m_collector->down)
        snapshot->downNodes.push_back(entry.second);
    snapshot->newSamples.swap(m_collector->samples);
    snapshot->newEvents.swap(m_collector->events);
    snapshot->waits = m_simulation->queuedWaits();

    const qint64 elapsedMs = std::max<qint64>(1, m_frameClock.restart());
    const quint64 events = snapshot->status.events;
    m_eventsPerSecond = double(events - m_eventsAtLastFrame) * 1000.0 / double(elapsedMs);
    m_eventsAtLastFrame = events;
    snapshot->eventsPerWallSecond = m_state == RunState::Running ? m_eventsPerSecond : 0.0;

    snapshot->finished = m_simulation->finished();
    m_inFlight.store(true);
    if (snapshot->finished)
        snapshot->result = std::make_shared<const RunResult>(m_simulation->result());
    Q_EMIT snapshotReady(std::move(snapshot));
}

} // namespace headroom::ui
