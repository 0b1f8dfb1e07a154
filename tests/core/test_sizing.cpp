// Sizing to service levels (docs/design.md §7): load scaling, cluster resizing, run cost,
// the analytic bounds, the search on hand-worked cases, and the same answer on any number of
// threads.
#include "core/io/plan_outputs.h"
#include "core/io/scenario_json.h"
#include "core/model/validation.h"
#include "core/plan/cluster_resize.h"
#include "core/plan/evaluation.h"
#include "core/plan/load_scale.h"
#include "core/plan/sizing.h"
#include "core/plan/workload_bounds.h"
#include "tests/support/run_helpers.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <atomic>
#include <filesystem>
#include <set>

using namespace headroom;
using namespace headroom::test;

namespace {

// Six one-slot jobs of 100 s at t = 0 and one more at t = 900, on one-slot nodes: six nodes
// serve them with no wait, five make one job wait 100 s.
//   W = 7 × 100 = 700 slot-s; perfect span 0 … 1000 s; W ÷ span = 0.7; perfect peak 6.
Scenario sixAtOnce(int nodes)
{
    ScenarioBuilder builder;
    builder.nodes(nodes, 1);
    for (int id = 1; id <= 6; ++id)
        builder.job(id, 0, 1, 100);
    builder.job(7, 900, 1, 100);
    return builder.build();
}

SizingRequest zeroWait(int min, int max)
{
    SizingRequest request;
    request.vary = {{"node", min, max}};
    request.slos = {*parseSlo("max_wait_s<=0"), *parseSlo("jobs_completed>=7")};
    request.objective = SizingObjective::Accelerators;
    return request;
}

// Two types: "big" nodes of 8 slots at 300 000 USD and "small" ones of 4 at 100 000 (cheaper
// per slot). 16 one-slot jobs start at once and must not wait: 16 slots. Within big 0..4 and
// small 0..3, the cheapest mix is 1 big + 2 small (500 000), not 2 big (600 000); 4 small
// (400 000) is outside the range.
Scenario twoTypes()
{
    ScenarioBuilder builder;
    builder.nodes(2, 8, "big", "rb").nodes(1, 4, "small", "rs");
    for (int id = 1; id <= 16; ++id)
        builder.job(id, 0, 1, 3600);
    Scenario scenario = builder.build();
    for (NodeType &type : scenario.nodeTypes)
        type.priceUsd = type.name == "big" ? 300000.0 : 100000.0;
    return scenario;
}

SizingRequest mixRequest()
{
    SizingRequest request;
    request.vary = {{"big", 0, 4}, {"small", 0, 3}};
    request.slos = {*parseSlo("max_wait_s<=0"), *parseSlo("jobs_completed>=16")};
    request.objective = SizingObjective::Cost;
    return request;
}

std::vector<int> countsOf(const SizingResult &result)
{
    return result.recommendedPoint() ? result.recommendedPoint()->counts : std::vector<int>{};
}

std::vector<int> rackSizes(const Scenario &scenario)
{
    std::vector<int> sizes;
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks)
            sizes.push_back(int(rack.nodes.size()));
    }
    return sizes;
}

std::string exampleText()
{
    const QByteArray dir = qgetenv("HEADROOM_SOURCE_DIR");
    const std::filesystem::path root =
            dir.isEmpty()
                    ? std::filesystem::path(__FILE__).parent_path().parent_path().parent_path()
                    : std::filesystem::path(dir.toStdString());
    return (root / "resources/examples/two-rack-h100.json").string();
}

} // namespace

