// Autosave writes unsaved work aside; after a crash the next start finds and restores it.
#include "core/io/scenario_json.h"
#include "tests/support/scenario_builder.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/files/autosave.h"
#include "ui/files/scenario_io.h"

#include <QtTest>

using namespace headroom;
using namespace headroom::ui;

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoresAnEditedUnsavedScenario()
    {
        QTemporaryDir dir;
        const QString recovery = dir.filePath("recovery");
        std::string edited;
        {
            ScenarioDocument document(test::ScenarioBuilder().nodes(2, 8, "gpu8").build());
            document.setFilePath(dir.filePath("plan.json"));
            Autosave autosave(&document, recovery);
            QVERIFY(!autosave.saveNow()); // nothing changed yet: nothing written
            QVERIFY(edits::addNodes(document, "r0", "gpu8", 3));
            Job job;
            job.runS = 600;
            job.slots = 4;
            edits::addJobs(document, {job}, "Add job");
            QVERIFY(autosave.saveNow());
            edited = serializeScenario(document.scenario());
            // While this session lives, its files are not offered to anyone.
            QVERIFY(Autosave::findRecoverable(recovery).empty());
        } // "crash": the session ends without a save or a discard

        const std::vector<RecoveryCandidate> found = Autosave::findRecoverable(recovery);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().originalPath, dir.filePath("plan.json"));
        const LoadOutcome restored = loadScenario(found.front().scenarioPath);
        QVERIFY2(restored.scenario, qPrintable(restored.error));
        QCOMPARE(serializeScenario(*restored.scenario), edited);

        Autosave::remove(found.front(), recovery);
        QVERIFY(Autosave::findRecoverable(recovery).empty());
    }

    // A session that ends clean (back to the state on disk by undo, or saved) leaves nothing
    // to offer, although it had autosaved an edit on the way.
    void savingOrUndoingToCleanLeavesNothingToRecover_data()
    {
        QTest::addColumn<bool>("undo");
        QTest::newRow("undone to the state on disk") << true;
        QTest::newRow("saved") << false;
    }
    void savingOrUndoingToCleanLeavesNothingToRecover()
    {
        QFETCH(bool, undo);
        QTemporaryDir dir;
        const QString recovery = dir.filePath("recovery");
        {
            ScenarioDocument document(test::ScenarioBuilder().nodes(1, 8, "gpu8").build());
            Autosave autosave(&document, recovery);
            QVERIFY(edits::addZone(document));
            QVERIFY(autosave.saveNow());
            if (undo)
                document.undoStack()->undo();
            else
                document.markSaved();
        }
        QVERIFY(Autosave::findRecoverable(recovery).empty());
    }

    void autosavesOnItsTimer()
    {
        QTemporaryDir dir;
        const QString recovery = dir.filePath("recovery");
        ScenarioDocument document(test::ScenarioBuilder().nodes(1, 8, "gpu8").build());
        Autosave autosave(&document, recovery);
        autosave.setInterval(50);
        QVERIFY(edits::addZone(document));
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(recovery).entryList({"*.scenario.json"}).isEmpty(), 5000);
    }
};

QTEST_MAIN(TestAutosave)
#include "test_autosave.moc"
