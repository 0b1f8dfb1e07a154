// File → Import of the planner's own data (docs/design.md §9) as a user drives it: each
// format ends with the jobs and the summary the core reader gives, replacing the cluster or
// mapping the jobs onto it, as one undo step; the CSV mapping dialog's preview.
#include "core/io/import/alibaba_openb.h"
#include "core/io/import/jobs_csv.h"
#include "core/io/import/kubernetes_nodes.h"
#include "core/io/import/slurm_accounting.h"
#include "tests/support/scenario_builder.h"
#include "tests/ui/dialog_answers.h"
#include "ui/document/scenario_document.h"
#include "ui/files/background_task.h"
#include "ui/files/csv_mapping_dialog.h"
#include "ui/files/file_controller.h"
#include "ui/main_window.h"
#include "ui/window/main_actions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

using namespace headroom;
using namespace headroom::ui;
using namespace headroom::test;

namespace {

QString dataFile(const char *name)
{
    return qEnvironmentVariable("HEADROOM_SOURCE_DIR") + "/tests/data/import/" + name;
}

// Two racks of 8-GPU nodes, SJF with best fit, three jobs.
Scenario designedScenario()
{
    return ScenarioBuilder()
            .nodes(2, 8, "gpu8", "ra", "hall")
            .nodes(2, 8, "gpu8", "rb", "hall")
            .job(1, 0, 8, 100)
            .job(2, 10, 16, 100)
            .job(3, 20, 4, 100)
            .scheduler(SchedulerKind::Sjf)
            .placement(PlacementKind::BestFit)
            .build();
}

ImportRequest request(ImportFormat format, QStringList files)
{
    ImportRequest r;
    r.format = format;
    r.files = std::move(files);
    return r;
}

CsvJobColumns epochColumns()
{
    CsvJobColumns columns;
    columns.submit = "Submitted";
    columns.run = "Elapsed";
    columns.slots = "GPUs";
    columns.id = "JobNo";
    return columns;
}

} // namespace

class TestDataImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return file.fileName();
    }

    // Runs `request` in a window showing the designed scenario, answering the cluster
    // question with `choice` (nullptr: none expected) and the summary; checks the summary is
    // the core's and undo brings the designed scenario back.
    void importAndUndo(const ImportRequest &r, const char *choice, const ImportSummary &expected,
                       const std::function<void(const Scenario &)> &check)
    {
        MainWindow window;
        window.showScenario(designedScenario());
        DialogAnswers answers;
        if (choice)
            answers.expect(clickButton(choice));
        answers.expect(acknowledge());
        QVERIFY(window.files()->importData(r));
        QVERIFY(answers.allAnswered());
        QVERIFY2(answers.unexpected.isEmpty(), qPrintable(answers.unexpected.join(", ")));
        QVERIFY2(answers.texts.constLast().contains(
                         QString::fromStdString(summaryText(expected)).trimmed()),
                 qPrintable(answers.texts.constLast()));
        const Scenario &s = window.document()->scenario();
        QVERIFY(s.policy == designedScenario().policy); // policies are kept either way
        check(s);
        QCOMPARE(window.document()->undoStack()->count(), 1);
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->scenario() == designedScenario());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's settings stay apart
        QCoreApplication::setOrganizationName("HeadroomTest");
    }
    void init() { QSettings().clear(); }

    // The GUI's one way to read off the UI thread: the dialog shows the bytes read of the
    // total, and Cancel stops the reader (it throws ReadCancelled at its next step) rather
    // than leaving it to finish unseen.
    void progressDialogShowsBytesAndCancelStopsTheRead()
    {
        QWidget parent;
        parent.show();
        std::atomic<bool> stopped{false};
        const std::uint64_t total = std::uint64_t(64) << 20;
        int maximum = -1, value = -1;
        bool visible = false;
        QString label;
        QTimer::singleShot(900, &parent, [&] {
            auto *dialog = parent.findChild<QProgressDialog *>();
            if (!dialog)
                return;
            visible = dialog->isVisible();
            maximum = dialog->maximum();
            value = dialog->value();
            label = dialog->labelText();
            if (auto *cancel = dialog->findChild<QPushButton *>())
                cancel->click();
        });
        const std::optional<int> result = runCancellableInBackground(
                &parent, "Reading big.txt…", [&stopped, total](ReadProgress &progress) {
                    ProgressTicker ticker(&progress, total);
                    try {
                        for (std::uint64_t at = 0; at < total; at += 256 << 10) {
                            ticker.at(at);
                            QThread::msleep(5); // 64 MiB in about 1.3 s
                        }
                        ticker.finish(total);
                    } catch (const ReadCancelled &) {
                        stopped = true;
                        return -1;
                    }
                    return 1;
                });
        QThreadPool::globalInstance()->waitForDone();
        QVERIFY(!result);
        QVERIFY(stopped);
        QVERIFY(visible);
        QCOMPARE(maximum, 1000);
        QVERIFY2(value > 0 && value < 1000, qPrintable(QString::number(value)));
        QVERIFY2(label.startsWith("Reading big.txt…\n") && label.contains(" of 64"),
                 qPrintable(label));
    }

    // File ▸ Import ▸ Slots Are GPUs / CPU Cores: GPUs unless chosen otherwise, the choice
    // outlives the window, and the Slurm, Kubernetes and openb requests carry it (a CSV maps
    // its own slots column).
    void slotChoiceIsRemembered()
    {
        {
            MainWindow window;
            QVERIFY(window.actions()->importSlotsGpu->isChecked());
            QVERIFY(!window.actions()->importSlotsCpu->isChecked());
            QCOMPARE(FileController::importSlots(), ImportSlots::Gpu);
            window.actions()->importSlotsCpu->trigger();
            QVERIFY(!window.actions()->importSlotsGpu->isChecked());
        }
        QCOMPARE(QSettings().value("import/slots").toString(), QString("cpu"));
        MainWindow window;
        QVERIFY(window.actions()->importSlotsCpu->isChecked());
        for (ImportFormat format :
             {ImportFormat::Slurm, ImportFormat::Kubernetes, ImportFormat::Openb})
            QCOMPARE(FileController::importRequest(format, {"f"}).slots, ImportSlots::Cpu);
        QCOMPARE(FileController::importRequest(ImportFormat::Csv, {"f"}).slots, ImportSlots::Gpu);
        window.actions()->importSlotsGpu->trigger();
        QCOMPARE(FileController::importRequest(ImportFormat::Slurm, {"f"}).slots, ImportSlots::Gpu);
    }

    // With CPU slots the Slurm import counts NCPUS, so the CPU-only job comes too, and the
    // summary says what was counted.
    void slurmWithCpuSlots()
    {
        SlurmImportOptions options;
        options.sacctPath = dataFile("sacct-22.05.txt").toStdString();
        options.nodesPath = dataFile("scontrol-nodes.txt").toStdString();
        options.slots = ImportSlots::Cpu;
        const ImportResult core = importSlurm(options, {});
        QCOMPARE(core.summary.jobsImported, 13LL);
        FileController::setImportSlots(ImportSlots::Cpu);
        const ImportRequest r = FileController::importRequest(
                ImportFormat::Slurm, {dataFile("sacct-22.05.txt"), dataFile("scontrol-nodes.txt")});
        MainWindow window;
        window.showScenario(designedScenario());
        DialogAnswers answers;
        answers.expect(clickButton("replaceCluster"));
        answers.expect(acknowledge());
        QVERIFY(window.files()->importData(r));
        QVERIFY(answers.allAnswered());
        QVERIFY2(answers.texts.constLast().contains("Slots are CPU cores"),
                 qPrintable(answers.texts.constLast()));
        const Scenario &s = window.document()->scenario();
        QCOMPARE(s.jobs.size(), std::size_t(13));
        QVERIFY(s.cluster == *core.cluster);
        QCOMPARE(s.findNodeType(core.nodeTypes.front().name)->accelerators,
                 core.nodeTypes.front().accelerators);
    }

    void slurmReplacesTheCluster()
    {
        SlurmImportOptions options;
        options.sacctPath = dataFile("sacct-22.05.txt").toStdString();
        options.nodesPath = dataFile("scontrol-nodes.txt").toStdString();
        const ImportResult core = importSlurm(options, {});
        QVERIFY(core.jobs && core.cluster);
        importAndUndo(request(ImportFormat::Slurm,
                              {dataFile("sacct-22.05.txt"), dataFile("scontrol-nodes.txt")}),
                      "replaceCluster", core.summary, [&](const Scenario &s) {
                          QCOMPARE(s.jobs.size(), core.jobs->size());
                          QVERIFY(s.cluster == *core.cluster);
                          QVERIFY(s.findNodeType("a100-4gpu"));
                          QVERIFY(s.findNodeType("gpu8")); // kept: types join
                      });
    }

    void slurmMapsJobsOntoTheCluster()
    {
        SlurmImportOptions options;
        options.sacctPath = dataFile("sacct-22.05.txt").toStdString();
        const ImportResult core = importSlurm(options, designedScenario().cluster);
        importAndUndo(request(ImportFormat::Slurm,
                              {dataFile("sacct-22.05.txt"), dataFile("scontrol-nodes.txt")}),
                      "mapJobs", core.summary, [&](const Scenario &s) {
                          QCOMPARE(s.jobs.size(), core.jobs->size());
                          QVERIFY(s.cluster == designedScenario().cluster);
                          QVERIFY(s.nodeTypes == designedScenario().nodeTypes);
                      });
    }

    // A node list gives no jobs: no question, the cluster is replaced and the jobs stay.
    void kubernetesReplacesTheClusterAndKeepsTheJobs()
    {
        const ImportResult core =
                readKubernetesNodes(dataFile("kubectl-nodes.json").toStdString(), ImportSlots::Gpu);
        importAndUndo(request(ImportFormat::Kubernetes, {dataFile("kubectl-nodes.json")}), nullptr,
                      core.summary, [&](const Scenario &s) {
                          QVERIFY(s.cluster == *core.cluster);
                          QVERIFY(s.jobs == designedScenario().jobs);
                      });
    }

    void openbReplacesOrMaps()
    {
        const ImportResult core =
                readOpenb(dataFile("openb-nodes.csv").toStdString(),
                          dataFile("openb-pods.csv").toStdString(), ImportSlots::Gpu);
        const QStringList files = {dataFile("openb-nodes.csv"), dataFile("openb-pods.csv")};
        importAndUndo(request(ImportFormat::Openb, files), "replaceCluster", core.summary,
                      [&](const Scenario &s) {
                          QCOMPARE(s.jobs.size(), core.jobs->size());
                          QVERIFY(s.cluster == *core.cluster);
                      });
        importAndUndo(request(ImportFormat::Openb, files), "mapJobs", core.summary,
                      [&](const Scenario &s) {
                          QCOMPARE(s.jobs.size(), core.jobs->size());
                          QVERIFY(s.cluster == designedScenario().cluster);
                          // The designed cluster has no zone per GPU model.
                          for (const Job &job : s.jobs)
                              QVERIFY(job.constraints->zone.empty());
                      });
    }

    // A jobs CSV has no cluster: no question, the jobs go onto the designed cluster.
    void csvMapsJobs()
    {
        ImportRequest r = request(ImportFormat::Csv, {dataFile("jobs-epoch.csv")});
        r.columns = epochColumns();
        const ImportResult core = readJobsCsv(dataFile("jobs-epoch.csv").toStdString(), r.columns,
                                              CsvTimeFormat::Epoch);
        QVERIFY(core.jobs && !core.jobs->empty());
        importAndUndo(r, nullptr, core.summary, [&](const Scenario &s) {
            QVERIFY(s.jobs == *core.jobs);
            QVERIFY(s.cluster == designedScenario().cluster);
        });
    }

    // A bad file is refused with the reader's message, and nothing changes.
    void badFileChangesNothing()
    {
        MainWindow window;
        window.showScenario(designedScenario());
        ImportRequest r = request(ImportFormat::Csv, {write("bad.csv", "s,r,g\n5,x,1\n")});
        r.columns.submit = "s";
        r.columns.run = "r";
        r.columns.slots = "g";
        DialogAnswers answers;
        answers.expect(acknowledge());
        QVERIFY(!window.files()->importData(r));
        QVERIFY(answers.allAnswered());
        QVERIFY2(answers.texts.value(0).contains(
                         "bad.csv:2: field r: not a number of seconds: \"x\""),
                 qPrintable(answers.texts.value(0)));
        QVERIFY(window.document()->scenario() == designedScenario());
        QCOMPARE(window.document()->undoStack()->count(), 0);
    }

    // The mapping is guessed from the header; each previewed row says what it makes, and a
    // bad row's exact message (line and column) keeps Import off until the mapping is right.
    void csvDialogPreviewsRows()
    {
        const QString path = write("jobs.csv", "Job_ID,Submit,Runtime,GPUs,Team\n"
                                               "1,100,60,2,a\n"
                                               "2,160,1h,1,b\n"
                                               "3,200,0,4,a\n");
        CsvMappingDialog dialog(path, readCsvStart(path));
        const CsvJobColumns guessed = dialog.columns();
        QCOMPARE(guessed.id, std::string("Job_ID"));
        QCOMPARE(guessed.submit, std::string("Submit"));
        QCOMPARE(guessed.run, std::string("Runtime"));
        QCOMPARE(guessed.slots, std::string("GPUs"));
        QCOMPARE(guessed.tenant, std::string("Team"));
        auto *table = dialog.findChild<QTableWidget *>("preview");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 1)->text(), QString("100"));
        const QString error = path + ":3: field Runtime: not a number of seconds: \"1h\"";
        QCOMPARE(table->item(1, table->columnCount() - 1)->text(), error);
        QVERIFY(table->item(2, table->columnCount() - 1)->text().contains("skipped"));
        QVERIFY2(dialog.previewStatus().contains("1 jobs, 1 skipped, 1 with an error"),
                 qPrintable(dialog.previewStatus()));
        QVERIFY(dialog.previewStatus().contains(error));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());

        // Without a slots column nothing can be imported, and the dialog says what is missing.
        auto *slots = dialog.findChild<QComboBox *>("field_slots");
        slots->setCurrentIndex(0);
        QVERIFY(dialog.previewStatus().contains("slots"));
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    }

    // The whole CSV flow: the mapping dialog, accepted with its guesses, then the import.
    void csvFileThroughTheDialog()
    {
        MainWindow window;
        window.showScenario(designedScenario());
        const QString path = write("ok.csv", "id,submit,run,gpus\n1,100,60,2\n2,160,30,8\n");
        DialogAnswers answers;
        answers.expect([](QWidget *dialog) {
            auto *mapping = qobject_cast<CsvMappingDialog *>(dialog);
            QVERIFY(mapping);
            QVERIFY(mapping->previewStatus().contains("2 jobs, 0 skipped, 0 with an error"));
            QMetaObject::invokeMethod(mapping, "accept", Qt::QueuedConnection);
        });
        answers.expect(acknowledge());
        QVERIFY(window.files()->importCsvFile(path));
        QVERIFY(answers.allAnswered());
        const Scenario &s = window.document()->scenario();
        QCOMPARE(s.jobs.size(), std::size_t(2));
        QCOMPARE(s.jobs[1].slots, 8);
        QCOMPARE(s.jobs[1].runS, 30.0);
        QVERIFY(answers.texts.constLast().contains("jobs imported"));
    }
};

QTEST_MAIN(TestDataImport)
#include "test_data_import.moc"
