// Energy management (docs/design.md §4) on hand-worked cases: dynamic power management (timeouts,
// spares, boots), power caps, DVFS and the rack spread penalty, and the exact energy, cost and
// carbon integrals.
#include "core/engine/simulation.h"
#include "core/io/run_outputs.h"
#include "core/placement/placement_explain.h"
#include "tests/support/recording_observer.h"
#include "tests/support/run_helpers.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <algorithm>
#include <limits>

using namespace headroom;
using headroom::test::outcome;
using headroom::test::RecordingObserver;
using headroom::test::runScenario;
using headroom::test::ScenarioBuilder;

namespace {

NodeType &typeOf(Scenario &scenario, const std::string &name = "node")
{
    for (NodeType &type : scenario.nodeTypes) {
        if (type.name == name)
            return type;
    }
    throw std::logic_error("no type " + name);
}

void setBudget(Scenario &scenario, const std::string &rack, double kw)
{
    for (Zone &zone : scenario.cluster.zones) {
        for (Rack &r : zone.racks) {
            if (r.name == rack)
                r.powerBudgetKw = kw;
        }
    }
}

// Dynamic power management on, with the switching figures of node type "node": how most cases
// here begin.
void managePower(Scenario &scenario, double offW, SimTime bootS, SimTime shutdownS,
                 SimTime idleTimeoutS, int spareNodes)
{
    NodeType &type = typeOf(scenario);
    type.offW = offW;
    type.bootS = bootS;
    type.shutdownS = shutdownS;
    scenario.energy.dpmEnabled = true;
    scenario.energy.idleTimeoutS = idleTimeoutS;
    scenario.energy.spareNodes = spareNodes;
}

// Small scenarios in which job 2 (or 3) waits for one reason (queuedJobSaysWhatItWaitsFor).
enum class WaitCase { HeadOfLine, NodesBusy, Constraint, PowerCap, Booting, HeldByService };

Scenario waitScenario(WaitCase c)
{
    ScenarioBuilder b;
    switch (c) {
    case WaitCase::HeadOfLine: // FCFS: job 2 (2 slots) is the head, job 3 (1 slot) behind it
    case WaitCase::NodesBusy:
        b.singleSlotNodes(2).scheduler(SchedulerKind::Fcfs);
        b.job(1, 0, 1, 100).job(2, 1, 2, 10).job(3, 2, 1, 10);
        return b.build();
    case WaitCase::Constraint: { // job 2 may use only r0, which job 1 holds; r1 is free
        b.nodes(1, 1, "node", "r0").nodes(1, 1, "node", "r1");
        b.job(1, 0, 1, 100).job(2, 1, 1, 10);
        JobConstraints rack;
        rack.rack = "r0";
        b.constrain(1, rack).constrain(2, rack);
        return b.build();
    }
    case WaitCase::PowerCap: { // a 500 W rack budget holds one busy node of two (400 W)
        b.singleSlotNodes(2).linearPower("node", 100, 300).job(1, 0, 1, 100).job(2, 1, 1, 10);
        Scenario s = b.build();
        setBudget(s, "r0", 0.5);
        return s;
    }
    case WaitCase::Booting: { // node 1 is off from 10; job 2 at 20 boots it (50 s)
        b.singleSlotNodes(2).linearPower("node", 100, 300).job(1, 0, 1, 1000).job(2, 20, 1, 10);
        Scenario s = b.build();
        managePower(s, 10, 50, 5, 5, 0);
        return s;
    }
    case WaitCase::HeldByService: { // a constant 15 rps keeps a second replica on the node
        b.nodes(1, 4).service("api", 2, 10, 1, 2, 15).job(1, 10, 2, 10);
        return b.build();
    }
    }
    return b.build();
}
} // namespace

