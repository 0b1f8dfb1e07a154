// headroom-cli end to end (docs/design.md §6): the real binary, run as a user would.
#include "tests/support/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace headroom::test;

namespace {

void write(const QString &path, const QByteArray &content)
{
    QVERIFY(writeFile(path, content));
}

QString example()
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR") + "/resources/examples/two-rack-h100.json";
}

// A small trace, worked by hand on 4 single-slot nodes under FCFS:
//   1: t0, 2 slots, 10 s  -> 0..10
//   2: t5, 4 slots, 10 s  -> waits for job 1: 10..20
//   3: t5, run 0          -> skipped (no row)
//   4: t6, 5 slots        -> rejected (more than 4 nodes)
//   5: t7, 1 slot, 2.5 s  -> FCFS: behind job 2, 20..22.5
const QByteArray kTrace = "; MaxNodes: 4 (test partition)\r\n"
                          "1 0 0 10 2 -1 -1 2 20 -1 1 1 1 1 1 1 -1 -1\r\n"
                          "\r\n"
                          "; a comment between jobs\r\n"
                          "2 5 0 10 4 -1 -1 4 20 -1 1 1 1 1 1 1 -1 -1\r\n"
                          "3 5 0 0 4 -1 -1 4 20 -1 1 1 1 1 1 1 -1 -1\r\n"
                          "4 6 0 10 5 -1 -1 5 20 -1 1 1 1 1 1 1 -1 -1\r\n"
                          "5 7 0 2.5 -1 -1 -1 1 -1 -1 1 1 1 1 1 1 -1 -1\r\n";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void version()
    {
        const Run run = cli({"--version"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("headroom-cli "));
    }

    void helpListsEveryContractOption()
    {
        const Run run = cli({"simulate", "--help"});
        QCOMPARE(run.exitCode, 0);
        for (const char *option : {"--scheduler", "--placement", "--seed", "--metrics-json",
                                   "--jobs-csv", "--timeseries-csv", "--report"})
            QVERIFY2(run.out.contains(option), option);
    }

    void traceJobsCsvFollowsTheContract()
    {
        const QString trace = m_dir.filePath("small.swf");
        write(trace, kTrace);
        const QString jobs = m_dir.filePath("jobs.csv");
        const QString metrics = m_dir.filePath("metrics.json");
        const Run run = cli({"simulate", trace, "--scheduler", "fcfs", "--jobs-csv", jobs,
                             "--metrics-json", metrics});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readAll(jobs), QByteArray("id,submit_s,start_s,end_s,slots,state\n"
                                           "1,0,0,10,2,completed\n"
                                           "2,5,10,20,4,completed\n"
                                           "4,6,,,5,rejected\n"
                                           "5,7,20,22.5,1,completed\n"));
        const QJsonObject m = QJsonDocument::fromJson(readAll(metrics)).object();
        QCOMPARE(m["jobs_submitted"].toInt(), 4);
        QCOMPARE(m["jobs_completed"].toInt(), 3);
        QCOMPARE(m["jobs_rejected"].toInt(), 1);
        QCOMPARE(m["jobs_skipped"].toInt(), 1);
        QCOMPARE(m["makespan_s"].toDouble(), 22.5);
        QCOMPARE(m["max_wait_s"].toDouble(), 13.0);
        for (const char *key : {"mean_wait_s", "p50_wait_s", "p95_wait_s", "p99_wait_s",
                                "mean_bounded_slowdown", "utilization", "load_balance_cov",
                                "jain_index", "energy_kwh", "mean_power_w", "peak_power_w"})
            QVERIFY2(m.contains(key), key);
    }

    void gzipTraceReadsLikePlain()
    {
        const QString plain = m_dir.filePath("t.swf");
        write(plain, kTrace);
        QProcess gzip;
        gzip.start("gzip", {"-k", "-f", plain});
        QVERIFY(gzip.waitForFinished());
        const QString a = m_dir.filePath("a.csv");
        const QString b = m_dir.filePath("b.csv");
        QCOMPARE(cli({"simulate", plain, "--jobs-csv", a}).exitCode, 0);
        QCOMPARE(cli({"simulate", plain + ".gz", "--jobs-csv", b}).exitCode, 0);
        QCOMPARE(readAll(a), readAll(b));
    }

    void sameInputSameBytes_data()
    {
        QTest::addColumn<QString>("scheduler");
        for (const char *s : {"fcfs", "sjf", "srtf", "easy"})
            QTest::newRow(s) << QString(s);
    }

    void sameInputSameBytes()
    {
        QFETCH(QString, scheduler);
        QByteArray first[3];
        for (int round = 0; round < 2; ++round) {
            const QString m = m_dir.filePath(QStringLiteral("m%1.json").arg(round));
            const QString j = m_dir.filePath(QStringLiteral("j%1.csv").arg(round));
            const QString t = m_dir.filePath(QStringLiteral("t%1.csv").arg(round));
            const Run run = cli({"simulate", example(), "--scheduler", scheduler, "--seed", "7",
                                 "--metrics-json", m, "--jobs-csv", j, "--timeseries-csv", t});
            QCOMPARE(run.exitCode, 0);
            const QByteArray outputs[3] = {readAll(m), readAll(j), readAll(t)};
            for (int k = 0; k < 3; ++k) {
                QVERIFY(!outputs[k].isEmpty());
                if (round == 0)
                    first[k] = outputs[k];
                else
                    QCOMPARE(outputs[k], first[k]);
            }
        }
    }

    // docs/design.md §6 --placement: every placement name runs end to end and is recorded, with
    // the fragmentation and per-tenant figures appended to the metrics file.
    // --csv-dir writes every table of the report, services.csv too for a scenario with
    // services; the rows match the metrics JSON of the same run, numbers read back exactly.
    void csvDirWritesEveryTable()
    {
        const QString dir = m_dir.filePath("tables");
        const QString metrics = m_dir.filePath("tables.json");
        const Run run =
                cli({"simulate", example(), "-q", "--csv-dir", dir, "--metrics-json", metrics});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(readAll(metrics)).object();
        const auto lines = [&](const char *name) {
            QList<QByteArray> rows = readAll(dir + "/" + name).split('\n');
            if (!rows.isEmpty() && rows.back().isEmpty())
                rows.removeLast();
            return rows;
        };
        QCOMPARE(lines("jobs.csv").size(), json.value("jobs_submitted").toInt() + 1);
        QCOMPARE(lines("nodes.csv").size(), json.value("nodes").toInt() + 1);
        QCOMPARE(lines("tenants.csv").size(), json.value("tenants").toArray().size() + 1);
        QVERIFY(lines("timeseries.csv").size() > 2);
        const QList<QByteArray> services = lines("services.csv");
        const QJsonArray expected = json.value("services").toArray();
        QCOMPARE(services.size(), expected.size() + 1);
        QCOMPARE(services.front(), QByteArray("service,tenant,offered_requests,served_requests,"
                                              "shortfall_fraction,mean_replicas,"
                                              "max_replicas_used,mean_utilization"));
        const QList<QByteArray> first = services.at(1).split(',');
        const QJsonObject service = expected.at(0).toObject();
        QCOMPARE(QString::fromUtf8(first.at(0)), service.value("name").toString());
        QCOMPARE(first.at(2).toDouble(), service.value("offered_requests").toDouble());
        QCOMPARE(first.at(4).toDouble(), service.value("shortfall_fraction").toDouble());
        QCOMPARE(first.at(6).toInt(), service.value("max_replicas_used").toInt());
    }

    // docs/design.md §10.6: the bundled Llama-3-like example (2,048-node gang with failures and
    // Young/Daly checkpoints) writes the failure keys and columns, and the same run is the same
    // bytes; its goodput is near the analytic 1 − δ/c − (c/2 + r)/MTBF_job ≈ 0.90.
    void failureOutputs()
    {
        const QString scenario = qEnvironmentVariable("HEADROOM_SOURCE_DIR") +
                                 "/resources/examples/llama3-failures.json";
        const QString metrics = m_dir.filePath("failures.json");
        const QString jobs = m_dir.filePath("failures.csv");
        const QString series = m_dir.filePath("failures-series.csv");
        const Run run = cli({"simulate", scenario, "-q", "--metrics-json", metrics, "--jobs-csv",
                             jobs, "--timeseries-csv", series});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray first = readAll(metrics);
        const QJsonObject json = QJsonDocument::fromJson(first).object();
        for (const char *key :
             {"node_failures", "planned_outages", "interruptions", "lost_accelerator_hours",
              "goodput", "node_hours_down", "replica_interruptions"})
            QVERIFY2(json.contains(key), key);
        QCOMPARE(json.value("replica_interruptions").toInt(), 0); // no services
        const int interruptions = json.value("interruptions").toInt();
        QVERIFY(interruptions > 300 && interruptions < 600); // about 419 per 54 days
        QVERIFY(json.value("node_failures").toInt() >= interruptions);
        const double goodput = json.value("goodput").toDouble();
        QVERIFY2(goodput > 0.87 && goodput < 0.93, qPrintable(QString::number(goodput)));
        const QList<QByteArray> rows = readAll(jobs).split('\n');
        QCOMPARE(rows.at(0), QByteArray("id,submit_s,start_s,end_s,slots,state,interruptions"));
        QCOMPARE(rows.at(1).split(',').back().toInt(), interruptions);
        QVERIFY(readAll(series).startsWith("time_s,queued,running,busy_slots,utilization,"
                                           "it_power_w,load_balance_cov,jain_index,nodes_down\n"));
        QVERIFY2(cli({"simulate", scenario, "-q", "--metrics-json", metrics}).exitCode == 0,
                 "again");
        QCOMPARE(readAll(metrics), first);
    }

    void everyPlacementRuns_data()
    {
        QTest::addColumn<QString>("placement");
        for (const char *p : {"first_fit", "best_fit", "least_loaded", "round_robin",
                              "topology_aware", "power_aware"})
            QTest::newRow(p) << QString(p);
    }

    void everyPlacementRuns()
    {
        QFETCH(QString, placement);
        const QString metrics = m_dir.filePath("placement-" + placement + ".json");
        const Run run =
                cli({"simulate", example(), "--placement", placement, "--metrics-json", metrics});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(readAll(metrics)).object();
        QCOMPARE(json.value("placement").toString(), placement);
        QVERIFY(json.value("jobs_completed").toInteger() > 0);
        QCOMPARE(json.value("jobs_completed").toInteger() + json.value("jobs_rejected").toInteger(),
                 json.value("jobs_submitted").toInteger());
        QVERIFY(json.value("fragmentation").isDouble());
        QVERIFY(!json.value("tenants").toArray().isEmpty());
    }

    void badInputExitsWithFileLineField_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("expected");
        QTest::newRow("17 fields") << QByteArray("; MaxNodes: 4\n1 0 0 10 2 -1 -1 2 20 -1 1 1 1 1 "
                                                 "1 1 -1\n")
                                   << "swf"
                                   << ":2: expected 18 fields, found 17";
        QTest::newRow("non-numeric") << QByteArray("; MaxNodes: 4\n1 0 0 ten 2 -1 -1 2 20 -1 1 1 "
                                                   "1 1 1 1 -1 -1\n")
                                     << "swf"
                                     << ":2: field 4 (run time): not a number";
        QTest::newRow("nan") << QByteArray("; MaxNodes: 4\n1 nan 0 1 2 -1 -1 2 20 -1 1 1 1 1 1 1 "
                                           "-1 -1\n")
                             << "swf"
                             << ":2: field 2 (submit time)";
        QTest::newRow("not gzip") << QByteArray("this is not a trace\n") << "swf.gz"
                                  << ": not gzip data";
        QTest::newRow("malformed json") << QByteArray("{\n  \"format\": \"headroom-scenario\",\n"
                                                      "  \"version\": 1,\n  \"name\": \n}\n")
                                        << "json"
                                        << ":5:";
        QTest::newRow("negative size")
                << QByteArray("{\"format\": \"headroom-scenario\", \"version\": 1,\n"
                              "\"node_types\": [{\"name\": \"n\", \"accelerators\": 8}],\n"
                              "\"jobs\": [{\"id\": 1, \"submit_s\": 0,\n"
                              "  \"accelerators\": -4, \"run_s\": 10}]}\n")
                << "json"
                << ":4: field jobs[0].accelerators";
    }

    void badInputExitsWithFileLineField()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, suffix);
        QFETCH(QString, expected);
        const QString input = m_dir.filePath("bad." + suffix);
        write(input, content);
        const QString metrics = m_dir.filePath("never.json");
        const Run run = cli({"simulate", input, "--metrics-json", metrics});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(("bad." + suffix + expected).toUtf8()), run.err.constData());
        QVERIFY(!QFile::exists(metrics)); // nothing half-written or empty left behind
    }

    void badCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown scheduler")
                << QStringList{"simulate", example(), "--scheduler", "fifo"}
                << "unknown scheduler 'fifo'";
        QTest::newRow("no input") << QStringList{"simulate"} << "needs an INPUT";
        QTest::newRow("bad seed") << QStringList{"simulate", example(), "--seed", "-3"} << "--seed";
        QTest::newRow("unknown command") << QStringList{"simulat"} << "unknown command";
        QTest::newRow("unknown option") << QStringList{"simulate", example(), "--fast"} << "fast";
    }

    void badCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected.toUtf8()), run.err.constData());
    }

    void missingFile()
    {
        const Run run = cli({"simulate", m_dir.filePath("absent.swf")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("absent.swf"));
    }

    void unwritableOutputFailsBeforeTheRun()
    {
        const Run run = cli({"simulate", example(), "--metrics-json", "/nonexistent/dir/m.json"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("/nonexistent/dir/m.json"));
    }

    void failedRunKeepsEarlierOutput()
    {
        const QString metrics = m_dir.filePath("keep.json");
        write(metrics, "previous result\n");
        const QString input = m_dir.filePath("broken.swf");
        write(input, "; MaxNodes: 2\n1 0 0 x 1 -1 -1 1 1 -1 1 1 1 1 1 1 -1 -1\n");
        QCOMPARE(cli({"simulate", input, "--metrics-json", metrics}).exitCode, 3);
        QCOMPARE(readAll(metrics), QByteArray("previous result\n"));
    }

    void quietWhenNotATerminal()
    {
        // stderr is a pipe here: no progress line even without --quiet.
        const Run run = cli({"simulate", example(), "--metrics-json", m_dir.filePath("q.json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
