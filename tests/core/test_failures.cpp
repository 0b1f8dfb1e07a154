// Failures, planned outages and checkpoints (docs/design.md §10): the scenario keys and their
// validation, the checkpoint arithmetic and the analytic formulas, hand-worked runs whose end
// times follow from §10.3, and the engine against the analytic model over many seeds.
#include "core/engine/checkpoint_clock.h"
#include "core/engine/simulation.h"
#include "core/engine/simulation_observer.h"
#include "core/io/input_error.h"
#include "core/io/run_outputs.h"
#include "core/io/scenario_json.h"
#include "core/model/reliability.h"
#include "core/model/validation.h"
#include "tests/support/recording_observer.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace headroom;
using headroom::test::ScenarioBuilder;

Q_DECLARE_METATYPE(headroom::Scenario)

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

std::string minimalWith(const std::string &extraTop, const std::string &typeExtra,
                        const std::string &jobExtra)
{
    return R"({"format": "headroom-scenario", "version": 4,
  "node_types": [{"name": "gpu", "accelerators": 8)" +
           typeExtra + R"(}],
  "cluster": {"zones": [{"name": "z", "racks": [{"name": "r", "nodes": [
      {"name": "n0", "type": "gpu"}, {"name": "n1", "type": "gpu"}]}]}]},
  "jobs": [{"id": 1, "submit_s": 0, "accelerators": 8, "run_s": 100)" +
           jobExtra + "}]" + extraTop + "}";
}

std::string problemsOf(const Scenario &scenario)
{
    std::string out;
    for (const Problem &problem : validateScenario(scenario))
        out += problem.path + ": " + problem.message + "\n";
    return out;
}

// Everything the failure hooks report (docs/design.md §10.6), and starts and switches.
class FailureLog final : public SimulationObserver
{
public:
    struct Failed
    {
        SimTime time;
        int node;
        SimTime until;
        bool planned;
    };
    struct Interrupted
    {
        SimTime time;
        std::size_t job;
        SimTime workKept;
    };
    std::vector<Failed> failed;
    std::vector<std::pair<SimTime, int>> repaired;
    std::vector<Interrupted> interrupted;
    std::vector<std::pair<SimTime, int>> starts; // time, first node
    std::vector<Allocation> allocations;
    std::vector<std::tuple<SimTime, int, NodePowerState>> switches;

    void nodeFailed(SimTime time, int node, SimTime until, bool planned) override
    {
        failed.push_back({time, node, until, planned});
    }
    void nodeRepaired(SimTime time, int node) override { repaired.emplace_back(time, node); }
    void jobInterrupted(SimTime time, std::size_t job, SimTime workKept) override
    {
        interrupted.push_back({time, job, workKept});
    }
    void jobStarted(SimTime time, std::size_t, const Allocation &allocation) override
    {
        starts.emplace_back(time, allocation.empty() ? -1 : allocation.front().node);
        allocations.push_back(allocation);
        for (const NodeShare &share : allocation) {
            if (std::size_t(share.node) < state.size() &&
                state[std::size_t(share.node)] != NodePowerState::Idle)
                ++startsOnUnusableNodes;
        }
    }
    void nodePowerStateChanged(SimTime time, int node, NodePowerState changed) override
    {
        switches.emplace_back(time, node, changed);
        if (std::size_t(node) >= state.size())
            state.resize(std::size_t(node) + 1, NodePowerState::Idle);
        state[std::size_t(node)] = changed;
    }
    // Node states as the switches left them (Idle: on), and starts on nodes not on then.
    std::vector<NodePowerState> state;
    int startsOnUnusableNodes = 0;
};

RunResult runWith(const Scenario &scenario, SimulationObserver &observer)
{
    Simulation simulation(scenario);
    simulation.addObserver(&observer);
    simulation.run();
    return simulation.result();
}

RunResult runWith(const Scenario &scenario)
{
    Simulation simulation(scenario);
    simulation.run();
    return simulation.result();
}

std::vector<int> nodesOf(const Allocation &allocation)
{
    std::vector<int> nodes;
    for (const NodeShare &share : allocation)
        nodes.push_back(share.node);
    std::sort(nodes.begin(), nodes.end());
    return nodes;
}

// One gang of `n` whole 8-accelerator nodes doing `work` seconds, `spares` more nodes idle,
// every node failing every `mtbfH` hours and repaired in an hour.
Scenario analyticScenario(int n, int spares, double mtbfH, double work, JobCheckpoints checkpoints)
{
    Scenario s = ScenarioBuilder().nodes(n + spares, 8, "gpu").job(1, 0, 8 * n, work).build();
    s.nodeTypes[0].mtbfH = mtbfH;
    s.nodeTypes[0].repairH = 1.0;
    s.jobs[0].checkpoints = checkpoints;
    s.failures.enabled = true;
    s.policy.sampleIntervalS = 3600.0;
    return s;
}

} // namespace

class TestFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The keys scripts write read into the model and are written back the same way.
    void scenarioKeysRoundTrip()
    {
        const std::string text = minimalWith(
                R"(, "failures": {"enabled": true, "seed": 42, "requeue": "tail"},
  "outages": [{"node": "n1", "start_s": 10, "duration_s": 20.5}])",
                R"(, "mtbf_h": 5000, "repair_h": 4, "repair_distribution": "exponential")",
                R"(, "checkpoint_interval_s": 600, "checkpoint_cost_s": 30, "restart_overhead_s": 90)");
        const Scenario s = parseScenario(text, "failures.json");
        QCOMPARE(s.nodeTypes[0].mtbfH, 5000.0);
        QCOMPARE(s.nodeTypes[0].repairH, 4.0);
        QVERIFY(s.nodeTypes[0].repairDistribution == RepairDistribution::Exponential);
        QVERIFY(s.failures.enabled);
        QCOMPARE(s.failures.seed, std::uint64_t(42));
        QVERIFY(s.failures.requeue == RequeuePolicy::Tail);
        QCOMPARE(s.outages.size(), std::size_t(1));
        QCOMPARE(qs(s.outages[0].node), QStringLiteral("n1"));
        QCOMPARE(s.outages[0].durationS, 20.5);
        QCOMPARE(s.jobs[0].checkpoints->intervalS, 600.0);
        QCOMPARE(s.jobs[0].checkpoints->costS, 30.0);
        QCOMPARE(s.jobs[0].checkpoints->restartOverheadS, 90.0);
        QVERIFY(validateScenario(s).empty());
        const std::string written = serializeScenario(s);
        QVERIFY(parseScenario(written, "again.json") == s);
        for (const char *key : {"\"mtbf_h\": 5000", "\"repair_distribution\": \"exponential\"",
                                "\"checkpoint_interval_s\": 600", "\"restart_overhead_s\": 90",
                                "\"requeue\": \"tail\"", "\"outages\""})
            QVERIFY2(written.find(key) != std::string::npos, key);
    }

    // Without failures nothing new is written: files saved before stay byte for byte.
    void defaultsAreNotWritten()
    {
        const Scenario s = parseScenario(minimalWith("", "", ""), "plain.json");
        QVERIFY(s.jobs[0].checkpoints->empty());
        const std::string written = serializeScenario(s);
        for (const char *key : {"mtbf_h", "repair_h", "repair_distribution", "failures", "outages",
                                "checkpoint", "\"restart_overhead_s\""})
            QVERIFY2(written.find(key) == std::string::npos, key);
        // Only the checkpoint figure set is written; a job without them shares no storage.
        Scenario one = s;
        JobCheckpoints checkpoints;
        checkpoints.restartOverheadS = 5;
        one.jobs[0].checkpoints = checkpoints;
        const std::string withOne = serializeScenario(one);
        QVERIFY(withOne.find("\"restart_overhead_s\": 5") != std::string::npos);
        QVERIFY(withOne.find("checkpoint_interval_s") == std::string::npos);
    }

    void readErrorsNameTheField_data()
    {
        QTest::addColumn<QString>("top");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("job");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("repair distribution")
                << ""
                << R"(, "repair_distribution": "weibull")"
                << ""
                << "node_types[0].repair_distribution"
                << "unknown repair distribution \"weibull\" (valid: fixed, exponential)";
        QTest::newRow("requeue") << R"(, "failures": {"requeue": "middle"})"
                                 << ""
                                 << ""
                                 << "failures.requeue"
                                 << "unknown requeue policy \"middle\" (valid: head, tail)";
        QTest::newRow("misspelt job key") << ""
                                          << ""
                                          << R"(, "checkpoint_intervall_s": 5)"
                                          << "jobs[0]"
                                          << "checkpoint_interval_s";
        QTest::newRow("outage without node") << R"(, "outages": [{"start_s": 1, "duration_s": 2}])"
                                             << ""
                                             << ""
                                             << "outages[0].node"
                                             << "missing field \"node\"";
    }
    void readErrorsNameTheField()
    {
        QFETCH(QString, top);
        QFETCH(QString, type);
        QFETCH(QString, job);
        QFETCH(QString, field);
        QFETCH(QString, message);
        try {
            parseScenario(minimalWith(top.toStdString(), type.toStdString(), job.toStdString()),
                          "bad.json");
            QFAIL("no error");
        } catch (const InputError &error) {
            QVERIFY2(qs(error.field()).startsWith(field), qPrintable(qs(error.field())));
            QVERIFY2(qs(error.message()).contains(message), qPrintable(qs(error.message())));
        }
    }

    void validation_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("problem");
        const auto base = [] {
            return ScenarioBuilder().nodes(2, 8, "gpu").job(1, 0, 8, 100).build();
        };
        Scenario s = base();
        s.nodeTypes[0].mtbfH = 0.001;
        QTest::newRow("mtbf too small") << s << "node_types[0].mtbf_h: must be >= 0.01";
        s = base();
        s.nodeTypes[0].repairH = -1;
        QTest::newRow("negative repair") << s << "node_types[0].repair_h: must be >= 0";
        s = base();
        s.jobs[0].checkpoints = JobCheckpoints{0, 30, 0};
        QTest::newRow("cost without interval")
                << s << "jobs[0].checkpoint_cost_s: needs checkpoint_interval_s";
        s = base();
        s.jobs[0].checkpoints = JobCheckpoints{NAN, 0, 0};
        QTest::newRow("nan interval") << s << "jobs[0].checkpoint_interval_s: must be a finite";
        s = base();
        s.outages = {{"nowhere", 0, 10}};
        QTest::newRow("unknown node") << s << "outages[0].node: unknown node \"nowhere\"";
        s = base();
        s.outages = {{"r0-n0", 0, 0}};
        QTest::newRow("zero duration") << s << "outages[0].duration_s: must be > 0";
        s = base();
        const std::string node = s.cluster.zones[0].racks[0].nodes[1].name;
        s.outages = {{node, 100, 50}, {node, 10, 100}};
        QTest::newRow("overlap") << s << "outages[0].start_s: overlaps outages[1]";
    }
    void validation()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, problem);
        const QString problems = qs(problemsOf(scenario));
        QVERIFY2(problems.contains(problem), qPrintable(problems));
    }

    // docs/design.md §10.3: checkpoints strictly between the saved point and the end.
    void checkpointsBetween_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<double>("interval");
        QTest::addColumn<long long>("count");
        QTest::newRow("none at the end") << 0.0 << 3000.0 << 1000.0 << 2LL;
        QTest::newRow("three") << 0.0 << 3600.0 << 1000.0 << 3LL;
        QTest::newRow("not at the saved point") << 1000.0 << 3600.0 << 1000.0 << 2LL;
        QTest::newRow("between two") << 1500.0 << 3600.0 << 1000.0 << 2LL;
        QTest::newRow("tenths") << 0.0 << 1.0 << 0.1 << 9LL;
        QTest::newRow("no interval") << 0.0 << 3600.0 << 0.0 << 0LL;
        QTest::newRow("shorter than one") << 0.0 << 999.0 << 1000.0 << 0LL;
    }
    void checkpointsBetween()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(double, interval);
        QFETCH(long long, count);
        QCOMPARE(CheckpointClock::between(from, to, interval), count);
    }

    // The worked example of docs/design.md §10.3, and cuts inside it.
    void checkpointClock()
    {
        const CheckpointClock clock{0.0, 1000.0, 60.0, 1.0};
        QCOMPARE(clock.wallTo(3600.0), 3780.0);
        const auto check = [&](double elapsed, double reached, double saved, double paused) {
            const CheckpointClock::Cut cut = clock.cut(elapsed, 3600.0);
            QCOMPARE(cut.reached, reached);
            QCOMPARE(cut.saved, saved);
            QCOMPARE(cut.paused, paused);
        };
        check(0.0, 0.0, 0.0, 0.0);
        check(999.0, 999.0, 0.0, 0.0);
        check(1030.0, 1000.0, 0.0, 30.0);    // writing the first checkpoint
        check(1060.0, 1000.0, 1000.0, 60.0); // written
        check(1560.0, 1500.0, 1000.0, 60.0);
        check(2150.0, 2030.0, 2000.0, 120.0);
        check(3150.0, 3000.0, 2000.0, 150.0); // writing the third
        check(3200.0, 3020.0, 3000.0, 180.0);
        check(3500.0, 3320.0, 3000.0, 180.0);
        // At half speed work takes twice as long; pauses do not.
        const CheckpointClock slow{1000.0, 1000.0, 60.0, 0.5};
        QCOMPARE(slow.wallTo(3600.0), 2600.0 * 2 + 120.0);
        const CheckpointClock::Cut cut = slow.cut(2100.0, 3600.0);
        QCOMPARE(cut.saved, 2000.0);
        QCOMPARE(cut.reached, 2000.0 + 40.0 * 0.5);
    }

    // docs/design.md §10.7.
    void analyticFormulas()
    {
        QCOMPARE(reliability::jobMtbfS(1000.0, 10), 360000.0);
        QVERIFY(std::isinf(reliability::jobMtbfS(0.0, 10)));
        const double mtbf = 360000.0;
        QCOMPARE(reliability::youngDalyIntervalS(60.0, mtbf), std::sqrt(2.0 * 60.0 * mtbf));
        QCOMPARE(reliability::youngDalyIntervalS(0.0, mtbf), 0.0);
        // 1 − 60/3600 − (1800 + 300)/360000
        QCOMPARE(reliability::expectedGoodput(3600.0, 60.0, 300.0, mtbf),
                 1.0 - 60.0 / 3600.0 - 2100.0 / 360000.0);
        QCOMPARE(reliability::expectedGoodput(3600.0, 60.0, 300.0, INFINITY), 1.0 - 60.0 / 3600.0);
        QCOMPARE(reliability::expectedGoodput(1e9, 60.0, 300.0, mtbf), 0.0);
        // Young's interval is the best one.
        const double best = reliability::youngDalyIntervalS(60.0, mtbf);
        const double atBest = reliability::expectedGoodput(best, 60.0, 300.0, mtbf);
        QVERIFY(atBest > reliability::expectedGoodput(best * 0.8, 60.0, 300.0, mtbf));
        QVERIFY(atBest > reliability::expectedGoodput(best * 1.25, 60.0, 300.0, mtbf));
    }

    // docs/design.md §10.3-§10.4, worked by hand. Job 1 holds 8 slots of node r0-n0, which an
    // outage takes down at 1500 s; it restarts on r0-n1 at once.
    void resumesFromItsCheckpoint()
    {
        Scenario s = ScenarioBuilder().nodes(2, 8, "gpu").job(1, 0, 8, 3600).build();
        s.jobs[0].checkpoints = JobCheckpoints{1000, 60, 100};
        s.outages = {{"r0-n0", 1500, 10000}};
        FailureLog log;
        const RunResult result = runWith(s, log);
        // At 1500: 1000 s of work, its first checkpoint (1000-1060), 440 s more: saved 1000.
        QCOMPARE(log.interrupted.size(), std::size_t(1));
        QCOMPARE(log.interrupted[0].time, 1500.0);
        QCOMPARE(log.interrupted[0].workKept, 1000.0);
        // Restart at 1500: overhead 100, 2600 s of work, checkpoints at 2000 and 3000 (none at
        // the end): 1500 + 100 + 2600 + 2 × 60.
        QCOMPARE(log.starts.size(), std::size_t(2));
        QCOMPARE(log.starts[1].first, 1500.0);
        QCOMPARE(log.starts[1].second, 1); // on r0-n1
        const JobOutcome &job = result.jobs[0];
        QCOMPARE(job.end, 4320.0);
        QCOMPARE(job.firstStart, 0.0);
        QCOMPARE(job.interruptions, std::uint32_t(1));
        QCOMPARE(job.runTime, 4320.0);
        const ReliabilityMetrics &r = *result.metrics.reliability;
        QCOMPARE(r.interruptions, 1LL);
        QCOMPARE(r.plannedOutages, 1LL);
        QCOMPARE(r.nodeFailures, 0LL);
        // Lost: 60 paused + 440 redone at the cut; 100 overhead + 120 paused after it.
        QCOMPARE(r.lostAcceleratorHours, 8.0 * 720.0 / 3600.0);
        QCOMPARE(r.goodput, 3600.0 / 4320.0);                  // useful work over time held
        QCOMPARE(r.nodeHoursDown, (4320.0 - 1500.0) / 3600.0); // until the run ends
    }

    // A gang is interrupted as a whole; without checkpoints it starts over after its overhead.
    void gangLosesOneNode()
    {
        Scenario s = ScenarioBuilder().nodes(4, 8, "gpu").job(1, 0, 16, 1000).build();
        s.jobs[0].checkpoints = JobCheckpoints{0, 0, 50};
        s.outages = {{"r0-n1", 400, 100000}};
        FailureLog log;
        const RunResult result = runWith(s, log);
        QCOMPARE(log.failed.size(), std::size_t(1));
        QCOMPARE(log.failed[0].node, 1);
        QVERIFY(log.failed[0].planned);
        QCOMPARE(log.interrupted.size(), std::size_t(1));
        QCOMPARE(log.interrupted[0].workKept, 0.0);
        QCOMPARE(log.allocations.size(), std::size_t(2));
        QCOMPARE(nodesOf(log.allocations[0]), std::vector<int>({0, 1}));
        QCOMPARE(nodesOf(log.allocations[1]), std::vector<int>({0, 2})); // not the down node
        QCOMPARE(result.jobs[0].end, 400.0 + 50.0 + 1000.0);
        const ReliabilityMetrics &r = *result.metrics.reliability;
        QCOMPARE(r.lostAcceleratorHours, 16.0 * (400.0 + 50.0) / 3600.0);
    }

    // With power management a node that fails while booting for the queue head abandons the
    // boot; the next wake-up boots another node.
    void failureDuringBoot()
    {
        Scenario s = ScenarioBuilder().nodes(2, 8, "gpu").job(1, 500, 8, 100).build();
        s.nodeTypes[0].bootS = 60;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 0;
        s.outages = {{"r0-n0", 530, 1000}};
        // The run starts at the first submission (500), so idle clocks start then: submit a
        // first small job at 0 to start the clock earlier.
        s.jobs.insert(s.jobs.begin(), Job{});
        s.jobs[0].id = 0;
        s.jobs[0].runS = 1;
        s.jobs[0].slots = 1;
        FailureLog log;
        const RunResult result = runWith(s, log);
        // Both nodes are off by 101 + 0 s; at 500 r0-n0 boots (ready at 560) but goes down at
        // 530; r0-n1 boots then and is ready at 590.
        bool bootedFirst = false, downWhileBooting = false, bootedSecond = false;
        for (const auto &[time, node, state] : log.switches) {
            bootedFirst =
                    bootedFirst || (node == 0 && state == NodePowerState::Booting && time == 500.0);
            downWhileBooting = downWhileBooting ||
                               (node == 0 && state == NodePowerState::Down && time == 530.0);
            bootedSecond = bootedSecond ||
                           (node == 1 && state == NodePowerState::Booting && time == 530.0);
        }
        QVERIFY(bootedFirst);
        QVERIFY(downWhileBooting);
        QVERIFY(bootedSecond);
        QCOMPARE(log.starts.back().first, 590.0);
        QCOMPARE(log.starts.back().second, 1);
        QCOMPARE(result.jobs[1].end, 690.0);
        QCOMPARE(result.metrics.reliability->interruptions, 0LL);
    }

    // A repair frees the node the queue head waits for; the requeue policy decides who is
    // first: the interrupted job (head) or the job that queued behind it (tail).
    void repairFreesNodeForQueueHead_data()
    {
        QTest::addColumn<bool>("head");
        QTest::addColumn<double>("interruptedEnd");
        QTest::addColumn<double>("otherEnd");
        QTest::newRow("head") << true << 1500.0 << 1510.0;
        QTest::newRow("tail") << false << 1510.0 << 510.0;
    }
    void repairFreesNodeForQueueHead()
    {
        QFETCH(bool, head);
        QFETCH(double, interruptedEnd);
        QFETCH(double, otherEnd);
        Scenario s = ScenarioBuilder()
                             .nodes(1, 8, "gpu")
                             .job(1, 0, 8, 1000)
                             .job(2, 50, 8, 10)
                             .scheduler(SchedulerKind::Fcfs)
                             .build();
        s.outages = {{"r0-n0", 100, 400}};
        s.failures.requeue = head ? RequeuePolicy::Head : RequeuePolicy::Tail;
        Simulation simulation(s);
        FailureLog log;
        simulation.addObserver(&log);
        simulation.runUntil(300.0);
        // The queue head waits for the node to come back.
        const auto waits = simulation.queuedWaits();
        QCOMPARE(waits.size(), std::size_t(2));
        const std::size_t first = head ? 0 : 1;
        for (const auto &[job, wait] : waits) {
            if (job == first)
                QVERIFY2(wait.reason == WaitReason::NodesDown, describe(wait.reason));
        }
        QCOMPARE(simulation.status().nodesDown, 1LL);
        QCOMPARE(simulation.nodePowerState(0), NodePowerState::Down);
        QCOMPARE(simulation.nodeDownUntil(0), 500.0);
        simulation.run();
        const RunResult result = simulation.result();
        QCOMPARE(log.repaired.size(), std::size_t(1));
        QCOMPARE(log.repaired[0].first, 500.0);
        QCOMPARE(result.jobs[0].end, interruptedEnd);
        QCOMPARE(result.jobs[1].end, otherEnd);
    }

    // An outage of an idle node: the gang waits for it, and the down node draws off_w.
    void plannedOutageDrawsOffPower()
    {
        Scenario s = ScenarioBuilder()
                             .nodes(2, 8, "gpu")
                             .linearPower("gpu", 100, 500)
                             .job(1, 0, 16, 100)
                             .build();
        s.nodeTypes[0].offW = 10;
        s.outages = {{"r0-n1", 0, 1000}};
        FailureLog log;
        const RunResult result = runWith(s, log);
        QCOMPARE(result.jobs[0].firstStart, 1000.0);
        QCOMPARE(result.jobs[0].end, 1100.0);
        // 0-1000: 10 W + 100 W; 1000-1100: 2 × 500 W.
        QCOMPARE(result.metrics.energyKwh, (110.0 * 1000.0 + 1000.0 * 100.0) / 3.6e6);
        QCOMPARE(result.metrics.nodeHoursOff, 0.0); // down is not off
        QCOMPARE(result.metrics.reliability->nodeHoursDown, 1000.0 / 3600.0);
        QCOMPARE(result.metrics.reliability->interruptions, 0LL);
        QCOMPARE(result.metrics.reliability->goodput, 1.0);
    }

    // docs/design.md §10.5: a switched-off node takes a failed node's place.
    void powerManagementBootsASpare()
    {
        Scenario s = ScenarioBuilder().nodes(3, 8, "gpu").job(1, 0, 16, 1000).build();
        s.nodeTypes[0].bootS = 60;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 10;
        s.energy.spareNodes = 0;
        s.outages = {{"r0-n1", 500, 100000}};
        FailureLog log;
        const RunResult result = runWith(s, log);
        QCOMPARE(result.metrics.boots, 1LL);
        QCOMPARE(log.starts.back().first, 560.0);
        QCOMPARE(nodesOf(log.allocations.back()), std::vector<int>({0, 2}));
        QCOMPARE(result.jobs[0].end, 1560.0);
    }

    // docs/design.md §10.7: one long gang on n nodes, with spare nodes on so that a failed node
    // is replaced at once. Interruptions are a Poisson process of rate n / MTBF and goodput is
    // 1 − δ/c − (n/MTBF)(c/2 + r); the simulated figures must agree within three standard
    // errors over the seeds (checkpoint cost small against the interval, so the first-order
    // formula's own error is far below the statistical one).
    void agreesWithTheAnalyticModel()
    {
        const int n = 64;
        const double mtbfH = 1280.0; // MTBF_job = 20 h
        const double c = 1800.0, delta = 10.0, r = 300.0;
        const double jobMtbfS = reliability::jobMtbfS(mtbfH, n);
        const double work = 50.0 * jobMtbfS; // about 50 interruptions a run
        const int seeds = 20;
        double interruptions = 0.0, wall = 0.0, sum = 0.0, sumSquares = 0.0;
        for (int seed = 1; seed <= seeds; ++seed) {
            Scenario s = analyticScenario(n, 16, mtbfH, work, {c, delta, r});
            s.failures.seed = std::uint64_t(seed);
            const RunResult result = runWith(s);
            QCOMPARE(result.jobs[0].state, JobState::Completed);
            const ReliabilityMetrics &m = *result.metrics.reliability;
            interruptions += double(m.interruptions);
            wall += result.jobs[0].runTime;
            sum += m.goodput;
            sumSquares += m.goodput * m.goodput;
            // Every interruption was answered at once: the job never waited.
            QCOMPARE(result.jobs[0].end - result.jobs[0].submit, result.jobs[0].runTime);
        }
        // Interruptions per second of running: Poisson, so the count's standard error is √N.
        const double rate = interruptions / wall;
        const double rateError = std::sqrt(interruptions) / wall;
        const double expectedRate = 1.0 / jobMtbfS;
        QVERIFY2(std::fabs(rate - expectedRate) < 3.0 * rateError,
                 qPrintable(QStringLiteral("rate %1 vs %2 ± %3")
                                    .arg(rate)
                                    .arg(expectedRate)
                                    .arg(rateError)));
        const double mean = sum / seeds;
        const double sd = std::sqrt((sumSquares - seeds * mean * mean) / (seeds - 1));
        const double error = sd / std::sqrt(double(seeds));
        const double expected = reliability::expectedGoodput(c, delta, r, jobMtbfS);
        qInfo("interruptions per hour %.5f (model %.5f, ±%.5f); goodput %.5f (model %.5f, ±%.5f)",
              rate * 3600.0, expectedRate * 3600.0, rateError * 3600.0, mean, expected, error);
        QVERIFY(error > 0.0);
        QVERIFY2(std::fabs(mean - expected) < 3.0 * error,
                 qPrintable(QStringLiteral("goodput %1 vs %2 ± %3")
                                    .arg(mean)
                                    .arg(expected)
                                    .arg(error)));
    }

    // The same scenario and failure seed give byte-identical outputs; another seed other
    // failures; the scenario's other seed does not move them.
    void deterministic()
    {
        Scenario s = analyticScenario(8, 2, 50.0, 200000.0, {3600, 60, 120});
        s.nodeTypes[0].repairDistribution = RepairDistribution::Exponential;
        s.jobs.push_back(s.jobs[0]);
        s.jobs.back().id = 2;
        s.jobs.back().slots = 8;
        const RunResult a = runWith(s);
        const RunResult b = runWith(s);
        QVERIFY(a.metrics.reliability->nodeFailures > 0);
        QCOMPARE(qs(metricsJson(a.metrics, {})), qs(metricsJson(b.metrics, {})));
        QCOMPARE(qs(jobsCsv(a)), qs(jobsCsv(b)));
        QCOMPARE(qs(timeseriesCsv(a)), qs(timeseriesCsv(b)));
        Scenario other = s;
        other.seed = 99;
        QCOMPARE(qs(metricsJson(runWith(other).metrics, {})), qs(metricsJson(a.metrics, {})));
        other.failures.seed = 2;
        const RunResult c = runWith(other);
        QVERIFY(metricsJson(c.metrics, {}) != metricsJson(a.metrics, {}));
        QVERIFY(jobsCsv(c) != jobsCsv(a));
        // The outputs carry the failure columns.
        QVERIFY(jobsCsv(a).starts_with("id,submit_s,start_s,end_s,slots,state,interruptions\n"));
        QVERIFY(timeseriesCsv(a).find(",jain_index,nodes_down\n") != std::string::npos);
        QVERIFY(metricsJson(a.metrics, {}).find("\"goodput\"") != std::string::npos);
    }

    // Sample::interruptions, nodeFailures and plannedOutages count so far (docs/design.md
    // §10.6): each sample holds the events up to its time, so they only climb and end at the
    // run's totals; the time series CSV keeps its columns.
    void samplesCountCumulatively()
    {
        Scenario s = analyticScenario(8, 2, 50.0, 200000.0, {3600, 60, 120});
        s.outages = {{"r0-n3", 7200.0, 3600.0}, {"r0-n5", 90000.0, 600.0}};
        s.policy.sampleIntervalS = 600.0;
        FailureLog log;
        const RunResult result = runWith(s, log);
        const ReliabilityMetrics &r = *result.metrics.reliability;
        QVERIFY(r.interruptions > 2);
        QVERIFY(r.nodeFailures > 2);
        QCOMPARE(r.plannedOutages, 2LL);
        QVERIFY(result.samples.size() > 100);
        std::vector<SimTime> interrupted;
        std::vector<SimTime> failed;
        for (const auto &e : log.interrupted)
            interrupted.push_back(e.time);
        for (const auto &f : log.failed) {
            if (!f.planned)
                failed.push_back(f.time);
        }
        const std::vector<SimTime> outages = {7200.0, 90000.0};
        // A sample counts every event before its time, and may count those at its time
        // (events at a sample's own instant may come before or after it), none after.
        const auto counts = [](const std::vector<SimTime> &times, const Sample &sample,
                               long long counted) {
            const long long before = std::count_if(times.begin(), times.end(),
                                                   [&](SimTime t) { return t < sample.time; });
            const long long by = std::count_if(times.begin(), times.end(),
                                               [&](SimTime t) { return t <= sample.time; });
            return before <= counted && counted <= by;
        };
        const Sample *previous = nullptr;
        for (const Sample &sample : result.samples) {
            QVERIFY(counts(interrupted, sample, sample.interruptions));
            QVERIFY(counts(failed, sample, sample.nodeFailures));
            QVERIFY(counts(outages, sample, sample.plannedOutages));
            if (previous) {
                QVERIFY(sample.interruptions >= previous->interruptions);
                QVERIFY(sample.nodeFailures >= previous->nodeFailures);
                QVERIFY(sample.plannedOutages >= previous->plannedOutages);
            }
            previous = &sample;
        }
        QCOMPARE(std::size_t(r.interruptions), interrupted.size());
        QCOMPARE(std::size_t(r.nodeFailures), failed.size());
        QCOMPARE(result.samples.front().interruptions, 0LL);
        QVERIFY(result.samples.back().interruptions > 2);
        QCOMPARE(result.samples.back().plannedOutages, 2LL);
        // Not in the CSV: its header still ends with nodes_down.
        const std::string csv = timeseriesCsv(result);
        QVERIFY(csv.substr(0, csv.find('\n')).ends_with(",nodes_down"));
    }

    // EASY under a cluster power cap with failures: a job interrupted and requeued at the head
    // is a queued job like any other for the cap's bookkeeping (its demand is tracked, and the
    // queue's verdict on its tail gives way to it). The bundled two-rack example with frequent
    // failures used to stop with "unordered_map::at" at 23 h.
    void easyUnderACapRequeuesAtTheHead()
    {
        const QByteArray dir = qgetenv("HEADROOM_SOURCE_DIR");
        QVERIFY2(!dir.isEmpty(), "run through CTest, which sets HEADROOM_SOURCE_DIR");
        Scenario s = loadScenarioFile(dir.toStdString() + "/resources/examples/two-rack-h100.json");
        QVERIFY(s.energy.clusterPowerCapKw.has_value());
        QVERIFY(s.policy.scheduler == SchedulerKind::Easy);
        s.nodeTypes[0].mtbfH = 60.0;
        s.nodeTypes[0].repairH = 3.0;
        s.failures.enabled = true;
        s.outages = {{s.cluster.zones[0].racks[0].nodes[2].name, 20000.0, 7200.0}};
        RunResult result;
        try {
            result = runWith(s);
        } catch (const std::exception &error) {
            QFAIL(error.what());
        }
        QVERIFY(result.finished);
        QVERIFY(result.metrics.reliability->interruptions > 5);
        QCOMPARE(result.metrics.jobsCompleted + result.metrics.jobsRejected,
                 result.metrics.jobsSubmitted);
    }

    // Without a failure model nothing is added to the outputs.
    void noFailureModelNoNewOutputs()
    {
        const Scenario s = ScenarioBuilder().nodes(2, 8, "gpu").job(1, 0, 8, 100).build();
        const RunResult result = runWith(s);
        QVERIFY(!result.metrics.reliability);
        QVERIFY(jobsCsv(result).starts_with("id,submit_s,start_s,end_s,slots,state\n"));
        QVERIFY(metricsJson(result.metrics, {}).find("goodput") == std::string::npos);
    }

    // Energy is still the integral of the reported power with failures, repairs, power
    // management and checkpointed jobs, under every scheduler.
    void energyIsIntegralOfPower_data()
    {
        QTest::addColumn<int>("scheduler");
        QTest::newRow("fcfs") << int(SchedulerKind::Fcfs);
        QTest::newRow("sjf") << int(SchedulerKind::Sjf);
        QTest::newRow("srtf") << int(SchedulerKind::Srtf);
        QTest::newRow("easy") << int(SchedulerKind::Easy);
    }
    void energyIsIntegralOfPower()
    {
        QFETCH(int, scheduler);
        Scenario s = ScenarioBuilder()
                             .nodes(12, 8, "gpu")
                             .linearPower("gpu", 1000, 6000)
                             .scheduler(static_cast<SchedulerKind>(scheduler))
                             .restartOverhead(30)
                             .build();
        s.nodeTypes[0].offW = 40;
        s.nodeTypes[0].bootS = 120;
        s.nodeTypes[0].mtbfH = 20;
        s.nodeTypes[0].repairH = 0.5;
        s.nodeTypes[0].repairDistribution = RepairDistribution::Exponential;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 300;
        s.energy.spareNodes = 1;
        s.failures.enabled = true;
        s.failures.seed = 5;
        s.outages = {{"r0-n3", 7200, 3600}};
        std::uint64_t state = 12345;
        const auto next = [&] {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            return double(state >> 11) * 0x1.0p-53;
        };
        for (int id = 1; id <= 150; ++id) {
            Job job;
            job.id = id;
            job.submitS = std::floor(next() * 86400.0);
            job.slots = 1 + int(next() * 24.0);
            job.runS = 600.0 + std::floor(next() * 20000.0);
            job.requestedS = job.runS * 1.5;
            if (id % 3 == 0)
                job.checkpoints = JobCheckpoints{1800, 30, 60};
            s.jobs.push_back(job);
        }
        std::sort(s.jobs.begin(), s.jobs.end(),
                  [](const Job &a, const Job &b) { return a.submitS < b.submitS; });
        Simulation simulation(s);
        headroom::test::RecordingObserver observer;
        FailureLog log;
        simulation.addObserver(&observer);
        simulation.addObserver(&log);
        simulation.run();
        const RunResult result = simulation.result();
        QVERIFY(result.metrics.reliability->nodeFailures > 3);
        QCOMPARE(log.startsOnUnusableNodes, 0); // never placed on a down (or off) node
        QVERIFY(std::any_of(log.switches.begin(), log.switches.end(), [](const auto &change) {
            return std::get<2>(change) == NodePowerState::Down;
        }));
        // Every interruption was reported, and counted per job.
        long long perJob = 0;
        for (const JobOutcome &job : result.jobs)
            perJob += job.interruptions;
        QCOMPARE(perJob, result.metrics.reliability->interruptions);
        QCOMPARE(static_cast<long long>(log.interrupted.size()), perJob);
        QVERIFY(result.metrics.reliability->interruptions > 0);
        QCOMPARE(result.metrics.jobsCompleted, 150LL);
        QCOMPARE(result.metrics.energyKwh, observer.integratePower(result.endTime) / 3.6e6);
        const ReliabilityMetrics &r = *result.metrics.reliability;
        QVERIFY(r.goodput > 0.0 && r.goodput < 1.0);
    }
};

QTEST_GUILESS_MAIN(TestFailures)
#include "test_failures.moc"
