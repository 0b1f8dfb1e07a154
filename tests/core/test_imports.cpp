// Imports of the planner's own data (docs/design.md §9): Slurm accounting and nodes,
// Kubernetes node lists, Alibaba's openb trace and jobs CSVs, read from small hand-written
// files in tests/data/import, with every malformed line's exact message.
#include "core/engine/simulation.h"
#include "core/io/import/alibaba_openb.h"
#include "core/io/import/calendar_time.h"
#include "core/io/import/delimited_text.h"
#include "core/io/import/jobs_csv.h"
#include "core/io/import/kubernetes_nodes.h"
#include "core/io/import/slurm_accounting.h"
#include "core/io/input_error.h"
#include "core/io/read_progress.h"
#include "core/io/swf_reader.h"
#include "tests/support/run_helpers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>

using namespace headroom;

namespace {

std::string dataFile(const char *name)
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR").toStdString() + "/tests/data/import/" + name;
}

// The what() of the InputError `action` throws; empty when it throws none.
QString errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

const Job *findJob(const std::vector<Job> &jobs, JobId id)
{
    for (const Job &job : jobs) {
        if (job.id == id)
            return &job;
    }
    return nullptr;
}

const NodeType *findType(const std::vector<NodeType> &types, const std::string &name)
{
    for (const NodeType &type : types) {
        if (type.name == name)
            return &type;
    }
    return nullptr;
}

using Counts = std::map<std::string, long long>;

const char *kSacctHeader = "JobID|JobIDRaw|JobName|Account|Partition|Submit|Start|End|"
                           "TimelimitRaw|State|NCPUS|AllocTRES|ReqTRES\n";

} // namespace

