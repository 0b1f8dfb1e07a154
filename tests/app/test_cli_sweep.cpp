// headroom-cli compare, sweep and sweep merge end to end (docs/design.md §8): the real binary,
// run as a user or a cluster's array task would.
#include "tests/support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace headroom::test;

namespace {

QString example()
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR") + "/resources/examples/two-rack-h100.json";
}

QByteArray usage(const QString &message)
{
    return QStringLiteral("headroom-cli: error: %1\nTry 'headroom-cli sweep --help'.\n")
            .arg(message)
            .toUtf8();
}

// 12 points of the example: 2 schedulers × 2 placements × 3 load scales.
const char *kSpec = R"({
  "format": "headroom-sweep",
  "version": 1,
  "base": "base.json",
  "grid": {
    "scheduler": ["fcfs", "easy"],
    "placement": ["first_fit", "best_fit"],
    "load_scale": [1.0, 1.5, 2.0]
  },
  "points": [{"nodes.dgx-h100": 24, "dpm": false}]
})";

} // namespace

class TestCliSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::copy(example(), path("base.json")));
        QVERIFY(writeFile(path("spec.json"), kSpec));
    }

    void helpListsTheCommands()
    {
        const Run run = cli({"--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("compare INPUT"));
        QVERIFY(run.out.contains("sweep SPEC"));
        const Run sweep = cli({"sweep", "--help"});
        for (const char *option : {"--out", "--threads", "--shard", "--emit-slurm", "--emit-k8s",
                                   "--shards", "--submit", "--image", "--parallelism", "--json"})
            QVERIFY2(sweep.out.contains(option), option);
        const Run compare = cli({"compare", "--help"});
        for (const char *option : {"--variant", "--out", "--csv", "--threads", "load_scale"})
            QVERIFY2(compare.out.contains(option), option);
    }

    // Every run's metrics object is, byte for byte, the file simulate writes for that input.
    void compareReportKeepsTheOtherOutputs()
    {
        // --report adds the comparison report (docs/design.md §8.1) and changes nothing else.
        const QStringList arguments = {"compare",   example(), "--variant", "fcfs: scheduler=fcfs",
                                       "--threads", "2",       "-q"};
        const Run plain = cli(arguments + QStringList{"--out", path("plain.json")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        const Run html = cli(arguments + QStringList{"--out", path("reported.json"), "--report",
                                                     path("compare.html")});
        QVERIFY2(html.exitCode == 0, html.err.constData());
        QCOMPARE(readAll(path("reported.json")), readAll(path("plain.json")));
        const QString report = QString::fromUtf8(readAll(path("compare.html")));
        QVERIFY(report.contains("mean_wait_s"));
        QVERIFY(report.contains("fcfs"));
        QCOMPARE(report.count("<svg"), 4);
        const Run pdf = cli(arguments + QStringList{"--report", path("compare.pdf")});
        QVERIFY2(pdf.exitCode == 0, pdf.err.constData());
        QVERIFY(readAll(path("compare.pdf")).startsWith("%PDF"));
        const Run bad = cli(arguments + QStringList{"--report", path("compare.txt")});
        QCOMPARE(bad.exitCode, 2);
    }

    void compareRunsAreSimulateRuns()
    {
        const Run run =
                cli({"compare", example(), path("base.json"), "--variant", "fcfs: scheduler=fcfs",
                     "--variant", "busy: load_scale=1.5,placement=best_fit,seed=9", "--out",
                     path("c.json"), "--csv", path("c.csv"), "--threads", "2"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.isEmpty());
        const auto compare = nlohmann::ordered_json::parse(readAll(path("c.json")).toStdString());
        QCOMPARE(compare["format"], "headroom-comparison");
        const auto &runs = compare["runs"];
        QCOMPARE(runs.size(), std::size_t(4));
        const QList<QStringList> simulateArguments = {
                {example()},
                {path("base.json")},
                {example(), "--scheduler", "fcfs"},
                {example(), "--load-scale", "1.5", "--placement", "best_fit", "--seed", "9"}};
        const char *names[] = {"two-rack-h100", "base", "fcfs", "busy"};
        for (int i = 0; i < 4; ++i) {
            const QString file = path(QStringLiteral("m%1.json").arg(i));
            const Run simulate = cli(QStringList{"simulate"} + simulateArguments[i] +
                                     QStringList{"--metrics-json", file});
            QVERIFY2(simulate.exitCode == 0, simulate.err.constData());
            const auto &entry = runs[std::size_t(i)];
            QCOMPARE(entry["name"], names[i]);
            QCOMPARE(QByteArray::fromStdString(entry["metrics"].dump(2) + "\n"), readAll(file));
        }
        QCOMPARE(runs[0]["source"], example().toStdString());
        QCOMPARE(runs[0]["overrides"].size(), std::size_t(0));
        QCOMPARE(runs[3]["overrides"].dump(),
                 std::string(R"({"load_scale":1.5,"placement":"best_fit","seed":9})"));

        // Deltas: every run after the first against the first.
        const auto &deltas = compare["deltas"];
        QCOMPARE(deltas.size(), std::size_t(3));
        for (std::size_t d = 0; d < deltas.size(); ++d) {
            QCOMPARE(deltas[d]["name"], runs[d + 1]["name"]);
            QCOMPARE(deltas[d]["against"], "two-rack-h100");
            const auto &first = runs[0]["metrics"];
            const auto &other = runs[d + 1]["metrics"];
            for (const auto &[key, delta] : deltas[d]["metrics"].items()) {
                const double reference = first[key].get<double>();
                const double value = other[key].get<double>();
                QCOMPARE(delta["delta"].get<double>(), value - reference);
                if (reference == 0.0)
                    QVERIFY(delta["relative"].is_null());
                else
                    QCOMPARE(delta["relative"].get<double>(),
                             (value - reference) / std::fabs(reference));
            }
        }
        // The same scenario under two names differs by nothing; FCFS waits longer than EASY.
        QCOMPARE(deltas[0]["metrics"]["mean_wait_s"]["delta"].get<double>(), 0.0);
        QVERIFY(deltas[1]["metrics"]["mean_wait_s"]["delta"].get<double>() > 0.0);

        const QByteArray csv = readAll(path("c.csv"));
        QVERIFY(csv.startsWith("name,source,overrides,jobs_submitted,"));
        QCOMPARE(csv.count('\n'), 5);
        QVERIFY(csv.contains("\nbusy," + example().toUtf8() +
                             ",\"load_scale=1.5,placement=best_fit,seed=9\",190,"));
    }

    void compareRefusesBadRequests_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("one input") << QStringList{"compare", example()} << 2
                                   << "compare needs a second INPUT or a --variant";
        QTest::newRow("bad variant")
                << QStringList{"compare", example(), "--variant", "x: schedular=fcfs"} << 2
                << "--variant: unknown key \"schedular\"";
        QTest::newRow("unknown type")
                << QStringList{"compare", example(), "--variant", "x: nodes.a100=4"} << 2
                << "--variant x: nodes.a100: the scenario has no node type \"a100\"";
        QTest::newRow("taken name")
                << QStringList{"compare", example(), "--variant", "two-rack-h100: seed=2"} << 2
                << "--variant: the name 'two-rack-h100' is taken";
        QTest::newRow("invalid value")
                << QStringList{"compare", example(), "--variant", "x: pue=0.5"} << 3
                << example() + ": x: the overrides make the scenario invalid: energy.pue";
    }
    void compareRefusesBadRequests()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, message);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, status);
        QVERIFY2(run.err.startsWith("headroom-cli: error: " + message.toUtf8()),
                 run.err.constData());
    }

    // The merged results of N shards are the bytes of the whole sweep, for any N and threads.
    void shardsMergeToTheWholeSweep_data()
    {
        QTest::addColumn<int>("shards");
        QTest::addColumn<int>("threads");
        QTest::newRow("1") << 1 << 2;
        QTest::newRow("2") << 2 << 1;
        QTest::newRow("3") << 3 << 2;
        QTest::newRow("7") << 7 << 1;
    }
    void shardsMergeToTheWholeSweep()
    {
        QFETCH(int, shards);
        QFETCH(int, threads);
        const Run whole =
                cli({"sweep", path("spec.json"), "--out", path("whole"), "--threads", "1"});
        QVERIFY2(whole.exitCode == 0, whole.err.constData());
        QVERIFY(whole.err.isEmpty()); // no progress when stderr is not a terminal
        const QByteArray csv = readAll(path("whole/results.csv"));
        QCOMPARE(csv.count('\n'), 14); // header + 13 points
        QVERIFY(csv.startsWith("index,dpm,load_scale,nodes.dgx-h100,placement,scheduler,"
                               "jobs_submitted,"));
        QVERIFY(csv.contains("\n12,off,,24,,,190,"));

        const QString out = path(QStringLiteral("sharded-%1").arg(shards));
        for (int shard = 0; shard < shards; ++shard) {
            const Run run = cli({"sweep", path("spec.json"), "--out", out, "--shard",
                                 QStringLiteral("%1/%2").arg(shard).arg(shards), "--threads",
                                 QString::number(threads)});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QVERIFY(QFile::exists(
                    QStringLiteral("%1/shard-%2-of-%3.json").arg(out).arg(shard).arg(shards)));
        }
        const Run merge = cli({"sweep", "merge", out, "--out", path("merged.csv"), "--json",
                               path("merged.json")});
        QVERIFY2(merge.exitCode == 0, merge.err.constData());
        QCOMPARE(readAll(path("merged.csv")), csv);
        QCOMPARE(readAll(path("merged.json")), readAll(path("whole/results.json")));
    }

    // Shards from several folders merge too; a missing one is named with its points.
    void mergeFindsShardsAcrossFoldersAndNamesMissingOnes()
    {
        for (int shard = 0; shard < 3; ++shard) {
            const Run run = cli({"sweep", path("spec.json"), "--out",
                                 path(QStringLiteral("part%1").arg(shard)), "--shard",
                                 QStringLiteral("%1/3").arg(shard), "-q"});
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
        const Run all = cli({"sweep", "merge", path("part0"), path("part1"), path("part2"), "--out",
                             path("parts.csv")});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QCOMPARE(readAll(path("parts.csv")).count('\n'), 14);

        const Run missing =
                cli({"sweep", "merge", path("part0"), path("part2"), "--out", path("no.csv")});
        QCOMPARE(missing.exitCode, 3);
        QCOMPARE(missing.err,
                 QByteArray("headroom-cli: error: 4 of 13 points have no result: 1, 4, 7, 10 "
                            "(shard 1/3; rerun with --shard 1/3) (in ") +
                         path("part0").toUtf8() + ", " + path("part2").toUtf8() + ")\n");
        QVERIFY(!QFile::exists(path("no.csv")));
    }

    void badSweepRequests_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("err");
        const QString spec = path("spec.json");
        QTest::newRow("shard I >= N")
                << QStringList{"sweep", spec, "--out", path("x"), "--shard", "3/3"} << 2
                << usage("--shard: shard 3 of 3 does not exist: I counts from 0 to N - 1");
        QTest::newRow("shard form")
                << QStringList{"sweep", spec, "--out", path("x"), "--shard", "1"} << 2
                << usage("--shard: expected I/N with whole numbers, N >= 1, "
                         "got '1'");
        QTest::newRow("no out") << QStringList{"sweep", spec} << 2
                                << usage("sweep needs --out DIR");
        QTest::newRow("emit without shards")
                << QStringList{"sweep", spec, "--out", path("x"), "--emit-slurm", path("s.sbatch")}
                << 2 << usage("--emit-slurm and --emit-k8s need --shards N");
        QTest::newRow("k8s without image")
                << QStringList{"sweep",      spec,           "--out",    path("x"),
                               "--emit-k8s", path("k.yaml"), "--shards", "2"}
                << 2 << usage("--emit-k8s needs --image IMAGE");
        QTest::newRow("too many shards")
                << QStringList{"sweep",    spec, "--out",        path("x"),
                               "--shards", "14", "--emit-slurm", path("s.sbatch")}
                << 2 << usage("--shards: 14 shards for 13 points; at most one shard per point");
        QTest::newRow("merge without dirs") << QStringList{"sweep", "merge", "--out", path("m.csv")}
                                            << 2 << usage("sweep merge needs at least one DIR");
        QTest::newRow("submit without slurm")
                << QStringList{"sweep", spec, "--out", path("x"), "--submit"} << 2
                << usage("--submit goes with --emit-slurm or --emit-k8s");
    }
    void badSweepRequests()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QByteArray, err);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, status);
        QCOMPARE(run.err, err);
    }

    void badSpecsNameTheFileAndField_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown axis")
                << QByteArray(R"({"format": "headroom-sweep", "version": 1, "base": "base.json",
"grid": {"nodes": [1]}})")
                << "bad.json:2: field grid.nodes: unknown axis \"nodes\"";
        QTest::newRow("empty grid") << QByteArray(R"({"format": "headroom-sweep", "version": 1,
"base": "base.json", "grid": {}})") << "bad.json:2: field grid: empty grid";
        QTest::newRow("missing base") << QByteArray(R"({"format": "headroom-sweep", "version": 1,
"base": "gone.json", "grid": {"seed": [1]}})")
                                      << "bad.json:2: field base: no such file: gone.json";
        QTest::newRow("unknown node type")
                << QByteArray(R"({"format": "headroom-sweep", "version": 1,
"base": "base.json", "grid": {"nodes.a100": [1]}})")
                << "bad.json: field grid.nodes.a100[0]: nodes.a100: the scenario has no node "
                   "type \"a100\"";
    }
    void badSpecsNameTheFileAndField()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, message);
        QVERIFY(writeFile(path("bad.json"), spec));
        const Run run = cli({"sweep", "bad.json", "--out", path("bad")}, m_dir.path());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.startsWith("headroom-cli: error: " + message.toUtf8()),
                 run.err.constData());
        QVERIFY(!QFile::exists(path("bad")));
    }

    // The emitted files run each shard with the scheduler's index and merge afterwards.
    void emitsSlurmAndKubernetesJobs()
    {
        const Run slurm = cli({"sweep", path("spec.json"), "--emit-slurm", path("s.sbatch"),
                               "--shards", "4", "--out", path("cluster")});
        QVERIFY2(slurm.exitCode == 0, slurm.err.constData());
        const QByteArray script = readAll(path("s.sbatch"));
        QVERIFY(script.contains("\n#SBATCH --array=0-3\n"));
        QVERIFY(script.contains("--shard \"${SLURM_ARRAY_TASK_ID}/4\""));
        QVERIFY(script.contains("sweep '" + path("spec.json").toUtf8() + "' --out '" +
                                path("cluster").toUtf8() + "'"));
        QVERIFY(script.contains("\n#SBATCH --output=" + path("cluster").toUtf8() +
                                "/logs/shard-%a.log\n"));
        QVERIFY(QFileInfo(path("cluster/logs")).isDir()); // Slurm does not create it
        const QByteArray merge = readAll(path("s.merge.sbatch"));
        QVERIFY(merge.contains(" sweep merge '" + path("cluster").toUtf8() + "' --out '" +
                               path("cluster").toUtf8() + "/results.csv'"));
        // What to run, on stdout: the array, then the merge after it.
        QVERIFY(slurm.out.startsWith("array=$(sbatch --parsable '" + path("s.sbatch").toUtf8() +
                                     "')\nsbatch --dependency=afterok:${array%%;*} "
                                     "--kill-on-invalid-dep=yes '" +
                                     path("s.merge.sbatch").toUtf8() + "'\n"));

        const Run k8s = cli({"sweep", "spec.json", "--emit-k8s", "k.yaml", "--shards", "5", "--out",
                             "res", "--image", "headroom:test", "--parallelism", "2"},
                            m_dir.path());
        QVERIFY2(k8s.exitCode == 0, k8s.err.constData());
        const QByteArray job = readAll(path("k.yaml"));
        for (const char *line :
             {"completionMode: Indexed\n", "completions: 5\n", "parallelism: 2\n",
              "image: \"headroom:test\"\n", "\"--shard\", \"$(JOB_COMPLETION_INDEX)/5\"",
              "args: [\"sweep\", \"spec.json\", \"--out\", \"res\","})
            QVERIFY2(job.contains(line), line);
        const QByteArray mergeJob = readAll(path("k.merge.yaml"));
        QVERIFY(mergeJob.contains("args: [\"sweep\", \"merge\", \"res\", \"--out\", "
                                  "\"res/results.csv\""));
        QVERIFY(k8s.out.contains("kubectl wait --for=condition=complete"));
    }

    // The bundled spec runs where it is (its base is relative to it).
    void bundledSpecRuns()
    {
        const QString spec = qEnvironmentVariable("HEADROOM_SOURCE_DIR") +
                             "/resources/examples/two-rack-sweep.json";
        const Run run = cli({"sweep", spec, "--out", path("bundled"), "--shard", "5/6", "-q"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto shard =
                nlohmann::json::parse(readAll(path("bundled/shard-5-of-6.json")).toStdString());
        QCOMPARE(shard["points"], 12);
        QCOMPARE(shard["rows"].size(), std::size_t(2)); // points 5 and 11
        QCOMPARE(shard["rows"][1]["index"], 11);
        QCOMPARE(shard["rows"][1]["point"].dump(),
                 std::string(R"({"load_scale":1.5,"nodes.dgx-h100":24,"scheduler":"easy"})"));
    }

    // Without sbatch on the PATH, --submit says so instead of waiting for nothing.
    void submitWithoutSlurmSaysSo()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("PATH", path("empty-path"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(HEADROOM_CLI_PATH),
                      {"sweep", path("spec.json"), "--emit-slurm", path("n.sbatch"), "--shards",
                       "2", "--out", path("nowhere"), "--submit"});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 4);
        QVERIFY(process.readAllStandardError().contains("cannot run sbatch to submit the job "
                                                        "array"));
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliSweep)
#include "test_cli_sweep.moc"
