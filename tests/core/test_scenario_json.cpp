// Over 700 lines on purpose: one format (core/io/SCENARIO_FORMAT.md), as cases and data rows for
// its fields, defaults and error messages over shared sample scenarios and error helpers.
// Scenario files: reading, writing and error locations (core/io/SCENARIO_FORMAT.md). Saving is
// the GUI's (tests/ui/test_scenario_io.cpp).
#include "core/engine/simulation.h"
#include "core/io/input_error.h"
#include "core/io/json_locator.h"
#include "core/io/reading_file.h"
#include "core/io/scenario_fields.h"
#include "core/io/scenario_json.h"
#include "core/io/strict_json.h"
#include "core/model/validation.h"
#include "tests/support/sample_scenarios.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <string>

Q_DECLARE_METATYPE(headroom::Scenario)

using namespace headroom;
using headroom::test::largeScenario;
using headroom::test::richScenario;
namespace fs = std::filesystem;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
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

std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// `text` as a gzip file with one stored (uncompressed) deflate block, which is all zlib
// needs to check: the header, the block, the CRC-32 and the length (RFC 1951, 1952).
std::string gzipStored(const std::string &text)
{
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const unsigned char byte : text) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    crc ^= 0xFFFFFFFFu;
    auto le32 = [](std::uint32_t value) {
        std::string out;
        for (int i = 0; i < 4; ++i)
            out += static_cast<char>((value >> (8 * i)) & 0xFF);
        return out;
    };
    const auto size = static_cast<std::uint16_t>(text.size()); // one block holds < 64 KiB
    std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out += '\x01'; // the final block, stored
    out += static_cast<char>(size & 0xFF);
    out += static_cast<char>(size >> 8);
    out += static_cast<char>(~size & 0xFF);
    out += static_cast<char>((~size >> 8) & 0xFF);
    return out + text + le32(crc) + le32(static_cast<std::uint32_t>(text.size()));
}

// A valid scenario whose layout the bad-input rows below rely on: their expected line numbers
// are lines of this text. It has escapes, brackets and braces inside strings to make sure the
// locator is not fooled by them.
const std::string kBase = R"({
  "format": "headroom-scenario",
  "version": 1,
  "name": "base",
  "description": "a \"quoted\" {brace} [bracket] \\ back\nslash, \u00e9 ]}",
  "seed": 7,
  "node_types": [
    {
      "name": "gpu8",
      "accelerator": "NVIDIA H100 SXM5 80GB",
      "accelerators": 8,
      "power": {"model": "linear", "idle_w": 2000, "max_w": 10200}
    },
    {
      "name": "cpu",
      "accelerators": 1,
      "power": {"model": "table", "watts": [50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150]}
    }
  ],
  "cluster": {
    "zones": [
      {
        "name": "z0",
        "racks": [
          {"name": "r0", "power_budget_kw": 40, "nodes": [{"name": "n0", "type": "gpu8"},
                                                          {"name": "n1", "type": "gpu8"}]},
          {"name": "r1", "nodes": [{"name": "c0", "type": "cpu"}]}
        ]
      }
    ]
  },
  "jobs": [
    {"id": 1, "submit_s": 0, "accelerators": 8, "run_s": 3600},
    {"id": 2, "submit_s": 10, "accelerators": 16, "run_s": 60.5, "requested_s": 120,
     "constraints": {"zone": "z0", "node_type": "gpu8"}},
    {"id": 3, "submit_s": 20, "accelerators": 1, "run_s": 5, "name": "tiny"}
  ],
  "policy": {"scheduler": "sjf", "sample_interval_s": 60}
}
)";

// kBase with one unique piece of text replaced.
std::string edited(std::string_view from, std::string_view to)
{
    std::string text = kBase;
    const std::size_t at = text.find(from);
    if (at == std::string::npos || text.find(from, at + 1) != std::string::npos)
        qFatal("edited(): \"%s\" is not unique in the base scenario", std::string(from).c_str());
    text.replace(at, from.size(), to);
    return text;
}

// Doubles drawn from their bit patterns: subnormals, long mantissas, every exponent in range.
Scenario randomDoublesScenario()
{
    Scenario s;
    s.name = "random doubles";
    NodeType type;
    type.name = "t";
    type.accelerators = 4;
    s.nodeTypes = {type};
    s.cluster.zones = {{"z", {{"r", 1e-300, {{"n", "t"}}}}}};
    std::mt19937_64 random(20240601);
    auto draw = [&](double maximum, bool allowZero) {
        for (;;) {
            const double d = std::fabs(std::bit_cast<double>(random()));
            if (std::isfinite(d) && d <= maximum && (allowZero || d > 0.0))
                return d;
        }
    };
    std::uniform_real_distribution<double> uniform(0.0, 1e7);
    for (int i = 0; i < 2000; ++i) {
        Job job;
        job.id = i;
        job.submitS = i % 2 ? draw(1e12, true) : uniform(random);
        job.runS = i % 3 ? draw(1e12, false) : uniform(random) + 1e-9;
        job.requestedS = i % 5 ? draw(1e12, true) : -uniform(random);
        job.slots = 1 + i % 4;
        s.jobs.push_back(job);
    }
    s.nodeTypes[0].power = PowerCurve::linear(draw(1e6, true), 2e6);
    s.nodeTypes[0].memoryGb = draw(1e9, true);
    s.policy.sampleIntervalS = draw(1e12, false);
    return s;
}

} // namespace

class TestScenarioJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::newRow("rich") << richScenario();
        QTest::newRow("empty") << Scenario{};
        QTest::newRow("random doubles") << randomDoublesScenario();
        QTest::newRow("1000 jobs") << largeScenario(1000);
    }

    // parse(serialize(s)) == s, and serializing the result gives the same bytes.
    void roundTrip()
    {
        QFETCH(Scenario, scenario);
        QVERIFY(validateScenario(scenario).empty());
        const std::string text = serializeScenario(scenario);
        const Scenario parsed = parseScenario(text, "round-trip.json");
        QVERIFY(parsed == scenario);
        QCOMPARE(qs(serializeScenario(parsed)), qs(text));
        QVERIFY(text.ends_with("}\n"));
    }

    void streamedJobsEqualTheTree_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::newRow("rich") << richScenario();
        QTest::newRow("empty") << Scenario{};
        QTest::newRow("random doubles") << randomDoublesScenario();
        QTest::newRow("1000 jobs") << largeScenario(1000);
        // Names that need escaping, invalid UTF-8 (replaced), every optional job field, and
        // a name that looks like the stubbed member.
        Scenario odd = richScenario();
        odd.description = "line one\n  \"jobs\": []";
        Job job;
        job.id = 77;
        job.name = "quote \" backslash \\ tab \t newline \n bad \xff byte, ünïcødé";
        job.tenant = "\n  \"jobs\": []";
        job.submitS = 0.1;
        job.runS = 1e-300;
        job.requestedS = 12345678.9;
        job.priority = -3;
        job.dedicated = true;
        job.constraints = JobConstraints{"", "", "", ""};
        odd.jobs.push_back(job);
        QTest::newRow("escapes and every field") << odd;
        Scenario one;
        one.jobs.push_back(job);
        QTest::newRow("one job, nothing else") << one;
    }

    // serializeScenario writes the jobs one at a time into the text of the rest; the bytes
    // are those of the whole scenario as one JSON tree.
    void streamedJobsEqualTheTree()
    {
        QFETCH(Scenario, scenario);
        const std::string tree =
                writeScenarioFields(scenario).dump(
                        2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
                "\n";
        QCOMPARE(qs(serializeScenario(scenario)), qs(tree));
    }

    // Every double written is read back exactly, field by field (operator== above would
    // accept -0.0 for 0.0; this does not).
    void doublesAreExact()
    {
        const Scenario scenario = randomDoublesScenario();
        const Scenario parsed = parseScenario(serializeScenario(scenario), "doubles.json");
        QCOMPARE(parsed.jobs.size(), scenario.jobs.size());
        for (std::size_t i = 0; i < scenario.jobs.size(); ++i) {
            QCOMPARE(std::bit_cast<std::uint64_t>(parsed.jobs[i].submitS),
                     std::bit_cast<std::uint64_t>(scenario.jobs[i].submitS));
            QCOMPARE(std::bit_cast<std::uint64_t>(parsed.jobs[i].runS),
                     std::bit_cast<std::uint64_t>(scenario.jobs[i].runS));
            QCOMPARE(std::bit_cast<std::uint64_t>(parsed.jobs[i].requestedS),
                     std::bit_cast<std::uint64_t>(scenario.jobs[i].requestedS));
        }
    }

    // The canonical form: key order, 2-space indent, whole numbers without a fraction, job
    // fields at their defaults left out, empty constraint members left out.
    void canonicalText()
    {
        Scenario s;
        s.name = "tiny";
        NodeType type;
        type.name = "gpu";
        type.accelerators = 4;
        type.power = PowerCurve::linear(100, 700.5);
        s.nodeTypes = {type};
        s.cluster.zones = {{"z", {{"r", 12.5, {{"n0", "gpu"}}}, {"q", std::nullopt, {}}}}};
        Job plain;
        plain.id = 1;
        plain.slots = 2;
        plain.runS = 3600;
        Job constrained = plain;
        constrained.id = 2;
        constrained.submitS = 0.5;
        constrained.requestedS = 7200;
        constrained.constraints = JobConstraints{"", "z", "", "n0"};
        s.jobs = {plain, constrained};
        const std::string expected = R"({
  "format": "headroom-scenario",
  "version": 4,
  "name": "tiny",
  "description": "",
  "seed": 1,
  "node_types": [
    {
      "name": "gpu",
      "accelerator": "",
      "accelerators": 4,
      "cpu_cores": 0,
      "memory_gb": 0,
      "peak_bf16_tflops": 0,
      "power": {
        "model": "linear",
        "idle_w": 100,
        "max_w": 700.5
      },
      "off_w": 0,
      "boot_s": 0,
      "shutdown_s": 0,
      "cost_per_hour": 0,
      "source": ""
    }
  ],
  "cluster": {
    "zones": [
      {
        "name": "z",
        "racks": [
          {
            "name": "r",
            "power_budget_kw": 12.5,
            "nodes": [
              {
                "name": "n0",
                "type": "gpu"
              }
            ]
          },
          {
            "name": "q",
            "nodes": []
          }
        ]
      }
    ]
  },
  "jobs": [
    {
      "id": 1,
      "submit_s": 0,
      "accelerators": 2,
      "run_s": 3600
    },
    {
      "id": 2,
      "submit_s": 0.5,
      "accelerators": 2,
      "run_s": 3600,
      "requested_s": 7200,
      "constraints": {
        "zone": "z",
        "node": "n0"
      }
    }
  ],
  "policy": {
    "scheduler": "easy",
    "placement": "first_fit",
    "srtf_restart_overhead_s": 0,
    "sample_interval_s": 300,
    "rack_spread_penalty": 0
  },
  "energy": {
    "pue": 1,
    "dpm": {
      "enabled": false,
      "idle_timeout_s": 900,
      "spare_nodes": 0
    },
    "dvfs_frequency": 1,
    "currency": "USD",
    "price_per_kwh": [],
    "carbon_g_per_kwh": []
  }
}
)";
        QCOMPARE(qs(serializeScenario(s)), qs(expected));
    }

    // Every field that is not required may be left out and gets the model's default.
    void defaultsWhenOmitted()
    {
        const Scenario s = parseScenario(R"({
  "format": "headroom-scenario", "version": 1,
  "node_types": [{"name": "t", "accelerators": 2}],
  "cluster": {"zones": [{"name": "z",
                         "racks": [{"name": "r", "nodes": [{"name": "n", "type": "t"}]}]}]},
  "jobs": [{"id": 5, "submit_s": 1, "accelerators": 2, "run_s": 10}]
})",
                                         "defaults.json");
        const NodeType defaultType;
        const Job defaultJob;
        const Policy defaultPolicy;
        QCOMPARE(qs(s.name), QString());
        QCOMPARE(qs(s.description), QString());
        QCOMPARE(s.seed, Scenario{}.seed);
        QCOMPARE(s.nodeTypes.size(), std::size_t(1));
        const NodeType &t = s.nodeTypes[0];
        QCOMPARE(qs(t.acceleratorModel), qs(defaultType.acceleratorModel));
        QCOMPARE(t.cpuCores, defaultType.cpuCores);
        QCOMPARE(t.memoryGb, defaultType.memoryGb);
        QCOMPARE(t.peakTflopsPerAccelerator, defaultType.peakTflopsPerAccelerator);
        QVERIFY(t.power == defaultType.power);
        QCOMPARE(t.offW, defaultType.offW);
        QCOMPARE(t.bootS, defaultType.bootS);
        QCOMPARE(t.shutdownS, defaultType.shutdownS);
        QCOMPARE(t.costPerHour, defaultType.costPerHour);
        QCOMPARE(qs(t.source), qs(defaultType.source));
        QVERIFY(!s.cluster.zones[0].racks[0].powerBudgetKw);
        const Job &job = s.jobs[0];
        QCOMPARE(qs(job.name), qs(defaultJob.name));
        QCOMPARE(qs(job.tenant), qs(defaultJob.tenant));
        QCOMPARE(job.requestedS, defaultJob.requestedS);
        QCOMPARE(job.priority, defaultJob.priority);
        QVERIFY(job.constraints->empty());
        QVERIFY(s.policy == defaultPolicy);

        const Scenario bare =
                parseScenario(R"({"format": "headroom-scenario", "version": 1})", "bare.json");
        QVERIFY(bare == Scenario{});
    }

    // Integers may carry a zero fraction; empty constraint members mean "anywhere".
    void lenientForms()
    {
        const Scenario s = parseScenario(
                edited(R"("accelerators": 8, "run_s": 3600)",
                       R"("accelerators": 8.0, "run_s": 3600, "constraints": {"zone": ""})"),
                "lenient.json");
        QCOMPARE(s.jobs[0].slots, 8);
        QVERIFY(s.jobs[0].constraints->empty());
        // A UTF-8 byte order mark is allowed.
        QVERIFY(parseScenario("\xEF\xBB\xBF" + kBase, "bom.json").jobs.size() == 3);
    }

    // The example in the format reference must stay a valid scenario.
    void documentedExampleLoads()
    {
        const QByteArray sourceDir = qgetenv("HEADROOM_SOURCE_DIR");
        const fs::path root = sourceDir.isEmpty()
                                      ? fs::path(__FILE__).parent_path().parent_path().parent_path()
                                      : fs::path(sourceDir.toStdString());
        const std::string doc = readText(root / "core/io/SCENARIO_FORMAT.md");
        const std::size_t begin = doc.find("```json\n");
        QVERIFY(begin != std::string::npos);
        const std::size_t end = doc.find("```", begin + 8);
        const std::string example = doc.substr(begin + 8, end - begin - 8);
        const Scenario s = parseScenario(example, "SCENARIO_FORMAT.md example");
        QCOMPARE(s.jobs.size(), std::size_t(2));
        QCOMPARE(s.cluster.nodeCount(), 2);
        QCOMPARE(qs(s.jobs[1].constraints->pinNode), QStringLiteral("a01-n1"));
    }

    // The example the GUI opens and the README runs is stored canonically, so opening and
    // saving it changes nothing, and it simulates without a rejected job.
    void bundledExampleIsCanonical()
    {
        const QByteArray sourceDir = qgetenv("HEADROOM_SOURCE_DIR");
        const fs::path root = sourceDir.isEmpty()
                                      ? fs::path(__FILE__).parent_path().parent_path().parent_path()
                                      : fs::path(sourceDir.toStdString());
        const fs::path path = root / "resources/examples/two-rack-h100.json";
        const std::string text = readText(path);
        const Scenario s = loadScenarioFile(path.string());
        QCOMPARE(serializeScenario(s), text);
        QCOMPARE(s.cluster.nodeCount(), 16);
        QVERIFY(s.jobs.size() > 100);
        Simulation simulation(s);
        simulation.run();
        const RunResult result = simulation.result();
        QCOMPARE(result.metrics.jobsRejected, 0LL);
        QCOMPARE(result.metrics.jobsCompleted, static_cast<long long>(s.jobs.size()));
        QVERIFY(result.metrics.energyKwh > 0.0);
    }

    // A version 1 file (before energy and services existed) reads unchanged.
    void versionOneStillReads()
    {
        const Scenario s = parseScenario(edited(R"("version": 1,)", R"("version": 1,)"), "v1.json");
        QCOMPARE(s.energy, EnergyPolicy{});
        QVERIFY(s.services.empty());
    }

    // Version 3 added the node types' capital price; a version 2 file reads unchanged (no
    // price), and a price reads back exactly.
    void versionTwoStillReadsAndPriceReads()
    {
        const Scenario two =
                parseScenario(edited(R"("version": 1,)", R"("version": 2,)"), "v2.json");
        QVERIFY(!two.nodeTypes[0].priceUsd);
        std::string text = edited(R"("version": 1,)", R"("version": 3,)");
        const std::string_view gpu8 = R"("accelerators": 8,)";
        text.replace(text.find(gpu8), gpu8.size(), R"("accelerators": 8, "price_usd": 312500.25,)");
        const Scenario three = parseScenario(text, "v3.json");
        QCOMPARE(three.nodeTypes[0].priceUsd.value_or(-1), 312500.25);
        QVERIFY(serializeScenario(three).find("\"price_usd\": 312500.25") != std::string::npos);
        QVERIFY(serializeScenario(two).find("price_usd") == std::string::npos);
    }

    void newerVersionRefused()
    {
        const auto error = inputErrorOf(
                [] { parseScenario(edited(R"("version": 1,)", R"("version": 7,)"), "new.json"); });
        QVERIFY(error);
        QCOMPARE(qs(error->message()),
                 QStringLiteral("scenario format version 7 is newer than this Headroom supports "
                                "(4); please upgrade Headroom"));
        QCOMPARE(qs(error->file()), QStringLiteral("new.json"));
        QCOMPARE(qs(error->field()), QStringLiteral("version"));
        QCOMPARE(error->line(), 3);

        // The version is checked before fields this version does not know.
        const auto future = inputErrorOf([] {
            parseScenario(edited(R"("version": 1,)", R"("version": 5, "racks_of_racks": [],)"),
                          "f.json");
        });
        QVERIFY(future);
        QCOMPARE(qs(future->field()), QStringLiteral("version"));
    }

    void formatAndVersion_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");

        auto row = [](const char *name, const std::string &text, const char *field, int line,
                      const char *message) {
            QTest::newRow(name) << qs(text) << field << line << message;
        };
        row("wrong format", edited("headroom-scenario", "headroom-trace"), "format", 2,
            R"(not a Headroom scenario: format is string "headroom-trace", expected )"
            R"("headroom-scenario")");
        row("format not a string", edited(R"("headroom-scenario")", "1"), "format", 2,
            "format is number 1");
        row("missing format", edited("\"format\": \"headroom-scenario\",", ""), "format", 1,
            "missing field \"format\"");
        row("missing version", edited(R"("version": 1,)", ""), "version", 1,
            "missing field \"version\"");
        row("version as string", edited(R"("version": 1,)", R"("version": "1",)"), "version", 3,
            "expected an integer, found string \"1\"");
        row("fractional version", edited(R"("version": 1,)", R"("version": 1.5,)"), "version", 3,
            "must be a whole number (is 1.5)");
        row("version zero", edited(R"("version": 1,)", R"("version": 0,)"), "version", 3,
            "unsupported scenario format version 0");
        row("top level is an array", "[]", "", 1, "expected a JSON object at the top level");
        row("unrelated JSON", "{\n  \"type\": \"FeatureCollection\"\n}\n", "format", 1,
            "missing field \"format\"");
    }

    void formatAndVersion() { checkBadInput(); }

    void malformedJson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        // The column is where the parser stopped: the last byte of the offending token.
        QTest::newRow("missing comma") << qs(edited(R"("seed": 7,)", R"("seed": 7)")) << 7 << 14;
        QTest::newRow("trailing comma")
                << qs(edited(R"("name": "tiny"})", R"("name": "tiny"},)")) << 37 << 3;
        QTest::newRow("unterminated string")
                << qs(edited(R"("name": "base",)", "\"name\": \"base,")) << 4 << 17;
        QTest::newRow("comment") << qs(edited(R"("seed": 7,)", "\"seed\": 7, // lucky")) << 6 << 14;
        QTest::newRow("single quotes") << qs(edited(R"("sjf")", "'sjf'")) << 38 << 27;
        QTest::newRow("truncated") << qs(kBase.substr(0, kBase.find("\"version\""))) << 3 << 3;
        QTest::newRow("text after the end") << qs(kBase + "x") << 40 << 1;
        QTest::newRow("empty") << QString() << 1 << 1;
        QTest::newRow("bad escape") << qs(edited("\\\\ back", "\\x back")) << 5 << 51;
    }

    void malformedJson()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto error = inputErrorOf([&] { parseScenario(text.toStdString(), "broken.json"); });
        QVERIFY(error);
        QCOMPARE(error->line(), line);
        QCOMPARE(qs(error->field()), QString());
        const std::string prefix = "invalid JSON at column " + std::to_string(column) + ": ";
        QVERIFY2(error->message().starts_with(prefix), error->what());
        QVERIFY2(error->message().find("json.exception") == std::string::npos, error->what());
    }

    // Found by fuzzing (docs/architecture.md, "Fuzzing the readers"): a 16 MiB unknown field name
    // gave a 33 MB message (the name twice) after seconds of edit distance. The name is echoed cut,
    // once, and the field path is cut too.
    void hugeUnknownFieldIsCut()
    {
        const std::string name(std::size_t(16) << 20, 'q');
        const auto error = inputErrorOf([&] {
            parseScenario(edited(R"("seed": 7,)", "\"seed\": 7, \"" + name + "\": 1,"),
                          "huge.json");
        });
        QVERIFY(error);
        QVERIFY2(std::string_view(error->what()).size() < 1000, error->what());
        QVERIFY2(error->message().starts_with("unknown field \"" + name.substr(0, 40) + "...\""),
                 error->what());
        QVERIFY(error->field().size() <= InputError::kMaxFieldBytes + 3);
        QCOMPARE(error->line(), 6);

        // The same with a name of 10 M escaped tabs (a 20 MB message before).
        std::string tabs;
        for (int i = 0; i < 10'000'000; ++i)
            tabs += "\\t";
        const auto tabError = inputErrorOf([&] {
            parseScenario(edited(R"("seed": 7,)", "\"seed\": 7, \"" + tabs + "\": 1,"),
                          "tabs.json");
        });
        QVERIFY(tabError);
        QVERIFY2(std::string_view(tabError->what()).size() < 1000, tabError->what());
        QVERIFY2(tabError->message().starts_with("unknown field \"" + std::string(40, '\t') +
                                                 "...\""),
                 tabError->what());
    }

    // Running out of memory while reading names the file and what ran out, not
    // "std::bad_alloc" alone.
    void outOfMemoryNamesTheFile()
    {
        const auto error = inputErrorOf(
                [] { readingFile("huge.json", []() -> int { throw std::bad_alloc(); }); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), QString("huge.json"));
        QVERIFY2(error->message().starts_with("out of memory reading this file"), error->what());
    }

    // Found by fuzzing: 16 M nested "[" took 1.3 GB; nesting is bounded with its own message.
    void deepNestingRefused()
    {
        const std::string deep =
                std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
        const auto error = inputErrorOf([&] {
            parseScenario(edited(R"("seed": 7,)", "\"seed\": 7, \"x\": " + deep + ","),
                          "deep.json");
        });
        QVERIFY(error);
        QVERIFY2(error->message().starts_with("arrays and objects nested more than 256 deep"),
                 error->what());
        QCOMPARE(error->line(), 6);
        QVERIFY2(std::string_view(error->what()).size() < 1000, error->what());
        // At the limit itself the document parses (and fails later on the unknown field).
        const std::string limit =
                std::string(kMaxJsonDepth - 1, '[') + std::string(kMaxJsonDepth - 1, ']');
        const auto atLimit = inputErrorOf([&] {
            parseScenario(edited(R"("seed": 7,)", "\"seed\": 7, \"x\": " + limit + ","),
                          "deep.json");
        });
        QVERIFY(atLimit);
        QVERIFY2(atLimit->message().starts_with("unknown field \"x\""), atLimit->what());
        // 16 M brackets: refused at the limit, without building 16 M arrays.
        const auto huge = inputErrorOf(
                [&] { parseScenario(std::string(std::size_t(16) << 20, '['), "huge.json"); });
        QVERIFY(huge);
        QVERIFY2(huge->message().starts_with("arrays and objects nested"), huge->what());
    }

    // One wrong thing per row; the error must name the exact field path and line.
    void badInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");

        auto row = [](const char *name, std::string_view from, std::string_view to,
                      const char *field, int line, const char *message) {
            QTest::newRow(name) << qs(edited(from, to)) << field << line << message;
        };
        const char *job0 = R"("accelerators": 8, "run_s": 3600)";
        // Types and ranges
        row("accelerators as string", job0, R"("accelerators": "8", "run_s": 3600)",
            "jobs[0].accelerators", 33, "expected an integer, found string \"8\"");
        row("fractional accelerators", R"("accelerators": 1, "run_s": 5)",
            R"("accelerators": 1.5, "run_s": 5)", "jobs[2].accelerators", 36,
            "must be a whole number (is 1.5)");
        row("negative accelerators", job0, R"("accelerators": -8, "run_s": 3600)",
            "jobs[0].accelerators", 33, "must be between 1 and");
        row("accelerators beyond int", job0, R"("accelerators": 3000000000, "run_s": 3600)",
            "jobs[0].accelerators", 33, "integer out of range (is 3000000000");
        row("id beyond int64", R"("id": 1,)", R"("id": 9223372036854775808,)", "jobs[0].id", 33,
            "integer out of range");
        row("1e400", R"("run_s": 60.5)", R"("run_s": 1e400)", "jobs[1].run_s", 34,
            "number out of range: 1e400");
        row("-1e400", R"("submit_s": 20)", R"("submit_s": -1e400)", "jobs[2].submit_s", 36,
            "number out of range: -1e400");
        row("1e400 in a power table", "130, 140", "130, 1e400", "node_types[1].power.watts[9]", 17,
            "number out of range");
        row("negative seed", R"("seed": 7)", R"("seed": -7)", "seed", 6, "must be >= 0 (is -7)");
        row("seed as string", R"("seed": 7)", R"("seed": "7")", "seed", 6,
            "expected an integer, found string");
        row("null name", R"("name": "tiny")", R"("name": null)", "jobs[2].name", 36,
            "expected a string, found null");
        row("boolean time", R"("requested_s": 120)", R"("requested_s": true)",
            "jobs[1].requested_s", 34, "expected a number, found true");
        row("fractional priority", R"("name": "tiny")", R"("name": "tiny", "priority": 0.5)",
            "jobs[2].priority", 36, "whole number");
        row("job not an object",
            R"({"id": 3, "submit_s": 20, "accelerators": 1, "run_s": 5, "name": "tiny"})", "[3]",
            "jobs[2]", 36, "expected an object, found an array");
        row("nodes not an array", R"("nodes": [{"name": "c0", "type": "cpu"}])",
            R"("nodes": {"name": "c0", "type": "cpu"})", "cluster.zones[0].racks[1].nodes", 27,
            "expected an array, found an object");
        // Unknown and missing fields
        row("unknown policy field", R"("scheduler": "sjf")", R"("schedular": "sjf")",
            "policy.schedular", 38, "unknown field \"schedular\"; did you mean \"scheduler\"?");
        row("unknown top-level field", R"("seed": 7,)", R"("seed": 7, "jobz": [],)", "jobz", 6,
            "unknown field \"jobz\"; did you mean \"jobs\"?");
        row("unrelated unknown field", R"("seed": 7,)", R"("seed": 7, "colour": "red",)", "colour",
            6, "unknown field \"colour\" (expected format, version, name,");
        row("unknown constraint field", R"("zone": "z0")", R"("zon": "z0")",
            "jobs[1].constraints.zon", 35, "unknown field \"zon\"");
        row("typo in a node type", "\"accelerators\": 1,\n", "\"acelerators\": 1,\n",
            "node_types[1].acelerators", 16, "did you mean \"accelerators\"?");
        row("missing run time", job0, R"("accelerators": 8)", "jobs[0].run_s", 33,
            "missing field \"run_s\"");
        row("missing node type slots", "\"accelerators\": 1,\n", "\"cpu_cores\": 1,\n",
            "node_types[1].accelerators", 14, "missing field \"accelerators\"");
        row("duplicate field", R"("seed": 7,)", R"("seed": 7, "name": "again",)", "name", 6,
            "duplicate field \"name\"");
        row("duplicate field in a job", R"("name": "tiny")", R"("name": "tiny", "id": 4)",
            "jobs[2].id", 36, "duplicate field \"id\"");
        // Names and power curves
        row("unknown scheduler", R"("sjf")", R"("fifo")", "policy.scheduler", 38,
            "unknown scheduler \"fifo\" (valid: fcfs, sjf, srtf, easy)");
        row("escaped member name", R"("scheduler": "sjf")", "\"sched\\u0075ler\": \"fifo\"",
            "policy.scheduler", 38, "unknown scheduler \"fifo\"");
        row("unknown placement", R"("scheduler": "sjf")",
            R"("scheduler": "sjf", "placement": "random")", "policy.placement", 38,
            "unknown placement \"random\" (valid: first_fit, best_fit, least_loaded, "
            "round_robin, topology_aware, power_aware)");
        row("unknown power model", R"("model": "linear")", R"("model": "cubic")",
            "node_types[0].power.model", 12, "unknown power model \"cubic\"");
        row("table field in a linear curve", R"("max_w": 10200})",
            R"("max_w": 10200, "watts": []})", "node_types[0].power.watts", 12,
            "unknown field \"watts\"");
        row("short power table", ", 150]", "]", "node_types[1].power.watts", 17,
            "must hold 11 numbers");
        // What validateScenario() finds, located
        row("max below idle", R"("max_w": 10200)", R"("max_w": 1000)", "node_types[0].power.max_w",
            12, "must be >= idle_w");
        row("negative memory", R"("accelerator": "NVIDIA H100 SXM5 80GB",)",
            R"("accelerator": "NVIDIA H100 SXM5 80GB", "memory_gb": -1,)",
            "node_types[0].memory_gb", 10, "must be >= 0");
        row("negative price", R"("accelerator": "NVIDIA H100 SXM5 80GB",)",
            R"("accelerator": "NVIDIA H100 SXM5 80GB", "price_usd": -1,)",
            "node_types[0].price_usd", 10, "must be >= 0");
        row("unknown node type", R"("type": "cpu")", R"("type": "gpu4")",
            "cluster.zones[0].racks[1].nodes[0].type", 27, "unknown node type \"gpu4\"");
        row("unknown constraint node type", R"("node_type": "gpu8")", R"("node_type": "tpu")",
            "jobs[1].constraints.node_type", 35, "unknown node type \"tpu\"");
        row("unknown constraint zone", R"("zone": "z0")", R"("zone": "z9")",
            "jobs[1].constraints.zone", 35, "unknown zone \"z9\"");
        row("duplicate node name", R"({"name": "n1")", R"({"name": "n0")",
            "cluster.zones[0].racks[0].nodes[1].name", 26, "duplicate node name \"n0\"");
        row("duplicate job id", R"("id": 3)", R"("id": 2)", "jobs[2].id", 36, "duplicate job id 2");
        row("zero rack budget", R"("power_budget_kw": 40)", R"("power_budget_kw": 0)",
            "cluster.zones[0].racks[0].power_budget_kw", 25, "must be > 0");
        row("zero sample interval", R"("sample_interval_s": 60)", R"("sample_interval_s": 0)",
            "policy.sample_interval_s", 38, "must be > 0");
    }

    void badInput() { checkBadInput(); }

    void locator_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");

        const QString base = qs(kBase);
        QTest::newRow("root") << base << "" << 1;
        QTest::newRow("member") << base << "seed" << 6;
        QTest::newRow("after a string full of brackets") << base << "node_types" << 7;
        QTest::newRow("nested") << base << "node_types[1].power.watts" << 17;
        QTest::newRow("deep") << base << "cluster.zones[0].racks[0].nodes[1].type" << 26;
        QTest::newRow("missing member falls back") << base << "jobs[1].priority" << 34;
        QTest::newRow("index past the end falls back") << base << "jobs[9].run_s" << 32;
        QTest::newRow("missing top-level member") << base << "services" << 1;
        QTest::newRow("path through a scalar") << base << "seed.x" << 6;
        QTest::newRow("malformed path stops early") << base << "jobs[x].id" << 32;
        QTest::newRow("value on the line after its key")
                << "{\"a\":\n\n  [1,\n   {\"b\"\n   :\n   2}]}"
                << "a[1].b" << 6;
        QTest::newRow("escaped quote and backslash in a key")
                << "{\"x\\\"\\\\\": 1,\n \"y\": {\"\\u007a\": 2}\n}"
                << "y.z" << 2;
        QTest::newRow("surrogate pair key")
                << "{\n\"\\ud83d\\ude00\":\n1}" << QString::fromUtf8("\xF0\x9F\x98\x80") << 3;
        QTest::newRow("crlf line ends") << "{\r\n\"a\": [\r\n1,\r\n2]}"
                                        << "a[1]" << 4;
        QTest::newRow("truncated text") << "{\"a\": [1, 2"
                                        << "a[5]" << 1;
        QTest::newRow("empty text") << ""
                                    << "a" << 1;
    }

    void locator()
    {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QFETCH(int, line);
        QCOMPARE(jsonLineOf(text.toStdString(), path.toStdString()), line);
    }

    void repeatedMemberLocator()
    {
        const std::string text = "{\"o\": {\"k\": 1,\n\"j\": 2,\n\"k\": 3,\n\"k\": 4}}";
        QCOMPARE(jsonLineOfRepeatedMember(text, "o", "k"), 3);
        QCOMPARE(jsonLineOfRepeatedMember(text, "o", "j"), 1); // not repeated: the object
        QCOMPARE(textPositionOf("ab\ncd", 4).line, 2);
        QCOMPARE(textPositionOf("ab\ncd", 4).column, 2);
        QCOMPARE(textPositionOf("ab\ncd", 99).column, 3);
    }

    void loadMissingFile()
    {
        const std::string path = "/nonexistent/headroom/scenario.json";
        const auto error = inputErrorOf([&] { loadScenarioFile(path); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), qs(path));
        QCOMPARE(error->line(), 0);
        QVERIFY2(error->message().find("No such file or directory") != std::string::npos,
                 error->what());

        QTemporaryDir directory;
        const auto isDirectory =
                inputErrorOf([&] { loadScenarioFile(directory.path().toStdString()); });
        QVERIFY(isDirectory);
        QVERIFY2(isDirectory->message().find("directory") != std::string::npos,
                 isDirectory->what());
    }

    // Scenario files are read as every input file is (readTextFile): gzip data is unpacked,
    // whatever the file is called, and errors still name the file and the line.
    void loadGzipFile()
    {
        QVERIFY(kBase.size() < 65536);
        QTemporaryDir directory;
        const fs::path path = fs::path(directory.path().toStdString()) / "base.json.gz";
        writeText(path, gzipStored(kBase));
        QVERIFY(loadScenarioFile(path.string()) == parseScenario(kBase, "base.json"));

        const fs::path bad = fs::path(directory.path().toStdString()) / "bad.json";
        writeText(bad, gzipStored(edited(R"("sjf")", R"("fifo")")));
        const auto error = inputErrorOf([&] { loadScenarioFile(bad.string()); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), qs(bad.string()));
        QCOMPARE(error->line(), 38);
        QCOMPARE(qs(error->field()), QStringLiteral("policy.scheduler"));
    }

    void loadReportsFileName()
    {
        QTemporaryDir directory;
        const fs::path path = fs::path(directory.path().toStdString()) / "bad.json";
        writeText(path, edited(R"("sjf")", R"("fifo")"));
        const auto error = inputErrorOf([&] { loadScenarioFile(path.string()); });
        QVERIFY(error);
        QCOMPARE(qs(error->what()),
                 qs(path.string() + ":38: field policy.scheduler: unknown scheduler \"fifo\" "
                                    "(valid: fcfs, sjf, srtf, easy)"));
    }

    // 100,000 jobs written to a file load back unchanged. How long that takes is measured
    // against a plain JSON parse of the same bytes by tests/bench/bench_scenario_load.cpp.
    void largeScenarioLoadsFromAFile()
    {
        const Scenario scenario = largeScenario(100000);
        const std::string text = serializeScenario(scenario);
        QTemporaryDir directory;
        const std::string path = directory.path().toStdString() + "/large.json";
        writeText(path, text);
        const Scenario loaded = loadScenarioFile(path);
        QVERIFY(loaded == scenario);
    }

private:
    void checkBadInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto error = inputErrorOf([&] { parseScenario(text.toStdString(), "bad.json"); });
        QVERIFY(error);
        QCOMPARE(qs(error->file()), QStringLiteral("bad.json"));
        QCOMPARE(qs(error->field()), field);
        QCOMPARE(error->line(), line);
        QVERIFY2(qs(error->message()).contains(message), error->what());
    }
};

QTEST_GUILESS_MAIN(TestScenarioJson)
#include "test_scenario_json.moc"
