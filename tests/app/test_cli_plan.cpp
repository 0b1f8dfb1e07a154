// headroom-cli size, forecast and runway end to end (docs/design.md §7), and simulate's
// --load-scale: the real binary, run as a user would.
#include "core/io/scenario_json.h"
#include "tests/support/cli_runner.h"
#include "tests/support/scenario_builder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace headroom;
using namespace headroom::test;

namespace {

QString example()
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR") + "/resources/examples/two-rack-h100.json";
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

// Six one-slot jobs of 100 s at once and one at t = 900: six one-slot nodes serve them without
// a wait, five do not.
Scenario sixAtOnce()
{
    ScenarioBuilder builder;
    builder.nodes(3, 1);
    for (int id = 1; id <= 6; ++id)
        builder.job(id, 0, 1, 100);
    builder.job(7, 900, 1, 100);
    return builder.build();
}

// One node; jobs at t = 0 and t = 200 of 100 s: at load scale s the second arrives at 200 ÷ s
// and waits max(0, 100 − 200 ÷ s).
Scenario twoJobs()
{
    return ScenarioBuilder().nodes(1, 1).job(1, 0, 1, 100).job(2, 200, 1, 100).build();
}

// One job a day for three weeks, growing by two accelerator-hours a day.
Scenario threeWeeks()
{
    ScenarioBuilder builder;
    builder.nodes(1, 8);
    for (int day = 0; day < 21; ++day)
        builder.job(day + 1, day * 86400.0 + 60.0, 2, 3600.0 * (1 + day));
    return builder.build();
}

// Every number of `recommended` equals the same key of a metrics file.
void sameMetrics(const QJsonObject &recommended, const QJsonObject &metrics)
{
    QVERIFY(recommended.size() > 30);
    for (auto it = recommended.begin(); it != recommended.end(); ++it) {
        QVERIFY2(metrics.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(metrics.value(it.key()).toDouble() == it.value().toDouble(), qPrintable(it.key()));
    }
}

QByteArray usage(const char *command, const QString &message)
{
    return QStringLiteral("headroom-cli: error: %1\nTry 'headroom-cli %2 --help'.\n")
            .arg(message, QString::fromLatin1(command))
            .toUtf8();
}

} // namespace

class TestCliPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(path("six.json"),
                          QByteArray::fromStdString(serializeScenario(sixAtOnce()))));
        QVERIFY(writeFile(path("two.json"),
                          QByteArray::fromStdString(serializeScenario(twoJobs()))));
        QVERIFY(writeFile(path("weeks.json"),
                          QByteArray::fromStdString(serializeScenario(threeWeeks()))));
    }

    void helpListsTheCommands()
    {
        const Run run = cli({"--help"});
        QCOMPARE(run.exitCode, 0);
        for (const char *command : {"simulate", "size", "forecast", "runway"})
            QVERIFY2(run.out.contains(command), command);
        const Run size = cli({"size", "--help"});
        for (const char *option :
             {"--vary", "--slo", "--objective", "--scheduler", "--placement", "--load-scale",
              "--threads", "--out", "--points-csv", "--write-scenario", "--amortization-years"})
            QVERIFY2(size.out.contains(option), option);
    }

    void sizeFindsTheAnswerAndWritesIt()
    {
        const Run run = cli({"size", path("six.json"), "--vary", "node=1..20", "--slo",
                             "max_wait_s<=0", "--slo", "jobs_completed>=7", "--objective",
                             "accelerators", "--out", path("r.json"), "--points-csv", path("p.csv"),
                             "--write-scenario", path("w.json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.isEmpty());
        const QJsonObject result = readJson(path("r.json"));
        QCOMPARE(result.value("format").toString(), QStringLiteral("headroom-sizing"));
        QVERIFY(result.value("feasible").toBool());
        const QJsonObject recommended = result.value("recommended").toObject();
        QCOMPARE(recommended.value("counts").toObject().value("node").toInt(), 6);
        QCOMPARE(recommended.value("objective").toDouble(), 6.0);
        QVERIFY(recommended.value("cost").toObject().contains("capital_usd"));
        QVERIFY(recommended.value("cost").toObject().contains("energy"));
        const QJsonArray points = result.value("points").toArray();
        QCOMPARE(result.value("simulations").toInt(), points.size());
        const QJsonObject neighbour = result.value("neighbours").toArray().at(0).toObject();
        QCOMPARE(neighbour.value("verdict").toString(), QStringLiteral("breaks_slo"));
        QCOMPARE(neighbour.value("counts").toObject().value("node").toInt(), 5);
        const QJsonObject bounds = result.value("bounds").toObject();
        QCOMPARE(bounds.value("perfect_system_accelerators").toDouble(), 6.0);
        QCOMPARE(bounds.value("work_conservation_accelerators").toDouble(), 0.7);
        for (const QJsonValue &point : points) {
            const QJsonObject p = point.toObject();
            const bool enough = p.value("counts").toObject().value("node").toInt() >= 6;
            QCOMPARE(p.value("meets_slos").toBool(), enough);
            QCOMPARE(p.value("slos").toArray().size(), 2);
        }
        QCOMPARE(readAll(path("p.csv")).count('\n'), points.size() + 1);
        QVERIFY(readAll(path("p.csv"))
                        .startsWith("index,round,node,objective,meets_slos,capital_usd,energy_cost,"
                                    "max_wait_s,"
                                    "jobs_completed\n"));

        // The written scenario is a plain scenario that simulate runs to the same metrics.
        const Run simulate = cli({"simulate", path("w.json"), "--metrics-json", path("wm.json")});
        QVERIFY2(simulate.exitCode == 0, simulate.err.constData());
        sameMetrics(recommended.value("metrics").toObject(), readJson(path("wm.json")));
        QCOMPARE(readJson(path("wm.json")).value("nodes").toInt(), 6);
    }

    // Overrides and load scale are part of what was sized, so they are in the written file.
    void writtenScenarioReproducesTheExample()
    {
        const Run run =
                cli({"size", example(), "--vary", "dgx-h100=1..24", "--slo", "p95_wait_s<=60000",
                     "--slo", "jobs_rejected<=0", "--scheduler", "fcfs", "--load-scale", "1.25",
                     "--out", path("er.json"), "--write-scenario", path("ew.json"), "-q"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = readJson(path("er.json"));
        QVERIFY(result.value("feasible").toBool());
        QCOMPARE(result.value("load_scale").toDouble(), 1.25);
        QVERIFY(cli({"simulate", path("ew.json"), "--metrics-json", path("em.json")}).exitCode ==
                0);
        const QJsonObject metrics = readJson(path("em.json"));
        QCOMPARE(metrics.value("scheduler").toString(), QStringLiteral("fcfs"));
        sameMetrics(result.value("recommended").toObject().value("metrics").toObject(), metrics);
    }

    void sameBytesWithOneTwoAndThreeThreads()
    {
        QByteArray json[3];
        QByteArray csv[3];
        for (int threads = 1; threads <= 3; ++threads) {
            const QString out = path(QStringLiteral("t%1.json").arg(threads));
            const QString points = path(QStringLiteral("t%1.csv").arg(threads));
            const Run run = cli({"size", example(), "--vary", "dgx-h100=1..40", "--slo",
                                 "p95_wait_s<=36000", "--slo", "jobs_rejected<=0", "--threads",
                                 QString::number(threads), "--out", out, "--points-csv", points});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            json[threads - 1] = readAll(out);
            csv[threads - 1] = readAll(points);
        }
        QVERIFY(json[0].size() > 1000);
        QCOMPARE(json[1], json[0]);
        QCOMPARE(json[2], json[0]);
        QCOMPARE(csv[1], csv[0]);
        QCOMPARE(csv[2], csv[0]);
    }

    void infeasibleRangeSaysWhy()
    {
        const Run run =
                cli({"size", path("six.json"), "--vary", "node=1..5", "--slo", "max_wait_s<=0",
                     "--out", path("inf.json"), "--write-scenario", path("never.json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray("headroom-cli: note: nothing in the ranges meets the SLOs, "
                                     "so --write-scenario writes no file\n"));
        QVERIFY(!QFile::exists(path("never.json")));
        const QJsonObject result = readJson(path("inf.json"));
        QVERIFY(!result.value("feasible").toBool());
        QVERIFY(result.value("recommended").isNull());
        QCOMPARE(result.value("reason").toString(),
                 QStringLiteral("no configuration in the ranges meets every SLO; the largest, "
                                "node=5, breaks max_wait_s<=0 (max_wait_s = 100)"));
    }

    void simulateScalesTheLoad()
    {
        const Run run = cli({"simulate", path("two.json"), "--load-scale", "4", "--metrics-json",
                             path("s4.json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(readJson(path("s4.json")).value("max_wait_s").toDouble(), 50.0);
        QVERIFY(cli({"simulate", path("two.json"), "--load-scale", "1", "--metrics-json",
                     path("s1.json")})
                        .exitCode == 0);
        QCOMPARE(readJson(path("s1.json")).value("max_wait_s").toDouble(), 0.0);
    }

    void forecastWritesTheFitAndTheDays()
    {
        const Run run = cli({"forecast", path("weeks.json"), "--horizon-days", "7", "--out",
                             path("f.json"), "--csv", path("f.csv")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject f = readJson(path("f.json"));
        QCOMPARE(f.value("days").toInt(), 21);
        QCOMPARE(f.value("solver").toString(), QStringLiteral("qr"));
        // d_k = 2·(1 + k): a pure trend, found exactly.
        QVERIFY(std::fabs(f.value("slope_per_day").toDouble() - 2.0) < 1e-9);
        QVERIFY(std::fabs(f.value("intercept").toDouble() - 2.0) < 1e-8);
        QCOMPARE(f.value("weekday_effects").toArray().size(), 7);
        QCOMPARE(f.value("weekday_effects").toArray().at(0).toDouble(), 0.0);
        QVERIFY(std::fabs(f.value("growth_per_month").toDouble() - 30.0 * 2.0 / 22.0) < 1e-9);
        const QJsonArray forecast = f.value("forecast").toArray();
        QCOMPARE(forecast.size(), 7);
        QCOMPARE(forecast.at(0).toObject().value("day").toInt(), 21);
        QVERIFY(std::fabs(forecast.at(0).toObject().value("point").toDouble() - 44.0) < 1e-8);
        QCOMPARE(readAll(path("f.csv")).count('\n'), 1 + 21 + 7);
        for (const char *solver : {"gd", "adam"}) {
            const QString out = path(QStringLiteral("f-%1.json").arg(solver));
            QCOMPARE(cli({"forecast", path("weeks.json"), "--solver", solver, "--out", out})
                             .exitCode,
                     0);
            QVERIFY(std::fabs(readJson(out).value("slope_per_day").toDouble() - 2.0) < 2e-6);
        }
    }

    void runwayFindsTheBreachMonth()
    {
        const Run run = cli({"runway", path("two.json"), "--slo", "max_wait_s<=0",
                             "--growth-per-month", "1", "--months", "4", "--out", path("rw.json"),
                             "--resize", "--vary", "node=1..4", "--objective", "accelerators"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject r = readJson(path("rw.json"));
        QCOMPARE(r.value("months_until_breach").toInt(), 2);
        QCOMPARE(r.value("breach_load_scale").toDouble(), 4.0);
        const QJsonArray months = r.value("months").toArray();
        QCOMPARE(months.size(), 5);
        QCOMPARE(months.at(2).toObject().value("metrics").toObject().value("max_wait_s").toDouble(),
                 50.0);
        QCOMPARE(months.at(1).toObject().value("meets_slos").toBool(), true);
        const QJsonObject resize = r.value("resize").toObject();
        QCOMPARE(resize.value("recommended")
                         .toObject()
                         .value("counts")
                         .toObject()
                         .value("node")
                         .toInt(),
                 2);
    }

    // --report: the scenario's own run with the study's section, in HTML and PDF.
    void sizeAndRunwayWriteAReport()
    {
        const Run html = cli({"size", path("six.json"), "--vary", "node=1..20", "--slo",
                              "max_wait_s<=0", "--slo", "jobs_completed>=7", "--objective",
                              "accelerators", "--report", path("size.html"), "-q"});
        QVERIFY2(html.exitCode == 0, html.err.constData());
        const QByteArray page = readAll(path("size.html"));
        QVERIFY(page.contains("Sizing to service levels"));
        QVERIFY(page.contains("6 × node (recommended)"));
        QVERIFY(page.contains("now 3 × node"));
        QVERIFY(page.contains("Executive summary")); // the run's own report is there too
        QVERIFY(page.indexOf("Sizing to service levels") < page.indexOf("Appendix"));

        const Run pdf =
                cli({"size", path("six.json"), "--vary", "node=1..20", "--slo", "max_wait_s<=0",
                     "--objective", "accelerators", "--report", path("size.pdf"), "-q"});
        QVERIFY2(pdf.exitCode == 0, pdf.err.constData());
        QVERIFY(readAll(path("size.pdf")).startsWith("%PDF"));

        const Run runway =
                cli({"runway", path("two.json"), "--slo", "max_wait_s<=0", "--growth-per-month",
                     "1", "--months", "4", "--report", path("runway.html"), "-q"});
        QVERIFY2(runway.exitCode == 0, runway.err.constData());
        const QByteArray runwayPage = readAll(path("runway.html"));
        QVERIFY(runwayPage.contains("Runway"));
        QVERIFY(runwayPage.contains("max wait passes 0\xC2\xA0s in month 2 at 4.00×"));
        QVERIFY(!runwayPage.contains("Sizing to service levels"));
    }

    void runwayTakesTheGrowthOfAForecast()
    {
        QCOMPARE(cli({"forecast", path("weeks.json"), "--out", path("g.json")}).exitCode, 0);
        const double growth = readJson(path("g.json")).value("growth_per_month").toDouble();
        const Run run = cli({"runway", path("two.json"), "--slo", "max_wait_s<=0", "--forecast",
                             path("g.json"), "--months", "3", "--out", path("rg.json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject r = readJson(path("rg.json"));
        QCOMPARE(r.value("growth_per_month").toDouble(), growth);
        QCOMPARE(r.value("months").toArray().at(1).toObject().value("load_scale").toDouble(),
                 1.0 + growth);
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("expected");
        const QString six = path("six.json");
        const QString two = path("two.json");
        const QStringList size = {"size", six};
        const QStringList slo = {"--slo", "max_wait_s<=0"};
        const QStringList vary = {"--vary", "node=1..4"};
        auto row = [](const char *name, const QStringList &args, const char *command,
                      const QString &message) {
            QTest::newRow(name) << args << 2 << usage(command, message);
        };
        row("size without scenario", {"size"}, "size", "size needs a SCENARIO file");
        row("size without vary", size + slo, "size",
            "size needs at least one --vary TYPE=MIN..MAX");
        row("size without slo", size + vary, "size", "size needs at least one --slo KEY<=VALUE");
        row("malformed vary", size + slo + QStringList{"--vary", "node=4"}, "size",
            "--vary: expected TYPE=MIN..MAX with whole numbers, got 'node=4'");
        row("min above max", size + slo + QStringList{"--vary", "node=5..2"}, "size",
            "node: the minimum 5 is above the maximum 2");
        row("unknown type", size + slo + QStringList{"--vary", "gpu=1..2"}, "size",
            "unknown node type 'gpu'");
        row("unknown key", size + vary + QStringList{"--slo", "p96_wait_s<=1"}, "size",
            "unknown metric 'p96_wait_s' (an SLO names a numeric key of the metrics JSON)");
        row("malformed bound", size + vary + QStringList{"--slo", "max_wait_s<0"}, "size",
            "--slo: expected KEY<=VALUE or KEY>=VALUE, got 'max_wait_s<0'");
        row("unknown objective", size + vary + slo + QStringList{"--objective", "speed"}, "size",
            "unknown objective 'speed' (choose from cost, accelerators, energy)");
        row("zero load scale", size + vary + slo + QStringList{"--load-scale", "0"}, "size",
            "--load-scale: expected a number > 0, got '0'");
        row("zero threads", size + vary + slo + QStringList{"--threads", "0"}, "size",
            "--threads: expected a whole number from 1 to 4096, got '0'");
        row("zero amortization", size + vary + slo + QStringList{"--amortization-years", "0"},
            "size", "--amortization-years: expected a number > 0, got '0'");
        // --report exists on size and runway (docs/design.md §7.8); its name gives the format.
        row("report of unknown format", size + vary + slo + QStringList{"--report", "r.txt"},
            "size", "--report: cannot tell the format of 'r.txt'; name the file *.pdf or *.html");
        row("runway report of unknown format",
            QStringList{"runway", two, "--growth-per-month", "0.1"} + slo +
                    QStringList{"--report", "r.doc"},
            "runway", "--report: cannot tell the format of 'r.doc'; name the file *.pdf or *.html");
        row("simulate load scale", {"simulate", two, "--load-scale", "abc"}, "simulate",
            "--load-scale: expected a number > 0, got 'abc'");
        row("forecast without input", {"forecast"}, "forecast", "forecast needs an INPUT file");
        row("unknown solver", {"forecast", two, "--solver", "lu"}, "forecast",
            "unknown solver 'lu' (choose from qr, gd, adam)");
        row("negative horizon", {"forecast", two, "--horizon-days", "-1"}, "forecast",
            "--horizon-days: expected a whole number from 0 to 36500, got '-1'");
        row("runway without growth", {"runway", two, "--slo", "max_wait_s<=0"}, "runway",
            "runway needs exactly one of --growth-per-month G and --forecast FILE");
        row("runway with both growths",
            {"runway", two, "--slo", "max_wait_s<=0", "--growth-per-month", "0.1", "--forecast",
             "f.json"},
            "runway", "runway needs exactly one of --growth-per-month G and --forecast FILE");
        row("runway without slo", {"runway", two, "--growth-per-month", "0.1"}, "runway",
            "runway needs at least one --slo KEY<=VALUE");
        row("growth of -100%",
            {"runway", two, "--slo", "max_wait_s<=0", "--growth-per-month", "-1"}, "runway",
            "--growth-per-month: expected a number > -1, got '-1'");
        row("resize without vary",
            {"runway", two, "--slo", "max_wait_s<=0", "--growth-per-month", "1", "--resize"},
            "runway", "--resize needs at least one --vary TYPE=MIN..MAX");
        row("vary without resize",
            {"runway", two, "--slo", "max_wait_s<=0", "--growth-per-month", "1", "--vary",
             "node=1..2"},
            "runway", "--vary and --objective belong to --resize");
        row("negative months",
            {"runway", two, "--slo", "max_wait_s<=0", "--growth-per-month", "1", "--months", "-1"},
            "runway", "--months: expected a whole number from 0 to 1200, got '-1'");
        row("runway unknown key", {"runway", two, "--slo", "p95<=1", "--growth-per-month", "1"},
            "runway", "unknown metric 'p95' (an SLO names a numeric key of the metrics JSON)");

        QTest::newRow("history too short")
                << QStringList{"forecast", two} << 3
                << QStringLiteral("headroom-cli: error: %1: a forecast needs at least 9 days of "
                                  "history (there are 1)\n")
                           .arg(two)
                           .toUtf8();
        const QString notForecast = path("not-forecast.json");
        writeFile(notForecast, "{\"format\": \"headroom-sizing\"}\n");
        QTest::newRow("not a forecast")
                << QStringList{"runway", two, "--slo", "max_wait_s<=0", "--forecast", notForecast}
                << 3
                << QStringLiteral("headroom-cli: error: %1:1: field format: not a Headroom "
                                  "forecast (expected \"format\": \"headroom-forecast\")\n")
                           .arg(notForecast)
                           .toUtf8();
        QTest::newRow("missing scenario")
                << QStringList{"size",  path("absent.json"), "--vary", "node=1..2",
                               "--slo", "max_wait_s<=0"}
                << 3
                << QStringLiteral("headroom-cli: error: %1: cannot open: No such file or "
                                  "directory\n")
                           .arg(path("absent.json"))
                           .toUtf8();
    }

    void badCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, expected);
        const Run run = cli(arguments);
        QCOMPARE(run.err, expected);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
    }

    void unwritableOutputFailsFirst()
    {
        const Run run = cli({"size", path("six.json"), "--vary", "node=1..3", "--slo",
                             "max_wait_s<=0", "--out", "/nonexistent/dir/r.json"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("/nonexistent/dir/r.json"));
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "test_cli_plan.moc"
