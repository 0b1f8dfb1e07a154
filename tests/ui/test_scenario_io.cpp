// Saving scenario files from the GUI (ui/files/scenario_io.h): the one way Headroom writes
// them. A save replaces the file atomically, keeps its permissions, writes through a symbolic
// link, leaves no temporary file behind and names the path when it fails.
#include "core/io/scenario_json.h"
#include "tests/support/sample_scenarios.h"
#include "ui/files/scenario_io.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace headroom;
using namespace headroom::ui;
using headroom::test::largeScenario;
using headroom::test::richScenario;
namespace fs = std::filesystem;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString qpath(const fs::path &path)
{
    return QString::fromStdString(path.string());
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

std::vector<std::string> directoryEntries(const fs::path &directory)
{
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(directory))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

class TestScenarioIo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveAndLoad()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const fs::path path = fs::path(directory.path().toStdString()) / "scenario.json";
        const Scenario scenario = richScenario();
        QString error;
        QVERIFY2(saveScenario(scenario, qpath(path), &error), qPrintable(error));
        QVERIFY(loadScenarioFile(path.string()) == scenario);
        const LoadOutcome loaded = loadScenario(qpath(path));
        QVERIFY2(loaded.scenario, qPrintable(loaded.error));
        QVERIFY(*loaded.scenario == scenario);
        QCOMPARE(qs(readText(path)), qs(serializeScenario(scenario)));
        QCOMPARE(directoryEntries(path.parent_path()), std::vector<std::string>{"scenario.json"});
    }

    // A reader never sees a partly written file: each read is the old or the new content.
    void saveIsAtomic()
    {
        QTemporaryDir directory;
        const fs::path path = fs::path(directory.path().toStdString()) / "shared.json";
        const Scenario a = largeScenario(3000);
        Scenario b = largeScenario(2000);
        b.name = "other";
        const std::string textA = serializeScenario(a);
        const std::string textB = serializeScenario(b);
        QVERIFY(saveScenario(a, qpath(path), nullptr));

        std::atomic<bool> done{false};
        std::atomic<int> reads{0};
        std::atomic<int> torn{0};
        std::thread reader([&] {
            while (!done) {
                const std::string text = readText(path);
                if (text != textA && text != textB)
                    ++torn;
                ++reads;
            }
        });
        int failed = 0;
        for (int i = 0; i < 40; ++i)
            failed += saveScenario(i % 2 ? a : b, qpath(path), nullptr) ? 0 : 1;
        done = true;
        reader.join();
        QCOMPARE(failed, 0);
        QCOMPARE(torn.load(), 0);
        QVERIFY(reads.load() > 0);
        QCOMPARE(qs(readText(path)), qs(textA)); // the last save, i = 39
        QCOMPARE(directoryEntries(path.parent_path()), std::vector<std::string>{"shared.json"});
    }

    void saveKeepsPermissionsAndLinks()
    {
        QTemporaryDir directory;
        const fs::path dir(directory.path().toStdString());
        const fs::path path = dir / "scenario.json";
        writeText(path, "old");
        fs::permissions(path,
                        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        QVERIFY(saveScenario(richScenario(), qpath(path), nullptr));
        QCOMPARE(fs::status(path).permissions() & fs::perms::all,
                 fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

        const fs::path link = dir / "link.json";
        fs::create_symlink("scenario.json", link);
        Scenario changed = richScenario();
        changed.name = "through the link";
        QVERIFY(saveScenario(changed, qpath(link), nullptr));
        QVERIFY(fs::is_symlink(link));
        QVERIFY(loadScenarioFile(path.string()) == changed);
        QCOMPARE(directoryEntries(dir), (std::vector<std::string>{"link.json", "scenario.json"}));
    }

    void saveIntoMissingDirectory()
    {
        QTemporaryDir directory;
        const QString path = directory.path() + "/no/such/dir/s.json";
        QString error;
        QVERIFY(!saveScenario(richScenario(), path, &error));
        QVERIFY2(error.startsWith("Cannot write " + path + ": "), qPrintable(error));
        QVERIFY2(error.contains("No such file or directory"), qPrintable(error));
    }

    // When the name is taken by a directory, the save fails, names the path, leaves what was
    // there untouched and leaves no temporary file.
    void failedSaveLeavesNoTrace()
    {
        QTemporaryDir directory;
        const fs::path dir(directory.path().toStdString());
        const fs::path target = dir / "taken.json";
        fs::create_directory(target);
        writeText(target / "inside.txt", "keep");
        QString error;
        QVERIFY(!saveScenario(richScenario(), qpath(target), &error));
        QVERIFY2(error.startsWith("Cannot write " + qpath(target) + ": "), qPrintable(error));
        QCOMPARE(directoryEntries(dir), std::vector<std::string>{"taken.json"});
        QCOMPARE(qs(readText(target / "inside.txt")), QStringLiteral("keep"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioIo)
#include "test_scenario_io.moc"
