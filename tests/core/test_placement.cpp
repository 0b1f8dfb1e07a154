// Placement strategies, tenant reservations, dedicated jobs, the placement explanation and
// the per-tenant and fragmentation metrics, on small cases worked by hand (docs/design.md §3, §5).
#include "core/engine/max_tree.h"
#include "core/engine/node_filter_index.h"
#include "core/engine/simulation.h"
#include "core/io/run_outputs.h"
#include "core/placement/placement_explain.h"
#include "core/placement/placement_factory.h"
#include "core/placement/topology_aware_placement.h"
#include "tests/support/recording_observer.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace headroom;
using headroom::test::RecordingObserver;
using headroom::test::ScenarioBuilder;

namespace {

// Two 4-slot nodes, three tenants; one job too large to run (tenantMetricsAndFragmentation()
// works its metrics by hand).
Scenario tenantScenario()
{
    ScenarioBuilder b;
    b.nodes(2, 4);
    b.job(1, 0, 2, 10).tenant(1, "a");
    b.job(2, 0, 4, 20).tenant(2, "b");
    b.job(3, 5, 4, 10).tenant(3, "a");
    b.job(4, 5, 1, 5).tenant(4, "b");
    b.job(5, 6, 100, 5).tenant(5, "c");
    return b.build();
}

struct Run
{
    RunResult result;
    RecordingObserver observer;
    std::vector<std::string> nodeNames;

    // Node names of the job's first allocation, in allocation order.
    std::vector<std::string> nodesOf(JobId id, const Scenario &scenario) const
    {
        for (const RecordingObserver::Start &start : observer.starts) {
            if (scenario.jobs[start.job].id != id)
                continue;
            std::vector<std::string> names;
            for (const NodeShare &share : start.allocation)
                names.push_back(nodeNames[share.node]);
            return names;
        }
        return {};
    }
    const RecordingObserver::Start *startOf(JobId id, const Scenario &scenario) const
    {
        for (const RecordingObserver::Start &start : observer.starts) {
            if (scenario.jobs[start.job].id == id)
                return &start;
        }
        return nullptr;
    }
};

Run simulate(const Scenario &scenario)
{
    Run run;
    Simulation simulation(scenario);
    simulation.addObserver(&run.observer);
    simulation.run();
    run.result = simulation.result();
    run.nodeNames = run.result.nodeNames;
    return run;
}

const JobOutcome &outcome(const RunResult &result, JobId id)
{
    for (const JobOutcome &job : result.jobs) {
        if (job.id == id)
            return job;
    }
    qFatal("no job %lld", static_cast<long long>(id));
}

using Names = std::vector<std::string>;

// Three 4-accelerator nodes in one rack, FCFS. Worked by hand:
//   1: t0,  2 slots, 10 s      3: t0, 3 slots, long       5: t30, 4 slots, long
//   2: t0,  1 slot, long       4: t20, 1 slot, long
Scenario consolidationCase(PlacementKind placement)
{
    return ScenarioBuilder()
            .nodes(3, 4)
            .placement(placement)
            .job(1, 0, 2, 10)
            .job(2, 0, 1, 1000)
            .job(3, 0, 3, 1000)
            .job(4, 20, 1, 1000)
            .job(5, 30, 4, 1000)
            .build();
}

// A single-node job's best node by the strategy's own order, from the explanation's scores.
bool scoreOrderBefore(PlacementKind kind, const NodeExplanation &a, const NodeExplanation &b)
{
    const double sa = *a.score, sb = *b.score;
    switch (kind) {
    case PlacementKind::BestFit:
    case PlacementKind::RoundRobin:
        return sa != sb ? sa < sb : a.node < b.node;
    case PlacementKind::LeastLoaded:
        return sa != sb ? sa > sb : a.node < b.node;
    case PlacementKind::FirstFit:
    case PlacementKind::TopologyAware: // single-node jobs: first fit
    case PlacementKind::PowerAware:
        return a.node < b.node;
    }
    return false;
}

const PlacementKind kMine[] = {PlacementKind::FirstFit, PlacementKind::BestFit,
                               PlacementKind::LeastLoaded, PlacementKind::RoundRobin,
                               PlacementKind::TopologyAware};

} // namespace

