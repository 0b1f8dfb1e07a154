// Runway (docs/design.md §7.7): the month whose load first breaks an SLO.
#include "core/io/plan_outputs.h"
#include "core/plan/runway.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

using namespace headroom;
using namespace headroom::test;

namespace {

// One single-slot node; job 1 at t = 0 for 100 s, job 2 at t = 200 for 100 s. Doubling the
// load each month (G = 1), job 2 arrives at 200 ÷ 2^m: month 0 at 200, month 1 at 100 (when
// job 1 ends: no wait, completions come first), month 2 at 50 — it waits 50 s.
Scenario twoJobs()
{
    return ScenarioBuilder().nodes(1, 1).job(1, 0, 1, 100).job(2, 200, 1, 100).build();
}

RunwayRequest doubling(int months)
{
    RunwayRequest request;
    request.growthPerMonth = 1.0;
    request.months = months;
    request.slos = {*parseSlo("max_wait_s<=0")};
    return request;
}

} // namespace

class TestRunway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void breachMonthByHand()
    {
        WorkerPool pool(2);
        const RunwayResult result = runway(twoJobs(), doubling(4), pool);
        QVERIFY(result.problem.empty());
        QCOMPARE(int(result.months.size()), 5);
        QCOMPARE(result.breachMonth.value_or(-1), 2);
        QCOMPARE(result.breachLoadScale, 4.0);
        const std::vector<double> waits = {0, 0, 50, 75, 87.5};
        for (int m = 0; m <= 4; ++m) {
            const RunwayMonth &month = result.months[std::size_t(m)];
            QCOMPARE(month.month, m);
            QCOMPARE(month.loadScale, std::pow(2.0, m));
            QCOMPARE(month.verdicts[0].value, waits[std::size_t(m)]);
            QCOMPARE(month.meetsSlos, m < 2);
        }
        const std::string json = runwayJson(result, 1.0);
        QVERIFY(json.find("\"months_until_breach\": 2") != std::string::npos);
        QVERIFY(json.find("\"breach_load_scale\": 4.0") != std::string::npos);
        QVERIFY(json.find("\"non_monotone_months\": []") != std::string::npos);
    }

    void noBreachWithinTheHorizon()
    {
        WorkerPool pool(1);
        const RunwayResult result = runway(twoJobs(), doubling(1), pool);
        QVERIFY(!result.breachMonth);
        QVERIFY(runwayJson(result, 1.0).find("\"months_until_breach\": null") != std::string::npos);
    }

    // More load can mean shorter waits: with power management, a node that switches off after
    // 50 idle seconds makes a sparse arrival wait for its 30 s boot, a dense one finds it on.
    // Job 2 arrives at 200 ÷ 2^m: at 200 and 100 the node is off (since 60), at 50 it is on.
    void laterMonthsMeetingAgainAreReported()
    {
        Scenario s = twoJobs();
        s.jobs[0].runS = 10;
        s.jobs[1].runS = 10;
        s.nodeTypes[0].bootS = 30;
        s.energy.dpmEnabled = true;
        s.energy.idleTimeoutS = 50;
        WorkerPool pool(2);
        const RunwayResult result = runway(s, doubling(2), pool);
        QCOMPARE(result.months[0].verdicts[0].value, 30.0);
        QCOMPARE(result.months[1].verdicts[0].value, 30.0);
        QCOMPARE(result.months[2].verdicts[0].value, 0.0);
        QCOMPARE(result.breachMonth.value_or(-1), 0);
        QVERIFY(runwayJson(result, 1.0).find("\"non_monotone_months\": [\n    2\n  ]") !=
                std::string::npos);
    }

    void resizeSizesTheBreachMonth()
    {
        RunwayRequest request = doubling(3);
        SizingRequest sizing;
        sizing.vary = {{"node", 1, 4}};
        sizing.objective = SizingObjective::Accelerators;
        request.resize = sizing;
        WorkerPool pool(2);
        const RunwayResult result = runway(twoJobs(), request, pool);
        QVERIFY(result.resize);
        // At 4× the load the two jobs overlap: two nodes.
        QCOMPARE(result.resize->recommendedPoint()->counts, std::vector<int>{2});
        QCOMPARE(result.resize->request.slos, request.slos);
    }

    void sameResultOnAnyThreadCount()
    {
        std::string reference;
        for (int threads : {1, 2, 3}) {
            WorkerPool pool(threads);
            const std::string json = runwayJson(runway(twoJobs(), doubling(6), pool), 1.0);
            if (reference.empty())
                reference = json;
            QCOMPARE(json, reference);
        }
    }

    void badRequestsAreExplained()
    {
        RunwayRequest request = doubling(2);
        request.growthPerMonth = -1.0;
        request.slos.push_back(*parseSlo("p95_wait<=1"));
        const std::vector<std::string> problems = runwayProblems(twoJobs(), request);
        QCOMPARE(problems, (std::vector<std::string>{
                                   "the growth per month must be a finite number > -1",
                                   "unknown metric 'p95_wait' (an SLO names a numeric key of the "
                                   "metrics JSON)"}));
        // A scale that pushes a submission past the time limit is reported, not run.
        RunwayRequest shrinking = doubling(60);
        shrinking.growthPerMonth = -0.9;
        Scenario late = twoJobs();
        late.jobs[1].submitS = 1e9;
        WorkerPool pool(1);
        const RunwayResult result = runway(late, shrinking, pool);
        QVERIFY(result.months.empty());
        QVERIFY(QString::fromStdString(result.problem).startsWith("month "));
    }
};

QTEST_GUILESS_MAIN(TestRunway)
#include "test_runway.moc"
