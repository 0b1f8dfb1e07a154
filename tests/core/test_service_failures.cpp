// Failures and outages of nodes that hold inference-service replicas (docs/design.md §10.4,
// §3.11): the replica is lost at once, placed again by the service's placement rule and serves
// its start-up time later; hand-worked power, served requests and replica counts (with a free
// node, without one, and waking an off node), where the minimum replicas' hold goes, and random
// failures striking replica nodes.
#include "core/engine/simulation.h"
#include "core/io/run_outputs.h"
#include "tests/support/recording_observer.h"
#include "tests/support/run_helpers.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <vector>

using namespace headroom;
using headroom::test::outcome;
using headroom::test::RecordingObserver;
using headroom::test::runScenario;
using headroom::test::ScenarioBuilder;

namespace {

constexpr double kDay = 86400.0;

// `nodes` nodes of 4 accelerators (idle 100 W, full 500 W: 100 W per busy accelerator, off
// 10 W) and one service of two whole-node replicas of 100 rps at a constant 150 rps (u 0.75:
// a replica's node draws 400 W), a 300 s start-up, and an outage of r0-n0 from 1000 s to
// 3000 s. First fit puts the replicas on r0-n0 and r0-n1.
Scenario outageUnderAReplica(int nodes)
{
    ScenarioBuilder b;
    b.nodes(nodes, 4).linearPower("node", 100, 500).service("api", 4, 100, 2, 2, 150, 300);
    Scenario s = b.build();
    s.nodeTypes[0].offW = 10;
    s.outages = {{"r0-n0", 1000, 2000}};
    return s;
}

// Where the replicas are: slots pinned per node, and node 0's power state, at one instant.
struct Picture
{
    std::vector<int> pinned;
    NodePowerState node0 = NodePowerState::Idle;
};

// Runs the scenario to the end, recording the power and a Picture after each of `times`.
RunResult runWatching(const Scenario &scenario, RecordingObserver &observer,
                      const std::vector<SimTime> &times, std::vector<Picture> &pictures)
{
    Simulation simulation(scenario);
    simulation.addObserver(&observer);
    const ClusterState &state = simulation.clusterState();
    for (SimTime time : times) {
        simulation.runUntil(time);
        Picture picture;
        for (int node = 0; node < state.nodeCount(); ++node)
            picture.pinned.push_back(state.pinnedSlots(node));
        picture.node0 = simulation.nodePowerState(0);
        pictures.push_back(picture);
    }
    simulation.run();
    return simulation.result();
}

} // namespace

class TestServiceFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A free node: the replica lost at 1000 s is placed on r0-n2 at that instant and serves
    // from 1300 s. Power: 0..1000 2 × 400 + 100 = 900 W; 1000..1300 the down node 10 W, the
    // one serving replica at u 1 (150 rps > 100) 500 W, the starting one idle 100 W = 610 W;
    // 1300..3000 10 + 2 × 400 = 810 W; from 3000 r0-n0 is back and idle: 900 W.
    void lostReplicaMovesToAFreeNode()
    {
        RecordingObserver observer;
        std::vector<Picture> at;
        const RunResult r = runWatching(outageUnderAReplica(3), observer, {999, 1000}, at);
        QCOMPARE(at[0].pinned, std::vector<int>({4, 4, 0}));
        QCOMPARE(at[1].node0, NodePowerState::Down);
        QCOMPARE(at[1].pinned, std::vector<int>({0, 4, 4})); // placed again at once

        const std::vector<RecordingObserver::PowerStep> steps{
                {0.0, 900.0}, {1000.0, 610.0}, {1300.0, 810.0}, {3000.0, 900.0}};
        QCOMPARE(observer.power, steps);
        const double energy = 900.0 * 1000 + 610.0 * 300 + 810.0 * 1700 + 900.0 * (kDay - 3000);
        QCOMPARE(r.metrics.energyKwh, energy / 3.6e6);
        QCOMPARE(r.metrics.energyKwh, observer.integratePower(r.endTime) / 3.6e6);

        const ServiceMetrics &api = r.metrics.services.at(0);
        QCOMPARE(api.offeredRequests, 150.0 * kDay);
        QCOMPARE(api.servedRequests, 150.0 * kDay - 50.0 * 300.0); // one replica 1000..1300
        QCOMPARE(api.meanReplicas, 2.0); // lost and placed again at the same instant
        QCOMPARE(api.maxReplicasUsed, 2);

        const ReliabilityMetrics &reliability = *r.metrics.reliability;
        QCOMPARE(reliability.plannedOutages, 1LL);
        QCOMPARE(reliability.replicaInterruptions, 1LL);
        QCOMPARE(reliability.interruptions, 0LL); // no job was interrupted
        QCOMPARE(reliability.nodeHoursDown, 2000.0 / 3600.0);
        QVERIFY(metricsJson(r.metrics, {}).find("\"replica_interruptions\": 1") !=
                std::string::npos);
    }

    // No free node: the lost replica waits until r0-n0 is back at 3000 s, is placed on it then
    // and serves from 3300 s. Power: 800 W; 1000..3000 10 + 500 = 510 W; 3000..3300 the
    // starting replica's node idle 100 + 500 = 600 W; then 800 W. While it waits it is not a
    // placed replica (mean replicas), and while it starts it is one that does not serve.
    void lostReplicaWaitsForTheRepair()
    {
        RecordingObserver observer;
        std::vector<Picture> at;
        const RunResult r = runWatching(outageUnderAReplica(2), observer, {1000, 2999, 3000}, at);
        QCOMPARE(at[0].pinned, std::vector<int>({0, 4})); // lost; no room for it
        QCOMPARE(at[1].pinned, std::vector<int>({0, 4}));
        QCOMPARE(at[1].node0, NodePowerState::Down);
        QCOMPARE(at[2].pinned, std::vector<int>({4, 4})); // placed on the node back
        QCOMPARE(at[2].node0, NodePowerState::Busy);

        const std::vector<RecordingObserver::PowerStep> steps{
                {0.0, 800.0}, {1000.0, 510.0}, {3000.0, 600.0}, {3300.0, 800.0}};
        QCOMPARE(observer.power, steps);
        QCOMPARE(r.metrics.energyKwh, observer.integratePower(r.endTime) / 3.6e6);

        const ServiceMetrics &api = r.metrics.services.at(0);
        QCOMPARE(api.servedRequests, 150.0 * kDay - 50.0 * 2300.0);
        QCOMPARE(api.meanReplicas, (2.0 * kDay - 2000.0) / kDay);
        QCOMPARE(r.metrics.reliability->replicaInterruptions, 1LL);
    }

    // Under power management the lost replica wakes a switched-off node, as a queued job
    // would, and is placed when it has booted: r0-n2, idle, is off from 100 s; at 1000 s it
    // boots (120 s) for the replica, which is placed at 1120 s and serves from 1420 s.
    void lostReplicaWakesAnOffNode()
    {
        Scenario s = outageUnderAReplica(3);
        s.nodeTypes[0].bootS = 120;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 0;
        RecordingObserver observer;
        std::vector<Picture> at;
        const RunResult r = runWatching(s, observer, {1119, 1120}, at);
        QCOMPARE(at[0].pinned, std::vector<int>({0, 4, 0}));
        QCOMPARE(at[1].pinned, std::vector<int>({0, 4, 4}));
        QCOMPARE(r.metrics.boots, 1LL);
        const ServiceMetrics &api = r.metrics.services.at(0);
        QCOMPARE(api.servedRequests, 150.0 * kDay - 50.0 * 420.0);
        QCOMPARE(r.metrics.energyKwh, observer.integratePower(r.endTime) / 3.6e6);
    }

    // A replica larger than a node (a gang of r0-n0 and r0-n1) is lost whole when one of its
    // nodes goes down, counts once, and is placed again on whole nodes that are up (first fit:
    // r0-n0, released with it, and r0-n2); it serves 60 s later.
    void gangReplicaIsLostWhole()
    {
        ScenarioBuilder b;
        b.nodes(4, 4).service("api", 8, 100, 1, 1, 50, 60);
        Scenario s = b.build();
        s.outages = {{"r0-n1", 1000, 1000}};
        RecordingObserver observer;
        std::vector<Picture> at;
        const RunResult r = runWatching(s, observer, {999, 1000}, at);
        QCOMPARE(at[0].pinned, std::vector<int>({4, 4, 0, 0}));
        QCOMPARE(at[1].pinned, std::vector<int>({4, 0, 4, 0}));
        QCOMPARE(r.metrics.reliability->replicaInterruptions, 1LL);
        QCOMPARE(r.metrics.services.at(0).servedRequests, 50.0 * kDay - 50.0 * 60.0);
    }

    // docs/design.md §3.2: the slots the minimum replicas hold for the run move with a lost
    // replica. Job 1 uses r0-n2 at first; once the replica has moved there, a job pinned to
    // r0-n2 can never start (rejected), and one pinned to r0-n0 runs once the node is back.
    void minimumReplicasHoldMovesWithThem()
    {
        ScenarioBuilder b;
        b.nodes(3, 4).service("api", 4, 100, 2, 2, 150, 300);
        b.job(1, 0, 4, 500).job(2, 1500, 4, 100).job(3, 3500, 4, 100);
        b.constrain(1, {"", "", "", "r0-n2"})
                .constrain(2, {"", "", "", "r0-n2"})
                .constrain(3, {"", "", "", "r0-n0"});
        Scenario s = b.build();
        s.outages = {{"r0-n0", 1000, 2000}};
        const RunResult r = runScenario(s);
        QCOMPARE(outcome(r, 1).end, 500.0);
        QCOMPARE(outcome(r, 2).state, JobState::Rejected);
        QCOMPARE(outcome(r, 2).rejectReason, RejectReason::NeedsServiceNodes);
        QCOMPARE(outcome(r, 3).firstStart, 3500.0);
        QCOMPARE(outcome(r, 3).end, 3600.0);
        QCOMPARE(r.metrics.reliability->replicaInterruptions, 1LL);
    }

    // docs/design.md §10.1: a node holding a replica is eligible to fail. Every node holds one
    // (four whole-node replicas on four nodes), so every failure strikes one: before, none
    // could. Each failure loses exactly one replica (a failed node's replica waits for its
    // repair: the other nodes hold theirs), and energy is still the integral of power.
    void randomFailuresStrikeReplicaNodes()
    {
        ScenarioBuilder b;
        b.nodes(4, 4).linearPower("node", 100, 500).service("api", 4, 100, 4, 4, 300, 120);
        Scenario s = b.build();
        s.nodeTypes[0].offW = 10;
        s.nodeTypes[0].mtbfH = 24;
        s.nodeTypes[0].repairH = 2;
        s.failures.enabled = true;
        s.failures.seed = 7;
        s.policy.horizonS = 10 * kDay;
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);

        QCOMPARE(r.endTime, 10 * kDay);
        const ReliabilityMetrics &reliability = *r.metrics.reliability;
        QVERIFY(reliability.nodeFailures > 10); // about 4 × 240 h ÷ 24 h = 40
        QCOMPARE(reliability.replicaInterruptions, reliability.nodeFailures);
        // Each failure keeps its node down 2 h, but for the one the run's end cuts short.
        QVERIFY(reliability.nodeHoursDown <= 2.0 * double(reliability.nodeFailures));
        QVERIFY(reliability.nodeHoursDown > 2.0 * double(reliability.nodeFailures - 4));
        const ServiceMetrics &api = r.metrics.services.at(0);
        QVERIFY(api.servedRequests < api.offeredRequests);
        QVERIFY(api.meanReplicas < 4.0);
        QCOMPARE(r.metrics.energyKwh, observer.integratePower(r.endTime) / 3.6e6);

        // The same seed gives the same failures.
        const RunResult again = runScenario(s);
        QCOMPARE(again.metrics.reliability, r.metrics.reliability);
        QCOMPARE(again.metrics.services, r.metrics.services);
    }
};

QTEST_GUILESS_MAIN(TestServiceFailures)
#include "test_service_failures.moc"
