// Failures, planned outages and checkpoints (docs/design.md §10): the scenario keys and their
// validation, the checkpoint arithmetic and the analytic formulas, hand-worked runs whose end
// times follow from §10.3, and the engine against the analytic model over many seeds.
#include "core/engine/checkpoint_clock.h"
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/scenario_json.h"
#include "core/model/reliability.h"
#include "core/model/validation.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <cmath>
#include <optional>
#include <string>

using namespace headroom;
using headroom::test::ScenarioBuilder;

Q_DECLARE_METATYPE(headroom::Scenario)

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

std::string minimalWith(const std::string &extraTop, const std::string &typeExtra,
                        const std::string &jobExtra)
{
    return R"({"format": "headroom-scenario", "version": 3,
  "node_types": [{"name": "gpu", "accelerators": 8)" +
           typeExtra + R"(}],
  "cluster": {"zones": [{"name": "z", "racks": [{"name": "r", "nodes": [
      {"name": "n0", "type": "gpu"}, {"name": "n1", "type": "gpu"}]}]}]},
  "jobs": [{"id": 1, "submit_s": 0, "accelerators": 8, "run_s": 100)" +
           jobExtra + "}]" + extraTop + "}";
}

std::string problemsOf(const Scenario &scenario)
{
    std::string out;
    for (const Problem &problem : validateScenario(scenario))
        out += problem.path + ": " + problem.message + "\n";
    return out;
}

} // namespace

class TestFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The keys scripts write read into the model and are written back the same way.
    void scenarioKeysRoundTrip()
    {
        const std::string text = minimalWith(
                R"(, "failures": {"enabled": true, "seed": 42, "requeue": "tail"},
  "outages": [{"node": "n1", "start_s": 10, "duration_s": 20.5}])",
                R"(, "mtbf_h": 5000, "repair_h": 4, "repair_distribution": "exponential")",
                R"(, "checkpoint_interval_s": 600, "checkpoint_cost_s": 30, "restart_overhead_s": 90)");
        const Scenario s = parseScenario(text, "failures.json");
        QCOMPARE(s.nodeTypes[0].mtbfH, 5000.0);
        QCOMPARE(s.nodeTypes[0].repairH, 4.0);
        QVERIFY(s.nodeTypes[0].repairDistribution == RepairDistribution::Exponential);
        QVERIFY(s.failures.enabled);
        QCOMPARE(s.failures.seed, std::uint64_t(42));
        QVERIFY(s.failures.requeue == RequeuePolicy::Tail);
        QCOMPARE(s.outages.size(), std::size_t(1));
        QCOMPARE(qs(s.outages[0].node), QStringLiteral("n1"));
        QCOMPARE(s.outages[0].durationS, 20.5);
        QCOMPARE(s.jobs[0].checkpoints->intervalS, 600.0);
        QCOMPARE(s.jobs[0].checkpoints->costS, 30.0);
        QCOMPARE(s.jobs[0].checkpoints->restartOverheadS, 90.0);
        QVERIFY(validateScenario(s).empty());
        const std::string written = serializeScenario(s);
        QVERIFY(parseScenario(written, "again.json") == s);
        for (const char *key : {"\"mtbf_h\": 5000", "\"repair_distribution\": \"exponential\"",
                                "\"checkpoint_interval_s\": 600", "\"restart_overhead_s\": 90",
                                "\"requeue\": \"tail\"", "\"outages\""})
            QVERIFY2(written.find(key) != std::string::npos, key);
    }

    // Without failures nothing new is written: files saved before stay byte for byte.
    void defaultsAreNotWritten()
    {
        const Scenario s = parseScenario(minimalWith("", "", ""), "plain.json");
        QVERIFY(s.jobs[0].checkpoints->empty());
        const std::string written = serializeScenario(s);
        for (const char *key : {"mtbf_h", "repair_h", "repair_distribution", "failures", "outages",
                                "checkpoint", "\"restart_overhead_s\""})
            QVERIFY2(written.find(key) == std::string::npos, key);
        // Only the checkpoint figure set is written; a job without them shares no storage.
        Scenario one = s;
        JobCheckpoints checkpoints;
        checkpoints.restartOverheadS = 5;
        one.jobs[0].checkpoints = checkpoints;
        const std::string withOne = serializeScenario(one);
        QVERIFY(withOne.find("\"restart_overhead_s\": 5") != std::string::npos);
        QVERIFY(withOne.find("checkpoint_interval_s") == std::string::npos);
    }

    void readErrorsNameTheField_data()
    {
        QTest::addColumn<QString>("top");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("job");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("repair distribution")
                << ""
                << R"(, "repair_distribution": "weibull")"
                << ""
                << "node_types[0].repair_distribution"
                << "unknown repair distribution \"weibull\" (valid: fixed, exponential)";
        QTest::newRow("requeue") << R"(, "failures": {"requeue": "middle"})"
                                 << ""
                                 << ""
                                 << "failures.requeue"
                                 << "unknown requeue policy \"middle\" (valid: head, tail)";
        QTest::newRow("misspelt job key") << ""
                                          << ""
                                          << R"(, "checkpoint_intervall_s": 5)"
                                          << "jobs[0]"
                                          << "checkpoint_interval_s";
        QTest::newRow("outage without node") << R"(, "outages": [{"start_s": 1, "duration_s": 2}])"
                                             << ""
                                             << ""
                                             << "outages[0].node"
                                             << "missing field \"node\"";
    }
    void readErrorsNameTheField()
    {
        QFETCH(QString, top);
        QFETCH(QString, type);
        QFETCH(QString, job);
        QFETCH(QString, field);
        QFETCH(QString, message);
        try {
            parseScenario(minimalWith(top.toStdString(), type.toStdString(), job.toStdString()),
                          "bad.json");
            QFAIL("no error");
        } catch (const InputError &error) {
            QVERIFY2(qs(error.field()).startsWith(field), qPrintable(qs(error.field())));
            QVERIFY2(qs(error.message()).contains(message), qPrintable(qs(error.message())));
        }
    }

    void validation_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("problem");
        const auto base = [] {
            return ScenarioBuilder().nodes(2, 8, "gpu").job(1, 0, 8, 100).build();
        };
        Scenario s = base();
        s.nodeTypes[0].mtbfH = 0.001;
        QTest::newRow("mtbf too small") << s << "node_types[0].mtbf_h: must be >= 0.01";
        s = base();
        s.nodeTypes[0].repairH = -1;
        QTest::newRow("negative repair") << s << "node_types[0].repair_h: must be >= 0";
        s = base();
        s.jobs[0].checkpoints = JobCheckpoints{0, 30, 0};
        QTest::newRow("cost without interval")
                << s << "jobs[0].checkpoint_cost_s: needs checkpoint_interval_s";
        s = base();
        s.jobs[0].checkpoints = JobCheckpoints{NAN, 0, 0};
        QTest::newRow("nan interval") << s << "jobs[0].checkpoint_interval_s: must be a finite";
        s = base();
        s.outages = {{"nowhere", 0, 10}};
        QTest::newRow("unknown node") << s << "outages[0].node: unknown node \"nowhere\"";
        s = base();
        s.outages = {{"r0-n0", 0, 0}};
        QTest::newRow("zero duration") << s << "outages[0].duration_s: must be > 0";
        s = base();
        const std::string node = s.cluster.zones[0].racks[0].nodes[1].name;
        s.outages = {{node, 100, 50}, {node, 10, 100}};
        QTest::newRow("overlap") << s << "outages[0].start_s: overlaps outages[1]";
    }
    void validation()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, problem);
        const QString problems = qs(problemsOf(scenario));
        QVERIFY2(problems.contains(problem), qPrintable(problems));
    }

    // docs/design.md §10.3: checkpoints strictly between the saved point and the end.
    void checkpointsBetween_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<double>("interval");
        QTest::addColumn<long long>("count");
        QTest::newRow("none at the end") << 0.0 << 3000.0 << 1000.0 << 2LL;
        QTest::newRow("three") << 0.0 << 3600.0 << 1000.0 << 3LL;
        QTest::newRow("not at the saved point") << 1000.0 << 3600.0 << 1000.0 << 2LL;
        QTest::newRow("between two") << 1500.0 << 3600.0 << 1000.0 << 2LL;
        QTest::newRow("tenths") << 0.0 << 1.0 << 0.1 << 9LL;
        QTest::newRow("no interval") << 0.0 << 3600.0 << 0.0 << 0LL;
        QTest::newRow("shorter than one") << 0.0 << 999.0 << 1000.0 << 0LL;
    }
    void checkpointsBetween()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(double, interval);
        QFETCH(long long, count);
        QCOMPARE(CheckpointClock::between(from, to, interval), count);
    }

    // The worked example of docs/design.md §10.3, and cuts inside it.
    void checkpointClock()
    {
        const CheckpointClock clock{0.0, 1000.0, 60.0, 1.0};
        QCOMPARE(clock.wallTo(3600.0), 3780.0);
        const auto check = [&](double elapsed, double reached, double saved, double paused) {
            const CheckpointClock::Cut cut = clock.cut(elapsed, 3600.0);
            QCOMPARE(cut.reached, reached);
            QCOMPARE(cut.saved, saved);
            QCOMPARE(cut.paused, paused);
        };
        check(0.0, 0.0, 0.0, 0.0);
        check(999.0, 999.0, 0.0, 0.0);
        check(1030.0, 1000.0, 0.0, 30.0);    // writing the first checkpoint
        check(1060.0, 1000.0, 1000.0, 60.0); // written
        check(1560.0, 1500.0, 1000.0, 60.0);
        check(2150.0, 2030.0, 2000.0, 120.0);
        check(3150.0, 3000.0, 2000.0, 150.0); // writing the third
        check(3200.0, 3020.0, 3000.0, 180.0);
        check(3500.0, 3320.0, 3000.0, 180.0);
        // At half speed work takes twice as long; pauses do not.
        const CheckpointClock slow{1000.0, 1000.0, 60.0, 0.5};
        QCOMPARE(slow.wallTo(3600.0), 2600.0 * 2 + 120.0);
        const CheckpointClock::Cut cut = slow.cut(2100.0, 3600.0);
        QCOMPARE(cut.saved, 2000.0);
        QCOMPARE(cut.reached, 2000.0 + 40.0 * 0.5);
    }

    // docs/design.md §10.7.
    void analyticFormulas()
    {
        QCOMPARE(reliability::jobMtbfS(1000.0, 10), 360000.0);
        QVERIFY(std::isinf(reliability::jobMtbfS(0.0, 10)));
        const double mtbf = 360000.0;
        QCOMPARE(reliability::youngDalyIntervalS(60.0, mtbf), std::sqrt(2.0 * 60.0 * mtbf));
        QCOMPARE(reliability::youngDalyIntervalS(0.0, mtbf), 0.0);
        // 1 − 60/3600 − (1800 + 300)/360000
        QCOMPARE(reliability::expectedGoodput(3600.0, 60.0, 300.0, mtbf),
                 1.0 - 60.0 / 3600.0 - 2100.0 / 360000.0);
        QCOMPARE(reliability::expectedGoodput(3600.0, 60.0, 300.0, INFINITY), 1.0 - 60.0 / 3600.0);
        QCOMPARE(reliability::expectedGoodput(1e9, 60.0, 300.0, mtbf), 0.0);
        // Young's interval is the best one.
        const double best = reliability::youngDalyIntervalS(60.0, mtbf);
        const double atBest = reliability::expectedGoodput(best, 60.0, 300.0, mtbf);
        QVERIFY(atBest > reliability::expectedGoodput(best * 0.8, 60.0, 300.0, mtbf));
        QVERIFY(atBest > reliability::expectedGoodput(best * 1.25, 60.0, 300.0, mtbf));
    }
};

QTEST_GUILESS_MAIN(TestFailures)
#include "test_failures.moc"
