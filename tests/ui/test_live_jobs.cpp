// The live run's one job record (LiveJobs): job states, who runs where and which nodes each
// event releases, built from snapshots; renumbered by document edits; and, through the run
// controller, brought up to date before any view hears of a snapshot.
#include "tests/support/sample_scenarios.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/run/live_jobs.h"
#include "ui/run/run_controller.h"

#include <QtTest>

#include <vector>

using namespace headroom;
using namespace headroom::ui;

namespace {

using Kind = JobEvent::Kind;
using State = LiveJobState;

JobEvent jobEvent(Kind kind, double time, std::size_t job, std::vector<int> nodes = {})
{
    return JobEvent{kind, time, job, NodeList(nodes)};
}

LiveSnapshot snapshot(double now, std::vector<JobEvent> events)
{
    LiveSnapshot s;
    s.status.now = now;
    s.newEvents = std::move(events);
    return s;
}

std::vector<int> nodes(const NodeList &list)
{
    return std::vector<int>(list.begin(), list.end());
}

std::vector<int> nodes(std::span<const int> span)
{
    return std::vector<int>(span.begin(), span.end());
}

} // namespace

class TestLiveJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsStartsAndEnds()
    {
        LiveJobs jobs;
        jobs.reset(6, 4);
        QVERIFY(!jobs.hasRun());
        QCOMPARE(jobs.state(0), State::None);

        // Job 0 is a gang on nodes 0 and 1; jobs 1 and 3 share node 2.
        jobs.apply(snapshot(10, {jobEvent(Kind::Started, 0, 0, {0, 1}),
                                 jobEvent(Kind::Started, 0, 1, {2}),
                                 jobEvent(Kind::Started, 10, 3, {2})}));
        QVERIFY(jobs.hasRun());
        QCOMPARE(jobs.now(), 10.0);
        QVERIFY(jobs.runningChanged());
        QVERIFY(jobs.statesChanged());
        QCOMPARE(jobs.state(0), State::Running);
        QCOMPARE(jobs.state(2), State::None);
        QCOMPARE(nodes(jobs.nodesOf(0)), std::vector<int>({0, 1}));
        QCOMPARE(jobs.jobsOn(2), std::vector<std::size_t>({1, 3}));
        QVERIFY(jobs.isRunning(3));
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY(jobs.releasedBy(i).empty()); // nothing was running

        // Ends release the nodes the job held.
        jobs.apply(snapshot(60, {jobEvent(Kind::Preempted, 50, 0), jobEvent(Kind::Completed, 60, 1),
                                 jobEvent(Kind::Rejected, 60, 2)}));
        QCOMPARE(nodes(jobs.releasedBy(0)), std::vector<int>({0, 1}));
        QCOMPARE(nodes(jobs.releasedBy(1)), std::vector<int>({2}));
        QVERIFY(jobs.releasedBy(2).empty());
        QVERIFY(jobs.releasedBy(3).empty());    // past the snapshot's events
        QCOMPARE(jobs.state(0), State::Queued); // preempted: back in the queue
        QCOMPARE(jobs.state(1), State::Done);
        QCOMPARE(jobs.state(2), State::Rejected);
        QVERIFY(!jobs.isRunning(0));
        QVERIFY(jobs.nodesOf(0).empty());
        QCOMPARE(jobs.jobsOn(2), std::vector<std::size_t>({3}));
        QVERIFY(jobs.jobsOn(0).empty());

        // A start of a job that is still running elsewhere ends that stretch first.
        jobs.apply(snapshot(70, {jobEvent(Kind::Started, 70, 0, {3, 4})}));
        jobs.apply(snapshot(80, {jobEvent(Kind::Started, 80, 0, {5})}));
        QCOMPARE(nodes(jobs.releasedBy(0)), std::vector<int>({3, 4}));
        QCOMPARE(nodes(jobs.nodesOf(0)), std::vector<int>({5}));
        QVERIFY(jobs.jobsOn(3).empty());
        QCOMPARE(jobs.jobsOn(5), std::vector<std::size_t>({0}));

        // A frame without events changes nothing but the clock.
        jobs.apply(snapshot(90, {}));
        QVERIFY(!jobs.runningChanged());
        QVERIFY(!jobs.statesChanged());
        QCOMPARE(jobs.now(), 90.0);

        jobs.reset(6, 4);
        QVERIFY(!jobs.hasRun());
        QCOMPARE(jobs.state(0), State::None);
        QVERIFY(!jobs.isRunning(0));
        QVERIFY(jobs.jobsOn(5).empty());
    }

    void toleratesUnknownNodesAndJobs()
    {
        LiveJobs jobs;
        jobs.reset(2, 1);
        jobs.apply(snapshot(5, {jobEvent(Kind::Started, 5, 0, {1, 7, -1}),
                                jobEvent(Kind::Started, 5, 9, {0})}));
        // Nodes the cluster does not have are left out; a job past the list runs but has no
        // state of its own.
        QCOMPARE(nodes(jobs.nodesOf(0)), std::vector<int>({1}));
        QVERIFY(jobs.jobsOn(7).empty());
        QVERIFY(jobs.jobsOn(-1).empty());
        QVERIFY(jobs.isRunning(9));
        QCOMPARE(jobs.state(9), State::None);
        jobs.apply(snapshot(6, {jobEvent(Kind::Completed, 6, 9)}));
        QCOMPARE(nodes(jobs.releasedBy(0)), std::vector<int>({0}));
        QVERIFY(jobs.jobsOn(0).empty());
    }

    void followsDocumentEdits()
    {
        LiveJobs jobs;
        jobs.reset(4, 5);
        jobs.apply(
                snapshot(10, {jobEvent(Kind::Started, 0, 1, {0}),
                              jobEvent(Kind::Started, 0, 3, {1}), jobEvent(Kind::Rejected, 0, 4)}));
        // Two jobs inserted at position 2: jobs 3 and 4 become 5 and 6.
        jobs.insertJobs(2, 2);
        QCOMPARE(jobs.jobCount(), std::size_t(7));
        QCOMPARE(jobs.state(1), State::Running);
        QCOMPARE(jobs.state(2), State::None);
        QCOMPARE(jobs.state(5), State::Running);
        QCOMPARE(jobs.state(6), State::Rejected);
        QVERIFY(jobs.isRunning(5) && !jobs.isRunning(3));
        QCOMPARE(jobs.jobsOn(1), std::vector<std::size_t>({5}));

        // Removing 0 and 5 (a running job): the others move down, the removed one is gone.
        jobs.removeJobs({0, 5});
        QCOMPARE(jobs.jobCount(), std::size_t(5));
        QCOMPARE(jobs.state(0), State::Running);
        QCOMPARE(jobs.state(4), State::Rejected);
        QVERIFY(jobs.isRunning(0));
        QCOMPARE(jobs.jobsOn(0), std::vector<std::size_t>({0}));
        QVERIFY(jobs.jobsOn(1).empty());
    }

    // Interruptions per job (docs/design.md §10.4): counted from the events, renumbered with
    // the jobs, cleared by a reset; once finished, the result's counts.
    void countsInterruptions()
    {
        LiveJobs jobs;
        jobs.reset(4, 3);
        jobs.apply(snapshot(
                10, {jobEvent(Kind::Started, 0, 1, {0, 1}), jobEvent(Kind::Interrupted, 5, 1),
                     jobEvent(Kind::Started, 6, 1, {2, 3}), jobEvent(Kind::Interrupted, 9, 1)}));
        QCOMPARE(jobs.interruptionsOf(1), 2U);
        QCOMPARE(jobs.interruptionsOf(0), 0U);
        QCOMPARE(jobs.interruptionsOf(99), 0U);
        QCOMPARE(jobs.state(1), State::Queued);
        QVERIFY(jobs.statesChanged());
        jobs.removeJobs({0});
        QCOMPARE(jobs.interruptionsOf(0), 2U);
        QCOMPARE(jobs.interruptionsOf(1), 0U);

        auto result = std::make_shared<RunResult>();
        result->jobs.resize(2);
        result->jobs[1].interruptions = 3;
        LiveSnapshot end = snapshot(20, {});
        end.result = result;
        jobs.apply(end);
        QCOMPARE(jobs.interruptionsOf(0), 0U);
        QCOMPARE(jobs.interruptionsOf(1), 3U);
        jobs.reset(4, 2);
        QCOMPARE(jobs.interruptionsOf(1), 0U);
    }

    void runControllerRecordsBeforeViews()
    {
        ScenarioDocument document(test::twoRackScenario());
        RunController run(&document);
        QCOMPARE(run.liveJobs().jobCount(), std::size_t(4));
        QCOMPARE(&liveJobsOf(&run), &run.liveJobs());
        QVERIFY(liveJobsOf(nullptr).jobsOn(0).empty());

        // A view connected like any other finds the record already up to date.
        State seen = State::None;
        std::vector<std::size_t> onNode2;
        connect(&run, &RunController::snapshotArrived, this, [&](const LiveSnapshot &) {
            seen = run.liveJobs().state(1);
            onNode2 = run.liveJobs().jobsOn(2);
        });
        LiveSnapshot s = snapshot(5, {jobEvent(Kind::Started, 0, 1, {2})});
        s.runId = run.runId();
        Q_EMIT run.snapshotArrived(s);
        QCOMPARE(seen, State::Running);
        QCOMPARE(onNode2, std::vector<std::size_t>({1}));

        // Document edits renumber it; a reset clears it.
        edits::removeJobs(document, {0});
        QCOMPARE(run.liveJobs().state(0), State::Running);
        bool clearedFirst = false;
        connect(&run, &RunController::runReset, this,
                [&] { clearedFirst = !run.liveJobs().hasRun(); });
        Q_EMIT run.runReset(run.runId() + 1);
        QVERIFY(clearedFirst);
        QCOMPARE(run.liveJobs().jobCount(), std::size_t(3));
    }

    void realRunEndsWithEveryJobSettled()
    {
        ScenarioDocument document(test::twoRackScenario());
        RunController run(&document);
        QSignalSpy finished(&run, &RunController::finished);
        run.play();
        QVERIFY(finished.wait(10000));
        const LiveJobs &jobs = run.liveJobs();
        QVERIFY(jobs.hasRun());
        for (std::size_t job = 0; job < 4; ++job) {
            QCOMPARE(jobs.state(job), State::Done);
            QVERIFY(!jobs.isRunning(job));
        }
        for (int node = 0; node < 6; ++node)
            QVERIFY(jobs.jobsOn(node).empty());
    }
};

QTEST_MAIN(TestLiveJobs)
#include "test_live_jobs.moc"
