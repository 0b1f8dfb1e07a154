// Textbook and hand-worked scheduling cases with known answers (docs/design.md §3).
#include "core/engine/simulation.h"
#include "tests/support/recording_observer.h"
#include "tests/support/run_helpers.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <map>
#include <vector>

using namespace headroom;
using headroom::test::outcome;
using headroom::test::RecordingObserver;
using headroom::test::runScenario;
using headroom::test::ScenarioBuilder;

namespace {

// One job of a hand-worked case, as ScenarioBuilder::job takes it (requested <= 0: the run
// time).
struct JobRow
{
    JobId id;
    SimTime submit;
    int slots;
    SimTime run;
    SimTime requested = 0;
};
using JobRows = std::vector<JobRow>;
using TimesById = std::map<JobId, SimTime>;
using ShadowsByPosition = std::map<std::size_t, SimTime>; // input position -> first shadow

SimTime startOf(const RunResult &result, JobId id)
{
    for (const JobOutcome &job : result.jobs) {
        if (job.id == id)
            return job.firstStart;
    }
    return -1;
}

Scenario build(SchedulerKind scheduler, int singleSlotNodes, const JobRows &jobs)
{
    ScenarioBuilder b;
    b.singleSlotNodes(singleSlotNodes).scheduler(scheduler);
    for (const JobRow &job : jobs)
        b.job(job.id, job.submit, job.slots, job.run, job.requested);
    return b.build();
}

std::vector<JobId> idsOf(const JobRows &jobs)
{
    std::vector<JobId> ids;
    for (const JobRow &job : jobs)
        ids.push_back(job.id);
    return ids;
}

std::vector<JobId> idsOf(const std::vector<JobOutcome> &jobs)
{
    std::vector<JobId> ids;
    for (const JobOutcome &job : jobs)
        ids.push_back(job.id);
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(JobRows)
Q_DECLARE_METATYPE(TimesById)
Q_DECLARE_METATYPE(ShadowsByPosition)
Q_DECLARE_METATYPE(std::vector<SimTime>)

class TestSchedulers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Silberschatz, Operating System Concepts, ch. 5, on one single-slot node (every job
    // takes one slot). The node is never idle, so utilization is 1 and the makespan the sum
    // of the bursts; without a restart overhead each job runs exactly its burst.
    void textbook_data()
    {
        QTest::addColumn<int>("scheduler");
        QTest::addColumn<JobRows>("jobs");
        QTest::addColumn<double>("meanWait");
        QTest::addColumn<double>("makespan");
        QTest::addColumn<TimesById>("starts");
        QTest::addColumn<TimesById>("ends");
        QTest::addColumn<std::vector<SimTime>>("preemptedAt");

        // P1=24, P2=3, P3=3 all at 0: waits 0, 24, 27.
        QTest::newRow("fcfs") << int(SchedulerKind::Fcfs)
                              << JobRows{{1, 0, 1, 24}, {2, 0, 1, 3}, {3, 0, 1, 3}} << 17.0 << 30.0
                              << TimesById{{1, 0.0}, {2, 24.0}, {3, 27.0}} << TimesById{}
                              << std::vector<SimTime>{};
        // P1=6, P2=8, P3=7, P4=3 all at 0 -> order P4 P1 P3 P2, mean wait 7.
        QTest::newRow("sjf") << int(SchedulerKind::Sjf)
                             << JobRows{{1, 0, 1, 6}, {2, 0, 1, 8}, {3, 0, 1, 7}, {4, 0, 1, 3}}
                             << 7.0 << 24.0 << TimesById{{4, 0.0}, {1, 3.0}, {3, 9.0}, {2, 16.0}}
                             << TimesById{} << std::vector<SimTime>{};
        // (arrival, burst) P1 (0,8) P2 (1,4) P3 (2,9) P4 (3,5): mean wait 6.5. P1 is
        // preempted by P2 at t=1 and ends at 17 (its first start stays 0); P3 runs last.
        QTest::newRow("srtf") << int(SchedulerKind::Srtf)
                              << JobRows{{1, 0, 1, 8}, {2, 1, 1, 4}, {3, 2, 1, 9}, {4, 3, 1, 5}}
                              << 6.5 << 26.0 << TimesById{{1, 0.0}}
                              << TimesById{{1, 17.0}, {3, 26.0}} << std::vector<SimTime>{1.0};
    }
    void textbook()
    {
        QFETCH(int, scheduler);
        QFETCH(JobRows, jobs);
        QFETCH(double, meanWait);
        QFETCH(double, makespan);
        QFETCH(TimesById, starts);
        QFETCH(TimesById, ends);
        QFETCH(std::vector<SimTime>, preemptedAt);

        RecordingObserver observer;
        const RunResult r = runScenario(build(SchedulerKind(scheduler), 1, jobs), &observer);
        QCOMPARE(r.metrics.meanWaitS, meanWait);
        QCOMPARE(r.metrics.makespanS, makespan);
        QCOMPARE(r.metrics.utilization, 1.0);
        for (const auto &[id, start] : starts)
            QCOMPARE(outcome(r, id).firstStart, start);
        for (const auto &[id, end] : ends)
            QCOMPARE(outcome(r, id).end, end);
        std::vector<SimTime> preemptions;
        for (const auto &[time, job] : observer.preempted)
            preemptions.push_back(time);
        QCOMPARE(preemptions, preemptedAt);
        for (const JobRow &job : jobs)
            QCOMPARE(outcome(r, job.id).runTime, job.run);
    }

    // Hand-worked schedules on single-slot nodes: when each job starts (its wait is then
    // start - submit: none of these preempts), the first shadow time EASY computed for a
    // head, and outcomes in input order whatever the start order.
    void handWorked_data()
    {
        QTest::addColumn<int>("scheduler");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<JobRows>("jobs");
        QTest::addColumn<TimesById>("starts");
        QTest::addColumn<ShadowsByPosition>("shadows");

        // SJF skips a job that does not fit and starts a smaller one behind it: job 2 is the
        // shortest, but only 1 slot is free.
        QTest::newRow("sjf skips what does not fit")
                << int(SchedulerKind::Sjf) << 4
                << JobRows{{1, 0, 3, 100}, {2, 1, 2, 5}, {3, 2, 1, 50}}
                << TimesById{{3, 2.0}, {2, 100.0}} << ShadowsByPosition{};
        // FCFS never skips: job 3 would fit but waits behind job 2.
        QTest::newRow("fcfs does not skip")
                << int(SchedulerKind::Fcfs) << 4
                << JobRows{{1, 0, 3, 100}, {2, 1, 2, 5}, {3, 2, 1, 50}}
                << TimesById{{2, 100.0}, {3, 100.0}} << ShadowsByPosition{};
        // EASY, worked by hand on 4 single-slot nodes.
        //  J1 t0 2 slots runs 10 (req 10) -> starts 0, 2 free.
        //  J2 t1 needs 3 -> head, shadow 10 (J1 ends), 4 free then, extra 1.
        //  J3 t2 1 slot req 8 -> ends 10 <= shadow (inclusive): backfilled, extra stays 1.
        //  J4 t3 1 slot req 30 -> past the shadow, uses 1 <= extra: backfilled, extra 0.
        //  J3 ends at 5: new pass, shadow still 10 with extra 0.
        //  J5 t6 1 slot req 100 -> past the shadow and no extra left: waits.
        //  t10 J1 ends -> J2 starts at its shadow time; J5 after J2 ends at 15.
        QTest::newRow("easy shadow and extra")
                << int(SchedulerKind::Easy) << 4
                << JobRows{{1, 0, 2, 10, 10},
                           {2, 1, 3, 5, 5},
                           {3, 2, 1, 3, 8},
                           {4, 3, 1, 30, 30},
                           {5, 6, 1, 100, 100}}
                << TimesById{{1, 0.0}, {2, 10.0}, {3, 2.0}, {4, 3.0}, {5, 15.0}}
                << ShadowsByPosition{{1, 10.0}}; // J2 (input position 1)
        // Slots of jobs expected to end exactly at the shadow time count as free at it, and
        // a job longer than the shadow that needs more than the extra slots is refused.
        //  J2 is the head: shadow 10, extra 1. J3 needs 2 > extra: refused. J4 needs
        //  1 <= extra: backfilled. J5 ends at 10 = shadow: backfilled. J1 and J5 both end
        //  at 10, when J2 starts.
        QTest::newRow("easy refuses more than extra")
                << int(SchedulerKind::Easy) << 4
                << JobRows{{1, 0, 2, 10, 10},
                           {2, 1, 3, 5, 5},
                           {3, 2, 2, 20, 20},
                           {4, 3, 1, 20, 20},
                           {5, 4, 1, 6, 6}}
                << TimesById{{4, 3.0}, {5, 4.0}, {2, 10.0}, {3, 15.0}} << ShadowsByPosition{};
        // EASY uses the requested wall time, not the actual run time, for the shadow: J1 ends
        // at 5 but asked for 100, so the head J2's shadow is 100 and J3 (2 + 50 <= 100) is
        // backfilled.
        QTest::newRow("easy uses requested time")
                << int(SchedulerKind::Easy) << 2
                << JobRows{{1, 0, 1, 5, 100}, {2, 1, 2, 5, 5}, {3, 2, 1, 50, 50}}
                << TimesById{{3, 2.0}, {2, 52.0}} << ShadowsByPosition{{1, 100.0}};
        // Requested wall time below the run time is taken as the run time: J1 requests 10 but
        // runs 50, so the head J2's shadow is 50 and J3 (2 + 40 <= 50) is backfilled.
        QTest::newRow("requested below run is run time")
                << int(SchedulerKind::Easy) << 2
                << JobRows{{1, 0, 1, 50, 10}, {2, 1, 2, 5, 5}, {3, 2, 1, 40, 40}}
                << TimesById{{3, 2.0}} << ShadowsByPosition{{1, 50.0}};
        // Completions at an instant are processed before submissions at that instant: job 2
        // starts as it arrives, without waiting.
        QTest::newRow("completions before submissions")
                << int(SchedulerKind::Fcfs) << 1 << JobRows{{1, 0, 1, 10}, {2, 10, 1, 5}}
                << TimesById{{2, 10.0}} << ShadowsByPosition{};
        // Simultaneous submissions are queued by job id, whatever the input order.
        QTest::newRow("same-time submissions by id")
                << int(SchedulerKind::Fcfs) << 1
                << JobRows{{5, 0, 1, 10}, {3, 0, 1, 10}, {4, 0, 1, 10}}
                << TimesById{{3, 0.0}, {4, 10.0}, {5, 20.0}} << ShadowsByPosition{};
        // One scheduling pass per instant: a job freed and a job submitted at the same
        // instant are both seen by that single pass.
        QTest::newRow("one pass sees all freed slots")
                << int(SchedulerKind::Fcfs) << 2
                << JobRows{{1, 0, 1, 10}, {2, 0, 1, 10}, {3, 10, 2, 5}} << TimesById{{3, 10.0}}
                << ShadowsByPosition{};
    }
    void handWorked()
    {
        QFETCH(int, scheduler);
        QFETCH(int, nodes);
        QFETCH(JobRows, jobs);
        QFETCH(TimesById, starts);
        QFETCH(ShadowsByPosition, shadows);

        RecordingObserver observer;
        const RunResult r = runScenario(build(SchedulerKind(scheduler), nodes, jobs), &observer);
        for (const auto &[id, start] : starts) {
            const JobOutcome &job = outcome(r, id);
            QCOMPARE(job.firstStart, start);
            QCOMPARE(job.wait(), start - job.submit);
        }
        for (const auto &[position, shadow] : shadows)
            QCOMPARE(observer.firstShadow.at(position), shadow);
        QCOMPARE(idsOf(r.jobs), idsOf(jobs)); // outcomes stay in input order
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

    // Waits, slowdowns and percentiles per docs/design.md §5, nearest rank.
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
};

QTEST_GUILESS_MAIN(TestSchedulers)
#include "test_schedulers.moc"
