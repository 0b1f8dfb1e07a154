// Demand forecast (docs/design.md §7.6): daily demand, the least-squares fit by QR, gradient
// descent and Adam, and the prediction interval.
#include "core/io/plan_outputs.h"
#include "core/plan/demand_forecast.h"
#include "core/plan/student_t.h"
#include "core/workload/random.h"
#include "tests/support/scenario_builder.h"

#include <QtTest>

#include <Eigen/Dense>

#include <cmath>

using namespace headroom;
using namespace headroom::test;

namespace {

constexpr double kIntercept = 40.0;
constexpr double kSlope = 0.75;
const std::vector<double> kWeekday = {0.0, 3.0, -2.0, 5.5, 1.25, -4.0, 8.0};

// d_k = 40 + 0.75·k + weekday(k mod 7) + noise.
std::vector<double> series(int days, double noiseSigma, std::uint64_t seed = 7)
{
    Random random(seed);
    std::vector<double> d;
    for (int k = 0; k < days; ++k)
        d.push_back(kIntercept + kSlope * k + kWeekday[std::size_t(k % 7)] +
                    (noiseSigma > 0.0 ? random.normal(0.0, noiseSigma) : 0.0));
    return d;
}

std::vector<double> coefficients(const DemandForecast &f)
{
    std::vector<double> c = {f.intercept, f.slopePerDay};
    c.insert(c.end(), f.weekdayEffects.begin() + 1, f.weekdayEffects.end());
    return c;
}

} // namespace

