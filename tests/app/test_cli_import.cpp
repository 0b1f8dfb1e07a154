// headroom-cli import (docs/design.md §9) end to end: each format from the hand-written files
// in tests/data/import, --into keeping a scenario's cluster and policies, the summary, the
// exit statuses, and the imported scenario simulating.
#include "tests/support/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace headroom::test;

namespace {

QString source(const QString &relative)
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR") + "/" + relative;
}

QString data(const QString &name)
{
    return source("tests/data/import/" + name);
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    // sacct + scontrol -> scenario -> simulate: every job Slurm ran completes.
    void slurmRoundTrip()
    {
        const QString out = m_dir.filePath("slurm.json");
        const Run run = cli({"import", "slurm", data("sacct-22.05.txt"), "--nodes",
                             data("scontrol-nodes.txt"), "--out", out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        for (const char *line :
             {"  job records read: 24\n", "  jobs imported: 12\n", "  jobs skipped: 12\n",
              "    cancelled before it started: 2\n", "    pending at capture: 3\n",
              "    running at capture: 2\n", "  job steps ignored (not jobs): 6\n",
              "  node types created: 2\n", "  nodes created: 4\n",
              "  time 0 is 2024-03-04T00:00:00 (sacct's local time)\n"})
            QVERIFY2(run.out.contains(line), line);
        QVERIFY(run.out.endsWith("wrote " + out.toUtf8() + "\n"));

        const QJsonObject scenario = readJson(out);
        QCOMPARE(scenario["name"].toString(), QString("sacct-22"));
        QCOMPARE(scenario["jobs"].toArray().size(), 12);
        QCOMPARE(scenario["node_types"].toArray().size(), 2);

        const QString metrics = m_dir.filePath("metrics.json");
        const Run simulate =
                cli({"simulate", out, "--scheduler", "fcfs", "--metrics-json", metrics, "--quiet"});
        QCOMPARE(simulate.exitCode, 0);
        const QJsonObject m = readJson(metrics);
        QCOMPARE(m["jobs_completed"].toInt(), 12);
        QCOMPARE(m["jobs_rejected"].toInt(), 0);
    }

    // --into keeps the example's cluster, node types, services, policy and energy settings;
    // only the jobs are the CSV's.
    void csvIntoKeepsTheCluster()
    {
        const QString out = m_dir.filePath("csv.json");
        const Run run = cli({"import", "csv", data("jobs-epoch.csv"), "--map",
                             "submit=Submitted,run=Elapsed,slots=GPUs,requested=Limit,id=JobNo,"
                             "tenant=Who,name=Label",
                             "--into", source("resources/examples/two-rack-h100.json"), "--out",
                             out, "--quiet"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        const QJsonObject example = readJson(source("resources/examples/two-rack-h100.json"));
        const QJsonObject imported = readJson(out);
        for (const char *kept : {"name", "cluster", "node_types", "services", "policy", "energy"})
            QVERIFY2(imported[kept] == example[kept], kept);
        const QJsonArray jobs = imported["jobs"].toArray();
        QCOMPARE(jobs.size(), 3);
        QCOMPARE(jobs[0].toObject()["id"].toInt(), 7);
        QCOMPARE(jobs[0].toObject()["name"].toString(), QString("train, large"));
        QCOMPARE(jobs[0].toObject()["submit_s"].toInt(), 32400);
        QCOMPARE(cli({"simulate", out, "--quiet"}).exitCode, 0);

        // The output may be the scenario it keeps.
        const QString copy = m_dir.filePath("copy.json");
        QVERIFY(writeFile(copy, readAll(source("resources/examples/two-rack-h100.json"))));
        QCOMPARE(cli({"import", "csv", data("jobs-iso.csv"), "--map",
                      "submit=submit,start=start,end=end,slots=gpus,id=id", "--time-format", "iso",
                      "--into", copy, "--out", copy, "-q"})
                         .exitCode,
                 0);
        QCOMPARE(readJson(copy)["jobs"].toArray().size(), 3);
        QVERIFY(readJson(copy)["cluster"] == example["cluster"]);
    }

    // Kubernetes nodes replace the cluster of the scenario they go into; its jobs stay.
    void kubernetesIntoKeepsTheJobs()
    {
        const QString out = m_dir.filePath("k8s.json");
        const Run run = cli({"import", "k8s", data("kubectl-nodes.json"), "--into",
                             source("resources/examples/two-rack-h100.json"), "--out", out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("  nodes created: 5\n"));
        QVERIFY(run.out.contains("    no GPUs (import with --slots cpu for CPU nodes): 1\n"));
        const QJsonObject example = readJson(source("resources/examples/two-rack-h100.json"));
        const QJsonObject imported = readJson(out);
        QVERIFY(imported["jobs"] == example["jobs"]);
        QCOMPARE(imported["cluster"].toObject()["zones"].toArray().size(), 3);
        // The example's dgx-h100 stays (its service names it) beside the four new types.
        QCOMPARE(imported["node_types"].toArray().size(), 5);
        QCOMPARE(cli({"simulate", out, "--quiet"}).exitCode, 0);
    }

    void openbRoundTrip()
    {
        const QString out = m_dir.filePath("openb.json");
        const Run run = cli(
                {"import", "openb", data("openb-nodes.csv"), data("openb-pods.csv"), "--out", out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("  pods sharing a GPU, each given a whole GPU: 3\n"));
        QVERIFY(run.out.contains("  jobs imported: 5\n"));
        const QString metrics = m_dir.filePath("m.json");
        QCOMPARE(cli({"simulate", out, "--metrics-json", metrics, "-q"}).exitCode, 0);
        QCOMPARE(readJson(metrics)["jobs_completed"].toInt(), 5);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString sacct = data("sacct-22.05.txt");
        QTest::newRow("no format")
                << QStringList{"import"} << "import needs a FORMAT: slurm, k8s, openb or csv";
        QTest::newRow("unknown format")
                << QStringList{"import", "lsf", "x", "--out", "o.json"}
                << "unknown import format 'lsf' (choose from slurm, k8s, openb, csv)";
        QTest::newRow("openb needs two files")
                << QStringList{"import", "openb", "n.csv", "--out", "o.json"}
                << "expected: headroom-cli import openb NODES.csv PODS.csv [--slots gpu|cpu]; "
                   "got 1 input file(s)";
        QTest::newRow("no out") << QStringList{"import", "slurm", sacct, "--nodes", sacct}
                                << "import needs --out SCENARIO.json";
        QTest::newRow("no cluster") << QStringList{"import", "slurm", sacct, "--out", "o.json"}
                                    << "import slurm needs --nodes NODES.txt or --into "
                                       "SCENARIO.json: the accounting has no cluster";
        QTest::newRow("map for slurm")
                << QStringList{"import", "slurm", sacct, "--map", "a=b", "--out", "o.json"}
                << "--map is for import csv, not slurm";
        QTest::newRow("slots") << QStringList{"import", "k8s",   "n.json", "--slots",
                                              "tpu",    "--out", "o.json"}
                               << "--slots: expected gpu or cpu, got 'tpu'";
        QTest::newRow("csv without map")
                << QStringList{"import", "csv", "j.csv", "--into", "s.json", "--out", "o.json"}
                << "import csv needs --map submit=COL,run=COL,slots=COL";
        QTest::newRow("bad map") << QStringList{"import", "csv",    "j.csv", "--map", "submit=a",
                                                "--into", "s.json", "--out", "o.json"}
                                 << "--map: missing slots=COLUMN (submit, run and slots are "
                                    "required)";
        QTest::newRow("csv without into")
                << QStringList{"import", "csv",   "j.csv", "--map", "submit=a,run=b,slots=c",
                               "--out",  "o.json"}
                << "import csv needs --into SCENARIO.json: a jobs CSV has no cluster";
        QTest::newRow("time format") << QStringList{"import",
                                                    "csv",
                                                    "j.csv",
                                                    "--map",
                                                    "submit=a,run=b,slots=c",
                                                    "--time-format",
                                                    "unix",
                                                    "--into",
                                                    "s",
                                                    "--out",
                                                    "o"}
                                     << "--time-format: expected epoch or iso, got 'unix'";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = cli(arguments, m_dir.path());
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err),
                 "headroom-cli: error: " + message + "\nTry 'headroom-cli import --help'.\n");
    }

    // A bad line is a bad input (3), named by file, line and field, and the output is not
    // touched.
    void badLineWritesNothing()
    {
        const QString sacct = m_dir.filePath("sacct.txt");
        QVERIFY(writeFile(sacct, "JobID|Submit|Start|End|State|AllocTRES\n"
                                 "1|2024-03-04T09:00:00|2024-03-04T09:00:05|2024-03-04T10:00:05|"
                                 "COMPLETED|gres/gpu=1\n"
                                 "2|2024-03-04T09:00:00|2024-03-04T09:00:05|2024-03-04T10:00:05|"
                                 "LOST|gres/gpu=1\n"));
        const QString out = m_dir.filePath("out.json");
        QVERIFY(writeFile(out, "earlier"));
        const Run run = cli(
                {"import", "slurm", sacct, "--nodes", data("scontrol-nodes.txt"), "--out", out});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(QString::fromUtf8(run.err), "headroom-cli: error: " + sacct +
                                                     ":3: field State: unknown job state "
                                                     "\"LOST\"\n");
        QCOMPARE(readAll(out), QByteArray("earlier"));
        QVERIFY(run.out.isEmpty());

        // A kept job that the new cluster cannot hold names the scenario it came from.
        const QString into = m_dir.filePath("into.json");
        QVERIFY(writeFile(into, R"({"format": "headroom-scenario", "version": 3,
            "node_types": [{"name": "t", "accelerators": 1}],
            "cluster": {"zones": [{"name": "z", "racks": [{"name": "r", "nodes": [
                {"name": "n", "type": "t"}]}]}]},
            "jobs": [{"id": 1, "submit_s": 0, "accelerators": 1, "run_s": 5,
                      "constraints": {"node": "n"}}]})"));
        const Run kept =
                cli({"import", "k8s", data("kubectl-nodes.json"), "--into", into, "--out", out});
        QCOMPARE(kept.exitCode, 3);
        QCOMPARE(QString::fromUtf8(kept.err), "headroom-cli: error: " + into +
                                                      ": field jobs[0].constraints.node: unknown "
                                                      "node \"n\" (after the import)\n");
        QCOMPARE(readAll(out), QByteArray("earlier"));
    }

    void helpListsTheFormats()
    {
        const Run run = cli({"import", "--help"});
        QCOMPARE(run.exitCode, 0);
        for (const char *option :
             {"--into", "--out", "--nodes", "--slots", "--map", "--time-format"})
            QVERIFY2(run.out.contains(option), option);
        QVERIFY(cli({"--help"}).out.contains("import FORMAT"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "test_cli_import.moc"
