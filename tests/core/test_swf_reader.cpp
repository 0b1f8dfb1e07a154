// Over 700 lines on purpose: one format, as 80-odd data rows (fields, header directives,
// malformed lines and their messages) over shared reader helpers.
// The Standard Workload Format reader (docs/design.md §6) and the text source under it.
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/swf_reader.h"
#include "core/io/text_source.h"
#include "core/model/validation.h"

#include <QtTest>

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>

Q_DECLARE_METATYPE(headroom::SchedulerKind)

using namespace headroom;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// One job line; the fields the reader only checks are -1 (status 1, completed).
std::string jobLine(JobId id, double submit, double run, int allocated, double requested = -1,
                    int user = -1, int requestedProcs = -1)
{
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "%lld %.10g -1 %.10g %d -1 -1 %d %.10g -1 1 %d -1 -1 -1 -1 -1 -1\n",
                  static_cast<long long>(id), submit, run, allocated, requestedProcs, requested,
                  user);
    return buffer;
}

std::optional<InputError> inputErrorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const InputError &error) {
        return error;
    }
    return std::nullopt;
}

void writeGzip(const QString &path, const std::string &text, const char *mode = "wb")
{
    gzFile file = gzopen(path.toLocal8Bit().constData(), mode);
    QVERIFY(file);
    QCOMPARE(gzwrite(file, text.data(), unsigned(text.size())), int(text.size()));
    QCOMPARE(gzclose(file), Z_OK);
}

SimTime startOf(const RunResult &result, JobId id)
{
    for (const JobOutcome &job : result.jobs) {
        if (job.id == id)
            return job.firstStart;
    }
    return -1;
}

const std::string kHeader = "; Version: 2.2\n; MaxNodes: 4\n";

} // namespace

class TestSwfReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    std::string write(const QString &name, const std::string &bytes) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path(name)));
        file.write(bytes.data(), qint64(bytes.size()));
        return path(name).toStdString();
    }

    std::string gzipBytes(const std::string &text, const char *mode = "wb") const
    {
        const QString name = path("scratch.gz");
        writeGzip(name, text, mode);
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read back %s", qPrintable(name));
        const QByteArray bytes = file.readAll();
        return std::string(bytes.constData(), std::size_t(bytes.size()));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void scenarioShape()
    {
        const std::string file = write("shape.swf", "; MaxNodes: 3\n" + jobLine(1, 0, 10, 1));
        const SwfTrace trace = readSwf(file);
        const Scenario &s = trace.scenario;
        QCOMPARE(qs(s.name), QString("shape"));
        QCOMPARE(s.nodeTypes.size(), std::size_t(1));
        QCOMPARE(qs(s.nodeTypes[0].name), QString("swf-node"));
        QCOMPARE(s.nodeTypes[0].accelerators, 1);
        QVERIFY(s.nodeTypes[0].power == PowerCurve()); // no power model
        QCOMPARE(s.nodeTypes[0].power.maxW(), 0.0);
        QCOMPARE(s.cluster.zones.size(), std::size_t(1));
        QCOMPARE(qs(s.cluster.zones[0].name), QString("swf"));
        QCOMPARE(s.cluster.zones[0].racks.size(), std::size_t(1));
        const Rack &rack = s.cluster.zones[0].racks[0];
        QCOMPARE(qs(rack.name), QString("swf"));
        QVERIFY(!rack.powerBudgetKw);
        QCOMPARE(rack.nodes.size(), std::size_t(3));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(qs(rack.nodes[std::size_t(i)].name), QString("n%1").arg(i));
            QCOMPARE(qs(rack.nodes[std::size_t(i)].type), QString("swf-node"));
        }
        QVERIFY(s.policy.placement == PlacementKind::FirstFit);
        QVERIFY(s.policy.scheduler == Policy().scheduler);
        QVERIFY(validateScenario(s).empty());
        QCOMPARE(trace.jobLines, 1LL);
        QCOMPARE(trace.skipped, 0LL);
    }

    void scenarioName_data()
    {
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "trace.swf"
                               << "trace";
        QTest::newRow("gzip") << "/data/SDSC-SP2-1998-4.2-cln.swf.gz"
                              << "SDSC-SP2-1998-4.2-cln";
        QTest::newRow("no extension") << "dir/log"
                                      << "log";
        QTest::newRow("other extension") << "log.txt.gz"
                                         << "log.txt";
    }
    void scenarioName()
    {
        QFETCH(QString, displayName);
        QFETCH(QString, expected);
        const SwfTrace trace = parseSwf(kHeader, displayName.toStdString());
        QCOMPARE(qs(trace.scenario.name), expected);
    }

    void nodeCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("nodesOption"); // 0: none
        QTest::addColumn<int>("expected");
        const QString job = QString::fromStdString(jobLine(1, 0, 10, 1));
        QTest::newRow("MaxNodes") << "; MaxNodes: 338\n" + job << 0 << 338;
        QTest::newRow("MaxProcs only") << "; MaxProcs: 128\n" + job << 0 << 128;
        QTest::newRow("MaxNodes before MaxProcs") << "; MaxProcs: 512\n; MaxNodes: 64\n" << 0 << 64;
        QTest::newRow("leading integer") << "; MaxNodes: 338 (batch partition)\n" << 0 << 338;
        QTest::newRow("extra spaces") << ";   MaxNodes  :   12   \n" << 0 << 12;
        QTest::newRow("tab, no spaces") << "\t;MaxNodes:7\n" << 0 << 7;
        QTest::newRow("other headers") << "; Computer: IBM SP2\n; MaxJobs: 100\n"
                                          "; MaxRecords: 100\n; Note: MaxNodes: 5\n"
                                          "; MaxProcs: 16\n"
                                       << 0 << 16;
        QTest::newRow("keys are case-sensitive") << "; maxnodes: 5\n; MaxProcs: 9\n" << 0 << 9;
        QTest::newRow("first MaxNodes counts") << "; MaxNodes: 8\n; MaxNodes: 9\n" << 0 << 8;
        QTest::newRow("after the first job: a comment")
                << "; MaxNodes: 4\n" + job + "; MaxNodes: 99\n"
                << 0 << 4;
        QTest::newRow("override") << "; MaxNodes: 338\n" + job << 10 << 10;
        QTest::newRow("override, no header") << job << 3 << 3;
        QTest::newRow("override, unusable header") << "; MaxNodes: many\n" << 4 << 4;
    }
    void nodeCount()
    {
        QFETCH(QString, text);
        QFETCH(int, nodesOption);
        QFETCH(int, expected);
        SwfOptions options;
        if (nodesOption > 0)
            options.nodes = nodesOption;
        const SwfTrace trace = parseSwf(text.toStdString(), "t.swf", options);
        QCOMPARE(trace.scenario.cluster.nodeCount(), expected);
        const auto &nodes = trace.scenario.cluster.zones.at(0).racks.at(0).nodes;
        QCOMPARE(qs(nodes.back().name), QString("n%1").arg(expected - 1));
    }

    void nodeCountErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("nodesOption");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        const QString job = QString::fromStdString(jobLine(1, 0, 10, 1));
        QTest::newRow("no header") << "; Computer: x\n" + job << 0 << 0
                                   << "no MaxNodes or MaxProcs header; pass --nodes N";
        QTest::newRow("empty file")
                << "" << 0 << 0 << "no MaxNodes or MaxProcs header; pass --nodes N";
        QTest::newRow("header too late")
                << job + "; MaxNodes: 4\n"
                << 0 << 0 << "no MaxNodes or MaxProcs header; pass --nodes N";
        QTest::newRow("not a number")
                << "; Version: 2\n; MaxNodes: many\n"
                << 0 << 2
                << "MaxNodes header: expected a number of nodes, found \"many\"; pass --nodes N";
        QTest::newRow("zero") << "; MaxProcs: 0\n"
                              << 0 << 1
                              << "MaxProcs header: 0 is out of range (1 to 1048576); pass "
                                 "--nodes N";
        QTest::newRow("negative") << "; MaxNodes: -1 (unknown)\n"
                                  << 0 << 1
                                  << "MaxNodes header: -1 is out of range (1 to 1048576); pass "
                                     "--nodes N";
        QTest::newRow("huge") << "; MaxNodes: 99999999999999999999\n"
                              << 0 << 1
                              << "MaxNodes header: 99999999999999999999 is out of range (1 to "
                                 "1048576); pass --nodes N";
        // A 63-byte trace once built 16.7 million nodes (97 s, 4.4 GB) before its first job.
        QTest::newRow("more nodes than a trace may have")
                << "; MaxNodes: 16777216\n"
                << 0 << 1
                << "MaxNodes header: 16777216 is out of range (1 to 1048576); pass --nodes N";
        QTest::newRow("override too large")
                << "; MaxNodes: 4\n"
                << 1048577 << 0 << "--nodes must be between 1 and 1048576 (is 1048577)";
        QTest::newRow("override negative")
                << "; MaxNodes: 4\n"
                << -1 << 0 << "--nodes must be between 1 and 1048576 (is -1)";
    }
    void nodeCountErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, nodesOption);
        QFETCH(int, line);
        QFETCH(QString, message);
        SwfOptions options;
        if (nodesOption != 0)
            options.nodes = nodesOption;
        const auto error = inputErrorOf([&] { parseSwf(text.toStdString(), "t.swf", options); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), QString("t.swf"));
        QCOMPARE(error->line(), line);
        QCOMPARE(qs(error->field()), QString());
        QCOMPARE(qs(error->message()), message);
    }

    // Fuzzing (docs/architecture.md, "Fuzzing the readers"): a field of megabytes is echoed
    // cut to 40 bytes, so the message stays one readable line.
    void longFieldIsCut()
    {
        const std::string junk = std::string(std::size_t(8) << 20, 'x');
        const std::string text =
                kHeader + "1 0 0 10 1 -1 -1 1 " + junk + " -1 1 1 1 -1 1 -1 -1 -1\n";
        const auto error = inputErrorOf([&] { parseSwf(text, "t.swf"); });
        QVERIFY(error);
        QCOMPARE(error->line(), 3);
        QCOMPARE(qs(error->message()), "not a number: \"" + qs(junk.substr(0, 40)) + "...\"");
    }

    void jobFields()
    {
        const std::string text = kHeader + jobLine(7, 0, 100, 2, 3600, 12, 4) +
                                 "8 10.5 0 4.50 1 4.50 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1\n";
        const SwfTrace trace = parseSwf(text, "t.swf");
        const auto &jobs = trace.scenario.jobs;
        QCOMPARE(jobs.size(), std::size_t(2));
        QCOMPARE(jobs[0].id, JobId(7));
        QCOMPARE(jobs[0].submitS, 0.0);
        QCOMPARE(jobs[0].runS, 100.0);
        QCOMPARE(jobs[0].slots, 2); // field 5, not the requested 4
        QCOMPARE(jobs[0].requestedS, 3600.0);
        QCOMPARE(qs(jobs[0].tenant), QString("u12"));
        QVERIFY(jobs[0].name.empty());
        QCOMPARE(jobs[0].priority, 0);
        QVERIFY(jobs[0].constraints->empty());
        QCOMPARE(jobs[1].id, JobId(8));
        QCOMPARE(jobs[1].submitS, 10.5); // decimals are allowed in time fields
        QCOMPARE(jobs[1].runS, 4.5);
        QVERIFY(jobs[1].tenant.empty()); // user -1: unknown
    }

    void numberForms_data()
    {
        QTest::addColumn<QString>("submit");
        QTest::addColumn<QString>("allocated");
        QTest::addColumn<double>("submitS");
        QTest::addColumn<int>("expectedSlots");
        QTest::newRow("integers") << "12"
                                  << "3" << 12.0 << 3;
        QTest::newRow("decimal") << "4.50"
                                 << "3.0" << 4.5 << 3;
        QTest::newRow("exponent") << "1e3"
                                  << "2E1" << 1000.0 << 20;
        QTest::newRow("signs and zeros") << "+0012"
                                         << "+007" << 12.0 << 7;
        QTest::newRow("negative zero") << "-0"
                                       << "1" << 0.0 << 1;
        QTest::newRow("bare fraction") << ".5"
                                       << "5." << 0.5 << 5;
    }
    void numberForms()
    {
        QFETCH(QString, submit);
        QFETCH(QString, allocated);
        QFETCH(double, submitS);
        QFETCH(int, expectedSlots);
        const QString line = QString("1 %1 -1 10 %2 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1\n")
                                     .arg(submit, allocated);
        const SwfTrace trace = parseSwf(kHeader + line.toStdString(), "t.swf");
        QCOMPARE(trace.scenario.jobs.size(), std::size_t(1));
        QCOMPARE(trace.scenario.jobs[0].submitS, submitS);
        QCOMPARE(trace.scenario.jobs[0].slots, expectedSlots);
    }

    void slotCount_data()
    {
        QTest::addColumn<int>("allocated");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("expected"); // 0: skipped
        QTest::newRow("allocated") << 2 << 6 << 2;
        QTest::newRow("allocated -1: requested") << -1 << 6 << 6;
        QTest::newRow("allocated 0: skipped, no fallback") << 0 << 6 << 0;
        QTest::newRow("allocated -2: skipped, no fallback") << -2 << 6 << 0;
        QTest::newRow("both -1: skipped") << -1 << -1 << 0;
        QTest::newRow("requested 0: skipped") << -1 << 0 << 0;
    }
    void slotCount()
    {
        QFETCH(int, allocated);
        QFETCH(int, requested);
        QFETCH(int, expected);
        const SwfTrace trace =
                parseSwf(kHeader + jobLine(1, 0, 10, allocated, -1, -1, requested), "t.swf");
        QCOMPARE(trace.jobLines, 1LL);
        QCOMPARE(trace.skipped, expected > 0 ? 0LL : 1LL);
        QCOMPARE(trace.scenario.jobs.size(), std::size_t(expected > 0 ? 1 : 0));
        if (expected > 0)
            QCOMPARE(trace.scenario.jobs[0].slots, expected);
    }

    // -1 is kept as "not given"; the engine then takes the run time (docs/design.md §3).
    void requestedTimeMissing()
    {
        const SwfTrace trace = parseSwf(kHeader + jobLine(1, 0, 50, 1, -1), "t.swf");
        const Job &job = trace.scenario.jobs.at(0);
        QCOMPARE(job.requestedS, -1.0);
        QCOMPARE(effectiveRequestedS(job), 50.0);
    }

    void skippedJobsCounted()
    {
        const std::string text = kHeader + jobLine(1, 0, 10, 1)      // kept
                                 + jobLine(2, 1, 0, 1)               // ran 0 s
                                 + jobLine(3, 2, -1, 1)              // run time unknown
                                 + jobLine(4, 3, 10, 0)              // no processors
                                 + jobLine(5, 4, 10, -1, -1, -1, -1) // neither count given
                                 + jobLine(6, 5, 10, 2);             // kept
        const SwfTrace trace = parseSwf(text, "t.swf");
        QCOMPARE(trace.jobLines, 6LL);
        QCOMPARE(trace.skipped, 4LL);
        QCOMPARE(trace.scenario.jobs.size(), std::size_t(2));
        QCOMPARE(trace.scenario.jobs[0].id, JobId(1));
        QCOMPARE(trace.scenario.jobs[1].id, JobId(6));
    }

    void inputOrderKept()
    {
        const std::string text =
                kHeader + jobLine(3, 20, 10, 1) + jobLine(1, 0, 10, 1) + jobLine(2, 10, 10, 1);
        const SwfTrace trace = parseSwf(text, "t.swf");
        QCOMPARE(trace.scenario.jobs.size(), std::size_t(3));
        QCOMPARE(trace.scenario.jobs[0].id, JobId(3));
        QCOMPARE(trace.scenario.jobs[1].id, JobId(1));
        QCOMPARE(trace.scenario.jobs[2].id, JobId(2));
    }

    // Line ends, blank lines, comments between jobs and a missing final newline change
    // nothing but the line numbers.
    void layoutVariants_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("badLine"); // where a bad job line appended after it lands
        const QString a = QString::fromStdString(jobLine(1, 0, 10, 1)).trimmed();
        const QString b = QString::fromStdString(jobLine(2, 5, 20, 2)).trimmed();
        QTest::newRow("LF") << "; MaxNodes: 4\n" + a + "\n" + b + "\n" << 4;
        QTest::newRow("CRLF") << "; MaxNodes: 4\r\n" + a + "\r\n" + b + "\r\n" << 4;
        QTest::newRow("blank and comment lines")
                << "\n; MaxNodes: 4\n\n" + a + "\n   \n; a comment\n\t\n  " + b + "  \n"
                << 9;
        QTest::newRow("CRLF, blank and comment lines")
                << "; MaxNodes: 4\r\n\r\n" + a + "\r\n;\r\n" + b + "\r\n"
                << 6;
    }
    void layoutVariants()
    {
        QFETCH(QString, text);
        QFETCH(int, badLine);
        const std::string reference =
                "; MaxNodes: 4\n" + jobLine(1, 0, 10, 1) + jobLine(2, 5, 20, 2);
        const SwfTrace expected = parseSwf(reference, "t.swf");
        std::string variant = text.toStdString();
        const std::string withoutFinalLineEnd =
                variant.substr(0, variant.find_last_not_of("\r\n") + 1);
        for (const std::string &body : {variant, withoutFinalLineEnd}) {
            const SwfTrace trace = parseSwf(body, "t.swf");
            QVERIFY(trace.scenario == expected.scenario);
            QCOMPARE(trace.jobLines, 2LL);
            QVERIFY(readSwf(write("t.swf", body)).scenario == expected.scenario);
        }
        const bool crlf = variant.find('\r') != std::string::npos;
        variant += std::string("3 x") + (crlf ? "\r\n" : "\n");
        const auto error = inputErrorOf([&] { parseSwf(variant, "t.swf"); });
        QVERIFY(error);
        QCOMPARE(error->line(), badLine);
        const auto fileError = inputErrorOf([&] { readSwf(write("t.swf", variant)); });
        QVERIFY(fileError);
        QCOMPARE(fileError->line(), badLine);
        QCOMPARE(qs(error->message()), QString("expected 18 fields, found 2"));
    }

    void malformedLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QString five = "allocated processors";
        QTest::newRow("17 fields") << "1 0 -1 10 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1"
                                   << ""
                                   << "expected 18 fields, found 17";
        QTest::newRow("19 fields") << "1 0 -1 10 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1 -1"
                                   << ""
                                   << "expected 18 fields, found 19";
        QTest::newRow("non-numeric") << "1 0 -1 10 x -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                     << "5 (allocated processors)"
                                     << "not a number: \"x\"";
        QTest::newRow("nan") << "1 0 -1 nan 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                             << "4 (run time)"
                             << "not a number: \"nan\"";
        QTest::newRow("inf") << "1 inf -1 10 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                             << "2 (submit time)"
                             << "not a number: \"inf\"";
        QTest::newRow("hex") << "1 0 -1 10 1 -1 -1 0x10 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                             << "8 (requested processors)"
                             << "not a number: \"0x10\"";
        QTest::newRow("trailing garbage") << "12abc 0 -1 10 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                          << "1 (job number)"
                                          << "not a number: \"12abc\"";
        QTest::newRow("dangling exponent") << "1 0 -1 10 1 1e -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                           << "6 (average CPU time)"
                                           << "not a number: \"1e\"";
        QTest::newRow("two signs") << "1 0 -1 10 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 +-1"
                                   << "18 (think time)"
                                   << "not a number: \"+-1\"";
        QTest::newRow("unused field checked") << "1 0 -1 10 1 -1 -1 1 -1 -1 done -1 -1 -1 -1 -1 "
                                                 "-1 -1"
                                              << "11 (status)"
                                              << "not a number: \"done\"";
        QTest::newRow("huge processors") << "1 0 -1 10 1e30 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                         << "5 (allocated processors)"
                                         << "out of range: \"1e30\"";
        QTest::newRow("processors beyond int")
                << "1 0 -1 10 -1 -1 -1 3000000000 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                << "8 (requested processors)"
                << "out of range: \"3000000000\"";
        QTest::newRow("slots beyond any cluster")
                << "1 0 -1 10 20000000 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                << "5 (allocated processors)"
                << "out of range: \"20000000\" (at most 16777216)";
        QTest::newRow("huge job number")
                << "99999999999999999999 0 -1 10 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                << "1 (job number)"
                << "out of range: \"99999999999999999999\"";
        QTest::newRow("huge decimal") << "1 0 -1 10 1 1e400 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                      << "6 (average CPU time)"
                                      << "out of range: \"1e400\"";
        QTest::newRow("huge run time") << "1 0 -1 1e13 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                       << "4 (run time)"
                                       << "out of range: \"1e13\"";
        QTest::newRow("fractional processors")
                << "1 0 -1 10 2.5 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                << "5 (allocated processors)"
                << "not an integer: \"2.5\"";
        QTest::newRow("fractional user") << "1 0 -1 10 1 -1 -1 1 -1 -1 1 1.5 -1 -1 -1 -1 -1 -1"
                                         << "12 (user ID)"
                                         << "not an integer: \"1.5\"";
        QTest::newRow("negative submit") << "1 -5 -1 10 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                         << "2 (submit time)"
                                         << "must be >= 0 (is -5)";
        QTest::newRow("first bad field wins") << "1 -5 -1 x 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"
                                              << "2 (submit time)"
                                              << "must be >= 0 (is -5)";
        QTest::newRow("skipped lines are checked too")
                << "1 0 -1 0 1 -1 -1 1 -1 -1 1 -1 -1 -1 -1 -1 -1 x"
                << "18 (think time)"
                << "not a number: \"x\"";
    }
    void malformedLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        // The bad line is line 6: header, a good job, a comment and a blank line before it.
        const std::string text = "; MaxNodes: 4\n" + jobLine(100, 0, 10, 1) + "; note\n\n" +
                                 jobLine(101, 0, 10, 1) + line.toStdString() + "\n" +
                                 jobLine(102, 0, 10, 1);
        const std::string file = write("malformed.swf", text);
        const auto error = inputErrorOf([&] { readSwf(file); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), qs(file));
        QCOMPARE(error->line(), 6);
        QCOMPARE(qs(error->field()), field);
        QCOMPARE(qs(error->message()), message);
        const QString what =
                qs(file) + ":6: " + (field.isEmpty() ? "" : "field " + field + ": ") + message;
        QCOMPARE(QString(error->what()), what);
    }

    void duplicateJobNumbers()
    {
        const std::string text = kHeader + jobLine(1, 0, 10, 1) + jobLine(2, 1, 10, 1) +
                                 jobLine(3, 2, 0, 1)     // skipped: its number does not count
                                 + jobLine(3, 3, 10, 1)  // line 6
                                 + jobLine(2, 4, 10, 1)  // line 7: repeats line 4
                                 + jobLine(1, 5, 10, 1); // line 8: repeats line 3
        const auto error = inputErrorOf([&] { parseSwf(text, "t.swf"); });
        QVERIFY(error);
        QCOMPARE(error->line(), 7);
        QCOMPARE(qs(error->field()), QString("1 (job number)"));
        QCOMPARE(qs(error->message()), QString("duplicate job number 2 (also on line 4)"));
    }

    void gzipReadsLikePlain()
    {
        std::string text = "; MaxNodes: 16\n";
        for (int i = 1; i <= 2000; ++i)
            text += jobLine(i, i * 7, 100 + i % 50, 1 + i % 16, 200, i % 9);
        const std::string plain = write("trace.swf", text);
        writeGzip(path("trace.swf.gz"), text);
        const SwfTrace expected = readSwf(plain);
        QCOMPARE(expected.scenario.jobs.size(), std::size_t(2000));
        QCOMPARE(readTextFile(path("trace.swf.gz").toStdString()), text);

        const SwfTrace fromGzip = readSwf(path("trace.swf.gz").toStdString());
        QVERIFY(fromGzip.scenario == expected.scenario); // same name too: "trace"
        QCOMPARE(fromGzip.jobLines, expected.jobLines);

        // Recognised by content, not by name.
        const std::string disguised = write("disguised.swf", gzipBytes(text));
        QVERIFY(readSwf(disguised).scenario.jobs == expected.scenario.jobs);
        const std::string notGzip = write("not-gzip.swf.gz", text);
        QVERIFY(readSwf(notGzip).scenario.jobs == expected.scenario.jobs);
    }

    // gzip streams may hold several members (cat a.gz b.gz, pigz): all are read.
    void gzipMembersConcatenated()
    {
        const std::string first = kHeader + jobLine(1, 0, 10, 1);
        const std::string second = jobLine(2, 5, 10, 1);
        const std::string file = write("members.swf.gz", gzipBytes(first) + gzipBytes(second));
        QCOMPARE(readTextFile(file), first + second);
        QCOMPARE(readSwf(file).scenario.jobs.size(), std::size_t(2));
    }

    void emptyGzipFile()
    {
        const std::string file = write("empty.swf.gz", gzipBytes(""));
        QCOMPARE(readTextFile(file), std::string());
    }

    void missingFile()
    {
        const std::string file = path("no-such-trace.swf").toStdString();
        const auto error = inputErrorOf([&] { readSwf(file); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), qs(file));
        QCOMPARE(error->line(), 0);
        QCOMPARE(qs(error->field()), QString());
        QCOMPARE(qs(error->message()), QString("cannot open: No such file or directory"));
    }

    void directoryIsNotAFile()
    {
        const auto error = inputErrorOf([&] { readTextFile(m_dir.path().toStdString()); });
        QVERIFY(error);
        QCOMPARE(qs(error->message()), QString("cannot read: Is a directory"));
    }

    void corruptGzip_data()
    {
        QTest::addColumn<int>("damage");
        QTest::newRow("garbage after the magic") << 0;
        QTest::newRow("truncated") << 1;
        QTest::newRow("bad checksum") << 2;
        QTest::newRow("magic only") << 3;
    }
    void corruptGzip()
    {
        QFETCH(int, damage);
        std::string text = kHeader;
        for (int i = 1; i <= 200; ++i)
            text += jobLine(i, i, 10, 1);
        std::string bytes = gzipBytes(text);
        switch (damage) {
        case 0:
            bytes = "\x1f\x8b" + std::string(64, 'x');
            break;
        case 1:
            bytes.resize(bytes.size() / 2);
            break;
        case 2:
            bytes[bytes.size() - 6] ^= 0x55; // inside the CRC-32 of the trailer
            break;
        default:
            bytes = "\x1f\x8b";
            break;
        }
        const std::string file = write("corrupt.swf.gz", bytes);
        const auto error = inputErrorOf([&] { readSwf(file); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), qs(file));
        QCOMPARE(error->line(), 0);
        QVERIFY2(error->message().rfind("corrupt gzip data", 0) == 0, error->what());
    }

    void lineReader_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("empty") << "" << QStringList();
        QTest::newRow("one newline") << "\n" << QStringList{""};
        QTest::newRow("LF") << "a\nb\n" << QStringList{"a", "b"};
        QTest::newRow("no final newline") << "a\nb" << QStringList{"a", "b"};
        QTest::newRow("CRLF") << "a\r\n\r\nb" << QStringList{"a", "", "b"};
        QTest::newRow("lone CR kept inside") << "a\rb\r\n" << QStringList{"a\rb"};
    }
    void lineReader()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, lines);
        const std::string bytes = text.toStdString();
        LineReader reader(bytes);
        QStringList got;
        for (std::string_view line; reader.next(line);) {
            got << QString::fromUtf8(line.data(), qsizetype(line.size()));
            QCOMPARE(reader.lineNumber(), int(got.size()));
        }
        QCOMPARE(got, lines);
    }

    // TextSource reads in chunks (1 MiB of text, 256 KiB of input): lines, CRLF pairs and
    // gzip members that straddle chunk boundaries must come out as LineReader sees the text.
    void textSourceLines_data()
    {
        QTest::addColumn<int>("lineLength");
        QTest::addColumn<bool>("crlf");
        QTest::addColumn<bool>("finalLineEnd");
        QTest::addColumn<int>("gzipMembers"); // 0: plain
        QTest::newRow("short lines") << 90 << false << true << 0;
        QTest::newRow("short lines, CRLF, no final end") << 90 << true << false << 0;
        QTest::newRow("short lines, gzip") << 90 << false << false << 1;
        QTest::newRow("CRLF, three gzip members") << 333 << true << true << 3;
        QTest::newRow("lines longer than the buffer") << 1'100'000 << false << true << 0;
        QTest::newRow("lines longer than the buffer, gzip") << 1'100'000 << true << false << 2;
    }
    void textSourceLines()
    {
        QFETCH(int, lineLength);
        QFETCH(bool, crlf);
        QFETCH(bool, finalLineEnd);
        QFETCH(int, gzipMembers);
        // Pseudo-random digits and spaces: compress too poorly for one input chunk to hold a
        // member, and vary line lengths so boundaries fall everywhere.
        std::string text;
        std::uint32_t state = 12345;
        while (text.size() < 2'500'000) {
            const int length = lineLength + int(state % 7);
            for (int i = 0; i < length; ++i) {
                state = state * 1664525u + 1013904223u;
                text += (state >> 24) % 11 == 10 ? ' ' : char('0' + (state >> 24) % 10);
            }
            text += crlf ? "\r\n" : "\n";
            if (state % 5 == 0)
                text += crlf ? "\r\n" : "\n"; // an empty line
        }
        if (!finalLineEnd)
            text.resize(text.size() - (crlf ? 2 : 1));

        std::string file;
        if (gzipMembers == 0) {
            file = write("lines.txt", text);
        } else {
            std::string bytes;
            const std::size_t part = text.size() / std::size_t(gzipMembers) + 1;
            for (std::size_t at = 0; at < text.size(); at += part)
                bytes += gzipBytes(text.substr(at, part), "wb1"); // fastest level
            file = write("lines.txt.gz", bytes);
        }
        QCOMPARE(readTextFile(file).size(), text.size());

        TextSource source(file);
        LineReader reference(text);
        QCOMPARE(qs(source.path()), qs(file));
        if (gzipMembers <= 1)
            QCOMPARE(source.sizeHint(), std::uint64_t(text.size()));
        std::string_view got;
        std::string_view expected;
        int lines = 0;
        while (reference.next(expected)) {
            QVERIFY(source.next(got));
            ++lines;
            if (got != expected)
                QFAIL(qPrintable(QString("line %1 differs").arg(lines)));
            QCOMPARE(source.lineNumber(), reference.lineNumber());
            QCOMPARE(source.offset(), reference.offset());
        }
        QVERIFY(!source.next(got));
        QVERIFY(lines > 1);
    }

    void textSourceRefusesHugeLines()
    {
        const std::string text = "first\n" + std::string(TextSource::kMaxLineBytes + 1, 'x');
        const std::string file = write("huge-line.txt", text);
        TextSource source(file);
        std::string_view line;
        QVERIFY(source.next(line));
        const auto error = inputErrorOf([&] { source.next(line); });
        QVERIFY(error);
        QCOMPARE(error->line(), 2);
        QCOMPARE(qs(error->message()), QString("line longer than 16 MiB: not a text file?"));
    }

    // A small trace through the engine on 4 single-slot nodes (docs/design.md §3):
    //   J1 t=0  2 slots, run 10, request 10
    //   J2 t=1  3 slots (field 5 is -1, field 8 is 3), run 5, request 5
    //   J3 t=2  1 slot, run 3, request 8
    //   J4 t=3  ran 0 s: skipped, never submitted
    //   J5 t=3  1 slot, run 30, no request (-1: taken as the run time, 30)
    // FCFS: J1 starts at 0; J2 (needs 3, 2 free) blocks the queue, so J3 and J5 wait behind
    //   it. t=10 J1 ends: J2 and J3 start (4 free -> 0). t=13 J3 ends: J5 starts.
    // EASY: J2 is the head at t=1: shadow 10 (J1's expected end), 4 free then, extra 1.
    //   t=2 J3 ends at 2+8=10 <= shadow: backfilled, extra stays 1.
    //   t=3 J5 ends at 33 > shadow but uses 1 <= extra: backfilled.
    //   t=5 J3 ends (1 free): J2 still waits; t=10 J1 ends (3 free): J2 starts.
    void endToEnd_data()
    {
        QTest::addColumn<SchedulerKind>("scheduler");
        QTest::addColumn<QList<double>>("starts"); // J1, J2, J3, J5
        QTest::newRow("fcfs") << SchedulerKind::Fcfs << QList<double>{0, 10, 10, 13};
        QTest::newRow("easy") << SchedulerKind::Easy << QList<double>{0, 10, 2, 3};
    }
    void endToEnd()
    {
        QFETCH(SchedulerKind, scheduler);
        QFETCH(QList<double>, starts);
        const std::string text = "; UnixStartTime: 0\n; MaxNodes: 4\n" +
                                 jobLine(1, 0, 10, 2, 10, 1) + jobLine(2, 1, 5, -1, 5, 2, 3) +
                                 jobLine(3, 2, 3, 1, 8, 1) + jobLine(4, 3, 0, 1, 10, 1) +
                                 jobLine(5, 3, 30, 1, -1, 3);
        const std::string file = write("e2e.swf", text);
        SwfTrace trace = readSwf(file);
        QCOMPARE(trace.skipped, 1LL);
        trace.scenario.policy.scheduler = scheduler;
        QVERIFY(validateScenario(trace.scenario).empty());

        Simulation simulation(trace.scenario);
        simulation.run();
        const RunResult result = simulation.result();
        QCOMPARE(result.metrics.jobsSubmitted, 4LL);
        QCOMPARE(result.metrics.jobsCompleted, 4LL);
        QCOMPARE(result.metrics.jobsRejected, 0LL);
        QCOMPARE(startOf(result, 1), starts[0]);
        QCOMPARE(startOf(result, 2), starts[1]);
        QCOMPARE(startOf(result, 3), starts[2]);
        QCOMPARE(startOf(result, 5), starts[3]);
    }
};

QTEST_GUILESS_MAIN(TestSwfReader)
#include "test_swf_reader.moc"
