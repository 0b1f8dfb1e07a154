#include "ui/run/run_controller.h"

#include "core/placement/placement_explain.h"
#include "ui/document/scenario_document.h"
#include "ui/run/simulation_worker.h"

#include <QElapsedTimer>

#ifdef Q_OS_LINUX
#include <algorithm>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace headroom::ui {

namespace {

void lowerCurrentThreadWeight()
{
#ifdef Q_OS_LINUX
    // Linux keeps a nice value per thread; the thread id names just this one.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#endif
}

} // namespace

RunController::RunController(ScenarioDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_worker(new SimulationWorker)
{
    qRegisterMetaType<SnapshotPtr>();
    qRegisterMetaType<RunState>();
    qRegisterMetaType<std::shared_ptr<const Scenario>>();
    m_thread.setObjectName("simulation");
    // Named in bench_gui's HEADROOM_BENCH_TRACE report of slow events.
    m_sliceTimer.setObjectName(QStringLiteral("sliceTimer"));
    m_sliceTimer.setSingleShot(true);
    connect(&m_sliceTimer, &QTimer::timeout, this, &RunController::deliverNextSlice);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &RunController::requestLoad, m_worker, &SimulationWorker::load);
    connect(this, &RunController::requestPlay, m_worker, &SimulationWorker::play);
    connect(this, &RunController::requestPause, m_worker, &SimulationWorker::pause);
    connect(this, &RunController::requestStep, m_worker, &SimulationWorker::stepOnce);
    connect(this, &RunController::requestRunUntil, m_worker, &SimulationWorker::runUntil);
    connect(this, &RunController::requestSpeed, m_worker, &SimulationWorker::setSpeed);
    connect(m_worker, &SimulationWorker::snapshotReady, this, &RunController::onSnapshot);
    connect(m_worker, &SimulationWorker::stateChanged, this, &RunController::onWorkerState);
    connect(m_worker, &SimulationWorker::failed, this, &RunController::onWorkerFailed);
    connect(document, &ScenarioDocument::changed, this, &RunController::onDocumentChanged);
    // The job record hears of a reset or a snapshot before any view does: these are the first
    // connections to the two signals, and Qt calls the slots of a signal in the order they
    // were connected. So every view reads the record as of the snapshot it is handling, and
    // a snapshot emitted by hand (tests) is recorded the same way.
    connect(this, &RunController::runReset, this, &RunController::resetLiveJobs);
    connect(this, &RunController::snapshotArrived, this,
            [this](const LiveSnapshot &snapshot) { m_liveJobs.apply(snapshot); });
    connect(document, &ScenarioDocument::jobsInserted, this,
            [this](std::size_t first, std::size_t last) {
                m_liveJobs.insertJobs(first, last - first + 1);
            });
    connect(document, &ScenarioDocument::jobsRemoved, this,
            [this](const std::vector<std::size_t> &indices) { m_liveJobs.removeJobs(indices); });
    resetLiveJobs();
    // Running "as fast as possible" must not make the GUI or the X server wait, so the worker
    // runs at a lower CPU weight (nice 5: about a quarter of a core's share against a normal
    // process). Not QThread::IdlePriority: on Linux that is SCHED_IDLE, under which a run
    // makes no progress at all while anything else (a compiler, a browser) keeps the cores
    // busy.
    connect(
            &m_thread, &QThread::started, &m_thread, [] { lowerCurrentThreadWeight(); },
            Qt::DirectConnection);
    m_thread.start();
}

RunController::~RunController()
{
    m_thread.quit();
    m_thread.wait();
}

void RunController::ensureLoaded()
{
    if (m_loaded)
        return;
    ++m_runId;
    m_loaded = true;
    m_latest.reset();
    if (!m_slices.empty())
        m_worker->snapshotConsumed(); // its frame is dropped unseen
    m_slices.clear();
    m_sliceTimer.stop();
    m_stateAfterSlices.reset();
    m_samples.clear();
    m_result.reset();
    m_state = RunState::Loading;
    Q_EMIT runReset(m_runId);
    Q_EMIT stateChanged(m_state);
    Q_EMIT requestSpeed(m_speed);
    m_worker->noteLatestRunId(m_runId);
    Q_EMIT requestLoad(m_document->sharedScenario(), m_runId);
}

std::optional<PlacementExplanation> RunController::explainLive(std::size_t job)
{
    if (!m_loaded || m_state != RunState::Paused || !m_latest)
        return std::nullopt;
    std::optional<PlacementExplanation> out;
    SimulationWorker *worker = m_worker;
    // The worker is paused, so its event loop answers at once; it checks its own state again,
    // in case a play request is still queued ahead of this call.
    QMetaObject::invokeMethod(
            m_worker, [worker, job, &out] { out = worker->explain(job); },
            Qt::BlockingQueuedConnection);
    return out;
}

void RunController::resetLiveJobs()
{
    const Scenario &scenario = m_document->scenario();
    m_liveJobs.reset(scenario.cluster.nodeCount(), scenario.jobs.size());
}

void RunController::reset()
{
    m_loaded = false;
    ensureLoaded();
}

void RunController::play()
{
    ensureLoaded();
    if (m_state == RunState::Finished)
        reset(); // play after the end starts over
    Q_EMIT requestPlay();
}

