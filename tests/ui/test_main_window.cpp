// The main window as a user drives it: opening and importing files (what the file is told by
// its content, the questions a trace import asks), the Edit and Help menus, file dialogs'
// starting folder, and the docks after a run.
#include "core/model/scenario.h"
#include "tests/support/scenario_builder.h"
#include "tests/ui/dialog_answers.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/files/file_controller.h"
#include "ui/main_window.h"
#include "ui/models/jobs_table_model.h"
#include "ui/panels/results_panel.h"
#include "ui/panels/workloads_panel.h"
#include "ui/run/run_controller.h"
#include "ui/settings_keys.h"
#include "ui/window/help_dialogs.h"
#include "ui/window/main_actions.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

#include <deque>
#include <functional>

using namespace headroom;
using namespace headroom::ui;
using namespace headroom::test;

namespace {

std::string swfJob(int id, int submit, int run, int processors)
{
    return QStringLiteral("%1 %2 -1 %3 %4 -1 -1 %4 %3 -1 1 7 -1 -1 -1 -1 -1 -1\n")
            .arg(id)
            .arg(submit)
            .arg(run)
            .arg(processors)
            .toStdString();
}

// A designed cluster: two racks of 8-accelerator nodes, SJF with best fit, three jobs.
Scenario designedScenario()
{
    return test::ScenarioBuilder()
            .nodes(2, 8, "gpu8", "ra", "hall")
            .nodes(2, 8, "gpu8", "rb", "hall")
            .job(1, 0, 8, 100)
            .job(2, 10, 16, 100)
            .job(3, 20, 4, 100)
            .scheduler(SchedulerKind::Sjf)
            .placement(PlacementKind::BestFit)
            .build();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const std::string &bytes) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(bytes.data(), qint64(bytes.size()));
        return file.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's settings and recovery stay apart
        QCoreApplication::setOrganizationName("HeadroomTest");
        QVERIFY(m_dir.isValid());
    }
    void init() { QSettings().clear(); }

    // An empty window has no cluster to keep: the trace's own cluster comes in without a
    // question, sized by the node count the user gives when the trace does not say it.
    void traceWithoutNodeCountAsksForIt()
    {
        MainWindow window;
        const QString trace = write("no-header.swf", swfJob(1, 0, 100, 2) + swfJob(2, 5, 50, 3));
        DialogAnswers answers;
        int proposed = 0;
        answers.expect(answerInt(6, &proposed));
        QVERIFY(window.openFile(trace));
        QVERIFY(answers.allAnswered());
        QVERIFY2(answers.unexpected.isEmpty(), qPrintable(answers.unexpected.join(", ")));
        QCOMPARE(proposed, 3); // the largest job: the fewest nodes that run every job
        QVERIFY2(answers.texts.value(0).contains("MaxNodes"), qPrintable(answers.texts.value(0)));
        QVERIFY(!answers.texts.value(0).contains("--nodes"));
        const Scenario &s = window.document()->scenario();
        QCOMPARE(s.cluster.nodeCount(), 6);
        QCOMPARE(s.jobs.size(), std::size_t(2));

        // Cancelled: nothing changes.
        window.showScenario(Scenario());
        answers.expect(
                [](QWidget *d) { QMetaObject::invokeMethod(d, "reject", Qt::QueuedConnection); });
        QVERIFY(!window.openFile(trace));
        QCOMPARE(window.document()->scenario().cluster.nodeCount(), 0);
        QVERIFY(answers.unexpected.isEmpty()); // no error box after a cancel
    }

    // Named .swf.gz but not gzip data: said so, and the document stays as it was.
    void corruptGzipSaysItIsNotGzip()
    {
        MainWindow window;
        window.showScenario(designedScenario());
        const QString corrupt = write("corrupt.swf.gz", "this is not a trace\n");
        DialogAnswers answers;
        answers.expect(acknowledge());
        QVERIFY(!window.openFile(corrupt));
        QVERIFY(answers.allAnswered());
        QVERIFY2(answers.texts.value(0).contains("not gzip data"),
                 qPrintable(answers.texts.value(0)));
        QVERIFY(window.document()->scenario() == designedScenario());
    }

    // A trace imported into a designed cluster asks what to do with the cluster. Mapping keeps
    // the cluster and the policies, replaces the jobs, and is one undo step; it needs no node
    // count.
    void importMapsJobsOntoTheDesignedCluster()
    {
        MainWindow window;
        window.showScenario(designedScenario());
        const Scenario before = window.document()->scenario();
        const QString trace =
                write("map.swf", swfJob(1, 0, 100, 2) + swfJob(2, 5, 50, 48) + swfJob(3, 9, 70, 4));
        DialogAnswers answers;
        answers.expect(clickButton("mapJobs"));
        QVERIFY(window.files()->importTraceFile(trace));
        QVERIFY(answers.allAnswered());
        QVERIFY2(answers.unexpected.isEmpty(), qPrintable(answers.unexpected.join(", ")));
        const Scenario &s = window.document()->scenario();
        QVERIFY(s.cluster == before.cluster);
        QVERIFY(s.nodeTypes == before.nodeTypes);
        QVERIFY(s.policy == before.policy);
        QCOMPARE(s.jobs.size(), std::size_t(3));
        QCOMPARE(s.jobs[1].slots, 48);
        QCOMPARE(s.jobs[1].tenant, std::string("u7"));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        QVERIFY(window.document()->isModified());

        window.document()->undoStack()->undo();
        QVERIFY(window.document()->scenario() == before);
    }

    // File dialogs start in the last folder used, else the open file's folder, else the
    // user's documents (or home): never the process's working directory ("/" from a menu).
    void fileDialogsStartInAFolderOfTheUsers()
    {
        MainWindow window;
        FileController *files = window.files();
        const QString documents =
                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString fallback = QFileInfo(documents).isDir() ? documents : QDir::homePath();
        QCOMPARE(files->dialogDirectory(), fallback);
        QSettings().setValue(settings::kFilesLastDirectory, m_dir.filePath("gone"));
        QCOMPARE(files->dialogDirectory(), fallback); // a folder that no longer exists

        // A scenario file's folder, once one is open.
        QDir(m_dir.path()).mkpath("designs");
        const QString saved = m_dir.filePath("designs/d.headroom.json");
        window.showScenario(designedScenario());
        window.document()->setFilePath(saved);
        QCOMPARE(files->dialogDirectory(), m_dir.filePath("designs"));

        // The folder a trace was imported from is remembered, and Open starts there.
        QDir(m_dir.path()).mkpath("traces");
        const QString trace = write("traces/t.swf", "; MaxNodes: 4\n" + swfJob(1, 0, 100, 2));
        DialogAnswers answers;
        answers.expect(clickButton("replaceCluster"));
        QVERIFY(files->importTraceFile(trace));
        QCOMPARE(files->dialogDirectory(), m_dir.filePath("traces"));
        MainWindow later; // a new session reads it back
        QString shown;
        answers.expect([&shown](QWidget *dialog) {
            auto *chooser = qobject_cast<QFileDialog *>(dialog);
            QVERIFY(chooser);
            shown = chooser->directory().absolutePath();
            QMetaObject::invokeMethod(chooser, "reject", Qt::QueuedConnection);
        });
        later.files()->open();
        QVERIFY(answers.allAnswered());
        QCOMPARE(shown, m_dir.filePath("traces"));
    }

    // Redo answers to Ctrl+Y as well as to the platform's Ctrl+Shift+Z.
    void redoAnswersToCtrlYAndCtrlShiftZ()
    {
        MainWindow window;
        window.showScenario(designedScenario());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        UndoHistory *history = window.document()->undoStack();
        const std::size_t jobs = window.document()->scenario().jobs.size();
        Job job;
        job.slots = 1;
        job.runS = 10;
        edits::addJobs(*window.document(), {job}, "Add job");
        QCOMPARE(window.document()->scenario().jobs.size(), jobs + 1);
        for (const QKeyCombination redo :
             {Qt::CTRL | Qt::Key_Y, Qt::CTRL | Qt::SHIFT | Qt::Key_Z}) {
            QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(window.document()->scenario().jobs.size(), jobs);
            QTest::keyClick(&window, redo.key(), redo.keyboardModifiers());
            QCOMPARE(window.document()->scenario().jobs.size(), jobs + 1);
        }
        QCOMPARE(history->index(), 1);
    }

    // Help → User Guide: the README's sections on using the app (one text for the repository
    // and the app) and every shortcut, read from the actions themselves.
    void helpShowsTheGuideAndEveryShortcut()
    {
        const QString guide = userGuideMarkdown();
        for (const QString &section : userGuideSections())
            QVERIFY2(guide.contains("## " + section), qPrintable(section));
        QVERIFY(guide.contains("Ctrl+Y"));
        QVERIFY(!guide.contains("![")); // no images: they live in the repository only
        QVERIFY(!guide.contains("## Installing"));

        MainWindow window;
        MainActions *actions = window.actions();
        QVERIFY(actions->userGuide->shortcuts().contains(QKeySequence(QKeySequence::HelpContents)));
        actions->userGuide->trigger();
        auto *dialog = window.findChild<QDialog *>("userGuideDialog");
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString text = dialog->findChild<QTextBrowser *>("helpText")->toPlainText();
        QVERIFY(text.contains("Drag a node type from the palette"));
        QVERIFY(text.contains("Keyboard shortcuts"));

        actions->keyboardShortcuts->trigger();
        auto *shortcuts = window.findChild<QDialog *>("shortcutsDialog");
        QVERIFY(shortcuts);
        const QString table = shortcuts->findChild<QTextBrowser *>("helpText")->toPlainText();
        int listed = 0;
        for (const QAction *action : actions->menuActions()) {
            if (action->shortcuts().isEmpty())
                continue;
            QString name = action->text().remove('&');
            name.remove(QStringLiteral("…"));
            QVERIFY2(table.contains(name), qPrintable(name));
            for (const QKeySequence &key : action->shortcuts())
                QVERIFY2(table.contains(key.toString(QKeySequence::NativeText)),
                         qPrintable(key.toString()));
            ++listed;
        }
        QVERIFY(listed >= 15);
        QVERIFY(table.contains("Ctrl+Y") && table.contains("Ctrl+Shift+Z"));
    }

    // After a run the Results dock must not squeeze the jobs table: at 1280×800 the bottom tabs
    // read in full, the jobs' State column shows, and the results reflow and scroll instead.
    void resultsDoNotSqueezeTheJobsTable()
    {
        MainWindow window;
        window.resize(1203, 752); // 1280×800 less a desktop's panels
        window.showScenario(designedScenario());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *workloads = window.findChild<QDockWidget *>("WorkloadsDock");
        auto *results = window.findChild<QDockWidget *>("ResultsDock");
        // The default split is applied once the window is laid out at its size.
        QTRY_VERIFY(workloads->width() > results->width());
        const int before = workloads->width();

        window.runController()->setSpeed(0.0);
        window.runController()->play();
        QTRY_VERIFY_WITH_TIMEOUT(window.resultsPanel()->hasResult(), 10000);
        QCoreApplication::processEvents();
        QCOMPARE(workloads->width(), before);
        QVERIFY(results->minimumSizeHint().width() < 150); // the splitter can move
        QCOMPARE(window.resultsPanel()->figureColumns(), 1);

        // Every tab of the jobs table's group reads in full.
        QTabBar *tabs = nullptr;
        for (QTabBar *bar : window.findChildren<QTabBar *>()) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->tabText(i) == "Workloads")
                    tabs = bar;
            }
        }
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 5); // workloads, services, timeline, node utilization, failures
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(tabs->tabRect(i).width() >=
                             tabs->fontMetrics().horizontalAdvance(tabs->tabText(i)),
                     qPrintable(tabs->tabText(i)));

        // The jobs' State column is on screen.
        const QHeaderView *header = window.workloadsPanel()->view()->horizontalHeader();
        const int state = JobsTableModel::StateColumn;
        QVERIFY(header->sectionViewportPosition(state) >= 0);
        QVERIFY(header->sectionViewportPosition(state) + header->sectionSize(state) <=
                header->viewport()->width());
    }

    // The results' figures sit in two caption/value columns when there is room, in one when
    // not, and the panel never asks for more width than a scroll bar's worth.
    void resultsReflowToTheirWidth()
    {
        ScenarioDocument document(designedScenario());
        RunController run(&document);
        ResultsPanel panel(&document, &run);
        panel.resize(1000, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        run.setSpeed(0.0);
        run.play();
        QTRY_VERIFY_WITH_TIMEOUT(panel.hasResult(), 10000);
        QTRY_COMPARE(panel.figureColumns(), 2);
        panel.resize(280, 400);
        QTRY_COMPARE(panel.figureColumns(), 1);
        panel.resize(1000, 400);
        QTRY_COMPARE(panel.figureColumns(), 2);
        QVERIFY(panel.minimumSizeHint().width() < 150);
    }

    void importCanReplaceTheCluster()
    {
        MainWindow window;
        window.showScenario(designedScenario());
        const QString trace = write("replace.swf", "; MaxNodes: 5\n" + swfJob(1, 0, 100, 2));
        DialogAnswers answers;
        answers.expect(clickButton("replaceCluster"));
        QVERIFY(window.files()->importTraceFile(trace));
        QVERIFY(answers.allAnswered());
        const Scenario &s = window.document()->scenario();
        QCOMPARE(s.cluster.nodeCount(), 5);
        QCOMPARE(s.cluster.zones.front().name, std::string("swf"));
        QCOMPARE(s.jobs.size(), std::size_t(1));
        QVERIFY(window.document()->filePath().isEmpty()); // a new, unsaved scenario

        // Cancel at the question: nothing happens.
        window.showScenario(designedScenario());
        answers.expect(
                [](QWidget *d) { QMetaObject::invokeMethod(d, "reject", Qt::QueuedConnection); });
        QVERIFY(!window.files()->importTraceFile(trace));
        QVERIFY(window.document()->scenario() == designedScenario());
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
