// The cost of a run follows its events and what was asked for, not its simulated span or a
// declared size (issue 11): tiny valid inputs that once took minutes or hundreds of
// gigabytes. Each case asserts what bounds the work (samples kept, steps taken, or a refusal),
// never a wall time.
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/swf_reader.h"
#include "core/model/hourly_profile.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <cmath>
#include <string>

using namespace headroom;
using headroom::test::ScenarioBuilder;

namespace {

constexpr double kHour = 3600.0;

// One node and one job `run` seconds long, as a 69-byte trace.
std::string oneJobTrace(const std::string &run)
{
    return "; MaxNodes: 1\n1 0 0 " + run + " 1 -1 -1 -1 -1 -1 1 1 1 1 1 1 -1 -1\n";
}

// Runs to the end, counting steps.
long long runCountingSteps(Simulation &simulation)
{
    long long steps = 0;
    while (simulation.step())
        ++steps;
    return steps;
}

} // namespace

class TestCostBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The series is sampled every 300 s; a span of 10^12 s would need 3.3·10^9 samples (it
    // ended in std::bad_alloc after 20 s), 2^31 s 7·10^6 (1.36 GB). The series keeps at most
    // kMaxSamples by doubling the interval, and its samples stay on the policy's grid.
    void longSpanKeepsABoundedSeries_data()
    {
        QTest::addColumn<QString>("run");
        QTest::newRow("run time 1e12 s") << "1000000000000";
        QTest::newRow("run time 2^31 - 1 s") << "2147483647";
    }
    void longSpanKeepsABoundedSeries()
    {
        QFETCH(QString, run);
        const SwfTrace trace = parseSwf(oneJobTrace(run.toStdString()), "t.swf");
        Simulation simulation(trace.scenario);
        simulation.run();
        const double span = run.toDouble();
        const std::vector<Sample> &samples = simulation.samples();
        QVERIFY(samples.size() <= Simulation::kMaxSamples);
        QVERIFY(samples.size() > Simulation::kMaxSamples / 2); // coarsened no more than needed
        const double interval = simulation.samplingIntervalS();
        const double doublings = std::log2(interval / 300.0);
        QCOMPARE(doublings, std::round(doublings));
        QVERIFY(span / interval < double(Simulation::kMaxSamples));
        for (std::size_t i = 0; i < samples.size(); ++i)
            QCOMPARE(samples[i].time, double(i) * interval);
        QCOMPARE(samples.front().running, 1LL);
        QCOMPARE(samples.back().running, samples.back().time < span ? 1LL : 0LL);
        const RunResult result = simulation.result();
        QCOMPARE(result.jobs.at(0).end, span);
        QCOMPARE(result.metrics.jobsCompleted, 1LL);
    }

    // A short run keeps every sample on the policy's interval.
    void shortSpanIsNotCoarsened()
    {
        const SwfTrace trace = parseSwf(oneJobTrace("3000"), "t.swf");
        Simulation simulation(trace.scenario);
        simulation.run();
        QCOMPARE(simulation.samplingIntervalS(), 300.0);
        QCOMPARE(simulation.samples().size(), std::size_t(11)); // 0, 300, ..., 3000
    }

    // Price and carbon are integrated between power changes; over a gap of 10^12 s (2.8·10^8
    // hours) the whole days count in closed form. Short intervals are summed hour by hour as
    // they always were.
    void hourlyIntegralIsClosedFormOverWholePeriods()
    {
        HourlyProfile profile;
        for (int hour = 0; hour < 24; ++hour)
            profile.values.push_back(0.05 + 0.01 * hour);
        double day = 0.0;
        for (double value : profile.values)
            day += value * kHour;
        QCOMPARE(profile.integral(0.0, 86400.0), day);
        QCOMPARE(profile.integral(1800.0, 2 * kHour),
                 profile.values[0] * 1800.0 + profile.values[1] * kHour);
        const double from = 1000.0;
        const double to = 1e12;
        const double firstDay = std::ceil(from / 86400.0);
        const double lastDay = std::floor(to / 86400.0);
        const double expected = profile.integral(from, firstDay * 86400.0) +
                                (lastDay - firstDay) * day +
                                profile.integral(lastDay * 86400.0, to);
        QCOMPARE(profile.integral(from, to), expected);
        const double days = std::floor(to / 86400.0);
        QCOMPARE(profile.integral(0.0, days * 86400.0), days * day);
    }

    // The same through a run: one powered node busy for 10^12 s under a daily price.
    void runOverALongGapCostsItsEvents()
    {
        ScenarioBuilder b;
        b.singleSlotNodes(1).linearPower("node", 100, 500).job(1, 0, 1, 1e12);
        Scenario s = b.build();
        s.energy.pricePerKwh.values.assign(24, 0.25);
        Simulation simulation(s);
        QVERIFY(runCountingSteps(simulation) <= 3);
        const RunResult r = simulation.result();
        const double kwh = 500.0 * 1e12 / 3.6e6;
        QVERIFY(std::abs(r.metrics.cost - 0.25 * kwh) <= 1e-9 * 0.25 * kwh);
    }

    // A service with a constant load and a horizon of 10^12 s ticked every 60 s (1.7·10^10
    // ticks, over an hour). Once every service has the replicas it wants and nothing waits,
    // ticks change nothing and stop; a job queued later starts them again on their grid.
    void servicesWithNothingToChangeStopTicking()
    {
        ScenarioBuilder b;
        b.nodes(2, 4).linearPower("node", 100, 500).service("api", 2, 10, 1, 4, 25, 120);
        Scenario s = b.build();
        s.policy.horizonS = 1e12;
        Simulation simulation(s);
        QVERIFY(runCountingSteps(simulation) < 50);
        const RunResult r = simulation.result();
        QCOMPARE(r.endTime, 1e12);
        // One replica serves from the start; the tick there wants ⌈25 ÷ 10⌉ = 3, and the two
        // added serve from 120 s. Ticks stop at 120 s: everything is exact in whole requests.
        const ServiceMetrics &api = r.metrics.services.at(0);
        QCOMPARE(api.maxReplicasUsed, 3);
        QCOMPARE(api.offeredRequests, 25.0 * 1e12);
        QCOMPARE(api.servedRequests, 10.0 * 120.0 + 25.0 * (1e12 - 120.0));
    }

    // Jobs that can never start beside the replicas (the node is full) are given up at the
    // first instant at or after both the horizon and a day without job activity: on the tick
    // grid (t0 + 60 k, t0 = the first submission) when that day ends after the horizon, at the
    // horizon otherwise. Skipped ticks do not move that instant.
    void stalledQueueEndsOnTheSameInstant_data()
    {
        QTest::addColumn<double>("horizon");
        QTest::addColumn<double>("end");
        QTest::newRow("day ends before the horizon") << 1e9 << 1e9;
        // 1010 + 86400 = 87410; the first tick at or after it is 1000 + 60 × 1441.
        QTest::newRow("day ends after the horizon") << 2000.0 << 87460.0;
    }
    void stalledQueueEndsOnTheSameInstant()
    {
        QFETCH(double, horizon);
        QFETCH(double, end);
        ScenarioBuilder b;
        b.nodes(1, 4).linearPower("node", 100, 500).service("api", 2, 10, 1, 2, 15, 0);
        b.job(1, 1000, 4, 100).job(2, 1010, 2, 50);
        Scenario s = b.build();
        s.policy.horizonS = horizon;
        Simulation simulation(s);
        QVERIFY(runCountingSteps(simulation) < 50);
        const RunResult r = simulation.result();
        QCOMPARE(r.endTime, end);
        for (const JobOutcome &job : r.jobs)
            QCOMPARE(job.state, JobState::Rejected);
        // Counted as rejected, no longer as queued as well.
        QCOMPARE(simulation.status().rejected, 2LL);
        QCOMPARE(simulation.status().queued, 0LL);
        // Job 1 needs the whole node, where the minimum replica stays all run: rejected at
        // once. Job 2 waits for the second replica, which a constant load never releases.
        QCOMPARE(r.jobs[0].rejectReason, RejectReason::NeedsServiceNodes);
        QCOMPARE(r.jobs[1].rejectReason, RejectReason::NotStartedByEnd);
        QCOMPARE(r.jobs[1].waitedFor.reason, WaitReason::HeldByService);
    }

    // A 63-byte trace declaring 16.7 million nodes built them all (97 s, 4.4 GB) before its
    // first job; the reader now refuses more than kMaxSwfNodes, saying so.
    void traceDeclaringTooManyNodesIsRefused()
    {
        const std::string text =
                "; MaxNodes: 16777216\n1 0 0 10 1 -1 -1 -1 -1 -1 1 1 1 1 1 1 -1 -1\n";
        try {
            parseSwf(text, "t.swf");
            QFAIL("accepted");
        } catch (const InputError &error) {
            QCOMPARE(QString::fromStdString(error.message()),
                     QString("MaxNodes header: 16777216 is out of range (1 to %1); pass --nodes N")
                             .arg(kMaxSwfNodes));
        }
    }

    // The fuzz targets lower the bound (tests/fuzz/fuzz_support.h); a header or --nodes above
    // it is refused with that bound in the message, and one at it is built.
    void lowerNodeBoundIsEnforcedAndNamed()
    {
        const std::string job = "1 0 0 10 1 -1 -1 -1 -1 -1 1 1 1 1 1 1 -1 -1\n";
        SwfOptions options;
        options.maxNodes = 64;
        QCOMPARE(parseSwf("; MaxNodes: 64\n" + job, "t.swf", options)
                         .scenario.cluster.zones.front()
                         .racks.front()
                         .nodes.size(),
                 std::size_t(64));
        try {
            parseSwf("; MaxNodes: 65\n" + job, "t.swf", options);
            QFAIL("accepted 65 nodes");
        } catch (const InputError &error) {
            QCOMPARE(QString::fromStdString(error.message()),
                     QString("MaxNodes header: 65 is out of range (1 to 64); pass --nodes N"));
        }
        options.nodes = 65;
        QVERIFY_THROWS_EXCEPTION(InputError, parseSwf("; MaxNodes: 4\n" + job, "t.swf", options));
    }
};

QTEST_GUILESS_MAIN(TestCostBounds)
#include "test_cost_bounds.moc"