void RunController::pause()
{
    Q_EMIT requestPause();
}

void RunController::togglePlayPause()
{
    if (m_state == RunState::Running)
        pause();
    else
        play();
}

void RunController::step()
{
    ensureLoaded();
    Q_EMIT requestStep();
}

void RunController::runUntil(double time)
{
    ensureLoaded();
    Q_EMIT requestRunUntil(time);
}

void RunController::setSpeed(double simSecondsPerSecond)
{
    m_speed = simSecondsPerSecond;
    Q_EMIT requestSpeed(simSecondsPerSecond);
}

namespace {

// Job events one slice of a frame carries. Applying an event to the job record, the Gantt
// model and the jobs table costs a few microseconds (mostly cache misses on a million-job
// run), so this keeps a slice to 5-30 ms; a flat-out million-job run otherwise sent frames of
// 100,000 events that held the event loop for a third of a second, and slices of 2,000 were
// still most of the 16,384-node benchmark's late ticks (issue 11).
constexpr std::size_t kEventsPerSlice = 1000;

// Cuts `frame` into slices of at most kEventsPerSlice job events. Every slice carries the
// frame's status, node states and waits (the state the last slice reaches); samples go with
// the first slice, the result with the last, so charts and the end of a run see them once.
std::vector<SnapshotPtr> slicesOf(const SnapshotPtr &frame)
{
    const std::size_t events = frame->newEvents.size();
    if (events <= kEventsPerSlice)
        return {frame};
    std::vector<SnapshotPtr> slices;
    for (std::size_t first = 0; first < events; first += kEventsPerSlice) {
        const std::size_t last = std::min(events, first + kEventsPerSlice);
        auto slice = std::make_shared<LiveSnapshot>();
        slice->runId = frame->runId;
        slice->status = frame->status;
        slice->nodeBusy = frame->nodeBusy;
        slice->nodePower = frame->nodePower;
        slice->boots = frame->boots;
        slice->downNodes = frame->downNodes;
        if (first == 0)
            slice->newSamples = frame->newSamples;
        slice->newEvents.assign(frame->newEvents.begin() + std::ptrdiff_t(first),
                                frame->newEvents.begin() + std::ptrdiff_t(last));
        slice->waits = frame->waits;
        slice->eventsPerWallSecond = frame->eventsPerWallSecond;
        if (last == events) {
            slice->finished = frame->finished;
            slice->result = frame->result;
        }
        slices.push_back(std::move(slice));
    }
    return slices;
}

} // namespace

void RunController::onSnapshot(SnapshotPtr snapshot)
{
    if (snapshot->runId != m_runId) {
        m_worker->snapshotConsumed();
        return; // from a run that has since been reset
    }
    const bool idle = m_slices.empty();
    std::vector<SnapshotPtr> slices = slicesOf(snapshot);
    for (std::size_t i = 0; i < slices.size(); ++i)
        m_slices.emplace_back(std::move(slices[i]), i + 1 == slices.size());
    if (idle)
        deliverNextSlice();
}

void RunController::deliverNextSlice()
{
    if (m_slices.empty())
        return;
    auto [slice, last] = std::move(m_slices.front());
    m_slices.pop_front();
    if (last)
        m_worker->snapshotConsumed();
    QElapsedTimer took;
    took.start();
    if (slice->runId == m_runId)
        deliver(slice, last);
    if (!m_slices.empty()) {
        // The event loop gets at least as long as the slice took before the next one: however
        // far behind a flat-out run is, input, timers and paints keep half the GUI thread
        // (the worker waits for the GUI meanwhile, SimulationWorker::kMaxUnsentEvents).
        m_sliceTimer.start(int(took.elapsed()));
    } else if (m_stateAfterSlices) {
        const RunState state = *m_stateAfterSlices;
        m_stateAfterSlices.reset();
        onWorkerState(state, m_runId);
    }
}

void RunController::deliver(const SnapshotPtr &slice, bool last)
{
    m_samples.insert(m_samples.end(), slice->newSamples.begin(), slice->newSamples.end());
    m_latest = slice;
    Q_EMIT snapshotArrived(*slice);
    if (last && slice->finished && slice->result) {
        m_result = slice->result;
        Q_EMIT finished(m_result);
    }
}

void RunController::onWorkerState(RunState state, quint64 runId)
{
    if (runId != m_runId)
        return;
    if (!m_slices.empty()) {
        m_stateAfterSlices = state; // shown once the frames before it are
        return;
    }
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RunController::onWorkerFailed(const QString &message, quint64 runId)
{
    if (runId != m_runId)
        return;
    Q_EMIT failed(message);
}

void RunController::onDocumentChanged()
{
    if (!m_loaded)
        return;
    const bool wasActive = m_state == RunState::Running || m_state == RunState::Paused ||
                           m_state == RunState::Finished;
    m_loaded = false;
    if (wasActive)
        Q_EMIT notice(tr("The scenario changed; the simulation was reset."));
    ensureLoaded();
}

const LiveJobs &liveJobsOf(const RunController *run)
{
    static const LiveJobs none;
    return run ? run->liveJobs() : none;
}

} // namespace headroom::ui