class TestSizing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- load scaling ----

    void loadScaleCompressesArrivalsAndScalesServices()
    {
        Scenario s = ScenarioBuilder()
                             .nodes(2, 1)
                             .job(1, 100, 1, 10)
                             .job(2, 300, 1, 10)
                             .job(3, 700, 1, 10)
                             .service("chat", 1, 10, 1, 2, 6)
                             .build();
        s.services[0].load.peakRps = 8;
        const Scenario scaled = scaleLoad(s, 4.0);
        // t -> 100 + (t - 100) / 4
        QCOMPARE(scaled.jobs[0].submitS, 100.0);
        QCOMPARE(scaled.jobs[1].submitS, 150.0);
        QCOMPARE(scaled.jobs[2].submitS, 250.0);
        QCOMPARE(scaled.jobs[2].runS, 10.0);
        QCOMPARE(scaled.services[0].load.troughRps, 24.0);
        QCOMPARE(scaled.services[0].load.peakRps, 32.0);
        QVERIFY(scaled.cluster == s.cluster);
        QVERIFY(scaleLoad(s, 1.0) == s);
        Scenario hourly = s;
        hourly.services[0].load.kind = LoadProfile::Kind::Hourly;
        hourly.services[0].load.hourlyRps.values = {1, 2.5};
        QCOMPARE(scaleLoad(hourly, 2.0).services[0].load.hourlyRps.values,
                 (std::vector<double>{2, 5}));
    }

    void loadScaleRefusesBadFactors_data()
    {
        QTest::addColumn<double>("factor");
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative") << -2.0;
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity();
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
    }

    void loadScaleRefusesBadFactors()
    {
        QFETCH(double, factor);
        QCOMPARE(QString::fromStdString(loadScaleProblem(factor).value_or("")),
                 QStringLiteral("the load scale must be a finite number > 0"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scaleLoad(sixAtOnce(1), factor));
    }

    // ---- cluster resize ----

    void shrinkingRemovesTheTypesLastNodes()
    {
        Scenario s = ScenarioBuilder()
                             .nodes(3, 8, "gpu", "r0")
                             .nodes(1, 2, "cpu", "r1")
                             .nodes(2, 8, "gpu", "r1")
                             .job(1, 0, 1, 10)
                             .job(2, 0, 1, 10)
                             .build();
        s.jobs[0].constraints = JobConstraints{"", "", "r1", "r1-n2"}; // the last gpu node
        s.jobs[1].constraints = JobConstraints{"", "", "", "r0-n0"};
        setNodeCount(s, "gpu", 2);
        QCOMPARE(nodeCountOfType(s.cluster, "gpu"), 2);
        QCOMPARE(rackSizes(s), (std::vector<int>{2, 1})); // r1 keeps its cpu node
        QVERIFY(s.cluster.findNode("r0-n0") && s.cluster.findNode("r0-n1"));
        QVERIFY(!s.cluster.findNode("r0-n2") && !s.cluster.findNode("r1-n1"));
        // A pin to a removed node becomes its type; the rack constraint stays.
        QCOMPARE(*s.jobs[0].constraints, (JobConstraints{"gpu", "", "r1", ""}));
        QCOMPARE(s.jobs[1].constraints->pinNode, std::string("r0-n0"));
        QVERIFY(validateScenario(s).empty());
        // To zero: racks stay, empty.
        setNodeCount(s, "gpu", 0);
        QCOMPARE(rackSizes(s), (std::vector<int>{0, 1}));
        QVERIFY(validateScenario(s).empty());
    }

    void growingFillsRacksThenAddsRacksLikeTheLast()
    {
        Scenario s = ScenarioBuilder()
                             .nodes(4, 8, "gpu", "r0", "hall")
                             .nodes(2, 8, "gpu", "r1", "hall")
                             .nodes(1, 1, "cpu", "c0", "annex")
                             .build();
        s.cluster.zones[0].racks[1].powerBudgetKw = 40.0;
        s.cluster.zones[0].racks[1].dvfsFrequency = 0.8;
        // 6 -> 13: r1 fills to 4 (the largest rack), then new racks of 4, 4 and 1 in "hall".
        setNodeCount(s, "gpu", 13);
        QCOMPARE(nodeCountOfType(s.cluster, "gpu"), 13);
        const Zone &hall = s.cluster.zones[0];
        QCOMPARE(int(hall.racks.size()), 4);
        QCOMPARE(hall.racks[1].nodes[2].name, std::string("r1-n3"));
        QCOMPARE(hall.racks[1].nodes[3].name, std::string("r1-n4"));
        QCOMPARE(hall.racks[2].name, std::string("gpu-rack1"));
        QCOMPARE(hall.racks[2].nodes.front().name, std::string("gpu-rack1-n1"));
        QCOMPARE(hall.racks[3].name, std::string("gpu-rack2"));
        QCOMPARE(rackSizes(s), (std::vector<int>{4, 4, 4, 1, 1}));
        QCOMPARE(hall.racks[3].powerBudgetKw.value_or(0), 40.0);
        QCOMPARE(hall.racks[3].dvfsFrequency.value_or(0), 0.8);
        QVERIFY(hall.racks[3].nodes[0].tenant.empty());
        QVERIFY(validateScenario(s).empty());
        Scenario again = ScenarioBuilder()
                                 .nodes(4, 8, "gpu", "r0", "hall")
                                 .nodes(2, 8, "gpu", "r1", "hall")
                                 .nodes(1, 1, "cpu", "c0", "annex")
                                 .build();
        again.cluster.zones[0].racks[1].powerBudgetKw = 40.0;
        again.cluster.zones[0].racks[1].dvfsFrequency = 0.8;
        setNodeCount(again, "gpu", 13);
        QVERIFY(again == s); // deterministic, names included
    }

    void growingAvoidsTakenNamesAndPlacesNewTypes()
    {
        Scenario s = ScenarioBuilder().nodes(1, 1, "cpu", "gpu-rack1", "z").build();
        NodeType gpu;
        gpu.name = "gpu";
        gpu.accelerators = 8;
        s.nodeTypes.push_back(gpu);
        // No gpu node yet: new racks of one node at the end of the last zone, no budget.
        setNodeCount(s, "gpu", 2);
        QCOMPARE(s.cluster.zones[0].racks[1].name, std::string("gpu-rack2"));
        QCOMPARE(s.cluster.zones[0].racks[2].name, std::string("gpu-rack3"));
        QCOMPARE(rackSizes(s), (std::vector<int>{1, 1, 1}));
        QVERIFY(!s.cluster.zones[0].racks[1].powerBudgetKw);
        QVERIFY(validateScenario(s).empty());
        // No zone at all: a zone "plan".
        Scenario empty;
        empty.nodeTypes = {gpu};
        setNodeCount(empty, "gpu", 1);
        QCOMPARE(empty.cluster.zones[0].name, std::string("plan"));
        QCOMPARE(empty.cluster.nodeCount(), 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, setNodeCount(empty, "tpu", 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, setNodeCount(empty, "gpu", -1));
    }

    void shrinkThenGrowRestoresTheShape()
    {
        const Scenario base =
                ScenarioBuilder().nodes(8, 8, "gpu", "a").nodes(8, 8, "gpu", "b").build();
        Scenario s = base;
        setNodeCount(s, "gpu", 11);
        QCOMPARE(rackSizes(s), (std::vector<int>{8, 3}));
        setNodeCount(s, "gpu", 16);
        QCOMPARE(rackSizes(s), rackSizes(base));
    }

    // ---- cost ----

    void costAmortisesPricesOverTheSpan()
    {
        Scenario s = twoTypes(); // 2 big (300k) + 1 small (100k); jobs run 0 … 3600 s
        const RunResult result = runScenario(s);
        const RunCost cost = runCost(s, result, 4.0);
        QCOMPARE(cost.spanS, 3600.0);
        QCOMPARE(cost.capitalUsd, 700000.0 * 3600.0 / (4.0 * 365.25 * 86400.0));
        QCOMPARE(cost.energy, 0.0);
        QVERIFY(cost.addsUp());
        QVERIFY(cost.unpricedTypes.empty());
        s.nodeTypes[1].priceUsd.reset();
        QCOMPARE(runCost(s, result, 4.0).unpricedTypes, std::vector<std::string>{"small"});
    }

    // ---- bounds ----

    void boundsByHand()
    {
        const WorkloadBounds bounds = workloadBounds(sixAtOnce(1));
        QCOMPARE(bounds.jobAcceleratorSeconds, 700.0);
        QCOMPARE(bounds.perfectSpanS, 1000.0);
        QCOMPARE(bounds.workConservationAccelerators, 0.7);
        QCOMPARE(bounds.jobPeakAccelerators, 6LL);
        QCOMPARE(bounds.perfectSystemAccelerators, 6.0);

        // A job ending when another starts does not count twice.
        const WorkloadBounds chain = workloadBounds(
                ScenarioBuilder().nodes(1, 4).job(1, 0, 3, 10).job(2, 10, 3, 10).build());
        QCOMPARE(chain.jobPeakAccelerators, 3LL);

        // A service at a constant 12 rps, 10 rps per replica at target 0.5: ⌈12 ÷ 5⌉ = 3
        // replicas of 2 accelerators, all day.
        Scenario withService = sixAtOnce(1);
        ScenarioBuilder builder;
        builder.scenario() = withService;
        builder.service("chat", 2, 10, 1, 4, 12);
        builder.scenario().services[0].targetUtilization = 0.5;
        const WorkloadBounds served = workloadBounds(builder.build());
        QCOMPARE(served.serviceMeanAccelerators, 6.0);
        QCOMPARE(served.servicePeakAccelerators, 6.0);
        QCOMPARE(served.workConservationAccelerators, 6.7);
        QCOMPARE(served.perfectSystemAccelerators, 12.0);
    }

    // ---- sizing ----

    void zeroWaitNeedsExactlySixNodes()
    {
        WorkerPool pool(2);
        const SizingResult result = sizeCluster(sixAtOnce(3), zeroWait(1, 20), pool);
        QVERIFY2(result.feasible, result.reason.c_str());
        QCOMPARE(countsOf(result), std::vector<int>{6});
        QCOMPARE(result.bounds.workConservationNodes, std::vector<int>{1});
        QCOMPARE(result.bounds.perfectSystemNodes, std::vector<int>{6});
        // One node fewer breaks the SLO: five nodes make a job wait 100 s.
        QCOMPARE(int(result.neighbours.size()), 1);
        QVERIFY(result.neighbours[0].verdict == NeighbourVerdict::Breaks);
        const SizingPoint &five = result.points[std::size_t(result.neighbours[0].point)];
        QCOMPARE(five.counts, std::vector<int>{5});
        QCOMPARE(five.verdicts[0].value, 100.0);
        QVERIFY(!five.verdicts[0].met);
        QVERIFY(result.nonMonotone.empty());
        // Every point's verdicts agree with its metrics; every count was evaluated once.
        std::set<std::vector<int>> seen;
        for (const SizingPoint &point : result.points) {
            QVERIFY(seen.insert(point.counts).second);
            QCOMPARE(point.feasible, point.counts[0] >= 6);
            QCOMPARE(point.objective, double(point.counts[0]));
        }
        QVERIFY(result.points.size() < 20); // a search, not a sweep
        QCOMPARE(result.recommendedPoint()->evaluation.metrics.find("nodes").value_or(0), 6.0);
    }

    void aRangeWithoutAnswerIsInfeasible()
    {
        WorkerPool pool(2);
        const SizingResult result = sizeCluster(sixAtOnce(3), zeroWait(1, 5), pool);
        QVERIFY(!result.feasible);
        QCOMPARE(result.recommended, -1);
        QCOMPARE(QString::fromStdString(result.reason),
                 QStringLiteral("no configuration in the ranges meets every SLO; the largest, "
                                "node=5, breaks max_wait_s<=0 (max_wait_s = 100)"));
        const std::string json = sizingJson(result, 1.0);
        QVERIFY(json.find("\"feasible\": false") != std::string::npos);
        QVERIFY(json.find("\"recommended\": null") != std::string::npos);
    }

    void theCheaperMixWins()
    {
        WorkerPool pool(2);
        const SizingResult result = sizeCluster(twoTypes(), mixRequest(), pool);
        QVERIFY2(result.feasible, result.reason.c_str());
        QCOMPARE(countsOf(result), (std::vector<int>{1, 2}));
        const SizingPoint &best = *result.recommendedPoint();
        // 500 000 USD of nodes over 3600 s of a 5-year life; no energy (no power model).
        QCOMPARE(best.objective, 500000.0 * 3600.0 / (5.0 * 365.25 * 86400.0));
        // Two big nodes would do too, at 600 000 USD.
        const Evaluation twoBig = evaluateScenario(
                configuredScenario(twoTypes(), mixRequest().vary, {2, 0}), EvaluationSettings{});
        QCOMPARE(twoBig.metrics.find("max_wait_s").value_or(-1), 0.0);
        QCOMPARE(twoBig.cost.totalUsd(), 600000.0 * 3600.0 / (5.0 * 365.25 * 86400.0));
        QCOMPARE(int(result.neighbours.size()), 2);
        QVERIFY(result.neighbours[0].verdict == NeighbourVerdict::Breaks); // 0 big + 2 small
        QVERIFY(result.neighbours[1].verdict == NeighbourVerdict::Breaks); // 1 big + 1 small
    }

    void resultsDoNotDependOnTheThreadCount_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("two types") << "mix";
        QTest::newRow("bundled example") << "example";
    }

    void resultsDoNotDependOnTheThreadCount()
    {
        QFETCH(QString, which);
        Scenario scenario;
        SizingRequest request;
        if (which == "mix") {
            scenario = twoTypes();
            request = mixRequest();
        } else {
            scenario = loadScenarioFile(exampleText());
            request.vary = {{"dgx-h100", 1, 40}};
            request.slos = {*parseSlo("p95_wait_s<=36000"), *parseSlo("jobs_rejected<=0")};
        }
        std::string reference;
        std::string referenceCsv;
        for (int threads : {1, 2, 3}) {
            WorkerPool pool(threads);
            QCOMPARE(pool.threadCount(), threads);
            const SizingResult result = sizeCluster(scenario, request, pool);
            QVERIFY(result.feasible);
            const std::string json = sizingJson(result, 1.0);
            const std::string csv = sizingPointsCsv(result);
            if (threads == 1) {
                reference = json;
                referenceCsv = csv;
            } else {
                QVERIFY2(json == reference, qPrintable(QStringLiteral("%1 threads").arg(threads)));
                QCOMPARE(csv, referenceCsv);
            }
        }
    }

    void progressCountsEveryEvaluationAndCancelStops()
    {
        WorkerPool pool(2);
        std::vector<PlanProgress> seen;
        const SizingResult result = sizeCluster(sixAtOnce(3), zeroWait(1, 20), pool,
                                                [&](const PlanProgress &p) { seen.push_back(p); });
        QCOMPARE(int(seen.size()), int(result.points.size()));
        for (std::size_t i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen[i].done, int(i) + 1);
            QVERIFY(seen[i].total >= seen[i].done);
        }

        CancelFlag cancel;
        int calls = 0;
        const SizingResult cancelled = sizeCluster(
                sixAtOnce(3), zeroWait(1, 20), pool,
                [&](const PlanProgress &) {
                    if (++calls == 1)
                        cancel.cancel();
                },
                &cancel);
        QVERIFY(cancelled.cancelled);
        QVERIFY(!cancelled.feasible);
        QVERIFY(cancelled.points.empty()); // the round in flight is dropped
    }

    void badRequestsAreExplained()
    {
        const Scenario s = sixAtOnce(3);
        SizingRequest request = zeroWait(5, 2);
        request.vary.push_back({"gpu", 1, 2});
        request.vary.push_back({"node", 1, 2});
        request.slos.push_back(*parseSlo("p96_wait_s<=1"));
        const std::vector<std::string> problems = sizingProblems(s, request);
        QCOMPARE(problems, (std::vector<std::string>{
                                   "node: the minimum 5 is above the maximum 2",
                                   "unknown node type 'gpu'", "node type 'node' is varied twice",
                                   "unknown metric 'p96_wait_s' (an SLO names a numeric key of "
                                   "the metrics JSON)"}));
        Scenario euros = s;
        euros.energy.currency = "EUR";
        SizingRequest cost = zeroWait(1, 2);
        cost.objective = SizingObjective::Cost;
        QCOMPARE(sizingProblems(euros, cost).size(), std::size_t(1));
        WorkerPool pool(1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sizeCluster(s, request, pool));
    }

    void sloParsing()
    {
        const auto atMost = parseSlo("p95_wait_s<=3600");
        QVERIFY(atMost);
        QCOMPARE(atMost->key, std::string("p95_wait_s"));
        QCOMPARE(atMost->bound, Slo::Bound::AtMost);
        QCOMPARE(atMost->limit, 3600.0);
        QCOMPARE(atMost->text(), std::string("p95_wait_s<=3600"));
        QVERIFY(atMost->met(3600) && !atMost->met(3600.5));
        const auto atLeast = parseSlo(" jain_index >= 0.75 ");
        QVERIFY(atLeast && atLeast->key == "jain_index" && atLeast->limit == 0.75);
        QVERIFY(atLeast->met(0.75) && !atLeast->met(0.7) && !atLeast->met(std::nan("")));
        for (const char *bad : {"p95_wait_s<3600", "p95_wait_s=3600", "<=5", "x<=", "x<=1e400",
                                "x<=5s", "x<=1>=2", "x<=nan"})
            QVERIFY2(!parseSlo(bad), bad);
    }

    void metricKeysAreTheMetricsJsonsNumbers()
    {
        const std::vector<std::string> keys = numericMetricKeys(false);
        QCOMPARE(keys.front(), std::string("jobs_submitted"));
        for (const char *key : {"p95_wait_s", "mean_bounded_slowdown", "peak_facility_power_w",
                                "nodes", "total_slots", "cost", "time_at_power_cap_s"})
            QVERIFY2(std::find(keys.begin(), keys.end(), key) != keys.end(), key);
        for (const char *notNumeric : {"scenario", "scheduler", "tenants", "currency",
                                       "rack_peak_power_w", "service_shortfall_fraction"})
            QVERIFY2(std::find(keys.begin(), keys.end(), notNumeric) == keys.end(), notNumeric);
        const std::vector<std::string> served = numericMetricKeys(true);
        QVERIFY(std::find(served.begin(), served.end(), "service_shortfall_fraction") !=
                served.end());
    }

    void workerPoolRunsEveryIndexOnceAndRethrows()
    {
        WorkerPool pool(3);
        for (int round = 0; round < 50; ++round) {
            std::vector<std::atomic<int>> hits(97);
            pool.run(hits.size(), [&](std::size_t i) { hits[i].fetch_add(1); });
            for (const std::atomic<int> &hit : hits)
                QCOMPARE(hit.load(), 1);
        }
        QString message;
        try {
            pool.run(10, [](std::size_t i) {
                if (i == 3 || i == 7)
                    throw std::runtime_error("task " + std::to_string(i));
            });
        } catch (const std::runtime_error &error) {
            message = error.what();
        }
        QCOMPARE(message, QStringLiteral("task 3")); // the lowest index
        int ran = 0;
        pool.run(1, [&](std::size_t) { ++ran; }); // still usable
        QCOMPARE(ran, 1);
    }
};

QTEST_GUILESS_MAIN(TestSizing)
#include "test_sizing.moc"