Q_DECLARE_METATYPE(Names)

class TestPlacement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The consolidation case (three 4-accelerator nodes, FCFS) under three strategies: which
    // node each job gets, and when job 5 (a whole node) starts.
    //  first_fit: 1→n0, 2→n0 (n0 has 2 left), 3→n1; at t10 job 1 ends (n0: 3 free), 4→n0
    //    (lowest index with room), 5→n2.
    //  best_fit: as first_fit until t20, when job 4 takes n1 (1 free, the fullest that fits)
    //    rather than n0 (3 free): consolidation keeps n2 whole, so job 5 starts at once.
    //  least_loaded: 1→n0 (tie: lowest), 2→n1 (4 free), 3→n2 (4 free); at t20 job 4 takes
    //    n0 (4 free again). No node is whole at t30, so job 5 waits for job 2's node at t1000.
    void consolidation_data()
    {
        QTest::addColumn<int>("placement");
        QTest::addColumn<Names>("nodes"); // of jobs 1..5
        QTest::addColumn<double>("job5Start");
        QTest::newRow("first_fit takes the lowest index")
                << int(PlacementKind::FirstFit)
                << Names{"r0-n0", "r0-n0", "r0-n1", "r0-n0", "r0-n2"} << 30.0;
        QTest::newRow("best_fit consolidates")
                << int(PlacementKind::BestFit) << Names{"r0-n0", "r0-n0", "r0-n1", "r0-n1", "r0-n2"}
                << 30.0;
        QTest::newRow("least_loaded spreads")
                << int(PlacementKind::LeastLoaded)
                << Names{"r0-n0", "r0-n1", "r0-n2", "r0-n0", "r0-n1"} << 1000.0;
    }
    void consolidation()
    {
        QFETCH(int, placement);
        QFETCH(Names, nodes);
        QFETCH(double, job5Start);
        const Scenario s = consolidationCase(static_cast<PlacementKind>(placement));
        const Run r = simulate(s);
        for (JobId id = 1; id <= 5; ++id)
            QCOMPARE(r.nodesOf(id, s), Names{nodes[std::size_t(id - 1)]});
        QCOMPARE(outcome(r.result, 5).firstStart, job5Start);
    }

    // round_robin on three 2-slot nodes: successive 1-slot jobs go n0, n1, n2, n0, n1; the
    // cursor skips a node without room (job 6 wants 2 slots: n2 has 1, n0 1, n1 1 -> waits
    // until t100, when jobs 1..5 end; the cursor is then at n2).
    void roundRobinCycles()
    {
        ScenarioBuilder b;
        b.nodes(3, 2).placement(PlacementKind::RoundRobin);
        for (int id = 1; id <= 5; ++id)
            b.job(id, id, 1, 100 - id); // all end at t100
        b.job(6, 10, 2, 10);
        b.job(7, 200, 1, 10);
        const Scenario s = b.build();
        const Run r = simulate(s);
        QCOMPARE(r.nodesOf(1, s), Names{"r0-n0"});
        QCOMPARE(r.nodesOf(2, s), Names{"r0-n1"});
        QCOMPARE(r.nodesOf(3, s), Names{"r0-n2"});
        QCOMPARE(r.nodesOf(4, s), Names{"r0-n0"});
        QCOMPARE(r.nodesOf(5, s), Names{"r0-n1"});
        QCOMPARE(r.nodesOf(6, s), Names{"r0-n2"});
        QCOMPARE(outcome(r.result, 6).firstStart, 100.0);
        QCOMPARE(r.nodesOf(7, s), Names{"r0-n0"}); // wrapped past the end
    }

    // A round-robin gang takes whole free nodes in cyclic order from the cursor.
    void roundRobinGangWraps()
    {
        const Scenario s = ScenarioBuilder()
                                   .nodes(4, 2)
                                   .placement(PlacementKind::RoundRobin)
                                   .job(1, 0, 1, 10)  // n0; cursor -> n1
                                   .job(2, 1, 1, 10)  // n1; cursor -> n2
                                   .job(3, 2, 1, 10)  // n2; cursor -> n3
                                   .job(4, 20, 4, 10) // n3 then n0 (wrap)
                                   .build();
        const Run r = simulate(s);
        QCOMPARE(r.nodesOf(4, s), (Names{"r0-n3", "r0-n0"}));
    }

    // Three racks of 8-accelerator nodes: r0 has 4 nodes, r1 2, r2 3. A 3-node gang fits in
    // r0 or r2; topology_aware takes r2 (the fewest whole free nodes that still hold it),
    // first_fit the first three nodes.
    void topologyAwareKeepsAGangInOneRack_data()
    {
        QTest::addColumn<int>("placement");
        QTest::addColumn<Names>("nodes");
        QTest::newRow("topology_aware")
                << int(PlacementKind::TopologyAware) << Names{"r2-n0", "r2-n1", "r2-n2"};
        QTest::newRow("first_fit")
                << int(PlacementKind::FirstFit) << Names{"r0-n0", "r0-n1", "r0-n2"};
    }
    void topologyAwareKeepsAGangInOneRack()
    {
        QFETCH(int, placement);
        QFETCH(Names, nodes);
        ScenarioBuilder b;
        b.nodes(4, 8, "gpu", "r0").nodes(2, 8, "gpu", "r1").nodes(3, 8, "gpu", "r2");
        b.job(1, 0, 24, 10);
        b.placement(static_cast<PlacementKind>(placement));
        const Scenario s = b.build();
        QCOMPARE(simulate(s).nodesOf(1, s), nodes);
    }

    // No rack holds the gang: r0 has 2 whole free nodes, r1 1, r2 3. topology_aware takes all
    // of r2 (the most) and the last node from r1 (the fewest that still hold the rest):
    // 2 racks. first_fit spans 3. (The slowdown that costs is the power engineer's test.)
    void topologyAwareSpansTheFewestRacks_data()
    {
        QTest::addColumn<int>("placement");
        QTest::addColumn<Names>("nodes");
        QTest::addColumn<int>("racks");
        QTest::newRow("topology_aware") << int(PlacementKind::TopologyAware)
                                        << Names{"r1-n1", "r2-n0", "r2-n1", "r2-n2"} << 2;
        QTest::newRow("first_fit")
                << int(PlacementKind::FirstFit) << Names{"r0-n1", "r0-n2", "r1-n1", "r2-n0"} << 3;
    }
    void topologyAwareSpansTheFewestRacks()
    {
        QFETCH(int, placement);
        QFETCH(Names, nodes);
        QFETCH(int, racks);
        ScenarioBuilder b;
        b.nodes(3, 8, "gpu", "r0").nodes(2, 8, "gpu", "r1").nodes(3, 8, "gpu", "r2");
        b.job(1, 0, 8, 100).constrain(1, {"", "", "", "r0-n0"});
        b.job(2, 0, 8, 100).constrain(2, {"", "", "", "r1-n0"});
        b.job(3, 1, 32, 10);
        b.placement(static_cast<PlacementKind>(placement));
        const Scenario s = b.build();
        const Run r = simulate(s);
        QCOMPARE(r.nodesOf(3, s), nodes);
        Simulation probe(s);
        QCOMPARE(racksSpanned(r.startOf(3, s)->allocation, probe.layout()), racks);
    }

    // Mixed types: a 2-node gang of "big" nodes, and best_fit's gang rule (the type with the
    // fewest whole free nodes that suffice) against least_loaded's (the most).
    void gangTypeChoice_data()
    {
        QTest::addColumn<int>("placement");
        QTest::addColumn<Names>("nodes");
        QTest::newRow("best_fit: fewest") << int(PlacementKind::BestFit) << Names{"r1-n0", "r1-n1"};
        QTest::newRow("least_loaded: most")
                << int(PlacementKind::LeastLoaded) << Names{"r0-n0", "r0-n1"};
    }
    void gangTypeChoice()
    {
        QFETCH(int, placement);
        QFETCH(Names, nodes);
        ScenarioBuilder b;
        b.nodes(4, 4, "small", "r0").nodes(2, 4, "other", "r1");
        b.job(1, 0, 8, 10);
        b.placement(static_cast<PlacementKind>(placement));
        const Scenario s = b.build();
        QCOMPARE(simulate(s).nodesOf(1, s), nodes);
    }

    // Nodes r0-n2 and r0-n3 are reserved for tenant "acme". Tenant "beta"'s jobs stay on
    // n0 and n1 (the third waits for one of them), acme's may use all four.
    void reservationsAreHonoured_data()
    {
        QTest::addColumn<int>("placement");
        QTest::addColumn<int>("scheduler");
        for (PlacementKind p : kMine) {
            for (SchedulerKind k : allSchedulers()) {
                QTest::newRow((std::string(toString(p)) + "/" + std::string(toString(k))).c_str())
                        << static_cast<int>(p) << static_cast<int>(k);
            }
        }
    }
    void reservationsAreHonoured()
    {
        QFETCH(int, placement);
        QFETCH(int, scheduler);
        ScenarioBuilder b;
        b.nodes(4, 4).reserve("r0-n2", "acme").reserve("r0-n3", "acme");
        b.placement(static_cast<PlacementKind>(placement));
        b.scheduler(static_cast<SchedulerKind>(scheduler));
        b.job(1, 0, 4, 100).tenant(1, "beta");
        b.job(2, 0, 4, 100).tenant(2, "beta");
        b.job(3, 0, 4, 100).tenant(3, "beta");
        b.job(4, 0, 2, 50).tenant(4, "acme");
        b.job(5, 0, 4, 50).tenant(5, "acme");
        b.job(6, 0, 1, 50); // no tenant: shared nodes only
        const Scenario s = b.build();
        const Run r = simulate(s);
        for (const JobOutcome &job : r.result.jobs)
            QCOMPARE(job.state, JobState::Completed);
        for (const RecordingObserver::Start &start : r.observer.starts) {
            const Job &job = s.jobs[start.job];
            for (const NodeShare &share : start.allocation) {
                const bool reserved = share.node >= 2;
                QVERIFY2(!reserved || job.tenant == "acme",
                         ("job " + std::to_string(job.id) + " on a reserved node").c_str());
            }
        }
        // Beta's third job cannot use acme's idle nodes: it waits for a shared one. (SJF and
        // SRTF run the shorter acme and untenanted jobs first, on shared nodes too.)
        const auto kind = static_cast<SchedulerKind>(scheduler);
        if (kind == SchedulerKind::Fcfs || kind == SchedulerKind::Easy)
            QCOMPARE(outcome(r.result, 3).firstStart, 100.0);
    }

    void impossibleReservationsAreRejected()
    {
        ScenarioBuilder b;
        b.nodes(2, 4, "gpu", "r0").nodes(2, 4, "gpu", "r1");
        b.reserve("r1-n0", "acme").reserve("r1-n1", "acme");
        b.job(1, 0, 12, 10).tenant(1, "beta"); // 3 nodes; beta may use 2
        b.job(2, 0, 1, 10).tenant(2, "beta");  // fine
        b.job(3, 0, 1, 10).tenant(3, "beta").constrain(3, {"", "", "r1", ""});
        b.job(4, 0, 4, 10).tenant(4, "beta").constrain(4, {"", "", "", "r1-n0"});
        b.job(5, 0, 12, 10).tenant(5, "acme"); // acme may use all 4
        b.job(6, 0, 20, 10).tenant(6, "acme"); // larger than the cluster
        b.job(7, 0, 5, 10).tenant(7, "acme").constrain(7, {"", "", "", "r1-n0"}); // node too small
        b.job(8, 0, 12, 10); // no tenant: shared nodes only
        const Scenario s = b.build();
        const Run r = simulate(s);
        QCOMPARE(outcome(r.result, 1).rejectReason, RejectReason::ReservedForOtherTenants);
        QCOMPARE(outcome(r.result, 2).state, JobState::Completed);
        QCOMPARE(outcome(r.result, 3).rejectReason, RejectReason::ReservedForOtherTenants);
        QCOMPARE(outcome(r.result, 4).rejectReason, RejectReason::ReservedForOtherTenants);
        QCOMPARE(outcome(r.result, 5).state, JobState::Completed);
        QCOMPARE(outcome(r.result, 6).rejectReason, RejectReason::LargerThanCluster);
        QCOMPARE(outcome(r.result, 7).rejectReason, RejectReason::ConstraintsTooSmall);
        QCOMPARE(outcome(r.result, 8).rejectReason, RejectReason::ReservedForOtherTenants);
        QCOMPARE(QString(describe(RejectReason::ReservedForOtherTenants)),
                 QString("the nodes open to its tenant (shared ones and its own reservation) can "
                         "never hold it"));
    }

    // A dedicated job holds a whole node (busy only its own accelerators), so no other tenant
    // shares it: 1 (a) -> n0; 2 (b, dedicated, 1 slot) -> n1 whole; 3 (a) -> n0 beside job 1;
    // 4 (c, dedicated, 2 slots) waits for a whole node until job 2 ends at t50.
    void dedicatedJobsTakeWholeNodes_data() { reservationsAreHonoured_data(); }
    void dedicatedJobsTakeWholeNodes()
    {
        QFETCH(int, placement);
        QFETCH(int, scheduler);
        ScenarioBuilder b;
        b.nodes(2, 4).placement(static_cast<PlacementKind>(placement));
        b.scheduler(static_cast<SchedulerKind>(scheduler));
        b.job(1, 0, 1, 100).tenant(1, "a");
        b.job(2, 1, 1, 50).tenant(2, "b", true);
        b.job(3, 2, 1, 100).tenant(3, "a");
        b.job(4, 3, 2, 200).tenant(4, "c", true); // longer than the rest: SRTF keeps it last
        const Scenario s = b.build();
        const Run r = simulate(s);
        const auto *two = r.startOf(2, s);
        QVERIFY(two);
        QCOMPARE(two->allocation.size(), std::size_t(1));
        QCOMPARE(two->allocation[0].held, 4);
        QCOMPARE(two->allocation[0].busy, 1);
        const int dedicatedNode = two->allocation[0].node;
        QCOMPARE(r.startOf(3, s)->allocation[0].node, 1 - dedicatedNode);
        QCOMPARE(r.startOf(1, s)->allocation[0].node, 1 - dedicatedNode);
        QCOMPARE(outcome(r.result, 4).firstStart, 51.0);
        QCOMPARE(r.startOf(4, s)->allocation[0].node, dedicatedNode);
        QCOMPARE(r.startOf(4, s)->allocation[0].held, 4);
        // Utilization counts busy accelerators, not the idle ones a dedicated job holds.
        QCOMPARE(r.result.metrics.utilization,
                 (1 * 100 + 1 * 50 + 1 * 100 + 2 * 200) / (8.0 * 251));
    }

    // Per tenant and fragmentation, worked by hand on two 4-slot nodes under FCFS first_fit:
    //   1 a: t0,  2 slots, 10 s -> n0 0..10      3 a: t5, 4 slots, 10 s -> n0 10..20
    //   2 b: t0,  4 slots, 20 s -> n1 0..20      4 b: t5, 1 slot, 5 s   -> n0 20..25
    //   5 c: t6, 100 slots -> rejected
    // Makespan 25, capacity 8 × 25 = 200. a: busy 2·10 + 4·10 = 60 (0.3), waits 0, 5;
    // b: busy 4·20 + 1·5 = 85 (0.425), waits 0, 15. Stranded free slots: 2 on n0 over
    // [0, 10), none over [10, 20), 3 on n0 over [20, 25): 35 slot-seconds / 25 s = 1.4.
    void tenantMetricsAndFragmentation()
    {
        const Scenario s = tenantScenario();
        const Run r = simulate(s);
        const RunMetrics &m = r.result.metrics;
        QCOMPARE(m.makespanS, 25.0);
        QCOMPARE(m.utilization, 145.0 / 200.0);
        QCOMPARE(m.tenants.size(), std::size_t(3));
        const TenantMetrics &a = m.tenants[0], &bb = m.tenants[1], &c = m.tenants[2];
        QCOMPARE(a.tenant, std::string("a"));
        QCOMPARE(bb.tenant, std::string("b"));
        QCOMPARE(c.tenant, std::string("c"));
        QCOMPARE(a.jobsSubmitted, 2LL);
        QCOMPARE(a.jobsCompleted, 2LL);
        QCOMPARE(a.utilization, 0.3);
        QCOMPARE(a.meanWaitS, 2.5);
        QCOMPARE(a.p95WaitS, 5.0);
        QCOMPARE(bb.utilization, 0.425);
        QCOMPARE(bb.meanWaitS, 7.5);
        QCOMPARE(bb.p95WaitS, 15.0);
        QCOMPARE(c.jobsSubmitted, 1LL);
        QCOMPARE(c.jobsRejected, 1LL);
        QCOMPARE(c.jobsCompleted, 0LL);
        QCOMPARE(c.utilization, 0.0);
        QCOMPARE(m.fragmentedSlots, 1.4);
        QCOMPARE(m.fragmentation, 1.4 / 8.0);

        // The metrics file keeps the contract keys first and appends the new ones.
        RunInfo info;
        const nlohmann::ordered_json j = nlohmann::ordered_json::parse(metricsJson(m, info));
        std::vector<std::string> keys;
        for (auto it = j.begin(); it != j.end(); ++it)
            keys.push_back(it.key());
        QCOMPARE(keys.front(), std::string("jobs_submitted"));
        // After the run information, in this order (other appended keys may follow).
        const auto version = std::find(keys.begin(), keys.end(), "headroom_version");
        const auto fragmented = std::find(keys.begin(), keys.end(), "fragmented_slots");
        QVERIFY(version < fragmented && fragmented + 2 < keys.end());
        QCOMPARE(std::vector<std::string>(fragmented, fragmented + 3),
                 (std::vector<std::string>{"fragmented_slots", "fragmentation", "tenants"}));
        QCOMPARE(j["fragmented_slots"].get<double>(), 1.4);
        QCOMPARE(j["tenants"].size(), std::size_t(3));
        QCOMPARE(j["tenants"][1]["tenant"].get<std::string>(), std::string("b"));
        QCOMPARE(j["tenants"][1]["p95_wait_s"].get<double>(), 15.0);
        QCOMPARE(j["tenants"][0]["utilization"].get<double>(), 0.3);
    }

    // takeResult(false), for a caller that writes only metrics: no per-job outcomes, the same
    // metrics as takeResult() (the CLI's --metrics-json alone).
    void takeResultWithoutJobs()
    {
        const Scenario s = tenantScenario();
        const auto taken = [&](bool withJobs) {
            Simulation simulation(s);
            simulation.run();
            return simulation.takeResult(withJobs);
        };
        const RunResult full = taken(true);
        const RunResult lean = taken(false);
        QCOMPARE(full.jobs.size(), std::size_t(5));
        QVERIFY(lean.jobs.empty());
        QCOMPARE(lean.metrics.jobsCompleted, 4LL);
        const RunInfo info;
        QCOMPARE(metricsJson(lean.metrics, info), metricsJson(full.metrics, info));
    }

    // MaxTree keeps no copy of its values: value() reads them back from the bits (or the
    // segment tree), and change() (the caller says the old value) agrees with set().
    void maxTreeReadsValuesBack_data()
    {
        QTest::addColumn<int>("maxValue");
        QTest::newRow("bitset layout") << 8;
        QTest::newRow("segment tree") << -1;
    }
    void maxTreeReadsValuesBack()
    {
        QFETCH(int, maxValue);
        std::vector<int> values{0, 3, 8, 1, 5, 0, 2, 7, 8, 4};
        MaxTree tree(values, maxValue);
        unsigned step = 7;
        for (int round = 0; round < 200; ++round) {
            step = step * 1103515245u + 12345u;
            const int position = int(step >> 8) % int(values.size());
            const int value = int(step >> 16) % 9;
            if (round % 2 == 0)
                tree.set(position, value);
            else
                tree.change(position, values[std::size_t(position)], value);
            values[std::size_t(position)] = value;
            for (int p = 0; p < int(values.size()); ++p)
                QCOMPARE(tree.value(p), values[std::size_t(p)]);
            for (int minimum = 1; minimum <= 8; ++minimum) {
                const auto first = std::find_if(values.begin(), values.end(),
                                                [&](int v) { return v >= minimum; });
                QCOMPARE(tree.firstAtLeast(minimum, 0, int(values.size())),
                         first == values.end() ? -1 : int(first - values.begin()));
            }
            QCOMPARE(tree.max(), *std::max_element(values.begin(), values.end()));
        }
    }

    // A gang's remainder node and a dedicated job's node are held whole: not fragmented.
    void wholeHeldNodesAreNotFragmented()
    {
        ScenarioBuilder b;
        b.nodes(3, 4);
        b.job(1, 0, 6, 10);                      // gang: n0 busy 4, n1 held whole, busy 2
        b.job(2, 0, 1, 10).tenant(2, "x", true); // dedicated: n2 held whole
        const Run r = simulate(b.build());
        QCOMPARE(r.result.metrics.fragmentedSlots, 0.0);
        QCOMPARE(r.result.metrics.utilization, 7.0 / 12.0);
    }

    // The explanation is the strategy's own choice: at the instant a probe job is submitted,
    // the explanation made just before equals where the engine starts it, and the chosen
    // node is the best admissible one by the strategy's score.
    void explainAgreesWithThePlacement_data()
    {
        QTest::addColumn<int>("placement");
        QTest::addColumn<int>("probe");
        for (PlacementKind p : kMine) {
            for (int probe = 0; probe < 6; ++probe) {
                QTest::newRow((std::string(toString(p)) + "/probe" + std::to_string(probe)).c_str())
                        << static_cast<int>(p) << probe;
            }
        }
    }
    void explainAgreesWithThePlacement()
    {
        QFETCH(int, placement);
        QFETCH(int, probe);
        const auto kind = static_cast<PlacementKind>(placement);
        // Racks of 4- and 8-slot nodes, one node reserved for "acme", partly filled at t < 100.
        ScenarioBuilder b;
        b.nodes(6, 4, "gpu", "r0", "z0").nodes(3, 4, "gpu", "r1", "z1");
        b.nodes(2, 8, "big", "r2", "z1").reserve("r1-n2", "acme");
        b.placement(kind);
        // The 8-slot job comes first: least_loaded sends small jobs to the big nodes (they
        // have the most free slots), which would leave no room for it later.
        b.job(1, 0, 8, 1000).job(2, 1, 1, 1000).job(3, 2, 2, 1000).job(4, 3, 3, 1000);
        b.job(5, 4, 1, 1000).job(6, 5, 2, 1000).job(7, 6, 4, 1000);
        Job p;
        p.id = 100;
        p.submitS = 100;
        p.runS = 10;
        switch (probe) {
        case 0: // one slot, anywhere
            p.slots = 1;
            break;
        case 1: // three slots, tenant acme (may use its reserved node)
            p.slots = 3;
            p.tenant = "acme";
            break;
        case 2: // a gang of two 4-slot nodes
            p.slots = 8;
            p.constraints = JobConstraints{"gpu", "", "", ""};
            break;
        case 3: // dedicated, one slot
            p.slots = 1;
            p.tenant = "beta";
            p.dedicated = true;
            break;
        case 4: // zone-constrained
            p.slots = 2;
            p.constraints = JobConstraints{"", "z1", "", ""};
            break;
        case 5: // a gang of 12 slots anywhere (three 4-slot nodes or two 8-slot ones)
            p.slots = 12;
            break;
        }
        Scenario s = b.build();
        s.jobs.push_back(p);

        Simulation simulation(s);
        RecordingObserver observer;
        simulation.addObserver(&observer);
        simulation.runUntil(99);
        const PlacementExplanation e =
                explainPlacement(p, simulation.clusterState(), simulation.placement());
        QCOMPARE(e.strategy, std::string(toString(kind)));
        QCOMPARE(e.nodes.size(), std::size_t(simulation.layout().nodeCount()));
        QVERIFY2(e.fits, e.summary.c_str());
        simulation.run();

        const RecordingObserver::Start *started = nullptr;
        for (const auto &start : observer.starts) {
            if (start.job == s.jobs.size() - 1)
                started = &start;
        }
        QVERIFY(started);
        QCOMPARE(started->time, 100.0);
        QVERIFY(started->allocation == e.allocation);

        // Verdicts: admissible exactly where an independent check says the job could go.
        const CompiledCluster &layout = simulation.layout();
        NodeFilterIndex filters(layout);
        const int filterIndex = filters.filterFor(*p.constraints, p.tenant);
        const NodeFilter &filter = filters.filter(filterIndex);
        int chosen = 0;
        for (const NodeExplanation &n : e.nodes) {
            const bool inAllocation =
                    std::any_of(e.allocation.begin(), e.allocation.end(),
                                [&](const NodeShare &share) { return share.node == n.node; });
            QCOMPARE(n.verdict == NodeVerdict::Chosen, inAllocation);
            chosen += inAllocation ? 1 : 0;
            if (!filter.admits(layout.nodes[n.node], n.node))
                QVERIFY2(!n.admissible(), n.reason.c_str());
            if (n.admissible()) {
                QVERIFY(filter.admits(layout.nodes[n.node], n.node));
                QVERIFY(n.score.has_value());
            } else {
                QVERIFY(!n.score.has_value());
                QVERIFY(!n.reason.empty());
            }
        }
        QCOMPARE(chosen, static_cast<int>(e.allocation.size()));
        if (!e.gang) {
            // The chosen node is the best admissible node by the strategy's score order.
            const NodeExplanation *best = nullptr;
            for (const NodeExplanation &n : e.nodes) {
                if (n.admissible() && (!best || scoreOrderBefore(kind, n, *best)))
                    best = &n;
            }
            QVERIFY(best);
            QCOMPARE(best->node, e.allocation.front().node);
        }
    }

    // Reasons name the constraint that rules a node out.
    void explainGivesReasons()
    {
        ScenarioBuilder b;
        b.nodes(2, 4, "gpu", "r0", "z0").nodes(1, 8, "big", "r1", "z1");
        b.reserve("r0-n1", "acme");
        b.job(1, 0, 3, 1000);
        const Scenario s = b.build();
        Simulation simulation(s);
        simulation.runUntil(1);
        Job job;
        job.id = 9;
        job.slots = 2;
        job.tenant = "beta";
        job.constraints = JobConstraints{"gpu", "", "", ""};
        auto e = explainPlacement(job, simulation.clusterState(), simulation.placement());
        QCOMPARE(e.nodes[0].verdict, NodeVerdict::TooFewFree); // job 1 holds 3 of 4
        QCOMPARE(e.nodes[0].reason, std::string("1 accelerator free, needs 2"));
        QCOMPARE(e.nodes[1].verdict, NodeVerdict::ReservedForOtherTenant);
        QCOMPARE(e.nodes[1].reason, std::string("reserved for tenant \"acme\""));
        QCOMPARE(e.nodes[2].verdict, NodeVerdict::WrongType);
        QVERIFY(!e.fits);
        QCOMPARE(e.rejectReason, RejectReason::None);

        job.constraints = JobConstraints{};
        job.slots = 1;
        ExplainHooks hooks;
        hooks.isOn = [](int node) { return node != 2; };
        e = explainPlacement(job, simulation.clusterState(), simulation.placement(), hooks);
        QCOMPARE(e.nodes[0].verdict, NodeVerdict::Chosen);
        QCOMPARE(e.nodes[2].verdict, NodeVerdict::Off);
        QVERIFY(e.nodes[0].score.has_value());

        job.slots = 6;
        e = explainPlacement(job, simulation.clusterState(), simulation.placement());
        QCOMPARE(e.nodes[0].verdict, NodeVerdict::TooSmall);
        QCOMPARE(e.nodes[2].verdict, NodeVerdict::Chosen);

        job.slots = 8; // two gpu nodes, but beta may use only one of them
        job.constraints = JobConstraints{"gpu", "", "", ""};
        e = explainPlacement(job, simulation.clusterState(), simulation.placement());
        QCOMPARE(e.rejectReason, RejectReason::ReservedForOtherTenants);
        QVERIFY(!e.fits);
        QVERIFY(e.summary.find("can never run") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPlacement)
#include "test_placement.moc"
