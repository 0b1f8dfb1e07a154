// Textbook and hand-worked scheduling cases with known answers (DESIGN.md §3).
#include "core/engine/simulation.h"
#include "tests/support/recording_observer.h"
#include "tests/support/run_helpers.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

using namespace headroom;
using headroom::test::RecordingObserver;
using headroom::test::runScenario;
using headroom::test::ScenarioBuilder;

namespace {

double meanWait(const RunResult &result)
{
    return result.metrics.meanWaitS;
}

SimTime startOf(const RunResult &result, JobId id)
{
    for (const JobOutcome &job : result.jobs) {
        if (job.id == id)
            return job.firstStart;
    }
    return -1;
}

} // namespace

class TestSchedulers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Silberschatz, Operating System Concepts, ch. 5: P1=24, P2=3, P3=3 all at 0.
    void fcfsTextbook()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(1)
                                   .scheduler(SchedulerKind::Fcfs)
                                   .job(1, 0, 1, 24)
                                   .job(2, 0, 1, 3)
                                   .job(3, 0, 1, 3)
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(meanWait(r), 17.0);
        QCOMPARE(r.metrics.makespanS, 30.0);
        QCOMPARE(r.metrics.utilization, 1.0);
    }

    // Same book: P1=6, P2=8, P3=7, P4=3 all at 0 -> order P4 P1 P3 P2, mean wait 7.
    void sjfTextbook()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(1)
                                   .scheduler(SchedulerKind::Sjf)
                                   .job(1, 0, 1, 6)
                                   .job(2, 0, 1, 8)
                                   .job(3, 0, 1, 7)
                                   .job(4, 0, 1, 3)
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(meanWait(r), 7.0);
        QCOMPARE(startOf(r, 4), 0.0);
        QCOMPARE(startOf(r, 1), 3.0);
        QCOMPARE(startOf(r, 3), 9.0);
        QCOMPARE(startOf(r, 2), 16.0);
    }

    // Same book, SRTF: (arrival, burst) P1 (0,8) P2 (1,4) P3 (2,9) P4 (3,5): mean wait 6.5.
    void srtfTextbook()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(1)
                                   .scheduler(SchedulerKind::Srtf)
                                   .job(1, 0, 1, 8)
                                   .job(2, 1, 1, 4)
                                   .job(3, 2, 1, 9)
                                   .job(4, 3, 1, 5)
                                   .build();
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(meanWait(r), 6.5);
        QCOMPARE(observer.preempted.size(), std::size_t(1)); // P1 at t=1
        QCOMPARE(observer.preempted.front().first, 1.0);
        QCOMPARE(r.jobs[0].end, 17.0);
        QCOMPARE(r.jobs[0].firstStart, 0.0); // first start of a preempted job
        QCOMPARE(r.jobs[0].runTime, 8.0);
        QCOMPARE(r.jobs[2].end, 26.0);
    }

    // A restart overhead is paid on every restart and counts as running time.
    void srtfRestartOverhead()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(1)
                                   .scheduler(SchedulerKind::Srtf)
                                   .restartOverhead(2)
                                   .job(1, 0, 1, 8)
                                   .job(2, 1, 1, 4)
                                   .build();
        const RunResult r = runScenario(s);
        // P2 runs 1..5; P1 restarts at 5, pays 2 s, then needs its remaining 7 s.
        QCOMPARE(r.jobs[1].end, 5.0);
        QCOMPARE(r.jobs[0].end, 14.0);
        QCOMPARE(r.jobs[0].runTime, 10.0);
        QCOMPARE(r.jobs[0].wait(), 4.0);
    }

    // SJF skips a job that does not fit and starts a smaller one behind it.
    void sjfSkipsWhatDoesNotFit()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(4)
                                   .scheduler(SchedulerKind::Sjf)
                                   .job(1, 0, 3, 100)
                                   .job(2, 1, 2, 5) // shortest, but only 1 slot free
                                   .job(3, 2, 1, 50)
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(startOf(r, 3), 2.0);
        QCOMPARE(startOf(r, 2), 100.0);
    }

    // FCFS never skips: job 3 would fit but waits behind job 2.
    void fcfsDoesNotSkip()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(4)
                                   .job(1, 0, 3, 100)
                                   .job(2, 1, 2, 5)
                                   .job(3, 2, 1, 50)
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(startOf(r, 2), 100.0);
        QCOMPARE(startOf(r, 3), 100.0);
    }

    // EASY, worked by hand on 4 single-slot nodes.
    //  J1 t0 2 slots runs 10 (req 10) -> starts 0, 2 free.
    //  J2 t1 needs 3 -> head, shadow 10 (J1 ends), 4 free then, extra 1.
    //  J3 t2 1 slot req 8 -> ends 10 <= shadow (inclusive): backfilled, extra stays 1.
    //  J4 t3 1 slot req 30 -> past the shadow, uses 1 <= extra: backfilled, extra 0.
    //  J3 ends at 5: new pass, shadow still 10 with extra 0.
    //  J5 t6 1 slot req 100 -> past the shadow and no extra left: waits.
    //  t10 J1 ends -> J2 starts at its shadow time; J5 after J2 ends at 15.
    void easyShadowAndExtra()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(4)
                                   .scheduler(SchedulerKind::Easy)
                                   .job(1, 0, 2, 10, 10)
                                   .job(2, 1, 3, 5, 5)
                                   .job(3, 2, 1, 3, 8)
                                   .job(4, 3, 1, 30, 30)
                                   .job(5, 6, 1, 100, 100)
                                   .build();
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(startOf(r, 1), 0.0);
        QCOMPARE(startOf(r, 2), 10.0);
        QCOMPARE(startOf(r, 3), 2.0);
        QCOMPARE(startOf(r, 4), 3.0);
        QCOMPARE(startOf(r, 5), 15.0);
        QCOMPARE(observer.firstShadow.at(1), 10.0); // J2 (input position 1)
    }

    // Slots of jobs expected to end exactly at the shadow time count as free at it, and a
    // job longer than the shadow that needs more than the extra slots is refused.
    void easyRefusesMoreThanExtra()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(4)
                                   .scheduler(SchedulerKind::Easy)
                                   .job(1, 0, 2, 10, 10)
                                   .job(2, 1, 3, 5, 5)   // head: shadow 10, extra 1
                                   .job(3, 2, 2, 20, 20) // 2 > extra: refused
                                   .job(4, 3, 1, 20, 20) // 1 <= extra: backfilled
                                   .job(5, 4, 1, 6, 6)   // ends at 10 = shadow: backfilled
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(startOf(r, 4), 3.0);
        QCOMPARE(startOf(r, 5), 4.0);
        QCOMPARE(startOf(r, 2), 10.0); // J1 and J5 both end at 10
        QCOMPARE(startOf(r, 3), 15.0);
    }

    // EASY uses the requested wall time, not the actual run time, for the shadow.
    void easyUsesRequestedTime()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(2)
                                   .scheduler(SchedulerKind::Easy)
                                   .job(1, 0, 1, 5, 100) // ends at 5 but asked for 100
                                   .job(2, 1, 2, 5, 5)   // head: shadow 100
                                   .job(3, 2, 1, 50, 50) // 2+50 <= 100: backfilled
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(startOf(r, 3), 2.0);
        QCOMPARE(startOf(r, 2), 52.0);
    }

    // Completions at an instant are processed before submissions at that instant.
    void completionsBeforeSubmissions()
    {
        const Scenario s =
                ScenarioBuilder().singleSlotNodes(1).job(1, 0, 1, 10).job(2, 10, 1, 5).build();
        const RunResult r = runScenario(s);
        QCOMPARE(startOf(r, 2), 10.0);
        QCOMPARE(r.jobs[1].wait(), 0.0);
    }

    // Simultaneous submissions are queued by job id, whatever the input order.
    void sameTimeSubmissionsById()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(1)
                                   .job(5, 0, 1, 10)
                                   .job(3, 0, 1, 10)
                                   .job(4, 0, 1, 10)
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(startOf(r, 3), 0.0);
        QCOMPARE(startOf(r, 4), 10.0);
        QCOMPARE(startOf(r, 5), 20.0);
        QCOMPARE(r.jobs[0].id, JobId(5)); // outcomes stay in input order
    }

    // One scheduling pass per instant: a job freed and a job submitted at the same instant
    // are both seen by that single pass.
    void onePassSeesAllFreedSlots()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(2)
                                   .job(1, 0, 1, 10)
                                   .job(2, 0, 1, 10)
                                   .job(3, 10, 2, 5)
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(startOf(r, 3), 10.0);
    }

    // Gangs take whole nodes of one type, all at once.
    void gangTakesWholeNodes()
    {
        const Scenario s = ScenarioBuilder()
                                   .nodes(4, 8, "gpu8")
                                   .job(1, 0, 4, 100)  // node 0, half busy
                                   .job(2, 0, 12, 100) // gang: 2 whole nodes (1 and 2)
                                   .job(3, 0, 16, 10)  // needs 2 whole nodes: only 1 free
                                   .build();
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(observer.starts[1].allocation.size(), std::size_t(2));
        QCOMPARE(observer.starts[1].allocation[0], (NodeShare{1, 8, 8}));
        QCOMPARE(observer.starts[1].allocation[1], (NodeShare{2, 8, 4}));
        QCOMPARE(startOf(r, 3), 100.0);
        // Busy accelerator-seconds: 4*100 + 12*100 + 16*10 over 32 slots * 110 s.
        QCOMPARE(r.metrics.utilization, (400.0 + 1200.0 + 160.0) / (32.0 * 110.0));
    }

    // Jobs that can never fit are rejected at submission and counted.
    void impossibleJobsRejected()
    {
        ScenarioBuilder b;
        b.nodes(2, 8, "gpu8", "r0", "z0").nodes(1, 4, "gpu4", "r1", "z0");
        b.job(1, 0, 17, 10); // gpu8 has 16, gpu4 has 4: no type can host 17
        b.job(2, 0, 8, 10);  // fine
        b.job(3, 0, 8, 10);  // pinned to the gpu4 rack: never fits
        b.constrain(3, {"", "", "r1", ""});
        const RunResult r = runScenario(b.build());
        QCOMPARE(r.metrics.jobsSubmitted, 3LL);
        QCOMPARE(r.metrics.jobsRejected, 2LL);
        QCOMPARE(r.metrics.jobsCompleted, 1LL);
        QCOMPARE(r.jobs[0].state, JobState::Rejected);
        QCOMPARE(r.jobs[0].rejectReason, RejectReason::LargerThanCluster);
        QCOMPARE(r.jobs[2].rejectReason, RejectReason::ConstraintsTooSmall);
    }

    // A pinned job runs only on its node.
    void pinnedJobRunsOnItsNode()
    {
        ScenarioBuilder b;
        b.nodes(3, 8, "gpu8");
        b.job(1, 0, 8, 10);
        b.constrain(1, {"", "", "", "r0-n2"});
        RecordingObserver observer;
        runScenario(b.build(), &observer);
        QCOMPARE(observer.starts.front().allocation.front().node, 2);
    }

    // Waits, slowdowns and percentiles per DESIGN.md §5, nearest rank.
    void waitMetrics()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(1);
        for (int i = 0; i < 20; ++i)
            b.job(i + 1, 0, 1, 1); // waits 0..19
        const RunResult r = runScenario(b.build());
        QCOMPARE(r.metrics.p50WaitS, 9.0);
        QCOMPARE(r.metrics.p95WaitS, 18.0);
        QCOMPARE(r.metrics.p99WaitS, 19.0);
        QCOMPARE(r.metrics.maxWaitS, 19.0);
        QCOMPARE(r.metrics.meanWaitS, 9.5);
        // run 1 s -> floor 10 s: bsld = max(1, (w+1)/10); mean over w=0..19
        double expected = 0.0;
        for (int w = 0; w < 20; ++w)
            expected += std::max(1.0, (w + 1) / 10.0);
        QCOMPARE(r.metrics.meanBoundedSlowdown, expected / 20.0);
    }

    // Per-node utilization and load balance.
    void loadBalance()
    {
        const Scenario s =
                ScenarioBuilder().singleSlotNodes(2).job(1, 0, 1, 10).job(2, 0, 1, 5).build();
        const RunResult r = runScenario(s);
        QCOMPARE(r.metrics.nodeUtilization, (std::vector<double>{1.0, 0.5}));
        // mean 0.75, population sigma 0.25
        QCOMPARE(r.metrics.loadBalanceCov, 0.25 / 0.75);
        QCOMPARE(r.metrics.jainIndex, (1.5 * 1.5) / (2 * (1.0 + 0.25)));
    }

    // Energy of a known schedule: 2 nodes, 100 W idle / 500 W busy (linear, 1 slot).
    void energyOfKnownSchedule()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(2).linearPower("node", 100, 500);
        b.job(1, 0, 1, 3600).job(2, 1800, 1, 3600);
        RecordingObserver observer;
        const RunResult r = runScenario(b.build(), &observer);
        // 0..1800: 600 W, 1800..3600: 1000 W, 3600..5400: 600 W
        const double joules = 600.0 * 1800 + 1000.0 * 1800 + 600.0 * 1800;
        QCOMPARE(r.metrics.energyKwh, joules / 3.6e6);
        QCOMPARE(r.metrics.peakPowerW, 1000.0);
        QCOMPARE(r.metrics.meanPowerW, joules / 5400.0);
        QCOMPARE(observer.integratePower(r.endTime), joules);
    }

    // Samples on the fixed grid show the state after the events at their instant.
    void samplesOnGrid()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(2)
                                   .sampleInterval(5)
                                   .job(1, 0, 1, 12)
                                   .job(2, 0, 2, 3)
                                   .build();
        const RunResult r = runScenario(s);
        QCOMPARE(r.samples.size(), std::size_t(4)); // 0, 5, 10, 15
        QCOMPARE(r.samples[0].running, 1LL);
        QCOMPARE(r.samples[0].queued, 1LL);
        QCOMPARE(r.samples[2].utilization, 0.5);
        // Job 2 runs 12..15; the sample at 15 is taken after it completed.
        QCOMPARE(r.samples[3].time, 15.0);
        QCOMPARE(r.samples[3].running, 0LL);
        QCOMPARE(r.samples[3].busySlots, 0LL);
    }

    // Requested wall time below the run time is taken as the run time.
    void requestedBelowRunIsRunTime()
    {
        const Scenario s = ScenarioBuilder()
                                   .singleSlotNodes(2)
                                   .scheduler(SchedulerKind::Easy)
                                   .job(1, 0, 1, 50, 10) // request 10 < run 50: taken as 50
                                   .job(2, 1, 2, 5, 5)   // head, shadow 50
                                   .job(3, 2, 1, 40, 40) // 42 <= 50: backfilled
                                   .build();
        RecordingObserver observer;
        const RunResult r = runScenario(s, &observer);
        QCOMPARE(observer.firstShadow.at(1), 50.0);
        QCOMPARE(startOf(r, 3), 2.0);
    }
};

QTEST_GUILESS_MAIN(TestSchedulers)
#include "test_schedulers.moc"