class TestEnergy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One node (idle 100 W, busy 300 W, off 10 W), timeout 100 s, shutdown 20 s, boot 50 s:
    //   job 1   0..10 busy;   idle 10..110;   shutting down 110..130;   off 130..200
    //   job 2 submitted at 200: the node is off, so it is booted 200..250 and the job runs
    //   250..260.
    void nodeSwitchedOffAfterTimeoutAndNextJobPaysBoot()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(1).linearPower("node", 100, 300).job(1, 0, 1, 10).job(2, 200, 1, 10);
        Scenario s = b.build();
        managePower(s, 10, 50, 20, 100, 0);
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);

        QCOMPARE(outcome(r, 1).firstStart, 0.0);
        QCOMPARE(outcome(r, 2).firstStart, 250.0);
        QCOMPARE(outcome(r, 2).end, 260.0);
        QCOMPARE(outcome(r, 2).wait(), 50.0);
        const std::vector<RecordingObserver::NodeSwitch> expected = {
                {110.0, 0, NodePowerState::ShuttingDown},
                {130.0, 0, NodePowerState::Off},
                {200.0, 0, NodePowerState::Booting},
                {250.0, 0, NodePowerState::Idle},
        };
        QCOMPARE(observer.switches, expected);

        const RunMetrics &m = r.metrics;
        QCOMPARE(m.boots, 1LL);
        QCOMPARE(m.nodeHoursOff, 70.0 / 3600.0);
        // 300·10 + 100·100 + 100·20 + 10·70 + 100·50 (booting at idle power) + 300·10
        QCOMPARE(m.energyKwh * 3.6e6, 23700.0);
        QCOMPARE(m.bootEnergyKwh * 3.6e6, 5000.0);
        QCOMPARE(m.energyKwh, observer.integratePower(r.endTime) / 3.6e6);
        QCOMPARE(r.samples.at(150).nodesOff, 1LL); // t = 150 s
        QCOMPARE(r.samples.at(220).nodesBooting, 1LL);
    }

    // A boot_w other than idle is what a booting node draws.
    void bootPowerIsBootW()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(1).linearPower("node", 100, 300).job(1, 0, 1, 10).job(2, 200, 1, 10);
        Scenario s = b.build();
        NodeType &type = typeOf(s);
        type.bootS = 50;
        type.bootW = 400;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        const RunResult r = runScenario(s);
        // 300·10 + 100·100 (idle) + 0·90 (off from 110, shutdown 0 s) + 400·50 + 300·10
        QCOMPARE(r.metrics.energyKwh * 3.6e6, 36000.0);
        QCOMPARE(r.metrics.bootEnergyKwh * 3.6e6, 20000.0);
        QCOMPARE(r.metrics.nodeHoursOff, 90.0 / 3600.0);
    }

    // Three single-slot nodes, two spares, timeout 100 s. Nodes 1 and 2 are idle from t=0 and
    // time out together at 100: three nodes are idle and on, so one may go; the highest index
    // (2) is switched off and node 1 stays. Node 0 (idle from 10) times out at 110 with only
    // two idle nodes on: it is a spare and stays on. A 2-slot job at 500 starts at once.
    void spareNodesStayOn()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(3).linearPower("node", 100, 300).job(1, 0, 1, 10).job(2, 500, 2, 10);
        Scenario s = b.build();
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 2;
        RecordingObserver observer;
        Simulation simulation(s);
        simulation.addObserver(&observer);
        simulation.runUntil(400);
        const std::vector<RecordingObserver::NodeSwitch> expected = {
                {100.0, 2, NodePowerState::ShuttingDown},
                {100.0, 2, NodePowerState::Off}, // shutdown_s = 0: a second batch at 100
        };
        QCOMPARE(observer.switches, expected);
        QCOMPARE(simulation.nodePowerState(0), NodePowerState::Idle);
        QCOMPARE(simulation.nodePowerState(1), NodePowerState::Idle);
        QCOMPARE(simulation.nodePowerState(2), NodePowerState::Off);
        QCOMPARE(simulation.status().nodesOff, 1LL);
        simulation.run();
        const RunResult r = simulation.result();
        QCOMPARE(outcome(r, 2).firstStart, 500.0);
        // Job 2 took both spares: node 2 is booted (0 s) to make them up again.
        QCOMPARE(r.metrics.boots, 1LL);
        QCOMPARE(r.metrics.nodeHoursOff, 400.0 / 3600.0);
    }

    // When a job takes spare nodes, off nodes are booted to keep the spares.
    void sparesAreReplenished()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(3).linearPower("node", 100, 300).job(1, 0, 1, 10).job(2, 500, 2, 100);
        Scenario s = b.build();
        typeOf(s).bootS = 30;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 2;
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        // Job 2 takes both spares at 500; node 2 is booted for the spare pool at once.
        QCOMPARE(outcome(r, 2).firstStart, 500.0);
        QCOMPARE(r.metrics.boots, 1LL);
        QCOMPARE(observer.switches.at(2).time, 500.0);
        QCOMPARE(observer.switches.at(2).node, 2);
        QCOMPARE(observer.switches.at(2).state, NodePowerState::Booting);
    }

    // A gang needs four nodes; one is on, three are off: exactly the three are booted, and
    // the gang starts when the last boot completes.
    void wakeBootsWhatTheHeadLacks()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(4).linearPower("node", 100, 300).job(1, 0, 1, 10).job(2, 1000, 4, 10);
        Scenario s = b.build();
        typeOf(s).bootS = 60;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 1;
        const RunResult r = runScenario(s);
        QCOMPARE(r.metrics.boots, 3LL);
        QCOMPARE(outcome(r, 2).firstStart, 1060.0);
    }

    // Four nodes; a 2-node gang holds nodes 0 and 1 from 0 to 1000, nodes 2 and 3 time out at
    // 100 and are off by 110. A 4-node gang arrives at 500: booting both off nodes would not
    // be enough, so none is booted (it would only burn boot energy) until job 1 ends at 1000;
    // then the two are booted and the gang starts when they are ready at 1060.
    void wakeBootsNothingWhileTheOffNodesCannotMakeUpTheNumber()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(4).linearPower("node", 100, 300).job(1, 0, 2, 1000).job(2, 500, 4, 10);
        Scenario s = b.build();
        typeOf(s).bootS = 60;
        typeOf(s).shutdownS = 10;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 0;
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(r.metrics.boots, 2LL);
        QCOMPARE(outcome(r, 2).firstStart, 1060.0);
        for (const RecordingObserver::NodeSwitch &change : observer.switches) {
            if (change.state == NodePowerState::Booting)
                QCOMPARE(change.time, 1000.0);
        }
    }

    // Nodes 100 W idle, 300 W busy, 10 W off; boot 50 s, shutdown 10 s, timeout 100 s.
    // Cluster cap 500 W. Job 1 holds node 0 from 0 to 1000; node 1 is off from 110. Job 2
    // arrives at 200: booting node 1 for it would take the cluster to 300 + 300 = 600 W once
    // it runs, so the cap keeps node 1 off, and job 2 waits at the cap until node 0 frees at
    // 1000 (then 300 + 10 W).
    void capThatKeepsOffNodesOffCountsAsTimeAtCap()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).job(1, 0, 1, 1000).job(2, 200, 1, 10);
        Scenario s = b.build();
        managePower(s, 10, 50, 10, 100, 0);
        s.energy.clusterPowerCapKw = 0.5;
        const RunResult r = runScenario(s);
        QCOMPARE(r.metrics.boots, 0LL);
        QCOMPARE(outcome(r, 2).firstStart, 1000.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 800.0);
    }

    void queuedJobSaysWhatItWaitsFor_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<double>("at");
        QTest::addColumn<int>("job");
        QTest::addColumn<int>("reason");
        QTest::addColumn<double>("until"); // +inf: not known
        QTest::addColumn<int>("last");     // the reason in its outcome
        const double none = std::numeric_limits<double>::infinity();
        // Job 3 waits behind job 2 until job 1 ends at 100; then job 2 holds both nodes.
        QTest::newRow("head of line")
                << int(WaitCase::HeadOfLine) << 50.0 << 3 << int(WaitReason::HeadOfLine) << none
                << int(WaitReason::NodesBusy);
        QTest::newRow("busy nodes")
                << int(WaitCase::NodesBusy) << 50.0 << 2 << int(WaitReason::NodesBusy) << none
                << int(WaitReason::NodesBusy);
        QTest::newRow("constraint")
                << int(WaitCase::Constraint) << 50.0 << 2 << int(WaitReason::Constraint) << none
                << int(WaitReason::Constraint);
        QTest::newRow("power cap")
                << int(WaitCase::PowerCap) << 50.0 << 2 << int(WaitReason::PowerCap) << none
                << int(WaitReason::PowerCap);
        // Off at 5 + 5 (timeout, shutdown); booted for job 2 from 20 to 70.
        QTest::newRow("booting") << int(WaitCase::Booting) << 30.0 << 2 << int(WaitReason::Booting)
                                 << 70.0 << int(WaitReason::Booting);
        // The constant load never lets the second replica go: job 1 is not started by the end
        // of the run, and says what it waited for.
        QTest::newRow("service") << int(WaitCase::HeldByService) << 500.0 << 1
                                 << int(WaitReason::HeldByService) << none
                                 << int(WaitReason::HeldByService);
    }
    // While it waits the engine says why (Simulation::queuedWaits()); once it starts, or the run
    // ends without it, its outcome keeps the last reason.
    void queuedJobSaysWhatItWaitsFor()
    {
        QFETCH(int, scenario);
        QFETCH(double, at);
        QFETCH(int, job);
        QFETCH(int, reason);
        QFETCH(double, until);
        QFETCH(int, last);
        Simulation simulation(waitScenario(static_cast<WaitCase>(scenario)));
        simulation.runUntil(at);
        const auto waits = simulation.queuedWaits();
        const auto it = std::find_if(waits.begin(), waits.end(), [&](const auto &entry) {
            return entry.first == static_cast<std::size_t>(job - 1);
        });
        QVERIFY(it != waits.end());
        QCOMPARE(int(it->second.reason), reason);
        QCOMPARE(it->second.until, until);
        simulation.run();
        const RunResult r = simulation.result();
        QCOMPARE(int(outcome(r, job).waitedFor.reason), last);
        if (job != 1) {
            QCOMPARE(r.jobs.at(0).waitedFor.reason, WaitReason::None); // started at once
        } else {
            QCOMPARE(outcome(r, job).state, JobState::Rejected);
            QCOMPARE(outcome(r, job).rejectReason, RejectReason::NotStartedByEnd);
        }
    }

    // Time at the cap counts only time in which the cap refused a start that would otherwise
    // have happened: none when the cap never refuses anything although the run draws close
    // to it (two busy nodes at 600 W under a 601 W cap); the refused stretch when it does.
    void timeAtCapCountsOnlyRefusals_data()
    {
        QTest::addColumn<double>("capKw");
        QTest::addColumn<double>("timeAtCap");
        QTest::newRow("close to the cap, nothing refused") << 0.601 << 0.0;
        QTest::newRow("second job refused until 100") << 0.5 << 99.0;
    }
    void timeAtCapCountsOnlyRefusals()
    {
        QFETCH(double, capKw);
        QFETCH(double, timeAtCap);
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).job(1, 0, 1, 100).job(2, 1, 1, 10);
        Scenario s = b.build();
        s.energy.clusterPowerCapKw = capKw;
        const RunResult r = runScenario(s);
        QCOMPARE(r.metrics.timeAtPowerCapS, timeAtCap);
    }

    // EASY under a cap: the head waits for slots, not power, and a job kept behind the head's
    // reservation waits as head of line; nothing the cap refused would have started, so no
    // time at the cap. Three single-slot nodes (100/300 W) under a 900 W cap: job 1 runs
    // 0..100 (500 W); job 2 needs all three nodes; job 3 (500 s, past the shadow time at 100)
    // would take a node the head needs.
    void jobKeptBehindTheHeadIsNoTimeAtCap()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(3).linearPower("node", 100, 300).scheduler(SchedulerKind::Easy);
        b.job(1, 0, 1, 100).job(2, 1, 3, 10).job(3, 2, 1, 500);
        Scenario s = b.build();
        s.energy.clusterPowerCapKw = 0.9;
        Simulation simulation(s);
        simulation.runUntil(50.0);
        const auto waits = simulation.queuedWaits();
        QCOMPARE(waits.size(), std::size_t(2));
        QCOMPARE(waits[0].second.reason, WaitReason::NodesBusy);
        QCOMPARE(waits[1].second.reason, WaitReason::HeadOfLine);
        simulation.run();
        QCOMPARE(simulation.result().metrics.timeAtPowerCapS, 0.0);
    }

    // Wake-up counts what a job adds to a partly used node on top of what that node already
    // draws. Two 4-accelerator nodes (100 W idle + 100 W per busy accelerator, boot 50 s):
    // node A in rack r0 (250 W budget), node B in rack r1 (no budget), off from 110. Job 1,
    // pinned to A, holds one accelerator there until 1000. Job 2 (one accelerator) arrives at
    // 200: A has room but not the power (200 -> 300 W > 250 W), so B is booted for it and
    // power_aware starts it there at 250 (at the cap while it waits for the boot).
    void wakeCountsAPartlyUsedNodesLoad()
    {
        ScenarioBuilder b;
        b.nodes(1, 4, "node", "r0").nodes(1, 4, "node", "r1").linearPower("node", 100, 500);
        b.job(1, 0, 1, 1000).job(2, 200, 1, 10).placement(PlacementKind::PowerAware);
        JobConstraints onA;
        onA.pinNode = "r0-n0";
        b.constrain(1, onA);
        Scenario s = b.build();
        NodeType &type = typeOf(s);
        type.bootS = 50;
        type.shutdownS = 10;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 0;
        setBudget(s, "r0", 0.25);
        const RunResult r = runScenario(s);
        QCOMPARE(r.metrics.boots, 1LL);
        QCOMPARE(outcome(r, 2).firstStart, 250.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 50.0);
        QCOMPARE(r.metrics.rackPeakPowerW.at(0), 200.0);
    }

    // A rack without room for one more node is passed over whole, and the walk goes on in the
    // next racks. Racks r0, r1 and r2 hold two single-slot nodes each (100 W idle, 300 W
    // busy, 10 W off); r0 has a 450 W budget. Job 1, pinned to r0-n0, runs from 0 to 5000;
    // every other node is off from 110. At 1000 a 3-node gang needs three boots: r0-n1
    // would take r0 from 310 W to 600 W, so r1-n0, r1-n1 and r2-n0 are booted and the gang
    // starts on them at 1050.
    void wakePassesOverAFullRackToTheNextRacks()
    {
        ScenarioBuilder b;
        b.nodes(2, 1, "node", "r0").nodes(2, 1, "node", "r1").nodes(2, 1, "node", "r2");
        b.linearPower("node", 100, 300);
        b.job(1, 0, 1, 5000).job(2, 1000, 3, 10);
        JobConstraints pin;
        pin.pinNode = "r0-n0";
        b.constrain(1, pin);
        Scenario s = b.build();
        managePower(s, 10, 50, 10, 100, 0);
        setBudget(s, "r0", 0.45);
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(outcome(r, 2).firstStart, 1050.0);
        std::vector<int> booted;
        for (const RecordingObserver::NodeSwitch &change : observer.switches) {
            if (change.state == NodePowerState::Booting)
                booted.push_back(change.node);
        }
        QCOMPARE(booted, (std::vector<int>{2, 3, 4}));
        QCOMPARE(r.metrics.timeAtPowerCapS, 0.0);
        QCOMPARE(r.metrics.rackPeakPowerW.at(0), 400.0);
    }

    // A node timing out at the instant the boots for a job end stays on for that job's pass.
    // Three single-slot nodes (boot 50 s, timeout 50 s, no spares). Job 1, pinned to node 0,
    // runs 0..100; nodes 1 and 2 time out at 50 and are off at 60. Job 2, a 3-node gang,
    // arrives at 100: node 0 is on, so nodes 1 and 2 are booted, 100..150. Node 0, idle since
    // 100, times out at 150 too; switched off then, the gang would wait for it to shut down
    // and boot again (until 210).
    void nodeTimingOutAsTheBootsForAJobEndWaitsForItsPass()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(3).linearPower("node", 100, 300);
        b.job(1, 0, 1, 100).job(2, 100, 3, 10);
        JobConstraints pin;
        pin.pinNode = "r0-n0";
        b.constrain(1, pin);
        Scenario s = b.build();
        managePower(s, 10, 50, 10, 50, 0);
        const RunResult r = runScenario(s);
        QCOMPARE(outcome(r, 1).firstStart, 0.0);
        QCOMPARE(outcome(r, 2).firstStart, 150.0);
        QCOMPARE(r.metrics.boots, 2LL);
    }

    // Idle nodes alone may draw more than a small rack budget; switching them off draws less,
    // so the budget must not keep them on. Rack r0: two single-slot nodes, 100 W idle, with a
    // 150 W budget; job 1 runs on r1 (no budget) until 1000. Both r0 nodes time out at 100.
    void idleNodesOverARackBudgetAreStillSwitchedOff()
    {
        ScenarioBuilder b;
        b.nodes(2, 1, "node", "r0").nodes(1, 1, "node", "r1").linearPower("node", 100, 300);
        b.job(1, 0, 1, 1000);
        JobConstraints onR1;
        onR1.rack = "r1";
        b.constrain(1, onR1);
        Scenario s = b.build();
        managePower(s, 10, 50, 20, 100, 0);
        setBudget(s, "r0", 0.15);
        RecordingObserver observer;
        runScenario(s, &observer);
        const std::vector<RecordingObserver::NodeSwitch> expected = {
                {100.0, 1, NodePowerState::ShuttingDown},
                {100.0, 0, NodePowerState::ShuttingDown},
                {120.0, 0, NodePowerState::Off},
                {120.0, 1, NodePowerState::Off},
        };
        QCOMPARE(observer.switches, expected);
    }

    // A strategy that does not look at power keeps its own choice when the caps admit it, and
    // otherwise gets power_aware's: a cap on one rack does not hold a job another rack can
    // run. Rack r0: two single-slot nodes (100 W idle, 300 W busy) with a 450 W budget; rack
    // r1: one node, no budget. Job 1 (pinned to r0-n0) runs 0..1000, taking r0 to 400 W. Job 2
    // arrives at 10: every strategy here would pick r0-n1 (lowest index, or emptiest rack
    // first), which would take r0 to 600 W, so it runs on r1-n0 at once.
    void capRefusingTheStrategysChoiceFallsBackToAnotherRack_data()
    {
        QTest::addColumn<int>("placement");
        for (PlacementKind kind :
             {PlacementKind::FirstFit, PlacementKind::BestFit, PlacementKind::LeastLoaded,
              PlacementKind::RoundRobin, PlacementKind::TopologyAware})
            QTest::newRow(std::string(toString(kind)).c_str()) << static_cast<int>(kind);
    }
    void capRefusingTheStrategysChoiceFallsBackToAnotherRack()
    {
        QFETCH(int, placement);
        ScenarioBuilder b;
        b.nodes(2, 1, "node", "r0").nodes(1, 1, "node", "r1").linearPower("node", 100, 300);
        b.placement(static_cast<PlacementKind>(placement));
        b.job(1, 0, 1, 1000).job(2, 10, 1, 10);
        JobConstraints pin;
        pin.pinNode = "r0-n0";
        b.constrain(1, pin);
        Scenario s = b.build();
        setBudget(s, "r0", 0.45);
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(outcome(r, 2).firstStart, 10.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 0.0);
        QCOMPARE(r.metrics.rackPeakPowerW.at(0), 400.0);
        bool onR1 = false;
        for (const auto &start : observer.starts) {
            if (start.job == 1) // input index of job 2
                onR1 = start.allocation.size() == 1 && start.allocation.front().node == 2;
        }
        QVERIFY(onR1);
    }

    // The same cluster with a 150 W budget on r1 too: no rack can take job 2 now, and the
    // explanation says a cap, not room, is what holds it.
    void explanationNamesTheCapThatHoldsAJob()
    {
        ScenarioBuilder b;
        b.nodes(2, 1, "node", "r0").nodes(1, 1, "node", "r1").linearPower("node", 100, 300);
        b.job(1, 0, 1, 1000).job(2, 10, 1, 10);
        JobConstraints pin;
        pin.pinNode = "r0-n0";
        b.constrain(1, pin);
        Scenario s = b.build();
        setBudget(s, "r0", 0.45);
        setBudget(s, "r1", 0.15);
        Simulation simulation(s);
        simulation.runUntil(20);
        const PlacementExplanation e =
                explainPlacement(s.jobs[1], simulation.clusterState(), simulation.placement());
        QVERIFY(!e.fits);
        QCOMPARE(e.summary, std::string("job 2 (1 accelerator) does not fit now: a power cap "
                                        "refuses every allocation it could have (2 node(s) "
                                        "have room)"));
        QCOMPARE(e.nodes[1].verdict, NodeVerdict::Candidate);
        QVERIFY(e.nodes[1].reason.starts_with(
                "has room, but a power cap refuses the job there now"));
    }

    // Waiting for running jobs is not waiting at a cap. Rack r0 holds nodes 0 and 1, rack r1
    // nodes 2 and 3 with a 500 W budget (same power figures as above). Job 1 (a 2-node gang)
    // holds nodes 0 and 1 until 1000, job 3 is pinned to node 3 until 1050, node 2 is off
    // from 110. Job 2, a 3-node gang, arrives at 200: one off node cannot make up three, so
    // nothing is booted, and although r1's budget would also refuse node 2, the job is not
    // at the cap. From 1000 nodes 0 and 1 are free and node 2 alone is missing: now the
    // budget is what keeps it off (300 + 300 W > 500 W), so the job is at the cap until
    // node 3 frees at 1050 and it starts on nodes 0, 1 and 3.
    void tooFewOffNodesIsNotTimeAtCap()
    {
        ScenarioBuilder b;
        b.nodes(2, 1, "node", "r0").nodes(2, 1, "node", "r1").linearPower("node", 100, 300);
        b.job(1, 0, 2, 1000).job(3, 0, 1, 1050).job(2, 200, 3, 10);
        JobConstraints pin;
        pin.pinNode = "r1-n1";
        b.constrain(3, pin);
        Scenario s = b.build();
        managePower(s, 10, 50, 10, 100, 0);
        setBudget(s, "r1", 0.5);
        const RunResult r = runScenario(s);
        QCOMPARE(r.metrics.boots, 0LL);
        QCOMPARE(outcome(r, 2).firstStart, 1050.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 50.0);
    }

    // Two nodes (100 W idle, 300 W busy) in a rack with a 500 W budget. Job 1 starts at 0
    // (rack at 400 W); job 2 would take the rack to 600 W, so it waits until job 1 ends at 10.
    void rackCapDelaysExactlyTheJobThatWouldBreakIt_data()
    {
        QTest::addColumn<bool>("clusterCap");
        QTest::addColumn<int>("scheduler");
        for (const bool cluster : {false, true}) {
            for (SchedulerKind kind :
                 {SchedulerKind::Fcfs, SchedulerKind::Easy, SchedulerKind::Sjf}) {
                const std::string name =
                        std::string(cluster ? "cluster/" : "rack/") + std::string(toString(kind));
                QTest::newRow(name.c_str()) << cluster << static_cast<int>(kind);
            }
        }
    }
    void rackCapDelaysExactlyTheJobThatWouldBreakIt()
    {
        QFETCH(bool, clusterCap);
        QFETCH(int, scheduler);
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300);
        b.scheduler(static_cast<SchedulerKind>(scheduler));
        b.job(1, 0, 1, 10).job(2, 1, 1, 5);
        Scenario s = b.build();
        if (clusterCap)
            s.energy.clusterPowerCapKw = 0.5;
        else
            setBudget(s, "r0", 0.5);
        const RunResult r = runScenario(s);
        QCOMPARE(outcome(r, 1).firstStart, 0.0);
        QCOMPARE(outcome(r, 2).firstStart, 10.0);
        QCOMPARE(outcome(r, 2).end, 15.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 9.0); // refused from t=1 to t=10
        QCOMPARE(r.metrics.rackPeakPowerW.at(0), 400.0);
        QCOMPARE(r.metrics.rackBudgetW.at(0), clusterCap ? 0.0 : 500.0);
        QCOMPARE(r.metrics.peakPowerW, 400.0);
    }

    // SRTF re-plans under the cap: job 2 (5 s) is chosen before job 1 (9 s left), and job 1
    // no longer fits under the cap beside it, so it is preempted until job 2 ends at 6.
    void srtfPlansUnderTheCap()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).scheduler(SchedulerKind::Srtf);
        b.job(1, 0, 1, 10).job(2, 1, 1, 5);
        Scenario s = b.build();
        setBudget(s, "r0", 0.5);
        const RunResult r = runScenario(s);
        QCOMPARE(outcome(r, 2).firstStart, 1.0);
        QCOMPARE(outcome(r, 2).end, 6.0);
        QCOMPARE(outcome(r, 1).preemptions, 1u);
        QCOMPARE(outcome(r, 1).end, 15.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 5.0);
        QCOMPARE(r.metrics.rackPeakPowerW.at(0), 400.0);
    }

    // FCFS: a capped head blocks the queue; EASY backfills a job that fits under the cap.
    // Rack budget 700 W, three nodes (100/300 W): job 1 (1 slot) runs 0..10 (500 W); job 2
    // needs 2 slots, 900 W: refused; job 3 (1 slot, 700 W) fits under the cap.
    // FCFS: job 3 is refused too once job 2 runs (900 W), until 15. EASY: job 3 is
    // backfilled at 2 (700 W), and job 2 stays refused until job 1 ends.
    void fcfsBlocksAndEasyBackfillsUnderACap_data()
    {
        QTest::addColumn<int>("scheduler");
        QTest::addColumn<double>("job3Start");
        QTest::addColumn<double>("timeAtCap");
        QTest::newRow("fcfs") << int(SchedulerKind::Fcfs) << 15.0 << 14.0;
        QTest::newRow("easy") << int(SchedulerKind::Easy) << 2.0 << 9.0;
    }
    void fcfsBlocksAndEasyBackfillsUnderACap()
    {
        QFETCH(int, scheduler);
        QFETCH(double, job3Start);
        QFETCH(double, timeAtCap);
        ScenarioBuilder b;
        b.singleSlotNodes(3).linearPower("node", 100, 300);
        b.scheduler(static_cast<SchedulerKind>(scheduler));
        b.job(1, 0, 1, 10).job(2, 1, 2, 5).job(3, 2, 1, 4);
        Scenario s = b.build();
        setBudget(s, "r0", 0.7);
        const RunResult r = runScenario(s);
        QCOMPARE(outcome(r, 2).firstStart, 10.0);
        QCOMPARE(outcome(r, 3).firstStart, job3Start);
        QCOMPARE(r.metrics.timeAtPowerCapS, timeAtCap);
    }

    // power_aware: consolidates on a busy node, prefers the rack with more headroom, and never
    // proposes what a cap refuses.
    void powerAwarePlacement()
    {
        ScenarioBuilder b;
        b.nodes(2, 4, "node", "r0").nodes(2, 4, "node", "r1").linearPower("node", 100, 500);
        b.job(1, 0, 1, 100).job(2, 1, 1, 100).job(3, 2, 4, 100).job(4, 3, 4, 100);
        Scenario s = b.build();
        s.policy.placement = PlacementKind::PowerAware;
        setBudget(s, "r0", 0.5);
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        // Job 1: every rack has 200 W idle; r0 has 300 W headroom, r1 none budgeted (infinite):
        // r1, node 2. Job 2: consolidates on node 2 (busy). Job 3 (whole node): idle nodes in
        // r1 (node 3) come first, r1 having the most headroom. Job 4: r0 has 300 W headroom
        // but a full node adds 400 W: refused until a node of r1 frees at 101.
        QCOMPARE(observer.starts.at(0).allocation.front().node, 2);
        QCOMPARE(observer.starts.at(1).allocation.front().node, 2);
        QCOMPARE(observer.starts.at(2).allocation.front().node, 3);
        QCOMPARE(outcome(r, 4).firstStart, 101.0);
        QVERIFY(r.metrics.rackPeakPowerW.at(0) <= 500.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 98.0);
    }

    // DVFS: levels {1: speed 1, power 1} and {0.5: speed 0.5, power 0.25}. The cluster runs
    // at 0.6, so nodes use the 0.5 level (the highest at or below); rack r1 overrides to 1.
    // A job of 80 s runs 160 s on r0 at 100 + 200 × 0.25 = 150 W, 80 s on r1 at 300 W.
    void dvfsScalesRunTimeAndDynamicPower()
    {
        ScenarioBuilder b;
        b.nodes(1, 1, "node", "r0").nodes(1, 1, "node", "r1").linearPower("node", 100, 300);
        b.job(1, 0, 1, 80).job(2, 0, 1, 80);
        Scenario s = b.build();
        typeOf(s).dvfs = {{1.0, 1.0, 1.0}, {0.5, 0.5, 0.25}};
        s.energy.dvfsFrequency = 0.6;
        s.cluster.zones[0].racks[1].dvfsFrequency = 1.0;
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(outcome(r, 1).end, 160.0);
        QCOMPARE(outcome(r, 1).runTime, 160.0);
        QCOMPARE(outcome(r, 2).end, 80.0);
        // 0..80: 150 + 300; 80..160: 150 + 100
        QCOMPARE(r.metrics.energyKwh * 3.6e6, 450.0 * 80 + 250.0 * 80);
        Simulation simulation(s);
        QCOMPARE(simulation.nodeDvfs(0).frequency, 0.5);
        QCOMPARE(simulation.nodeDvfs(1).frequency, 1.0);
        QCOMPARE(simulation.nodePowerState(0), NodePowerState::Idle);
    }

    // The highest level at or below the asked frequency (the table need not be sorted); a
    // frequency below every level uses the lowest.
    void dvfsLevelChoice_data()
    {
        QTest::addColumn<double>("asked");
        QTest::addColumn<double>("chosen");
        QTest::newRow("between levels") << 0.7 << 0.6;
        QTest::newRow("exactly a level") << 0.8 << 0.8;
        QTest::newRow("below every level") << 0.3 << 0.6;
        QTest::newRow("above every level") << 2.0 << 1.0;
    }
    void dvfsLevelChoice()
    {
        QFETCH(double, asked);
        QFETCH(double, chosen);
        const std::vector<DvfsLevel> levels = {{0.8, 0.9, 0.7}, {0.6, 0.7, 0.5}, {1.0, 1, 1}};
        QCOMPARE(dvfsLevelFor(levels, asked).frequency, chosen);
    }

    // A type without a table runs nominal.
    void dvfsWithoutLevelsRunsNominal() { QCOMPARE(dvfsLevelFor({}, 0.5).speed, 1.0); }

    // EASY plans with requested wall time / speed: at half speed, a job requesting 100 s is
    // expected to end at 200, so the head's shadow time is 200.
    void easyPlansWithScaledRequests()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).scheduler(SchedulerKind::Easy);
        b.job(1, 0, 1, 50, 100).job(2, 1, 2, 10);
        Scenario s = b.build();
        typeOf(s).dvfs = {{0.5, 0.5, 1.0}};
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(observer.firstShadow.at(1), 200.0);
        QCOMPARE(outcome(r, 2).firstStart, 100.0); // job 1 really ends at 50 / 0.5
    }

    // A gang over two racks with a spread penalty of 1 runs at half speed.
    void rackSpreadPenaltySlowsGangs()
    {
        ScenarioBuilder b;
        b.nodes(1, 1, "node", "r0").nodes(1, 1, "node", "r1").job(1, 0, 2, 30).job(2, 100, 1, 30);
        Scenario s = b.build();
        s.policy.rackSpreadPenalty = 1.0;
        const RunResult r = runScenario(s);
        QCOMPARE(outcome(r, 1).end, 60.0);
        QCOMPARE(outcome(r, 2).end, 130.0); // one rack: full speed
    }

    // Two nodes idle at 1,000 W, one busy at 2,000 W from 1,800 s to 5,400 s (the first and
    // last events). PUE 1.5; price 0.5 in hour 0 and 1.0 in hour 1; carbon 100 then 300 g/kWh.
    //   IT 3,000 W × 3,600 s = 3 kWh; facility 4.5 kWh;
    //   cost = 4.5 kW × (0.5 h × 0.5 + 0.5 h × 1.0) = 3.375;
    //   carbon = 4.5 kW × (0.5 h × 100 + 0.5 h × 300) g = 900 g.
    void energyCostAndCarbonAreExact()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 1000, 2000).job(1, 1800, 1, 3600);
        Scenario s = b.build();
        s.energy.pue = 1.5;
        s.energy.pricePerKwh.values = {0.5, 1.0};
        s.energy.carbonGPerKwh.values = {100, 300};
        s.energy.currency = "EUR";
        const RunResult r = runScenario(s);
        const RunMetrics &m = r.metrics;
        QCOMPARE(m.itEnergyKwh, 3.0);
        QCOMPARE(m.energyKwh, 3.0);
        QCOMPARE(m.facilityEnergyKwh, 4.5);
        QCOMPARE(m.cost, 3.375);
        QCOMPARE(m.currency, std::string("EUR"));
        QCOMPARE(m.carbonKg, 0.9);
        QCOMPARE(m.meanFacilityPowerW, 4500.0);
        QCOMPARE(m.peakFacilityPowerW, 4500.0);
        QCOMPARE(r.samples.front().facilityPowerW, 4500.0);
        const std::string json = metricsJson(m, RunInfo{});
        for (const char *key :
             {"\"it_energy_kwh\"", "\"facility_energy_kwh\"", "\"cost\"", "\"currency\": \"EUR\"",
              "\"carbon_kg\"", "\"time_at_power_cap_s\"", "\"boots\"", "\"node_hours_off\"",
              "\"boot_energy_kwh\"", "\"rack_peak_power_w\"", "\"mean_facility_power_w\""})
            QVERIFY2(json.find(key) != std::string::npos, key);
        // Appended after every earlier key.
        QVERIFY(json.find("\"headroom_version\"") < json.find("\"it_energy_kwh\""));
    }

    // A price step inside a run of constant power, in the middle of a power step: the
    // integral splits at the hour boundary.
    void costSplitsAtHourBoundaries()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(1).linearPower("node", 0, 1000).job(1, 0, 1, 3600).job(2, 5400, 1, 3600);
        Scenario s = b.build();
        s.energy.pricePerKwh.values = {0.25, 0.75, 2.0};
        const RunResult r = runScenario(s);
        // 1 kW over [0, 3600) at 0.25; idle 0 W; 1 kW over [5400, 7200) at 0.75 and
        // [7200, 9000) at 2.0.
        QCOMPARE(r.metrics.cost, 0.25 + 0.5 * 0.75 + 0.5 * 2.0);
    }

    // A rack's power is the exact sum over its nodes, whatever the order of its nodes and of
    // the changes: one node busy at 2^29 W and two idle at 2^-24 W make 2^29 + 2^-23 W, which
    // a node-by-node walk from the busy node rounds away (2^29 + 2^-24 is a tie, to even) and
    // one ending with it keeps.
    void rackPowerIsTheExactSumOfItsNodes_data()
    {
        QTest::addColumn<QString>("node");
        QTest::newRow("busy node first") << "r0-n0";
        QTest::newRow("busy node last") << "r0-n2";
    }
    void rackPowerIsTheExactSumOfItsNodes()
    {
        QFETCH(QString, node);
        ScenarioBuilder b;
        b.singleSlotNodes(3).linearPower("node", std::ldexp(1.0, -24), std::ldexp(1.0, 29));
        b.job(1, 0, 1, 10);
        JobConstraints pin;
        pin.pinNode = node.toStdString();
        b.constrain(1, pin);
        const RunResult r = runScenario(b.build());
        QCOMPARE(r.metrics.rackPeakPowerW.at(0), std::ldexp(1.0, 29) + std::ldexp(1.0, -23));
    }

    // Energy management off (the default): nodes are never switched and nothing is capped.
    void defaultsChangeNothing()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).job(1, 0, 2, 10).job(2, 50, 1, 10);
        RecordingObserver observer;
        const RunResult r = runScenario(b.build(), &observer);
        QVERIFY(observer.switches.empty());
        QCOMPARE(r.metrics.boots, 0LL);
        QCOMPARE(r.metrics.nodeHoursOff, 0.0);
        QCOMPARE(r.metrics.timeAtPowerCapS, 0.0);
        QCOMPARE(r.metrics.facilityEnergyKwh, r.metrics.energyKwh);
        QCOMPARE(outcome(r, 2).firstStart, 50.0);
    }
};

QTEST_GUILESS_MAIN(TestEnergy)
#include "test_energy.moc"
