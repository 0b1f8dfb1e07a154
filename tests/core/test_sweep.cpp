// Overrides, sweep specs, sharding and merging, and the emitted cluster jobs
// (docs/design.md §8.1–§8.6), in core without the CLI.
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/run_outputs.h"
#include "core/io/scenario_json.h"
#include "core/io/sweep_jobs.h"
#include "core/io/sweep_outputs.h"
#include "core/io/sweep_spec.h"
#include "core/plan/cluster_resize.h"
#include "core/plan/comparison.h"
#include "core/plan/load_scale.h"
#include "core/plan/scenario_overrides.h"
#include "core/plan/sweep.h"
#include "tests/support/scenario_builder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <stdexcept>

using namespace headroom;
using namespace headroom::test;

namespace {

// Two node types in two racks, and jobs that queue: scheduler, placement, load scale and node
// counts all change the metrics.
Scenario busyCluster()
{
    ScenarioBuilder builder;
    builder.nodes(3, 4, "small", "r0").nodes(2, 8, "big", "r1");
    builder.linearPower("small", 100, 400).linearPower("big", 200, 900);
    for (int id = 1; id <= 40; ++id)
        builder.job(id, 60.0 * (id % 13), 1 + id % 8, 600.0 + 97.0 * (id % 7), 900.0);
    return builder.build();
}

QString invalidArgument(const std::function<void()> &call)
{
    try {
        call();
    } catch (const std::invalid_argument &error) {
        return QString::fromStdString(error.what());
    }
    return QStringLiteral("(no error)");
}

// The message of the InputError reading `text` as a spec in `folder` throws.
QString specError(const std::string &text, const QString &folder)
{
    try {
        parseSweepSpec(text, "spec.json", folder.toStdString());
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return QStringLiteral("(no error)");
}

std::vector<SweepShardFile> roundTrip(const std::vector<SweepShardResult> &shards)
{
    std::vector<SweepShardFile> files;
    for (const SweepShardResult &shard : shards) {
        const std::string name = sweepShardFileName(shard.shard);
        files.push_back({name, parseSweepShard(sweepShardJson(shard), name)});
    }
    return files;
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile base(m_dir.filePath("base.json"));
        QVERIFY(base.open(QIODevice::WriteOnly));
        base.write(QByteArray::fromStdString(serializeScenario(busyCluster())));
    }

    // --- overrides -------------------------------------------------------------------------

    void overridesParseToCanonicalText_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("scheduler") << "scheduler"
                                   << "fcfs"
                                   << "fcfs";
        QTest::newRow("placement") << "placement"
                                   << "best_fit"
                                   << "best_fit";
        QTest::newRow("seed") << "seed"
                              << "18446744073709551615"
                              << "18446744073709551615";
        QTest::newRow("load scale") << "load_scale"
                                    << "1.50"
                                    << "1.5";
        QTest::newRow("load scale exponent") << "load_scale"
                                             << "2e0"
                                             << "2";
        QTest::newRow("nodes") << "nodes.big"
                               << "12"
                               << "12";
        QTest::newRow("cap") << "cluster_power_cap_kw"
                             << "150.0"
                             << "150";
        QTest::newRow("no cap") << "cluster_power_cap_kw"
                                << "none"
                                << "none";
        QTest::newRow("rack budget") << "rack_power_budget_kw"
                                     << "42.5"
                                     << "42.5";
        QTest::newRow("dvfs") << "dvfs_frequency"
                              << "0.8"
                              << "0.8";
        QTest::newRow("dpm true") << "dpm"
                                  << "true"
                                  << "on";
        QTest::newRow("dpm off") << "dpm"
                                 << "off"
                                 << "off";
        QTest::newRow("idle") << "idle_timeout_s"
                              << "600"
                              << "600";
        QTest::newRow("spares") << "spare_nodes"
                                << "2"
                                << "2";
        QTest::newRow("pue") << "pue"
                             << "1.25"
                             << "1.25";
    }
    void overridesParseToCanonicalText()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, canonical);
        const ScenarioOverride parsed = parseOverride(key.toStdString(), value.toStdString());
        QCOMPARE(QString::fromStdString(parsed.key), key);
        QCOMPARE(QString::fromStdString(parsed.value), canonical);
        // JSON and back give the same override.
        QCOMPARE(overrideFromJson(parsed.key,
                                  nlohmann::json::parse(overrideJsonValue(parsed).dump())),
                 parsed);
    }

    void badOverridesSayWhy_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << "schedular=fcfs"
                                     << "unknown key \"schedular\" (known: scheduler, placement, ";
        QTest::newRow("scheduler") << "scheduler=fifo"
                                   << "scheduler: expected one of fcfs, sjf, srtf, easy, got "
                                      "\"fifo\"";
        QTest::newRow("load scale") << "load_scale=0"
                                    << "load_scale: expected a number > 0, got \"0\"";
        QTest::newRow("negative nodes") << "nodes.big=-1"
                                        << "nodes.big: expected a whole number >= 0, got \"-1\"";
        QTest::newRow("fraction") << "spare_nodes=1.5"
                                  << "spare_nodes: expected a whole number >= 0, got \"1.5\"";
        QTest::newRow("not a number") << "pue=high"
                                      << "pue: expected a number, got \"high\"";
        QTest::newRow("switch") << "dpm=maybe"
                                << "dpm: expected on or off, got \"maybe\"";
        QTest::newRow("no equals") << "scheduler"
                                   << "expected key=value, got \"scheduler\"";
        QTest::newRow("twice") << "seed=1,seed=2"
                               << "\"seed\" is given twice";
        QTest::newRow("nodes without type") << "nodes.=3"
                                            << "unknown key \"nodes.\"";
    }
    void badOverridesSayWhy()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const QString error = invalidArgument([&] { parseOverrideList(text.toStdString()); });
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void variantsHaveANameAndOverrides()
    {
        const NamedVariant variant = parseVariant(" no dpm : dpm=off , load_scale=1.5");
        QCOMPARE(variant.name, std::string("no dpm"));
        QCOMPARE(variant.overrides.size(), std::size_t(2));
        QCOMPARE(variant.overrides[0].text(), std::string("dpm=off"));
        QCOMPARE(variant.overrides[1].text(), std::string("load_scale=1.5"));
        QVERIFY(invalidArgument([] { parseVariant("scheduler=fcfs"); }).startsWith("expected"));
        QVERIFY(invalidArgument([] { parseVariant(": scheduler=fcfs"); }).contains("no name"));
        QVERIFY(invalidArgument([] { parseVariant("x:"); }).contains("changes nothing"));
    }

    void jsonValuesMustHaveTheKeysType()
    {
        QVERIFY(invalidArgument([] {
                    overrideFromJson("load_scale", "1.5");
                }).startsWith("load_scale: expected a number, found string \"1.5\""));
        QVERIFY(invalidArgument([] {
                    overrideFromJson("dpm", 1);
                }).startsWith("dpm: expected true or false"));
        QVERIFY(invalidArgument([] {
                    overrideFromJson("nodes.big", 2.5);
                }).startsWith("nodes.big: expected a whole number >= 0"));
        QCOMPARE(overrideFromJson("nodes.big", 4.0).value, std::string("4"));
        QCOMPARE(overrideFromJson("cluster_power_cap_kw", nullptr).value, std::string("none"));
        QVERIFY(overrideJsonValue(parseOverride("cluster_power_cap_kw", "none")).is_null());
        QCOMPARE(overrideJsonValue(parseOverride("dpm", "on")), nlohmann::ordered_json(true));
    }

    // Each key changes what it says, and nothing is validated behind the caller's back.
    void overridesApplyAsTheirFieldsSay()
    {
        const Scenario base = busyCluster();
        Scenario changed = base;
        applyOverrides(changed, parseOverrideList("scheduler=sjf,placement=best_fit,seed=7,"
                                                  "cluster_power_cap_kw=3,rack_power_budget_kw=2.5,"
                                                  "dvfs_frequency=0.9,dpm=on,idle_timeout_s=120,"
                                                  "spare_nodes=1,pue=1.4,failures=true,"
                                                  "failure_seed=11"));
        QVERIFY(changed.policy.scheduler == SchedulerKind::Sjf);
        QVERIFY(changed.policy.placement == PlacementKind::BestFit);
        QCOMPARE(changed.seed, std::uint64_t(7));
        QCOMPARE(changed.energy.clusterPowerCapKw, std::optional<double>(3.0));
        for (const Zone &zone : changed.cluster.zones) {
            for (const Rack &rack : zone.racks)
                QCOMPARE(rack.powerBudgetKw, std::optional<double>(2.5));
        }
        QCOMPARE(changed.energy.dvfsFrequency, 0.9);
        QVERIFY(changed.energy.dpmEnabled);
        QCOMPARE(changed.energy.idleTimeoutS, 120.0);
        QCOMPARE(changed.energy.spareNodes, 1);
        QCOMPARE(changed.energy.pue, 1.4);
        QVERIFY(changed.failures.enabled);
        QCOMPARE(changed.failures.seed, std::uint64_t(11));
        QCOMPARE(changed.jobs, base.jobs);

        // Node counts resize as `size` does, the load scales as --load-scale does.
        Scenario resized = base;
        applyOverrides(resized, parseOverrideList("nodes.big=5,load_scale=2"));
        Scenario expected = base;
        setNodeCount(expected, "big", 5);
        expected = scaleLoad(std::move(expected), 2.0);
        QCOMPARE(resized, expected);

        Scenario removed = changed;
        applyOverrides(removed, parseOverrideList("cluster_power_cap_kw=none"));
        QVERIFY(!removed.energy.clusterPowerCapKw);

        const std::vector<ScenarioOverride> unknown = parseOverrideList("nodes.huge=3");
        QCOMPARE(overrideProblems(base, unknown).size(), std::size_t(1));
        QVERIFY(invalidArgument([&] {
                    Scenario s = base;
                    applyOverrides(s, unknown);
                }).contains("no node type \"huge\" (its types: small, big)"));

        Scenario invalid = base;
        applyOverrides(invalid, parseOverrideList("pue=0.5"));
        const std::vector<Problem> problems = overriddenProblems(invalid);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems.front().path, std::string("energy.pue"));
        QCOMPARE(invalid.jobs, base.jobs); // the jobs are back after the check
    }

    // --- comparison ------------------------------------------------------------------------

    void comparedRunsAreSimulateRuns()
    {
        const auto base = std::make_shared<const Scenario>(busyCluster());
        std::vector<ComparisonInput> inputs;
        inputs.push_back({"base", "base.json", base, {}, 0});
        inputs.push_back({"fcfs", "base.json", base, parseOverrideList("scheduler=fcfs"), 0});
        inputs.push_back(
                {"bigger", "base.json", base, parseOverrideList("nodes.big=4,load_scale=1.5"), 3});
        WorkerPool pool(2);
        const std::vector<ComparisonRun> runs = compareRuns(inputs, pool);
        QCOMPARE(runs.size(), std::size_t(3));
        for (std::size_t i = 0; i < runs.size(); ++i) {
            Scenario scenario = *base;
            applyOverrides(scenario, inputs[i].overrides);
            QCOMPARE(runs[i].name, inputs[i].name);
            Simulation simulation(scenario);
            while (simulation.step()) {
            }
            RunResult result = simulation.result();
            result.metrics.jobsSkipped = inputs[i].jobsSkipped;
            QCOMPARE(metricsJson(runs[i].evaluation.run, runs[i].evaluation.info),
                     metricsJson(result.metrics, runInfoFor(scenario)));
        }
        QCOMPARE(runs[2].evaluation.metrics.find("jobs_skipped"), std::optional<double>(3.0));

        const std::vector<RunDeltas> deltas = comparisonDeltas(runs);
        QCOMPARE(deltas.size(), std::size_t(2));
        QCOMPARE(deltas[0].name, std::string("fcfs"));
        for (std::size_t d = 0; d < deltas.size(); ++d) {
            const MetricValues &first = runs[0].evaluation.metrics;
            const MetricValues &other = runs[d + 1].evaluation.metrics;
            QCOMPARE(deltas[d].metrics.size(), first.entries.size());
            for (const MetricDelta &delta : deltas[d].metrics) {
                const double value = *other.find(delta.key);
                const double reference = *first.find(delta.key);
                QCOMPARE(delta.delta, value - reference);
                if (reference == 0.0)
                    QVERIFY(!delta.relative);
                else
                    QCOMPARE(*delta.relative, (value - reference) / std::fabs(reference));
            }
        }
        // The bigger cluster has 2 more 8-slot nodes: 16 more slots, as a delta.
        const auto slots =
                std::find_if(deltas[1].metrics.begin(), deltas[1].metrics.end(),
                             [](const MetricDelta &d) { return d.key == "total_slots"; });
        QCOMPARE(slots->delta, 16.0);
    }

    void comparisonProblemsNameTheRun()
    {
        const auto base = std::make_shared<const Scenario>(busyCluster());
        const std::vector<ComparisonInput> inputs = {
                {"base", "b", base, {}, 0}, {"leaky", "b", base, parseOverrideList("pue=0.5"), 0}};
        const std::vector<std::string> problems = comparisonProblems(inputs);
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY2(problems.front().starts_with("leaky: the overrides make the scenario invalid: "
                                              "energy.pue"),
                 problems.front().c_str());
    }

    // --- specs -----------------------------------------------------------------------------

    void specEnumeratesTheGridInKeyOrder()
    {
        const SweepSpec spec = parseSweepSpec(R"({"format": "headroom-sweep", "version": 1,
            "base": "base.json",
            "grid": {"scheduler": ["fcfs", "easy"], "load_scale": [1, 1.5, 2]},
            "points": [{"nodes.big": 4, "dpm": false}, {}]})",
                                              "spec.json", m_dir.path().toStdString());
        QCOMPARE(QString::fromStdString(spec.base), m_dir.filePath("base.json"));
        QCOMPARE(spec.gridSize(), std::size_t(6));
        QCOMPARE(spec.pointCount(), std::size_t(8));
        // Axes sorted by key (load_scale before scheduler); the last varies fastest.
        const char *expected[] = {"load_scale=1 scheduler=fcfs",   "load_scale=1 scheduler=easy",
                                  "load_scale=1.5 scheduler=fcfs", "load_scale=1.5 scheduler=easy",
                                  "load_scale=2 scheduler=fcfs",   "load_scale=2 scheduler=easy",
                                  "dpm=off nodes.big=4",           ""};
        for (std::size_t i = 0; i < spec.pointCount(); ++i) {
            std::string text;
            for (const ScenarioOverride &o : spec.point(i))
                text.append(text.empty() ? "" : " ").append(o.text());
            QCOMPARE(QString::fromStdString(text), QString::fromLatin1(expected[i]));
        }
        QCOMPARE(spec.axisKeys(),
                 (std::vector<std::string>{"dpm", "load_scale", "nodes.big", "scheduler"}));
    }

    void badSpecsSayWhereAndWhy_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString head = R"({"format": "headroom-sweep", "version": 1, "base": "base.json",)";
        QTest::newRow("unknown axis")
                << head + R"(
  "grid": {"schedular": ["fcfs"]}})"
                << R"(spec.json:2: field grid.schedular: unknown axis "schedular" (known: )";
        QTest::newRow("empty grid")
                << head + R"(
  "grid": {}})"
                << "spec.json:2: field grid: empty grid: give at least one axis";
        QTest::newRow("empty axis")
                << head + R"(
  "grid": {"seed": []}})"
                << "spec.json:2: field grid.seed: empty axis: list at least one value";
        QTest::newRow("wrong type")
                << head + R"(
  "grid": {"seed": [1,
    "two"]}})"
                << R"(spec.json:3: field grid.seed[1]: seed: expected a whole number >= 0, found string "two")";
        QTest::newRow("bad name")
                << head + R"(
  "grid": {"placement": ["first_fit", "worst_fit"]}})"
                << R"(spec.json:2: field grid.placement[1]: placement: expected one of)";
        QTest::newRow("no points") << head + R"(
  "points": []})"
                                   << "spec.json:2: field points: no points: list at least one";
        QTest::newRow("nothing")
                << head.chopped(1) + "\n}"
                << R"(spec.json:1: a sweep needs a "grid" of axes or a list of "points")";
        QTest::newRow("missing base") << R"({"format": "headroom-sweep", "version": 1,
  "base": "nowhere.json", "grid": {"seed": [1]}})"
                                      << "spec.json:2: field base: no such file: ";
        QTest::newRow("unknown field")
                << head + R"(
  "grid": {"seed": [1]}, "grids": {}})"
                << R"(spec.json:2: field grids: unknown field "grids"; did you mean "grid"?)";
        QTest::newRow("format") << R"({"format": "headroom-scenario", "version": 1})"
                                << R"(spec.json:1: field format: not a Headroom sweep spec)";
        QTest::newRow("version") << R"({"format": "headroom-sweep", "version": 2})"
                                 << "spec.json:1: field version: sweep format version 2 is newer "
                                    "than this Headroom supports (1)";
        QTest::newRow("point key") << head + R"(
  "points": [{"seed": 1}, {"sead": 2}]})"
                                   << R"(spec.json:2: field points[1].sead: unknown axis "sead")";
    }
    void badSpecsSayWhereAndWhy()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const QString error = specError(text.toStdString(), m_dir.path());
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void specValuesAreCheckedAgainstTheBase()
    {
        const SweepSpec spec = parseSweepSpec(R"({"format": "headroom-sweep", "version": 1,
            "base": "base.json", "grid": {"nodes.huge": [1], "pue": [1.2, 0.5]},
            "points": [{"dvfs_frequency": 9}]})",
                                              "spec.json", m_dir.path().toStdString());
        const std::vector<std::string> problems = sweepProblems(spec, busyCluster());
        QCOMPARE(problems.size(), std::size_t(3));
        QVERIFY2(problems[0].starts_with("grid.nodes.huge[0]: nodes.huge: the scenario has no "
                                         "node type \"huge\""),
                 problems[0].c_str());
        QVERIFY2(problems[1].starts_with("grid.pue[1]: the scenario it gives is invalid: "
                                         "energy.pue"),
                 problems[1].c_str());
        QVERIFY2(problems[2].starts_with("points[0]: the scenario it gives is invalid: "
                                         "energy.dvfs_frequency"),
                 problems[2].c_str());
    }

    // --- shards and merge ------------------------------------------------------------------

    void shardsOwnIndicesModuloTheirCount()
    {
        QCOMPARE(SweepShard({1, 3}).ownedPoints(10), (std::vector<std::size_t>{1, 4, 7}));
        QCOMPARE(SweepShard({0, 1}).ownedPoints(3), (std::vector<std::size_t>{0, 1, 2}));
        QVERIFY(SweepShard({6, 7}).ownedPoints(5).empty());
        QVERIFY(isSweepShardFileName("shard-3-of-7.json"));
        QVERIFY(!isSweepShardFileName("shard-03-of-7.json"));
        QVERIFY(!isSweepShardFileName("shard-3-of-7.json.tmp"));
    }

    void mergedShardsAreTheWholeSweep_data()
    {
        QTest::addColumn<int>("shards");
        QTest::addColumn<int>("threads");
        for (const int shards : {1, 2, 3, 7}) {
            for (const int threads : {1, 2})
                QTest::addRow("%d shards, %d threads", shards, threads) << shards << threads;
        }
    }
    void mergedShardsAreTheWholeSweep()
    {
        QFETCH(int, shards);
        QFETCH(int, threads);
        const SweepSpec spec = gridSpec();
        const Scenario base = busyCluster();
        WorkerPool one(1);
        const std::vector<SweepShardFile> whole =
                roundTrip({runSweepShard(spec, base, "f", {0, 1}, one)});
        const SweepResults reference = mergeSweepShards(whole);
        QCOMPARE(reference.rows.size(), spec.pointCount());

        WorkerPool pool(threads);
        std::vector<SweepShardResult> parts;
        for (int shard = shards - 1; shard >= 0; --shard) // merge must not care about order
            parts.push_back(runSweepShard(spec, base, "f", {shard, shards}, pool));
        const SweepResults merged = mergeSweepShards(roundTrip(parts));
        QCOMPARE(sweepResultsCsv(merged), sweepResultsCsv(reference));
        QCOMPARE(sweepResultsJson(merged), sweepResultsJson(reference));
    }

    void eachRowIsItsPointsSimulation()
    {
        const SweepSpec spec = gridSpec();
        const Scenario base = busyCluster();
        WorkerPool pool(2);
        const SweepShardResult shard = runSweepShard(spec, base, "f", {1, 4}, pool, 5);
        QCOMPARE(shard.rows.size(), std::size_t(3)); // 12 points: 1, 5, 9
        for (const SweepRow &row : shard.rows) {
            Scenario scenario = base;
            applyOverrides(scenario, spec.point(row.index));
            QCOMPARE(row.point, spec.point(row.index));
            RunMetrics metrics;
            Simulation simulation(scenario);
            while (simulation.step()) {
            }
            metrics = simulation.result().metrics;
            metrics.jobsSkipped = 5;
            QCOMPARE(row.metrics, metricValues(metrics, runInfoFor(scenario)));
        }
        // The CSV: index, the axes, then the metrics JSON's numeric keys.
        const std::string csv = sweepResultsCsv(
                mergeSweepShards(roundTrip({runSweepShard(spec, base, "f", {0, 1}, pool)})));
        QVERIFY(csv.starts_with("index,load_scale,nodes.big,scheduler,jobs_submitted,"
                                "jobs_completed,"));
        QVERIFY(csv.find("\n1,1,1,easy,40,") != std::string::npos);
        QVERIFY(csv.find("\n11,3,4,easy,40,") != std::string::npos);
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 13L);
    }

    void mergeNamesMissingPointsAndShards()
    {
        const SweepSpec spec = gridSpec();
        const Scenario base = busyCluster();
        WorkerPool pool(2);
        std::vector<SweepShardResult> parts;
        for (const int shard : {0, 2})
            parts.push_back(runSweepShard(spec, base, "f", {shard, 3}, pool));
        try {
            mergeSweepShards(roundTrip(parts));
            QFAIL("merged without shard 1");
        } catch (const SweepMergeError &error) {
            QCOMPARE(QString::fromLatin1(error.what()),
                     QStringLiteral("4 of 12 points have no result: 1, 4, 7, 10 (shard 1/3; "
                                    "rerun with --shard 1/3)"));
            QCOMPARE(error.missingShards(), std::vector<int>{1});
            QCOMPARE(error.shardCount(), 3);
        }
        // The same shard twice.
        std::vector<SweepShardFile> twice = roundTrip({parts[0], parts[0]});
        twice[1].path = "other/shard-0-of-3.json";
        QVERIFY(QString::fromStdString(mergeError(twice)).contains("shard 0 of 3 is there twice"));
        // Shards of another sweep, another sharding, none at all.
        SweepShardResult other = runSweepShard(spec, base, "g", {1, 3}, pool);
        QVERIFY(QString::fromStdString(mergeError(roundTrip({parts[0], other})))
                        .contains("fingerprints g and f"));
        SweepShardResult halves = runSweepShard(spec, base, "f", {1, 2}, pool);
        QVERIFY(QString::fromStdString(mergeError(roundTrip({parts[0], halves})))
                        .contains("shard counts (2 and 3)"));
        QVERIFY(QString::fromStdString(mergeError({})).startsWith("no shard results"));
    }

    void shardFilesReadBackExactly()
    {
        WorkerPool pool(1);
        const SweepShardResult shard =
                runSweepShard(gridSpec(), busyCluster(), "abc", {2, 5}, pool);
        const std::string json = sweepShardJson(shard);
        const SweepShardResult back = parseSweepShard(json, "s.json");
        QCOMPARE(back.rows.size(), shard.rows.size());
        for (std::size_t i = 0; i < shard.rows.size(); ++i) {
            QCOMPARE(back.rows[i].index, shard.rows[i].index);
            QCOMPARE(back.rows[i].point, shard.rows[i].point);
            QCOMPARE(back.rows[i].metrics, shard.rows[i].metrics);
        }
        QCOMPARE(sweepShardJson(back), json);
        try {
            parseSweepShard(R"({"format": "headroom-sweep-shard", "version": 1})", "s.json");
            QFAIL("read a shard without its fields");
        } catch (const InputError &error) {
            QVERIFY2(QString(error.what()).contains("missing field \"headroom_version\""),
                     error.what());
        }
    }

    void fingerprintsFollowPointsAndBase()
    {
        const SweepSpec spec = gridSpec();
        SweepSpec reordered = spec;
        std::swap(reordered.grid[0].values[0], reordered.grid[0].values[1]);
        QCOMPARE(sweepFingerprint(spec, "base").size(), std::size_t(16));
        QCOMPARE(sweepFingerprint(spec, "base"), sweepFingerprint(gridSpec(), "base"));
        QVERIFY(sweepFingerprint(spec, "base") != sweepFingerprint(spec, "base2"));
        QVERIFY(sweepFingerprint(spec, "base") != sweepFingerprint(reordered, "base"));
    }

    // --- emitted jobs ----------------------------------------------------------------------

    void slurmArrayRunsEachShardAndMergesAfter()
    {
        const SweepJobRequest request = jobRequest();
        const std::string script = slurmArrayScript(request, "/w/sweep.sbatch");
        QVERIFY(script.starts_with("#!/bin/bash\n"));
        QVERIFY(script.find("\n#SBATCH --array=0-6\n") != std::string::npos);
        QVERIFY(script.find("\n#SBATCH --job-name=headroom-sweep-0123abcd\n") != std::string::npos);
        QVERIFY(script.find("\n#SBATCH --cpus-per-task=2\n") != std::string::npos);
        QVERIFY(script.find("\n#SBATCH --output=/w/out dir/logs/shard-%a.log\n") !=
                std::string::npos);
        QVERIFY(script.find("exec '/opt/headroom-cli' sweep '/w/it'\\''s.json' --out '/w/out dir' "
                            "--shard \"${SLURM_ARRAY_TASK_ID}/7\" --threads "
                            "\"${SLURM_CPUS_PER_TASK:-2}\" --quiet\n") != std::string::npos);
        QVERIFY(script.find("sbatch --dependency=afterok:${array%%;*} --kill-on-invalid-dep=yes "
                            "'/w/sweep.merge.sbatch'") != std::string::npos);
        QVERIFY(script.find("sbatch --array=I '/w/sweep.sbatch'") != std::string::npos);
        // Every #SBATCH line comes before the first command, or sbatch ignores it.
        QVERIFY(script.rfind("#SBATCH") < script.find("\nset -euo pipefail"));

        const std::string merge = slurmMergeScript(request);
        QVERIFY(merge.find("\n#SBATCH --output=/w/out dir/logs/merge.log\n") != std::string::npos);
        QVERIFY(merge.find("exec '/opt/headroom-cli' sweep merge '/w/out dir' --out '/w/out "
                           "dir/results.csv' --json '/w/out dir/results.json'\n") !=
                std::string::npos);
        QVERIFY(merge.find("--array") == std::string::npos);
        QCOMPARE(slurmShardLog(request, 3), std::string("/w/out dir/logs/shard-3.log"));
        QCOMPARE(mergeJobPath("/w/sweep.sbatch"), std::string("/w/sweep.merge.sbatch"));
        QCOMPARE(mergeJobPath("jobs.yaml"), std::string("jobs.merge.yaml"));
        QCOMPARE(mergeJobPath("run"), std::string("run.merge"));
    }

    void kubernetesIndexedJobRunsEachShard()
    {
        SweepJobRequest request = jobRequest();
        request.command = "headroom-cli";
        request.spec = "specs/s.json";
        request.out = "results";
        KubernetesOptions options;
        options.image = "registry.example/headroom:1";
        options.parallelism = 3;
        const std::string job = kubernetesIndexedJob(request, options, "sweep.yaml");
        for (const char *line :
             {"\nkind: Job\n", "\n  name: headroom-sweep-0123abcd\n",
              "\n  completionMode: Indexed\n", "\n  completions: 7\n", "\n  parallelism: 3\n",
              "\n      restartPolicy: Never\n",
              "\n          image: \"registry.example/headroom:1\"\n",
              "\n          args: [\"sweep\", \"specs/s.json\", \"--out\", \"results\", "
              "\"--shard\", \"$(JOB_COMPLETION_INDEX)/7\", \"--threads\", \"2\", \"--quiet\"]\n",
              "\n            - name: JOB_COMPLETION_INDEX\n",
              "batch.kubernetes.io/job-completion-index",
              "\n            claimName: \"headroom-sweep\"\n",
              "\n          workingDir: \"/sweep\"\n", "#   kubectl apply -f sweep.merge.yaml\n"})
            QVERIFY2(job.find(line) != std::string::npos, line);
        options.parallelism = 0;
        QVERIFY(kubernetesIndexedJob(request, options, "s.yaml").find("\n  parallelism: 7\n") !=
                std::string::npos);

        const std::string merge = kubernetesMergeJob(request, options);
        for (const char *line :
             {"\n  name: headroom-sweep-0123abcd-merge\n", "\n  completions: 1\n",
              "\n          args: [\"sweep\", \"merge\", \"results\", \"--out\", "
              "\"results/results.csv\", \"--json\", \"results/results.json\"]\n"})
            QVERIFY2(merge.find(line) != std::string::npos, line);
        QVERIFY(merge.find("Indexed") == std::string::npos);
    }

private:
    // 3 load scales × 2 big-node counts × 2 schedulers: 12 points.
    SweepSpec gridSpec() const
    {
        return parseSweepSpec(R"({"format": "headroom-sweep", "version": 1, "base": "base.json",
            "grid": {"scheduler": ["fcfs", "easy"], "load_scale": [1, 1.5, 3],
                     "nodes.big": [1, 4]}})",
                              "spec.json", m_dir.path().toStdString());
    }

    static SweepJobRequest jobRequest()
    {
        SweepJobRequest request;
        request.command = "/opt/headroom-cli";
        request.spec = "/w/it's.json";
        request.out = "/w/out dir";
        request.shards = 7;
        request.points = 12;
        request.threads = 2;
        request.name = "headroom-sweep-0123abcd";
        return request;
    }

    static std::string mergeError(const std::vector<SweepShardFile> &files)
    {
        try {
            mergeSweepShards(files);
        } catch (const SweepMergeError &error) {
            return error.what();
        }
        return "(merged)";
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSweep)
#include "test_sweep.moc"