class TestImports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- Slurm ---------------------------------------------------------------------------

    void slurmNodesBuildTypesAndRacks()
    {
        const ImportResult nodes = readSlurmNodes(dataFile("scontrol-nodes.txt"), ImportSlots::Gpu);
        QVERIFY(!nodes.jobs);
        QVERIFY(nodes.cluster);
        QCOMPARE(nodes.summary.nodesCreated, 4);
        QCOMPARE(nodes.summary.nodeTypesCreated, 2);
        QCOMPARE(nodes.summary.nodesSkipped,
                 (Counts{{"no GPUs (import with --slots cpu for CPU nodes)", 1}}));
        const NodeType *a100 = findType(nodes.nodeTypes, "a100-4gpu");
        QVERIFY(a100);
        QCOMPARE(a100->accelerators, 4);
        QCOMPARE(a100->cpuCores, 64);
        QCOMPARE(a100->memoryGb, 515000.0 / 1024.0);
        QCOMPARE(a100->acceleratorModel, std::string("a100"));
        const NodeType *untyped = findType(nodes.nodeTypes, "gpu-2gpu");
        QVERIFY(untyped);
        QCOMPARE(untyped->accelerators, 2);
        // One zone, a rack per partition; the DOWN node (whose OS and Reason hold spaces)
        // is still a node of the cluster.
        QCOMPARE(nodes.cluster->zones.size(), std::size_t(1));
        const Rack *gpu = nodes.cluster->findRack("gpu");
        QVERIFY(gpu);
        QCOMPARE(gpu->nodes.size(), std::size_t(3));
        QCOMPARE(gpu->nodes[2].name, std::string("gpu03"));
        QCOMPARE(gpu->nodes[2].type, std::string("a100-4gpu"));
        const Rack *debug = nodes.cluster->findRack("debug");
        QVERIFY(debug);
        QCOMPARE(debug->nodes.size(), std::size_t(1));

        const ImportResult cpu = readSlurmNodes(dataFile("scontrol-nodes.txt"), ImportSlots::Cpu);
        QCOMPARE(cpu.summary.nodesCreated, 5);
        QVERIFY(cpu.summary.nodesSkipped.empty());
        const NodeType *cores = findType(cpu.nodeTypes, "cpu-128c");
        QVERIFY(cores);
        QCOMPARE(cores->accelerators, 128);
        QCOMPARE(cpu.cluster->findRack("cpu")->nodes.front().name, std::string("cpu01"));
    }

    // A node in several partitions: no rack carries the name of a partition that does not
    // hold all its nodes, so no job is shut out of nodes its partition has.
    void slurmNodesInSeveralPartitions()
    {
        const std::string text =
                "NodeName=a CPUTot=8 RealMemory=1024 Gres=gpu:h100:8,shard:4 Partitions=gpu\n"
                "NodeName=b CPUTot=8 RealMemory=1024 Gres=gpu:h100:8 Partitions=gpu,debug\n"
                "NodeName=c CPUTot=8 RealMemory=1024 Gres=gpu:h100:4(S:0),gpu:l4:2(S:1) "
                "Partitions=long\n";
        const ImportResult nodes = parseSlurmNodes(text, "n.txt", ImportSlots::Gpu);
        QVERIFY(nodes.cluster->findRack("gpu-only"));
        QVERIFY(nodes.cluster->findRack("gpu+debug"));
        QVERIFY(!nodes.cluster->findRack("gpu"));
        QVERIFY(nodes.cluster->findRack("long"));
        const NodeType *mixed = findType(nodes.nodeTypes, "h100+l4-6gpu");
        QVERIFY(mixed);
        QCOMPARE(mixed->accelerators, 6);
        QCOMPARE(findType(nodes.nodeTypes, "h100-8gpu")->accelerators, 8);
        QCOMPARE(nodes.summary.notes.size(), std::size_t(1));
    }

    void slurmNodeErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no NodeName") << "CPUTot=8 RealMemory=10\n"
                                     << "n.txt:1: field NodeName: missing: expected one node a "
                                        "line, as scontrol show node -o prints it";
        QTest::newRow("bad CPUTot") << "NodeName=a CPUTot=8\nNodeName=b CPUTot=x RealMemory=1\n"
                                    << "n.txt:1: field RealMemory: missing (expected scontrol "
                                       "show node -o output)";
        QTest::newRow("CPUTot not a number")
                << "\nNodeName=b CPUTot=eight RealMemory=1\n"
                << "n.txt:2: field CPUTot: expected a whole number > 0, found \"eight\"";
        QTest::newRow("duplicate") << "NodeName=a CPUTot=1 RealMemory=1 Gres=gpu:1\n"
                                      "NodeName=a CPUTot=1 RealMemory=1 Gres=gpu:1\n"
                                   << "n.txt:2: field NodeName: duplicate node \"a\" (also on "
                                      "line 1)";
        QTest::newRow("GPU count") << "NodeName=a CPUTot=1 RealMemory=1 Gres=gpu:a100:-2\n"
                                   << "n.txt:1: field Gres: GPU count out of range in "
                                      "\"gpu:a100:-2\"";
    }

    void slurmNodeErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QCOMPARE(errorOf([&] { parseSlurmNodes(text.toStdString(), "n.txt", ImportSlots::Gpu); }),
                 message);
    }

    // sacct from Slurm 22.05 with every state, steps, array tasks and Unknown/None times.
    void sacctEveryState()
    {
        const ImportResult nodes = readSlurmNodes(dataFile("scontrol-nodes.txt"), ImportSlots::Gpu);
        const ImportResult result =
                readSacct(dataFile("sacct-22.05.txt"), ImportSlots::Gpu, *nodes.cluster);
        const ImportSummary &summary = result.summary;
        QCOMPARE(summary.jobRecords, 24LL);
        QCOMPARE(summary.stepsIgnored, 6LL);
        QCOMPARE(summary.jobsImported, 12LL);
        QCOMPARE(summary.jobsSkipped, (Counts{
                                              {"cancelled before it started", 2},
                                              {"deadline passed before it started", 1},
                                              {"its nodes failed to boot (BOOT_FAIL)", 1},
                                              {"no GPUs allocated (CPU-only job)", 1},
                                              {"pending at capture", 3},
                                              {"ran for 0 s", 1},
                                              {"revoked by the federation (REVOKED)", 1},
                                              {"running at capture", 2},
                                      }));
        QCOMPARE(summary.jobsSkippedTotal() + summary.jobsImported, summary.jobRecords);
        QCOMPARE(summary.timeOrigin, std::string("2024-03-04T00:00:00 (sacct's local time)"));
        QCOMPARE(summary.notes.size(), std::size_t(2));
        QCOMPARE(summary.notes.front(),
                 std::string("3 jobs submitted in the same second as array tasks take that "
                             "second's job ids in the order Slurm starts them (array id, then "
                             "task index), so their ids are not their JobIDRaw"));
        QVERIFY(summary.notes.back().starts_with("partition scratch:"));

        const std::vector<Job> &jobs = *result.jobs;
        QCOMPARE(jobs.size(), std::size_t(12));
        // COMPLETED: submit from midnight, run End - Start, limit in minutes, Account, name.
        const Job *first = findJob(jobs, 100);
        QVERIFY(first);
        QCOMPARE(first->submitS, 9 * 3600.0);
        QCOMPARE(first->runS, 3600.0);
        QCOMPARE(first->requestedS, 120 * 60.0);
        QCOMPARE(first->slots, 4);
        QCOMPARE(first->tenant, std::string("vision"));
        QCOMPARE(first->name, std::string("train-a"));
        QCOMPARE(first->constraints->rack, std::string("gpu"));
        // FAILED with a typed gres in AllocTRES.
        QCOMPARE(findJob(jobs, 101)->slots, 2);
        QCOMPARE(findJob(jobs, 101)->runS, 1800.0);
        // TIMEOUT, OUT_OF_MEMORY (UNLIMITED: no request), NODE_FAIL, CANCELLED after start,
        // PREEMPTED (Partition_Limit) and DEADLINE after start all ran.
        QCOMPARE(findJob(jobs, 102)->slots, 8);
        QCOMPARE(findJob(jobs, 102)->runS, 7200.0);
        QCOMPARE(findJob(jobs, 103)->requestedS, 0.0);
        QCOMPARE(findJob(jobs, 104)->runS, 600.0);
        QCOMPARE(findJob(jobs, 105)->runS, 900.0);
        QCOMPARE(findJob(jobs, 110)->requestedS, 0.0);
        QCOMPARE(findJob(jobs, 110)->constraints->rack, std::string("debug"));
        QCOMPARE(findJob(jobs, 113)->runS, 600.0);
        // Array tasks are jobs. Their JobIDRaws (46, 47, and the last task's 45, the array's
        // own) go to the tasks in task order, the order Slurm starts them in.
        QCOMPARE(findJob(jobs, 45)->runS, 600.0);  // 45_1
        QCOMPARE(findJob(jobs, 46)->runS, 1200.0); // 45_2
        QCOMPARE(findJob(jobs, 47)->runS, 300.0);  // 45_3
        QCOMPARE(findJob(jobs, 45)->submitS, 12 * 3600.0);
        // A partition the cluster does not have is no constraint.
        QVERIFY(findJob(jobs, 125)->constraints->empty());
        QCOMPARE(findJob(jobs, 125)->submitS, 86400.0 + 3600.0);
        for (JobId skipped : {106, 107, 108, 109, 111, 112, 114, 121, 122, 123, 124})
            QVERIFY2(!findJob(jobs, skipped), qPrintable(QString::number(skipped)));
    }

    // --slots cpu counts NCPUS, so the CPU-only job is a job too.
    void sacctCpuSlots()
    {
        const ImportResult result =
                readSacct(dataFile("sacct-22.05.txt"), ImportSlots::Cpu, Cluster{});
        QCOMPARE(result.summary.jobsImported, 13LL);
        QCOMPARE(findJob(*result.jobs, 114)->slots, 32);
        QCOMPARE(findJob(*result.jobs, 102)->slots, 32);
        QVERIFY(findJob(*result.jobs, 100)->constraints->empty());
    }

    // A Reason column tells a dependency that can never be met from an ordinary wait; the
    // partition may also name a zone of the cluster; ReqTRES counts when AllocTRES is empty.
    void sacctDependencyZoneAndReqTres()
    {
        const std::string text =
                std::string("JobID|Submit|Start|End|State|Partition|Reason|AllocTRES|ReqTRES\n") +
                "1|2024-01-01T10:00:00|2024-01-01T10:00:00|2024-01-01T10:00:00|CANCELLED by 0|"
                "p|DependencyNeverSatisfied||gres/gpu=1\n"
                "2|2024-01-01T10:00:00|Unknown|Unknown|PENDING|p|Dependency||gres/gpu=1\n"
                "3|2024-01-01T10:00:00|Unknown|Unknown|PENDING|p|Priority||gres/gpu=1\n"
                "4|2024-01-01T10:00:00|2024-01-01T10:00:01|2024-01-01T10:01:01|COMPLETED|hall|"
                "None|cpu=1|gres/gpu:h100=3\n";
        Cluster cluster;
        cluster.zones.push_back(Zone{"hall", {}});
        const ImportResult result = parseSacct(text, "s.txt", ImportSlots::Gpu, cluster);
        QCOMPARE(result.summary.jobsSkipped,
                 (Counts{{"dependency never satisfied", 2}, {"pending at capture", 1}}));
        QCOMPARE(result.jobs->size(), std::size_t(1));
        QCOMPARE(result.jobs->front().slots, 3);
        QCOMPARE(result.jobs->front().constraints->zone, std::string("hall"));
        QCOMPARE(result.jobs->front().submitS, 36000.0);
    }

    // Jobs submitted in the same second start in Slurm's order, array id then task index:
    // that second's ids are handed out again in that order. Other seconds keep JobIDRaw.
    void sacctSameSecondInSlurmOrder_data()
    {
        QTest::addColumn<QString>("rows"); // JobID|JobIDRaw|Submit second, one per job
        QTest::addColumn<QString>("ids");  // each row's id after the import, in row order
        QTest::addColumn<long long>("renumbered");
        // The last task holds the array's own id; the tasks started before it got later ids.
        QTest::newRow("one array") << "7_0|8|0 7_1|9|0 7_2|7|0"
                                   << "7 8 9" << 3LL;
        // A plain job submitted after the array in the same second, before its tasks started,
        // starts after all of them in Slurm (array id 7 < 8).
        QTest::newRow("array then a job") << "7_0|9|0 7_1|10|0 7_2|7|0 8|8|0"
                                          << "7 8 9 10" << 4LL;
        // Two arrays in one second: every task of the first before any of the second.
        QTest::newRow("two arrays") << "7_0|9|0 7_1|7|0 8_0|10|0 8_1|8|0"
                                    << "7 8 9 10" << 4LL;
        // A job submitted before the array keeps its lower id.
        QTest::newRow("a job then an array") << "7_0|9|0 6|6|0 7_1|7|0"
                                             << "7 6 9" << 2LL;
        // Different seconds order by submit time whatever the ids.
        QTest::newRow("other seconds") << "7_0|9|1 7_1|7|2 8|8|0"
                                       << "9 7 8" << 0LL;
        // Plain jobs in one second are already in Slurm's order (ids follow submission).
        QTest::newRow("plain jobs") << "12|12|0 11|11|0 13|13|0"
                                    << "12 11 13" << 0LL;
    }

    void sacctSameSecondInSlurmOrder()
    {
        QFETCH(QString, rows);
        QFETCH(QString, ids);
        QFETCH(long long, renumbered);
        std::string text = "JobID|JobIDRaw|Submit|Start|End|State|AllocTRES\n";
        for (const QString &row : rows.split(' ')) {
            const QStringList parts = row.split('|');
            const std::string submit = QString("2024-01-01T10:00:%1")
                                               .arg(parts[2].toInt(), 2, 10, QChar('0'))
                                               .toStdString();
            text += parts[0].toStdString() + "|" + parts[1].toStdString() + "|" + submit +
                    "|2024-01-01T11:00:00|2024-01-01T11:10:00|COMPLETED|gres/gpu=1\n";
        }
        const ImportResult result = parseSacct(text, "s.txt", ImportSlots::Gpu, Cluster{});
        QStringList got;
        for (const Job &job : *result.jobs)
            got << QString::number(job.id);
        QCOMPARE(got.join(' '), ids);
        const std::vector<std::string> &notes = result.summary.notes;
        QCOMPARE(notes.size(), std::size_t(renumbered > 0 ? 1 : 0));
        if (renumbered > 0)
            QVERIFY2(notes.front().starts_with(std::to_string(renumbered) + " jobs submitted"),
                     notes.front().c_str());
    }

    // Accounting without GPU TRES: every job looks CPU-only, and the summary says why.
    void sacctWithoutGpuTres()
    {
        const std::string text = "JobID|Submit|Start|End|State|AllocTRES\n"
                                 "1|2024-01-01T10:00:00|2024-01-01T10:00:01|2024-01-01T10:01:01|"
                                 "COMPLETED|billing=4,cpu=4,mem=1G,node=1\n";
        const ImportResult result = parseSacct(text, "s.txt", ImportSlots::Gpu, Cluster{});
        QCOMPARE(result.summary.jobsSkipped, (Counts{{"no GPUs allocated (CPU-only job)", 1}}));
        QCOMPARE(result.summary.notes.size(), std::size_t(1));
        QVERIFY(result.summary.notes.front().find("AccountingStorageTRES") != std::string::npos);
    }

    void sacctErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString header = kSacctHeader;
        const QString ok = "|train|a|gpu|2024-03-04T09:00:00|2024-03-04T09:00:05|"
                           "2024-03-04T10:00:05|60|COMPLETED|8|gres/gpu=2|\n";
        QTest::newRow("empty") << ""
                               << "s.txt: empty file: expected sacct -P output with its "
                                  "header";
        QTest::newRow("no header")
                << "1|1|train|a|gpu|2024-03-04T09:00:00|...\n"
                << "s.txt:1: no header line with JobID: expected sacct -P output with its "
                   "header (without -n/--noheader)";
        QTest::newRow("missing column")
                << "JobID|Submit|Start|End|AllocTRES\n"
                << "s.txt:1: missing column \"State\" (the header has: JobID, Submit, Start, "
                   "End, AllocTRES)";
        QTest::newRow("no TRES") << "JobID|Submit|Start|End|State\n"
                                 << "s.txt:1: missing column \"AllocTRES\" (the header has: "
                                    "JobID, Submit, Start, End, State)";
        QTest::newRow("width") << header + "1|1|train\n"
                               << "s.txt:2: expected 13 fields as in the header, found 3";
        QTest::newRow("state") << header + "1|1|train|a|gpu|2024-03-04T09:00:00|x|x|60|"
                                           "LOST|8|gres/gpu=2|\n"
                               << "s.txt:2: field State: unknown job state \"LOST\"";
        QTest::newRow("start") << header + "1|1|t|a|gpu|2024-03-04T09:00:00|yesterday|"
                                           "2024-03-04T10:00:05|60|COMPLETED|8|gres/gpu=2|\n"
                               << "s.txt:2: field Start: not a time: \"yesterday\" (expected a "
                                  "time such as 2024-03-05T14:22:01, Unknown or None)";
        QTest::newRow("no end") << header + "1|1|t|a|gpu|2024-03-04T09:00:00|"
                                            "2024-03-04T09:00:05|Unknown|60|COMPLETED|8|"
                                            "gres/gpu=2|\n"
                                << "s.txt:2: field End: missing time \"Unknown\" for a job that "
                                   "ran";
        QTest::newRow("no date") << header + "1|1|t|a|gpu|2023-02-29T09:00:00|"
                                             "2024-03-04T09:00:05|2024-03-04T10:00:05|60|"
                                             "COMPLETED|8|gres/gpu=2|\n"
                                 << "s.txt:2: field Submit: not a time: \"2023-02-29T09:00:00\" "
                                    "(expected a time such as 2024-03-05T14:22:01, Unknown or "
                                    "None)";
        QTest::newRow("end first") << header + "1|1|t|a|gpu|2024-03-04T09:00:00|"
                                               "2024-03-04T11:00:05|2024-03-04T10:00:05|60|"
                                               "COMPLETED|8|gres/gpu=2|\n"
                                   << "s.txt:2: field End: ends before its Start "
                                      "(2024-03-04T11:00:05)";
        QTest::newRow("gres") << header + "1|1|t|a|gpu|2024-03-04T09:00:00|2024-03-04T09:00:05|"
                                          "2024-03-04T10:00:05|60|COMPLETED|8|gres/gpu=two|\n"
                              << "s.txt:2: field AllocTRES: gres/gpu: expected a GPU count from "
                                 "0 to 16777216, found \"two\"";
        QTest::newRow("limit") << header + "1|1|t|a|gpu|2024-03-04T09:00:00|2024-03-04T09:00:05|"
                                           "2024-03-04T10:00:05|1:00:00|COMPLETED|8|"
                                           "gres/gpu=2|\n"
                               << "s.txt:2: field TimelimitRaw: expected minutes, UNLIMITED or "
                                  "Partition_Limit, found \"1:00:00\"";
        QTest::newRow("id") << header + "1|x" + ok
                            << "s.txt:2: field JobIDRaw: not a job id: \"x\"";
        QTest::newRow("duplicate") << header + "7|7" + ok + "7_1|7" + ok
                                   << "s.txt:3: field JobIDRaw: duplicate job id 7 (also on "
                                      "line 2)";
        QTest::newRow("array without JobIDRaw")
                << "JobID|Submit|Start|End|State|AllocTRES\n"
                   "45_1|2024-03-04T09:00:00|2024-03-04T09:00:05|2024-03-04T10:00:05|COMPLETED|"
                   "gres/gpu=1\n"
                << "s.txt:2: field JobID: not a plain job id: \"45_1\" (array and heterogeneous "
                   "jobs need the JobIDRaw column)";
    }

    void sacctErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QCOMPARE(errorOf([&] {
                     parseSacct(text.toStdString(), "s.txt", ImportSlots::Gpu, Cluster{});
                 }),
                 message);
    }

    // The imported jobs on the imported cluster make a scenario that simulates, and every
    // job that ran in Slurm runs (none is rejected).
    void slurmScenarioSimulates()
    {
        SlurmImportOptions options;
        options.sacctPath = dataFile("sacct-22.05.txt");
        options.nodesPath = dataFile("scontrol-nodes.txt");
        ImportResult result = importSlurm(options, Cluster{});
        QCOMPARE(result.summary.nodesCreated, 4);
        QCOMPARE(result.summary.jobsImported, 12LL);
        const Scenario scenario = applyImport(std::move(result), nullptr, "sacct", "sacct");
        QCOMPARE(scenario.jobs.size(), std::size_t(12));
        const RunResult run = test::runScenario(scenario);
        QCOMPARE(run.metrics.jobsCompleted, 12LL);
        QCOMPARE(run.metrics.jobsRejected, 0LL);
    }

    // --- Progress and cancel --------------------------------------------------------------

    // The readers of big inputs report how far they are through their text (the GUI's
    // progress bar) and stop within a step once cancelled, making nothing.
    void readersReportProgressAndStop_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *format : {"sacct", "csv", "openb", "swf"})
            QTest::newRow(format) << format;
    }

    void readersReportProgressAndStop()
    {
        QFETCH(QString, format);
        // About 4 MiB of rows, a few steps of the reporting.
        const int rows = 60000;
        std::string text;
        if (format == "sacct") {
            text = kSacctHeader;
            for (int i = 1; i <= rows; ++i)
                text += std::to_string(i) + "|" + std::to_string(i) +
                        "|job|acct|gpu|2024-01-01T10:00:00|2024-01-01T10:00:01|"
                        "2024-01-01T10:10:01|10|COMPLETED|8|gres/gpu=1|gres/gpu=1\n";
        } else if (format == "csv" || format == "openb") {
            text = format == "csv" ? "id,submit,run,gpus,padding\n"
                                   : "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,"
                                     "pod_phase,creation_time,deletion_time,scheduled_time\n";
            for (int i = 1; i <= rows; ++i)
                text += format == "csv" ? std::to_string(i) + "," + std::to_string(1000 + i) +
                                                  ",600,1,padding-padding-padding-padding-padding\n"
                                        : "pod-" + std::to_string(i) +
                                                  ",1000,1024,1,1000,,LS,Succeeded,100,700,100\n";
        } else {
            text = "; MaxNodes: 8\n";
            for (int i = 1; i <= rows; ++i)
                text += std::to_string(i) + " " + std::to_string(i) +
                        " 0 600 1 -1 -1 1 700 -1 1 3 -1 -1 -1 -1 -1 -1\n";
        }
        QTemporaryDir dir;
        const std::string path = dir.filePath("input").toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            out << text;
        }
        const std::string nodes = "sn,cpu_milli,memory_mib,gpu,model\nn1,96000,786432,8,V100\n";
        const auto read = [&](ReadProgress &progress) -> std::size_t {
            if (format == "sacct")
                return parseSacct(text, "s.txt", ImportSlots::Gpu, Cluster{}, &progress)
                        .jobs->size();
            if (format == "csv") {
                CsvJobColumns columns;
                columns.submit = "submit";
                columns.run = "run";
                columns.slots = "gpus";
                columns.id = "id";
                return parseJobsCsv(text, "j.csv", columns, CsvTimeFormat::Epoch, &progress)
                        .jobs->size();
            }
            if (format == "openb")
                return parseOpenb(nodes, "n.csv", text, "p.csv", ImportSlots::Gpu, &progress)
                        .jobs->size();
            return readSwf(path, {}, &progress).scenario.jobs.size();
        };
        QVERIFY(text.size() > 3 * ProgressTicker::kStep);
        const std::uint64_t total = text.size() + (format == "openb" ? nodes.size() : 0);

        ReadProgress progress;
        QCOMPARE(read(progress), std::size_t(rows));
        QCOMPARE(progress.total(), total);
        QCOMPARE(progress.done(), total);

        ReadProgress cancelled;
        cancelled.cancel();
        bool stopped = false;
        try {
            read(cancelled);
        } catch (const ReadCancelled &) {
            stopped = true;
        }
        QVERIFY(stopped);
        QVERIFY(cancelled.done() > 0);
        QVERIFY(cancelled.done() < total);
    }

    // --- Kubernetes ----------------------------------------------------------------------

    void kubernetesQuantities_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << "96" << 96.0;
        QTest::newRow("milli") << "95500m" << 95.5;
        QTest::newRow("Gi") << "1056Gi" << 1056.0 * 1073741824.0;
        QTest::newRow("Ki") << "1081344Ki" << 1081344.0 * 1024.0;
        QTest::newRow("Mi") << "2113536Mi" << 2113536.0 * 1048576.0;
        QTest::newRow("Ti") << "2Ti" << 2.0 * 1099511627776.0;
        QTest::newRow("Pi") << "1Pi" << 1125899906842624.0;
        QTest::newRow("Ei") << "1Ei" << 1152921504606846976.0;
        QTest::newRow("exponent") << "1e3" << 1000.0;
        QTest::newRow("Exponent") << "2E2" << 200.0;
        QTest::newRow("negative exponent") << "5e-1" << 0.5;
        QTest::newRow("k") << "1k" << 1000.0;
        QTest::newRow("M") << "1M" << 1e6;
        QTest::newRow("G") << "3G" << 3e9;
        QTest::newRow("T") << "1T" << 1e12;
        QTest::newRow("P") << "1P" << 1e15;
        QTest::newRow("E") << "1E" << 1e18;
        QTest::newRow("n") << "500n" << 500e-9;
        QTest::newRow("u") << "250u" << 250e-6;
        QTest::newRow("fraction") << "1.5Gi" << 1.5 * 1073741824.0;
        QTest::newRow("leading point") << ".5" << 0.5;
        QTest::newRow("plus") << "+8" << 8.0;
    }

    void kubernetesQuantities()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        const std::optional<double> parsed = parseKubernetesQuantity(text.toStdString());
        QVERIFY(parsed);
        QCOMPARE(*parsed, value);
    }

    void kubernetesBadQuantities()
    {
        for (const char *text :
             {"", "Gi", "1Gb", "1 Gi", "1e", "e3", "1.2.3", "0x10", "1KiB", "nan", "1e400"})
            QVERIFY2(!parseKubernetesQuantity(text), text);
    }

    void kubernetesNodes()
    {
        const ImportResult result =
                readKubernetesNodes(dataFile("kubectl-nodes.json"), ImportSlots::Gpu);
        QVERIFY(!result.jobs);
        QCOMPARE(result.summary.nodesCreated, 5);
        QCOMPARE(result.summary.nodeTypesCreated, 4);
        QCOMPARE(result.summary.nodesSkipped,
                 (Counts{{"no GPUs (import with --slots cpu for CPU nodes)", 1}}));
        const NodeType *h100 = findType(result.nodeTypes, "NVIDIA-H100-80GB-HBM3");
        QVERIFY(h100);
        QCOMPARE(h100->accelerators, 8);
        QCOMPARE(h100->cpuCores, 192);
        QCOMPARE(h100->memoryGb, 2064.0);
        // No product label: the instance type names it; AMD GPUs count.
        const NodeType *mi300 = findType(result.nodeTypes, "mi300x-8");
        QVERIFY(mi300);
        QCOMPARE(mi300->accelerators, 8);
        QCOMPARE(mi300->cpuCores, 95);
        QCOMPARE(mi300->memoryGb, 1081344.0 / 1024.0 / 1024.0);
        const NodeType *l4 = findType(result.nodeTypes, "NVIDIA-L4");
        QVERIFY(l4);
        QCOMPARE(l4->accelerators, 1);
        QCOMPARE(l4->cpuCores, 1000);
        QCOMPARE(l4->memoryGb, 1056.0);
        // The same label on other hardware is another type.
        const NodeType *l4b = findType(result.nodeTypes, "NVIDIA-L4-2");
        QVERIFY(l4b);
        QCOMPARE(l4b->accelerators, 4);
        QCOMPARE(l4b->cpuCores, 1000);
        QCOMPARE(l4b->memoryGb, 1e6 / 1073741824.0);

        const Cluster &cluster = *result.cluster;
        QCOMPARE(cluster.zones.size(), std::size_t(3));
        QCOMPARE(cluster.zones[0].name, std::string("us-east-1a"));
        QCOMPARE(cluster.zones[0].racks.front().nodes.size(), std::size_t(3));
        QCOMPARE(cluster.zones[1].name, std::string("us-east-1b"));
        QCOMPARE(cluster.zones[2].name, std::string("default"));
        QCOMPARE(cluster.findNode("h100-b")->type, std::string("NVIDIA-H100-80GB-HBM3"));

        const ImportResult cpu =
                readKubernetesNodes(dataFile("kubectl-nodes.json"), ImportSlots::Cpu);
        QCOMPARE(cpu.summary.nodesCreated, 6);
        // Without an instance type: the L4 nodes (other hardware each) come first.
        QCOMPARE(cpu.cluster->findNode("l4-a")->type, std::string("cpu-node"));
        QCOMPARE(cpu.cluster->findNode("cpu-a")->type, std::string("cpu-node-3"));
        QCOMPARE(cpu.cluster->findNode("h100-a")->type, std::string("p5.48xlarge"));
    }

    void kubernetesErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << "{\"items\": [}"
                                << "k.json:1: invalid JSON at column 12: "
                                   "syntax error while parsing value - "
                                   "unexpected '}'; expected '[', '{', or a "
                                   "literal";
        QTest::newRow("no items") << "{\"kind\": \"List\"}"
                                  << "k.json:1: field items: missing field \"items\" (expected "
                                     "kubectl get nodes -o json)";
        QTest::newRow("quantity")
                << "{\"items\": [\n{\"metadata\": {\"name\": \"a\"},\n \"status\": "
                   "{\"capacity\": {\"cpu\": \"96\",\n \"memory\": \"1056GB\"}}}]}"
                << "k.json:4: field items[0].status.capacity.memory: not a Kubernetes quantity: "
                   "\"1056GB\" (expected e.g. 96, 95500m, 1056Gi, 1e3)";
        QTest::newRow("no cpu") << "{\"items\": [{\"metadata\": {\"name\": \"a\"}, \"status\": "
                                   "{\"capacity\": {\"memory\": \"1Gi\"}}}]}"
                                << "k.json:1: field items[0].status.capacity.cpu: missing "
                                   "capacity \"cpu\"";
        QTest::newRow("fractional GPU")
                << "{\"items\": [{\"metadata\": {\"name\": \"a\"}, \"status\": {\"capacity\": "
                   "{\"cpu\": \"1\", \"memory\": \"1Gi\", \"nvidia.com/gpu\": \"500m\"}}}]}"
                << "k.json:1: field items[0].status.capacity.nvidia.com/gpu: expected a whole "
                   "number of GPUs up to 16777216";
        QTest::newRow("duplicate")
                << "{\"items\": [{\"metadata\": {\"name\": \"a\"}, \"status\": {\"capacity\": "
                   "{\"cpu\": \"1\", \"memory\": \"1Gi\"}}},\n{\"metadata\": {\"name\": \"a\"}, "
                   "\"status\": {\"capacity\": {\"cpu\": \"1\", \"memory\": \"1Gi\"}}}]}"
                << "k.json:2: field items[1].metadata.name: duplicate node \"a\"";
        QTest::newRow("label type") << "{\"items\": [{\"metadata\": {\"name\": \"a\", "
                                       "\"labels\": {\"topology.kubernetes.io/zone\": 3}}, "
                                       "\"status\": {\"capacity\": {\"cpu\": \"1\", \"memory\": "
                                       "\"1Gi\", \"nvidia.com/gpu\": 1}}}]}"
                                    << "k.json:1: field "
                                       "items[0].metadata.labels.topology.kubernetes.io/zone: "
                                       "expected a string, found number 3";
    }

    void kubernetesErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QCOMPARE(errorOf([&] {
                     parseKubernetesNodes(text.toStdString(), "k.json", ImportSlots::Gpu);
                 }),
                 message);
    }

    // --- Alibaba openb -------------------------------------------------------------------

    void openb()
    {
        const ImportResult result = readOpenb(dataFile("openb-nodes.csv"),
                                              dataFile("openb-pods.csv"), ImportSlots::Gpu);
        const ImportSummary &summary = result.summary;
        QCOMPARE(summary.nodesCreated, 4);
        QCOMPARE(summary.nodeTypesCreated, 3);
        QCOMPARE(summary.nodesSkipped,
                 (Counts{{"no GPUs (import with --slots cpu for CPU nodes)", 1}}));
        QCOMPARE(summary.jobRecords, 10LL);
        QCOMPARE(summary.jobsImported, 5LL);
        QCOMPARE(summary.jobsSkipped,
                 (Counts{{"CPU-only pod (import with --slots cpu to keep it)", 1},
                         {"its gpu_spec names no GPU model of the node list", 1},
                         {"never scheduled", 1},
                         {"ran for 0 s", 1},
                         {"still running at capture (no deletion_time)", 1}}));
        QCOMPARE(summary.sharedGpuPods, 3LL);
        QCOMPARE(summary.notes.size(), std::size_t(2));

        const Cluster &cluster = *result.cluster;
        QCOMPARE(cluster.zones.size(), std::size_t(3));
        QCOMPARE(cluster.findZone("V100M32")->racks.front().nodes.size(), std::size_t(2));
        const NodeType *v100 = findType(result.nodeTypes, "V100M32-8gpu");
        QVERIFY(v100);
        QCOMPARE(v100->cpuCores, 96);
        QCOMPARE(v100->memoryGb, 768.0);

        const std::vector<Job> &jobs = *result.jobs;
        // creation -> submit, deletion - scheduled -> run, qos -> tenant, row -> id.
        QCOMPARE(findJob(jobs, 1)->submitS, 100.0);
        QCOMPARE(findJob(jobs, 1)->runS, 3940.0);
        QCOMPARE(findJob(jobs, 1)->name, std::string("openb-pod-0001"));
        QCOMPARE(findJob(jobs, 1)->tenant, std::string("LS"));
        // A shared GPU takes a whole one.
        QCOMPARE(findJob(jobs, 2)->slots, 1);
        QCOMPARE(findJob(jobs, 3)->constraints->zone, std::string("T4"));
        // Several models: no constraint; of "T4|P100" only T4 exists.
        QVERIFY(findJob(jobs, 6)->constraints->empty());
        QCOMPARE(findJob(jobs, 6)->slots, 4);
        QCOMPARE(findJob(jobs, 9)->constraints->zone, std::string("T4"));
        QCOMPARE(findJob(jobs, 9)->runS, 595.0);

        const Scenario scenario = applyImport(result, nullptr, "openb", "openb");
        const RunResult run = test::runScenario(scenario);
        QCOMPARE(run.metrics.jobsCompleted, 5LL);

        // Under CPU slots the CPU-only pod and node count, and nothing shares a GPU.
        const ImportResult cpu = readOpenb(dataFile("openb-nodes.csv"), dataFile("openb-pods.csv"),
                                           ImportSlots::Cpu);
        QCOMPARE(cpu.summary.nodesCreated, 5);
        QCOMPARE(cpu.summary.jobsImported, 6LL);
        QCOMPARE(cpu.summary.sharedGpuPods, 0LL);
        QCOMPARE(findJob(*cpu.jobs, 5)->slots, 4);
        QCOMPARE(findJob(*cpu.jobs, 9)->slots, 6);
    }

    void openbErrors_data()
    {
        QTest::addColumn<QString>("nodes");
        QTest::addColumn<QString>("pods");
        QTest::addColumn<QString>("message");
        const QString nodes = "sn,cpu_milli,memory_mib,gpu,model\nn1,1000,1024,8,T4\n";
        const QString podHeader = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,"
                                  "pod_phase,creation_time,deletion_time,scheduled_time\n";
        QTest::newRow("node column") << "sn,cpu_milli,memory_mib,gpus,model\n"
                                     << podHeader
                                     << "n.csv:1: missing column \"gpu\" (the header has: sn, "
                                        "cpu_milli, memory_mib, gpus, model)";
        QTest::newRow("node gpus")
                << "sn,cpu_milli,memory_mib,gpu,model\nn1,1000,1024,2.5,T4\n"
                << podHeader << "n.csv:2: field gpu: not a whole number: \"2.5\"";
        QTest::newRow("duplicate node")
                << nodes + "n1,1000,1024,8,T4\n"
                << podHeader << "n.csv:3: field sn: duplicate node \"n1\" (also on line 2)";
        QTest::newRow("pod width") << nodes << podHeader + "p,1,1,1,1000,T4,LS\n"
                                   << "p.csv:2: expected 11 fields as in the header, found 7";
        QTest::newRow("gpu_milli") << nodes << podHeader + "p,1,1,1,1500,T4,LS,Succeeded,1,10,2\n"
                                   << "p.csv:2: field gpu_milli: out of range: \"1500\" "
                                      "(expected 0 to 1000)";
        QTest::newRow("creation") << nodes << podHeader + "p,1,1,1,1000,T4,LS,Succeeded,soon,10,2\n"
                                  << "p.csv:2: field creation_time: not a number: \"soon\"";
        QTest::newRow("deleted first")
                << nodes << podHeader + "p,1,1,1,1000,T4,LS,Succeeded,1,10,20\n"
                << "p.csv:2: field deletion_time: before scheduled_time (20)";
        QTest::newRow("open quote") << nodes << podHeader + "\"p,1,1,1,1000,T4,LS,S,1,10,2\n"
                                    << "p.csv:2: a quoted field is not closed";
    }

    void openbErrors()
    {
        QFETCH(QString, nodes);
        QFETCH(QString, pods);
        QFETCH(QString, message);
        QCOMPARE(errorOf([&] {
                     parseOpenb(nodes.toStdString(), "n.csv", pods.toStdString(), "p.csv",
                                ImportSlots::Gpu);
                 }),
                 message);
    }

    // --- CSV -----------------------------------------------------------------------------

    void csvMapping()
    {
        std::string error;
        const std::optional<CsvJobColumns> columns =
                parseCsvJobColumns("submit=Submitted,run=Elapsed,slots=GPUs,tenant=Who", error);
        QVERIFY(columns);
        QCOMPARE(columns->submit, std::string("Submitted"));
        QCOMPARE(columns->tenant, std::string("Who"));
        QVERIFY(columns->id.empty());
        const std::map<std::string, std::string> bad = {
                {"submit=a,run=b", "missing slots=COLUMN (submit, run and slots are required)"},
                {"submit=a,slots=c", "missing run=COLUMN (or start=COLUMN and end=COLUMN to run "
                                     "end - start)"},
                {"submit=a,run=b,slots=c,user=d",
                 "unknown field \"user\" (known: submit, run, slots, requested, id, name, tenant, "
                 "start, end)"},
                {"submit=a,run=b,slots=c,run=d", "field \"run\" mapped twice"},
                {"submit=a,run,slots=c", "expected FIELD=COLUMN, got \"run\""},
        };
        for (const auto &[text, message] : bad) {
            QVERIFY2(!parseCsvJobColumns(text, error), text.c_str());
            QCOMPARE(error, message);
        }
        QVERIFY(parseCsvJobColumns("submit=a,slots=c,start=d,end=e", error));
    }

    void csvEpochWithQuotes()
    {
        std::string error;
        const CsvJobColumns columns =
                *parseCsvJobColumns("submit=Submitted,run=Elapsed,slots=GPUs,requested=Limit,"
                                    "id=JobNo,tenant=Who,name=Label",
                                    error);
        const ImportResult result =
                readJobsCsv(dataFile("jobs-epoch.csv"), columns, CsvTimeFormat::Epoch);
        QCOMPARE(result.summary.jobRecords, 5LL);
        QCOMPARE(result.summary.jobsImported, 3LL);
        QCOMPARE(result.summary.jobsSkipped, (Counts{{"run time <= 0", 1}, {"slots <= 0", 1}}));
        QCOMPARE(result.summary.timeOrigin, std::string("2024-03-04T00:00:00 UTC"));
        const std::vector<Job> &jobs = *result.jobs;
        QCOMPARE(findJob(jobs, 7)->submitS, 32400.0);
        QCOMPARE(findJob(jobs, 7)->name, std::string("train, large"));
        QCOMPARE(findJob(jobs, 7)->requestedS, 7200.0);
        QCOMPARE(findJob(jobs, 8)->name, std::string("eval \"quick\""));
        QCOMPARE(findJob(jobs, 8)->requestedS, 0.0);
        QCOMPARE(findJob(jobs, 11)->name, std::string("multi\nline name"));
        QCOMPARE(findJob(jobs, 11)->submitS, 43200.0);
        QCOMPARE(findJob(jobs, 11)->slots, 16);
        QCOMPARE(findJob(jobs, 11)->tenant, std::string("vision"));
    }

    void csvIsoWithStartAndEnd()
    {
        std::string error;
        const CsvJobColumns columns = *parseCsvJobColumns(
                "submit=submit,start=start,end=end,slots=gpus,id=id,tenant=team", error);
        const ImportResult result =
                readJobsCsv(dataFile("jobs-iso.csv"), columns, CsvTimeFormat::Iso);
        QCOMPARE(result.summary.jobsImported, 3LL);
        QCOMPARE(result.summary.jobsSkipped,
                 (Counts{{"never started (empty start)", 1}, {"not ended (empty end)", 1}}));
        const std::vector<Job> &jobs = *result.jobs;
        QCOMPARE(findJob(jobs, 1)->submitS, 32400.0);
        QCOMPARE(findJob(jobs, 1)->runS, 3600.0);
        QCOMPARE(findJob(jobs, 2)->submitS, 34200.0);
        QCOMPARE(findJob(jobs, 2)->runS, 600.0);
        QCOMPARE(findJob(jobs, 5)->submitS, 86400.0 + 930.5);
    }

    void csvErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("iso");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing column")
                << "s,r\n1,2\n"
                << false << "j.csv:1: missing column \"g\" (the header has: s, r)";
        QTest::newRow("iso in epoch") << "s,r,g\n2024-03-04T09:00:00,2,1\n"
                                      << false
                                      << "j.csv:2: field s: not a time in seconds: "
                                         "\"2024-03-04T09:00:00\" (an ISO time: use "
                                         "--time-format iso)";
        QTest::newRow("bad iso") << "s,r,g\n2024-13-04T09:00:00,2,1\n"
                                 << true
                                 << "j.csv:2: field s: not an ISO time: \"2024-13-04T09:00:00\" "
                                    "(expected e.g. 2024-03-05T14:22:01)";
        QTest::newRow("negative") << "s,r,g\n-5,2,1\n"
                                  << false
                                  << "j.csv:2: field s: out of range: \"-5\" (expected 0 to "
                                     "10^12 seconds)";
        QTest::newRow("slots") << "s,r,g\n5,2,two\n"
                               << false
                               << "j.csv:2: field g: expected a whole number of slots up to "
                                  "16777216, found \"two\"";
        QTest::newRow("run") << "s,r,g\n5,\"1h\",1\n"
                             << false << "j.csv:2: field r: not a number of seconds: \"1h\"";
        QTest::newRow("width") << "s,r,g\n5,1\n"
                               << false << "j.csv:2: expected 3 fields as in the header, found 2";
        QTest::newRow("after quote")
                << "s,r,g\n5,\"1\"x,1\n"
                << false << "j.csv:2: unexpected text after a closing quote: \"x\"";
        QTest::newRow("line after a multi-line field")
                << "s,r,g\n\"5\n\",1,1\n6,1,x\n"
                << false << "j.csv:2: field s: not a time in seconds: \"5\n\"";
        QTest::newRow("duplicate header")
                << "s,r,g,s\n"
                << false << "j.csv:1: column \"s\" appears twice in the header";
    }

    void csvErrors()
    {
        QFETCH(QString, text);
        QFETCH(bool, iso);
        QFETCH(QString, message);
        CsvJobColumns columns;
        columns.submit = "s";
        columns.run = "r";
        columns.slots = "g";
        QCOMPARE(errorOf([&] {
                     parseJobsCsv(text.toStdString(), "j.csv", columns,
                                  iso ? CsvTimeFormat::Iso : CsvTimeFormat::Epoch);
                 }),
                 message);
    }

    void csvDuplicateIdAndLineNumbers()
    {
        CsvJobColumns columns;
        columns.submit = "s";
        columns.run = "r";
        columns.slots = "g";
        columns.id = "i";
        // The record after a quoted line break starts on line 4.
        QCOMPARE(errorOf([&] {
                     parseJobsCsv("i,s,r,g,n\n1,5,1,1,\"a\nb\"\n1,5,1,1,c\n", "j.csv", columns,
                                  CsvTimeFormat::Epoch);
                 }),
                 QString("j.csv:4: field i: duplicate job id 1 (also on line 2)"));
    }

    void csvPreviewReadsEachRow()
    {
        CsvJobColumns columns;
        columns.submit = "s";
        columns.run = "r";
        columns.slots = "g";
        // Unlike the import, the preview goes on after a bad row.
        const CsvPreview preview = previewJobsCsv("s,r,g\n5,10,2\n6,x,1\n7,0,1\n8,3,1\n9,3,1\n",
                                                  "j.csv", columns, CsvTimeFormat::Epoch, 4);
        QVERIFY(preview.error.empty());
        QCOMPARE(preview.header, (std::vector<std::string>{"s", "r", "g"}));
        QCOMPARE(preview.rows.size(), std::size_t(4));
        QVERIFY(preview.rows[0].job);
        QCOMPARE(preview.rows[0].job->slots, 2);
        QCOMPARE(preview.rows[0].job->runS, 10.0);
        QCOMPARE(preview.rows[0].line, 2);
        QVERIFY(!preview.rows[1].job);
        QCOMPARE(preview.rows[1].error,
                 std::string("j.csv:3: field r: not a number of seconds: \"x\""));
        QCOMPARE(preview.rows[2].skipped, std::string("run time <= 0"));
        QVERIFY(preview.rows[3].job);
        QCOMPARE(preview.rows[3].job->id, JobId(4));

        columns.slots = "gpus";
        const CsvPreview unmapped =
                previewJobsCsv("s,r,g\n5,10,2\n", "j.csv", columns, CsvTimeFormat::Epoch, 4);
        QVERIFY(QString::fromStdString(unmapped.error).contains("missing column \"gpus\""));
        QCOMPARE(unmapped.rows.size(), std::size_t(1));
        QVERIFY(!unmapped.rows[0].job);
    }

    void csvColumnGuesses()
    {
        const CsvJobColumns guessed = guessCsvJobColumns(
                {"JobID", "Submit_Time", "GPUs", "Elapsed", "Team", "Walltime", "other"});
        QCOMPARE(guessed.id, std::string("JobID"));
        QCOMPARE(guessed.submit, std::string("Submit_Time"));
        QCOMPARE(guessed.slots, std::string("GPUs"));
        QCOMPARE(guessed.run, std::string("Elapsed"));
        QCOMPARE(guessed.tenant, std::string("Team"));
        QCOMPARE(guessed.requested, std::string("Walltime"));
        QVERIFY(guessed.name.empty());
        QVERIFY(guessed.start.empty());
    }

    // --- Shared pieces -------------------------------------------------------------------

    void isoTimes()
    {
        QCOMPARE(*parseIsoTime("1970-01-01T00:00:00"), 0.0);
        QCOMPARE(*parseIsoTime("2024-03-04T09:00:00"), 1709542800.0);
        QCOMPARE(*parseIsoTime("2024-03-04 09:00"), 1709542800.0);
        QCOMPARE(*parseIsoTime("2024-03-04T09:00:00Z"), 1709542800.0);
        QCOMPARE(*parseIsoTime("2024-03-04T11:00:00+02:00"), 1709542800.0);
        QCOMPARE(*parseIsoTime("2024-03-04T04:00:00-0500"), 1709542800.0);
        QCOMPARE(*parseIsoTime("2024-03-04T09:00:00.25"), 1709542800.25);
        QCOMPARE(*parseIsoTime("2024-02-29T00:00:00"), 1709164800.0);
        for (const char *bad :
             {"", "Unknown", "2024-03-04", "2024-03-04T24:00:00", "2024-02-30T00:00:00",
              "2024-03-04T09:00:00 ", "2024-3-4T9:00", "2024-03-04T09:00:00+2"})
            QVERIFY2(!parseIsoTime(bad), bad);
        QCOMPARE(formatIsoTime(1709510400.0), std::string("2024-03-04T00:00:00"));
        QCOMPARE(formatIsoTime(-86400.0), std::string("1969-12-31T00:00:00"));
    }

    // --into keeps the scenario's cluster and policies; node types of the same name are
    // replaced, others kept; a kept job the new cluster cannot hold is named.
    void applyKeepsWhatTheImportDoesNotProvide()
    {
        Scenario into;
        into.name = "kept";
        into.policy.scheduler = SchedulerKind::Fcfs;
        NodeType old;
        old.name = "old";
        old.accelerators = 2;
        into.nodeTypes.push_back(old);
        into.cluster.zones.push_back(Zone{"z", {Rack{"r", 12.0, {NodeSpec{"n1", "old"}}}}});
        Job job;
        job.id = 1;
        job.runS = 10;
        into.jobs.push_back(job);

        ImportResult jobsOnly;
        Job imported;
        imported.id = 5;
        imported.runS = 20;
        imported.slots = 2;
        jobsOnly.jobs = std::vector<Job>{imported};
        const Scenario withJobs = applyImport(jobsOnly, &into, "ignored", "into.json");
        QCOMPARE(withJobs.name, std::string("kept"));
        QCOMPARE(withJobs.cluster, into.cluster);
        QVERIFY(withJobs.policy.scheduler == SchedulerKind::Fcfs);
        QCOMPARE(withJobs.jobs.size(), std::size_t(1));
        QCOMPARE(withJobs.jobs.front().id, JobId(5));

        ImportResult nodesOnly =
                readKubernetesNodes(dataFile("kubectl-nodes.json"), ImportSlots::Gpu);
        const Scenario withNodes = applyImport(nodesOnly, &into, "ignored", "into.json");
        QCOMPARE(withNodes.jobs, into.jobs);
        QCOMPARE(withNodes.nodeTypes.size(), std::size_t(5));
        QVERIFY(withNodes.findNodeType("old"));
        QCOMPARE(withNodes.cluster.nodeCount(), 5);

        Job pinned = job;
        JobConstraints constraints;
        constraints.rack = "r";
        pinned.constraints = constraints;
        into.jobs = {pinned};
        QCOMPARE(errorOf([&] { applyImport(nodesOnly, &into, "x", "into.json"); }),
                 QString("into.json: field jobs[0].constraints.rack: unknown rack \"r\" (after "
                         "the import)"));
    }

    void summaryText()
    {
        ImportSummary summary;
        summary.format = "jobs CSV: j.csv";
        summary.jobRecords = 5;
        summary.jobsImported = 3;
        summary.jobsSkipped = {{"run time <= 0", 1}, {"slots <= 0", 1}};
        summary.timeOrigin = "2024-03-04T00:00:00 UTC";
        QCOMPARE(headroom::summaryText(summary),
                 std::string("jobs CSV: j.csv\n"
                             "  job records read: 5\n"
                             "  jobs imported: 3\n"
                             "  jobs skipped: 2\n"
                             "    run time <= 0: 1\n"
                             "    slots <= 0: 1\n"
                             "  time 0 is 2024-03-04T00:00:00 UTC\n"));
    }
};

QTEST_GUILESS_MAIN(TestImports)
#include "test_imports.moc"
