// Inference services in the engine (Simulation, "Inference services") on hand-worked cases:
// exact energy and shortfall, the scale-up delay, sharing the cluster with batch jobs, power
// caps and power management, determinism, and the metrics JSON.
#include "core/engine/simulation.h"
#include "core/io/run_outputs.h"
#include "core/io/scenario_json.h"
#include "tests/support/recording_observer.h"
#include "tests/support/run_helpers.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <stdexcept>

using namespace headroom;
using headroom::test::outcome;
using headroom::test::RecordingObserver;
using headroom::test::runScenario;
using headroom::test::ScenarioBuilder;

namespace {

constexpr double kDay = 86400.0;

// IT power in effect at `time` per the observer's power steps.
double powerAt(const RecordingObserver &observer, SimTime time)
{
    double watts = 0.0;
    for (const RecordingObserver::PowerStep &step : observer.power) {
        if (step.time > time)
            break;
        watts = step.watts;
    }
    return watts;
}

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

// A small mixed workload: a diurnal service and a stream of batch jobs.
Scenario mixedScenario(SchedulerKind kind, bool dpm)
{
    ScenarioBuilder b;
    b.nodes(6, 4, "gpu", "r0").nodes(6, 4, "gpu", "r1").linearPower("gpu", 200, 1000);
    b.scheduler(kind).sampleInterval(600);
    for (int i = 0; i < 120; ++i) {
        const int slots = 1 + (i * 7) % 9; // 1..9: some are gangs
        const SimTime submit = 300.0 * i + (i % 5) * 17.0;
        const SimTime run = 600.0 + (i * 131) % 5400;
        b.job(i + 1, submit, slots, run, run * (1.0 + (i % 3) * 0.5));
    }
    b.service("chat", 2, 100, 1, 8, 0, 180);
    Service &chat = b.scenario().services.back();
    chat.load.troughRps = 50;
    chat.load.peakRps = 650;
    chat.load.peakHour = 10;
    chat.targetUtilization = 0.7;
    b.service("embed", 5, 400, 0, 2, 0, 60).hourlyLoad({0, 0, 100, 900, 300, 0, 0, 50});
    Scenario s = b.build();
    if (dpm) {
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 900;
        s.energy.spareNodes = 1;
        s.nodeTypes[0].bootS = 120;
        s.nodeTypes[0].shutdownS = 30;
        s.nodeTypes[0].offW = 10;
    }
    return s;
}

} // namespace

class TestServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Two nodes of 4 accelerators (idle 100 W, full 500 W: 100 W per busy accelerator), a
    // service of 2 replicas × 2 accelerators, 100 rps each, at a constant 120 rps. Both replicas
    // land on node 0 (first fit) and run at u = 120 / 200 = 0.6: node 0 draws
    // 100 + 4 × 0.6 × 100 = 340 W, node 1 idles at 100 W. No jobs: the run lasts one day.
    void constantLoadFixedReplicasGivesExactEnergy()
    {
        ScenarioBuilder b;
        b.nodes(2, 4).linearPower("node", 100, 500).service("api", 2, 100, 2, 2, 120);
        RecordingObserver observer;
        const RunResult r = runScenario(b.build(), &observer);

        QVERIFY(r.finished);
        QCOMPARE(r.endTime, kDay);
        QCOMPARE(observer.power.size(), std::size_t(1));
        QCOMPARE(observer.power[0].watts, 440.0);
        QCOMPARE(r.metrics.energyKwh, 440.0 * kDay / 3.6e6);
        QCOMPARE(r.metrics.peakPowerW, 440.0);
        QCOMPARE(r.metrics.services.size(), std::size_t(1));
        const ServiceMetrics &api = r.metrics.services[0];
        QCOMPARE(api.name, std::string("api"));
        QCOMPARE(api.offeredRequests, 120.0 * kDay);
        QCOMPARE(api.servedRequests, 120.0 * kDay);
        QCOMPARE(api.shortfallFraction, 0.0);
        QCOMPARE(r.metrics.serviceShortfallFraction, 0.0);
        QCOMPARE(api.meanReplicas, 2.0);
        QCOMPARE(api.maxReplicasUsed, 2);
        QCOMPARE(api.meanUtilization, 0.6);
        // 4 accelerators busy × 0.6 out of 8, all day; node 0 at 0.6, node 1 at 0.
        QCOMPARE(r.metrics.utilization, 0.3);
        QCOMPARE(r.metrics.nodeUtilization[0], 0.6);
        QCOMPARE(r.metrics.nodeUtilization[1], 0.0);
        QVERIFY(!observer.samples.empty());
        QCOMPARE(observer.samples.back().utilization, 0.3);
        QCOMPARE(r.metrics.energyKwh, observer.integratePower(r.endTime) / 3.6e6);
    }

    // One replica of 100 rps at a constant 250 rps, no room to grow (max 1): 150 of every 250
    // requests go unserved, all day.
    void loadAboveMaxCapacityGivesExactShortfall()
    {
        ScenarioBuilder b;
        b.nodes(1, 4).service("api", 1, 100, 1, 1, 250);
        const RunResult r = runScenario(b.build());
        const ServiceMetrics &api = r.metrics.services.at(0);
        QCOMPARE(api.offeredRequests, 250.0 * kDay);
        QCOMPARE(api.servedRequests, 100.0 * kDay);
        QCOMPARE(api.shortfallFraction, 0.6);
        QCOMPARE(r.metrics.serviceShortfallFraction, 0.6);
        QCOMPARE(api.meanUtilization, 1.0);
    }

    // The same at 300 rps with max 2 replicas and a 600 s scale-up delay: the first replica
    // serves from the start, the second is placed at the first tick (t = 0) and serves from
    // 600 s. Unserved: 200 rps × 600 s + 100 rps × (86400 − 600) s.
    void shortfallDuringScaleUpDelayIsExact()
    {
        ScenarioBuilder b;
        b.nodes(1, 4).service("api", 1, 100, 1, 2, 300, 600);
        const RunResult r = runScenario(b.build());
        const ServiceMetrics &api = r.metrics.services.at(0);
        const double unserved = 200.0 * 600.0 + 100.0 * (kDay - 600.0);
        QCOMPARE(api.offeredRequests, 300.0 * kDay);
        QCOMPARE(api.servedRequests, 300.0 * kDay - unserved);
        QVERIFY(near(api.shortfallFraction, unserved / (300.0 * kDay)));
        QCOMPARE(api.maxReplicasUsed, 2);
    }

    // Two single-accelerator nodes (idle 100 W, full 300 W). Load 50 rps in hour 0, 150 rps in
    // hour 1, 50 rps after; replicas of 100 rps, target 1, scale-up delay 120 s.
    //   0..3600      1 replica (node 0) at u 0.5: 200 W + node 1 idle 100 W = 300 W
    //   3600         tick: desired 2, replica 2 placed on node 1, starting (draws idle)
    //   3600..3720   node 0 at u 1 (150 rps > 100): 300 W + 100 W = 400 W; 50 rps unserved
    //   3720..7200   both serve at u 0.75: 2 × 250 W = 500 W
    //   7200..7440   load 50: desired 1, but the 300 s window still holds ticks that wanted
    //                2 until the tick at 7440 (ticks 7200..7440 all want 1): u 0.25, 300 W
    //   7440..86400  replica 2 released: 200 W + 100 W = 300 W
    void autoscalingAddsReplicaAfterExactDelay()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).service("api", 1, 100, 1, 3, 0, 120);
        std::vector<double> hourly(24, 50.0);
        hourly[1] = 150.0;
        b.hourlyLoad(hourly);
        RecordingObserver observer;
        const RunResult r = runScenario(b.build(), &observer);

        QCOMPARE(powerAt(observer, 0.0), 300.0);
        QCOMPARE(powerAt(observer, 3600.0), 400.0);
        QCOMPARE(powerAt(observer, 3719.0), 400.0);
        QCOMPARE(powerAt(observer, 3720.0), 500.0);
        QCOMPARE(powerAt(observer, 7200.0), 300.0);
        QCOMPARE(powerAt(observer, 7440.0), 300.0);
        const std::vector<RecordingObserver::PowerStep> steps{
                {0.0, 300.0}, {3600.0, 400.0}, {3720.0, 500.0}, {7200.0, 300.0}};
        QCOMPARE(observer.power, steps);
        const double energy =
                300.0 * 3600 + 400.0 * 120 + 500.0 * 3480 + 300.0 * 240 + 300.0 * (kDay - 7440);
        QCOMPARE(r.metrics.energyKwh, energy / 3.6e6);

        const ServiceMetrics &api = r.metrics.services.at(0);
        const double offered = (23 * 50.0 + 150.0) * 3600.0;
        QCOMPARE(api.offeredRequests, offered);
        QCOMPARE(api.servedRequests, offered - 50.0 * 120.0);
        QCOMPARE(api.maxReplicasUsed, 2);
        QCOMPARE(api.meanReplicas, (kDay + (7440.0 - 3600.0)) / kDay);
    }

    // One node of 4 accelerators. The service needs one replica of 2 accelerators while its
    // load lasts (hour 0), none after; the scale-down window releases it at 3600 + 240 s.
    // Job 1 (3 accelerators), submitted at the instant the replica is placed, waits for the
    // service's accelerators under every scheduler (services go first; SRTF's plan keeps
    // replicas in place). Job 2 (2) fits beside the replica at once, except under FCFS, which
    // does not skip the waiting head.
    void serviceAndJobsShareTheCluster_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("job2Start");
        QTest::addColumn<double>("makespan");
        QTest::newRow("fcfs") << int(SchedulerKind::Fcfs) << 3940.0 << 3990.0;
        QTest::newRow("sjf") << int(SchedulerKind::Sjf) << 20.0 << 3940.0;
        QTest::newRow("srtf") << int(SchedulerKind::Srtf) << 20.0 << 3940.0;
        QTest::newRow("easy") << int(SchedulerKind::Easy) << 20.0 << 3940.0;
    }
    void serviceAndJobsShareTheCluster()
    {
        QFETCH(int, kind);
        QFETCH(double, job2Start);
        QFETCH(double, makespan);
        ScenarioBuilder b;
        b.nodes(1, 4).scheduler(static_cast<SchedulerKind>(kind));
        b.job(1, 0, 3, 100).job(2, 20, 2, 50);
        b.service("api", 2, 100, 0, 1, 0);
        std::vector<double> hourly(24, 0.0);
        hourly[0] = 80.0;
        b.hourlyLoad(hourly);
        const RunResult r = runScenario(b.build());

        QCOMPARE(outcome(r, 1).firstStart, 3840.0);
        QCOMPARE(outcome(r, 1).end, 3940.0);
        QCOMPARE(outcome(r, 2).firstStart, job2Start);
        QCOMPARE(outcome(r, 2).end, job2Start + 50.0);
        QCOMPARE(r.metrics.jobsCompleted, 2LL);
        QCOMPARE(r.metrics.makespanS, makespan);
        QCOMPARE(r.endTime, kDay);
        const ServiceMetrics &api = r.metrics.services.at(0);
        QCOMPARE(api.shortfallFraction, 0.0);
        QCOMPARE(api.meanReplicas, 3840.0 / kDay);
    }

    // policy.horizon_s sets how long a run with services lasts, on a tick or between ticks.
    void horizonEndsAServiceOnlyRun()
    {
        ScenarioBuilder b;
        b.nodes(1, 4).linearPower("node", 100, 500).service("api", 1, 100, 1, 1, 50);
        Scenario s = b.build();
        s.policy.horizonS = 1000.5;
        const RunResult r = runScenario(s);
        QCOMPARE(r.endTime, 1000.5);
        // 100 W idle + 1 accelerator at u 0.5 of 100 W.
        QCOMPARE(r.metrics.energyKwh, 150.0 * 1000.5 / 3.6e6);
        QCOMPARE(r.metrics.services.at(0).offeredRequests, 50.0 * 1000.5);
    }

    // One node of 2 accelerators. Job 1 holds it 0..5000. The service (one replica of 2
    // accelerators, 100 s delay) wants a replica from the tick at 3600 (hour 1: 50 rps) but
    // waits for room; when job 1 completes at 5000 the replica takes the node before job 2
    // (queued since 4000) and serves from 5100: 50 rps × 1500 s unserved. At 86400 the load
    // is 0 again (hour 0 of day 2); the window releases the replica at 86640 and job 2 runs.
    void waitingReplicaGoesBeforeQueuedJobs()
    {
        ScenarioBuilder b;
        b.nodes(1, 2).job(1, 0, 2, 5000).job(2, 4000, 2, 10);
        b.service("api", 2, 100, 0, 1, 0, 100);
        std::vector<double> hourly(24, 50.0);
        hourly[0] = 0.0;
        b.hourlyLoad(hourly);
        const RunResult r = runScenario(b.build());

        QCOMPARE(outcome(r, 1).end, 5000.0);
        QCOMPARE(outcome(r, 2).firstStart, kDay + 240.0);
        QCOMPARE(r.endTime, kDay + 250.0);
        const ServiceMetrics &api = r.metrics.services.at(0);
        const double offered = 23 * 50.0 * 3600.0;
        QCOMPARE(api.offeredRequests, offered);
        QCOMPARE(api.servedRequests, offered - 50.0 * 1500.0);
        QCOMPARE(api.meanReplicas, (kDay + 240.0 - 5000.0) / (kDay + 250.0));
    }

    // The same cluster: from 5000 job 2 waits for the node the replica holds, and the engine
    // says until when, from the load profile: the first tick whose scale-down window no longer
    // wants the replica (hour 0 of day 2 and four more ticks), kDay + 240, when job 2 starts.
    void jobHeldByAServiceSaysUntilWhen()
    {
        ScenarioBuilder b;
        b.nodes(1, 2).job(1, 0, 2, 5000).job(2, 4000, 2, 10);
        b.service("api", 2, 100, 0, 1, 0, 100);
        std::vector<double> hourly(24, 50.0);
        hourly[0] = 0.0;
        b.hourlyLoad(hourly);
        Simulation simulation(b.build());
        simulation.runUntil(6000.0);
        const auto waits = simulation.queuedWaits();
        QCOMPARE(waits.size(), std::size_t(1));
        QCOMPARE(waits[0].first, std::size_t(1));
        QCOMPARE(waits[0].second.reason, WaitReason::HeldByService);
        QCOMPARE(waits[0].second.until, kDay + 240.0);
        simulation.run();
        QCOMPARE(outcome(simulation.result(), 2).firstStart, kDay + 240.0);
        QCOMPARE(outcome(simulation.result(), 2).waitedFor.reason, WaitReason::HeldByService);
    }

    // A job that needs the node a minimum replica holds can never start: it is rejected when
    // it is submitted, saying so, rather than waited for. The run then lasts its horizon.
    void jobBlockedByMinReplicasIsRejected()
    {
        ScenarioBuilder b;
        b.nodes(1, 4).job(1, 100, 4, 10).service("api", 1, 100, 1, 1, 10);
        const RunResult r = runScenario(b.build());
        QVERIFY(r.finished);
        QCOMPARE(outcome(r, 1).state, JobState::Rejected);
        QCOMPARE(outcome(r, 1).rejectReason, RejectReason::NeedsServiceNodes);
        QCOMPARE(QString(describe(RejectReason::NeedsServiceNodes)),
                 QString("needs nodes an inference service holds for the whole run"));
        QCOMPARE(r.endTime, 100.0 + kDay);
    }

    // The example cluster with a 64-accelerator job pinned to rack-a, one of whose nodes holds
    // the chat assistant's minimum replica all run: the job can never start there, so it is
    // rejected when submitted, saying so, and every other job runs exactly as without it (it
    // neither waits for a day nor holds anything back). Pinned to rack-b, where no replica
    // stays, it is not rejected.
    void jobPinnedNextToAServiceIsRejectedByATrueRule_data()
    {
        QTest::addColumn<QString>("rack");
        QTest::addColumn<int>("reason");
        QTest::newRow("rack-a") << "rack-a" << int(RejectReason::NeedsServiceNodes);
        QTest::newRow("rack-b") << "rack-b" << int(RejectReason::None);
    }
    void jobPinnedNextToAServiceIsRejectedByATrueRule()
    {
        QFETCH(QString, rack);
        QFETCH(int, reason);
        const QByteArray dir = qgetenv("HEADROOM_SOURCE_DIR");
        QVERIFY2(!dir.isEmpty(), "run through CTest, which sets HEADROOM_SOURCE_DIR");
        const std::string root = dir.toStdString();
        const Scenario example = loadScenarioFile(root + "/resources/examples/two-rack-h100.json");
        Scenario pinned = example;
        Job job;
        job.id = 9001;
        job.submitS = 3600;
        job.slots = 64;
        job.runS = 36000;
        JobConstraints constraints;
        constraints.rack = rack.toStdString();
        job.constraints = constraints;
        pinned.jobs.push_back(job);
        const RunResult before = runScenario(example);
        const RunResult after = runScenario(pinned);
        const JobOutcome &big = after.jobs.back();
        QCOMPARE(int(big.rejectReason), reason);
        if (big.rejectReason == RejectReason::NeedsServiceNodes) {
            QCOMPARE(big.state, JobState::Rejected);
            QCOMPARE(after.metrics.jobsRejected, 1LL);
            for (std::size_t i = 0; i < before.jobs.size(); ++i) {
                QCOMPARE(after.jobs[i].firstStart, before.jobs[i].firstStart);
                QCOMPARE(after.jobs[i].end, before.jobs[i].end);
            }
            QCOMPARE(after.endTime, before.endTime);
        } else {
            QCOMPARE(big.state, JobState::Completed);
            QVERIFY(big.waitedFor.reason != WaitReason::None);
        }
    }

    // Cluster cap 500 W over two single-accelerator nodes (idle 100 W, full 300 W): one
    // replica at full load (400 W in all) fits, a second (600 W) would not, so it waits all
    // day and its capacity is shortfall: 50 of 150 rps.
    void scaleUpThatWouldBreakACapWaits()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).service("api", 1, 100, 1, 2, 150);
        Scenario s = b.build();
        s.energy.clusterPowerCapKw = 0.5;
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        const ServiceMetrics &api = r.metrics.services.at(0);
        QCOMPARE(api.maxReplicasUsed, 1);
        QVERIFY(near(api.shortfallFraction, 1.0 / 3.0));
        QCOMPARE(r.metrics.peakPowerW, 400.0);
        for (const RecordingObserver::PowerStep &step : observer.power)
            QVERIFY(step.watts <= 500.0);
    }

    // Power management: the node holding the replica is never switched off; the idle one is.
    void nodesHoldingReplicasStayOn()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 300).service("api", 1, 100, 1, 1, 30);
        Scenario s = b.build();
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 100;
        s.energy.spareNodes = 0;
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QVERIFY(!observer.switches.empty());
        for (const RecordingObserver::NodeSwitch &sw : observer.switches)
            QCOMPARE(sw.node, 1);
        QCOMPARE(r.metrics.services.at(0).shortfallFraction, 0.0);
        // Node 0 at u 0.3 all day: 160 W; node 1 idle until 100 s, then off (0 W).
        QCOMPARE(r.metrics.energyKwh, (160.0 * kDay + 100.0 * 100.0) / 3.6e6);
    }

    // Services with batch jobs, under every scheduler, with and without power management:
    // energy is the integral of the reported power, capacity is never exceeded, and the same
    // scenario gives identical results (and outputs) twice.
    void mixedRunsAreExactAndDeterministic_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("dpm");
        for (SchedulerKind kind :
             {SchedulerKind::Fcfs, SchedulerKind::Sjf, SchedulerKind::Srtf, SchedulerKind::Easy}) {
            for (bool dpm : {false, true}) {
                const std::string name = std::string(toString(kind)) + (dpm ? "+dpm" : "");
                QTest::newRow(name.c_str()) << int(kind) << dpm;
            }
        }
    }
    void mixedRunsAreExactAndDeterministic()
    {
        QFETCH(int, kind);
        QFETCH(bool, dpm);
        const Scenario s = mixedScenario(static_cast<SchedulerKind>(kind), dpm);
        RecordingObserver first;
        RecordingObserver second;
        const RunResult a = runScenario(s, &first);
        const RunResult b = runScenario(s, &second);

        QVERIFY(a.finished);
        QCOMPARE(a.metrics.jobsCompleted + a.metrics.jobsRejected, 120LL);
        QCOMPARE(a.metrics.energyKwh, first.integratePower(a.endTime) / 3.6e6);
        for (const Sample &sample : a.samples) {
            QVERIFY(sample.busySlots <= 48);
            QVERIFY(sample.utilization >= -1e-12 && sample.utilization <= 1.0 + 1e-12);
        }
        QCOMPARE(a.metrics.services.size(), std::size_t(2));
        for (const ServiceMetrics &m : a.metrics.services) {
            QVERIFY(m.servedRequests <= m.offeredRequests);
            QVERIFY(m.shortfallFraction >= 0.0 && m.shortfallFraction <= 1.0);
        }
        QVERIFY(a.metrics.services[0].maxReplicasUsed > 1); // it did scale
        QVERIFY(a.metrics.utilization <= 1.0);

        QCOMPARE(first.events, second.events);
        QCOMPARE(first.power, second.power);
        QCOMPARE(first.starts, second.starts);
        QCOMPARE(a.metrics.services, b.metrics.services);
        const RunInfo info;
        QCOMPARE(metricsJson(a.metrics, info), metricsJson(b.metrics, info));
        QCOMPARE(timeseriesCsv(a), timeseriesCsv(b));
        QCOMPARE(jobsCsv(a), jobsCsv(b));
    }

    // Capacity holds at every instant: no node has more slots held than it has, or more busy
    // than held, with replicas and jobs together (checked between steps, since release builds
    // compile ClusterState's asserts out).
    void capacityHoldsAtEveryInstant_data() { mixedRunsAreExactAndDeterministic_data(); }
    void capacityHoldsAtEveryInstant()
    {
        QFETCH(int, kind);
        QFETCH(bool, dpm);
        Simulation simulation(mixedScenario(static_cast<SchedulerKind>(kind), dpm));
        const ClusterState &state = simulation.clusterState();
        while (simulation.step()) {
            long long busy = 0;
            for (int node = 0; node < state.nodeCount(); ++node) {
                const int held = state.capacity(node) - state.nominalFreeSlots(node);
                QVERIFY(state.freeSlots(node) >= 0);
                QVERIFY(held >= 0 && held <= state.capacity(node));
                QVERIFY(state.busySlots(node) >= 0 && state.busySlots(node) <= held);
                if (!state.switchedOn(node))
                    QCOMPARE(state.busySlots(node), 0);
                busy += state.busySlots(node);
            }
            QCOMPARE(busy, state.totalBusy());
        }
    }

    // Stepping in slices gives the same result as one run.
    void slicedRunMatchesWholeRun()
    {
        const Scenario s = mixedScenario(SchedulerKind::Easy, true);
        const RunResult whole = runScenario(s);
        Simulation sliced(s);
        for (SimTime t = 0; !sliced.finished(); t += 977.0)
            sliced.runUntil(t);
        const RunResult r = sliced.result();
        QCOMPARE(r.metrics.services, whole.metrics.services);
        QCOMPARE(r.metrics.energyKwh, whole.metrics.energyKwh);
        QCOMPARE(r.endTime, whole.endTime);
    }

    // The metrics JSON has the service keys only when the scenario has services.
    void metricsJsonListsServices()
    {
        ScenarioBuilder b;
        b.nodes(1, 4).service("api", 1, 100, 1, 1, 250);
        const RunResult with = runScenario(b.build());
        const std::string json = metricsJson(with.metrics, RunInfo{});
        QVERIFY(json.find("\"service_shortfall_fraction\": 0.6") != std::string::npos);
        QVERIFY(json.find("\"services\": [") != std::string::npos);
        QVERIFY(json.find("\"name\": \"api\"") != std::string::npos);
        QVERIFY(json.find("\"max_replicas_used\": 1") != std::string::npos);

        ScenarioBuilder plain;
        plain.nodes(1, 4).job(1, 0, 1, 10);
        const std::string without = metricsJson(runScenario(plain.build()).metrics, RunInfo{});
        QVERIFY(without.find("service") == std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestServices)
#include "test_services.moc"