class TestForecast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dailyDemandByHand()
    {
        // Days counted from the first submission (t = 1000): day 0 holds jobs 1 and 2, day 1
        // nothing, day 2 job 3 (submitted 2 days + 10 s after the first).
        const Scenario s = ScenarioBuilder()
                                   .nodes(1, 8)
                                   .job(1, 1000, 2, 3600)   // 2 accelerator-hours
                                   .job(2, 87399, 8, 900)   // 86 399 s later: still day 0
                                   .job(3, 173810, 1, 7200) // day 2
                                   .build();
        QCOMPARE(dailyDemand(s), (std::vector<double>{4.0, 0.0, 2.0}));
        QVERIFY(dailyDemand(Scenario{}).empty());
    }

    // Standard tables: t_{0.975, dof}.
    void studentTQuantiles_data()
    {
        QTest::addColumn<double>("dof");
        QTest::addColumn<double>("expected");
        QTest::newRow("1") << 1.0 << 12.706204736174707;
        QTest::newRow("2") << 2.0 << 4.302652729749464;
        QTest::newRow("5") << 5.0 << 2.5705818356363146;
        QTest::newRow("10") << 10.0 << 2.2281388519862744;
        QTest::newRow("30") << 30.0 << 2.0422724563012373;
        QTest::newRow("100") << 100.0 << 1.9839715185235556;
    }

    void studentTQuantiles()
    {
        QFETCH(double, dof);
        QFETCH(double, expected);
        const double t = studentTQuantile(0.975, dof);
        QVERIFY2(std::fabs(t - expected) <= 1e-9 * expected,
                 qPrintable(QString::number(t, 'g', 17)));
        QCOMPARE(studentTQuantile(0.025, dof), -t);
        QVERIFY(std::fabs(studentTCdf(t, dof) - 0.975) < 1e-12);
        // dof = 1 is the Cauchy distribution: tan(π (p − ½)).
        if (dof == 1.0)
            QVERIFY(std::fabs(t - std::tan(M_PI * 0.475)) < 1e-9);
    }

    // Without noise the fit is exact.
    void exactRecoveryWithoutNoise()
    {
        const DemandForecast f = forecastDemand(series(70, 0.0), 14, ForecastSolver::Qr);
        QCOMPARE(f.history.size(), std::size_t(70));
        QVERIFY(std::fabs(f.intercept - kIntercept) < 1e-9);
        QVERIFY(std::fabs(f.slopePerDay - kSlope) < 1e-11);
        for (std::size_t w = 0; w < 7; ++w)
            QVERIFY2(std::fabs(f.weekdayEffects[w] - kWeekday[w]) < 1e-9,
                     qPrintable(QString::number(w)));
        QCOMPARE(f.weekdayEffects[0], 0.0);
        QVERIFY(f.r2 > 1.0 - 1e-12);
        QVERIFY(f.residualStd < 1e-9);
        QCOMPARE(f.degreesOfFreedom, 62);
        double mean = 0.0;
        for (double d : f.history)
            mean += d;
        mean /= 70.0;
        QVERIFY(std::fabs(f.meanDailyDemand - mean) < 1e-12);
        QVERIFY(std::fabs(*f.growthPerMonth - 30.0 * kSlope / mean) < 1e-12);
        QCOMPARE(int(f.forecast.size()), 14);
        QCOMPARE(f.forecast.front().day, 70);
        QCOMPARE(f.forecast.back().day, 83);
        for (const ForecastDay &day : f.forecast) {
            const double truth = kIntercept + kSlope * day.day + kWeekday[std::size_t(day.day % 7)];
            QVERIFY(std::fabs(day.point - truth) < 1e-8);
            QVERIFY(day.upper - day.lower < 1e-7); // no noise, no interval
        }
    }

    // With seeded noise the coefficients come back within a few standard errors, and the
    // interval is the OLS prediction interval, checked against (XᵀX)⁻¹ computed independently.
    void recoveryWithNoiseAndThePredictionInterval()
    {
        const int n = 140;
        const double sigma = 2.0;
        const DemandForecast f = forecastDemand(series(n, sigma), 10, ForecastSolver::Qr);
        QVERIFY(std::fabs(f.slopePerDay - kSlope) < 0.02);  // standard error ≈ 0.004
        QVERIFY(std::fabs(f.intercept - kIntercept) < 2.0); // ≈ 0.6
        for (std::size_t w = 1; w < 7; ++w)
            QVERIFY(std::fabs(f.weekdayEffects[w] - kWeekday[w]) < 2.5); // ≈ 0.75
        QVERIFY(std::fabs(f.residualStd - sigma) < 0.5);
        QVERIFY(f.r2 > 0.9 && f.r2 < 1.0);

        Eigen::MatrixXd x = Eigen::MatrixXd::Zero(n, 8);
        for (int k = 0; k < n; ++k) {
            x(k, 0) = 1.0;
            x(k, 1) = k;
            if (k % 7)
                x(k, 1 + k % 7) = 1.0;
        }
        const Eigen::MatrixXd inverse = (x.transpose() * x).inverse();
        for (const ForecastDay &day : f.forecast) {
            Eigen::VectorXd x0 = Eigen::VectorXd::Zero(8);
            x0(0) = 1.0;
            x0(1) = day.day;
            if (day.day % 7)
                x0(1 + day.day % 7) = 1.0;
            const double half = studentTQuantile(0.975, n - 8) * f.residualStd *
                                std::sqrt(1.0 + x0.dot(inverse * x0));
            QVERIFY(std::fabs((day.upper - day.point) - half) < 1e-9 * half);
            QVERIFY(std::fabs((day.point - day.lower) - half) < 1e-9 * half);
        }
    }

    void iterativeSolversAgreeWithQr_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<double>("sigma");
        QTest::addColumn<int>("solver");
        for (const auto &[name, solver] : {std::pair{"gd", ForecastSolver::GradientDescent},
                                           std::pair{"adam", ForecastSolver::Adam}}) {
            QTest::addRow("%s exact 70 days", name) << 70 << 0.0 << int(solver);
            QTest::addRow("%s noisy 140 days", name) << 140 << 2.0 << int(solver);
            QTest::addRow("%s noisy 9 days", name) << 9 << 1.0 << int(solver);
            QTest::addRow("%s noisy 400 days", name) << 400 << 5.0 << int(solver);
        }
    }

    void iterativeSolversAgreeWithQr()
    {
        QFETCH(int, days);
        QFETCH(double, sigma);
        QFETCH(int, solver);
        const std::vector<double> d = series(days, sigma, 11);
        const DemandForecast qr = forecastDemand(d, 5, ForecastSolver::Qr);
        const DemandForecast other = forecastDemand(d, 5, ForecastSolver(solver));
        QVERIFY(other.solver == ForecastSolver(solver));
        QVERIFY(other.iterations > 0);
        const std::vector<double> a = coefficients(qr);
        const std::vector<double> b = coefficients(other);
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY2(std::fabs(a[i] - b[i]) <= 1e-6 * std::max(std::fabs(a[i]), 1.0),
                     qPrintable(QStringLiteral("coefficient %1: qr %2, %3 %4")
                                        .arg(i)
                                        .arg(a[i], 0, 'g', 17)
                                        .arg(QString::fromLatin1(
                                                toString(ForecastSolver(solver)).data()))
                                        .arg(b[i], 0, 'g', 17)));
        }
        QVERIFY(std::fabs(qr.r2 - other.r2) <= 1e-6);
        for (std::size_t h = 0; h < qr.forecast.size(); ++h)
            QVERIFY(std::fabs(qr.forecast[h].point - other.forecast[h].point) <=
                    1e-6 * std::max(1.0, std::fabs(qr.forecast[h].point)));
    }

    void tooShortAHistoryIsRefused()
    {
        QString message;
        try {
            forecastDemand(series(8, 0.0), 5, ForecastSolver::Qr);
        } catch (const std::invalid_argument &error) {
            message = error.what();
        }
        QCOMPARE(message,
                 QStringLiteral("a forecast needs at least 9 days of history (there are 8)"));
        QVERIFY(forecastDemand(series(9, 0.0), 0, ForecastSolver::Qr).forecast.empty());
        // No demand at all: a flat zero fit and no growth.
        const DemandForecast flat =
                forecastDemand(std::vector<double>(14, 0.0), 2, ForecastSolver::Qr);
        QVERIFY(!flat.growthPerMonth);
        QVERIFY(forecastJson(flat).find("\"growth_per_month\": null") != std::string::npos);
    }

    void forecastFileRoundTripsTheGrowth()
    {
        const DemandForecast f = forecastDemand(series(70, 1.0), 7, ForecastSolver::Qr);
        const std::string json = forecastJson(f);
        QCOMPARE(readForecastGrowth(json, "f.json"), *f.growthPerMonth);
        for (const char *key :
             {"\"days\": 70", "\"intercept\"", "\"slope_per_day\"", "\"weekday_effects\"", "\"r2\"",
              "\"residual_std\"", "\"mean_daily_demand\"", "\"growth_per_month\"", "\"forecast\""})
            QVERIFY2(json.find(key) != std::string::npos, key);
        const std::string csv = forecastCsv(f);
        QCOMPARE(int(std::count(csv.begin(), csv.end(), '\n')), 1 + 70 + 7);
        QVERIFY(csv.starts_with("day,demand,fitted,lower,upper\n0,"));
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 readForecastGrowth("{\"format\": \"x\"}", "x.json"));
    }
};

QTEST_GUILESS_MAIN(TestForecast)
#include "test_forecast.moc"
