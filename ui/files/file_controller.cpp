#include "ui/files/file_controller.h"

#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/files/autosave.h"
#include "ui/files/background_task.h"
#include "ui/files/csv_mapping_dialog.h"
#include "ui/files/recent_files.h"
#include "ui/files/scenario_io.h"
#include "ui/files/trace_import.h"
#include "ui/settings_keys.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace headroom::ui {
namespace {

// ".headroom.json" is the extension the desktop associates with Headroom (packaging/linux);
// any .json scenario still opens.
constexpr const char *kScenarioFilter = QT_TRANSLATE_NOOP(
        "headroom::ui::FileController", "Headroom scenarios (*.headroom.json *.json)");
constexpr const char *kTraceFilter =
        QT_TRANSLATE_NOOP("headroom::ui::FileController",
                          "Standard Workload Format traces (*.swf *.swf.gz);;All files (*)");

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

bool isDirectory(const QString &path)
{
    return !path.isEmpty() && QFileInfo(path).isDir();
}

} // namespace

FileController::FileController(ScenarioDocument *document, Selection *selection, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_selection(selection)
    , m_window(window)
    , m_recent(new RecentFiles(this))
    , m_autosave(new Autosave(document, Autosave::defaultDirectory(), this))
{}

FileController::~FileController() = default;

QString FileController::dialogDirectory() const
{
    // Never the process's working directory, which is "/" when started from a desktop menu.
    const QString last = QSettings().value(settings::kFilesLastDirectory).toString();
    if (isDirectory(last))
        return last;
    const QString path = m_document->filePath();
    if (!path.isEmpty() && !path.startsWith(':') && isDirectory(QFileInfo(path).absolutePath()))
        return QFileInfo(path).absolutePath();
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return isDirectory(documents) ? documents : QDir::homePath();
}

ImportSlots FileController::importSlots()
{
    return QSettings().value(settings::kImportSlots).toString() == "cpu" ? ImportSlots::Cpu
                                                                         : ImportSlots::Gpu;
}

void FileController::setImportSlots(ImportSlots slots)
{
    QSettings().setValue(settings::kImportSlots, slots == ImportSlots::Cpu ? "cpu" : "gpu");
}

ImportRequest FileController::importRequest(ImportFormat format, const QStringList &files)
{
    ImportRequest request;
    request.format = format;
    request.files = files;
    if (format != ImportFormat::Csv)
        request.slots = importSlots();
    return request;
}

void FileController::rememberDirectory(const QString &filePath)
{
    if (!filePath.startsWith(':'))
        QSettings().setValue(settings::kFilesLastDirectory, QFileInfo(filePath).absolutePath());
}

bool FileController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
            m_window, tr("Unsaved changes"),
            tr("%1 has unsaved changes. Save them first?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool FileController::confirmClose()
{
    if (!maybeSave())
        return false;
    m_autosave->discard();
    return true;
}

void FileController::replaceScenario(Scenario scenario, const QString &path)
{
    m_selection->clear();
    m_document->undoStack()->clear();
    m_document->resetScenario(std::move(scenario));
    m_document->setFilePath(path);
    m_document->markSaved();
    m_autosave->discard();
    Q_EMIT scenarioReplaced();
}

void FileController::showScenario(Scenario scenario)
{
    replaceScenario(std::move(scenario), QString());
}

void FileController::newScenario()
{
    if (!maybeSave())
        return;
    Scenario scenario;
    scenario.name = tr("Untitled").toStdString();
    replaceScenario(std::move(scenario), QString());
}

bool FileController::openFile(const QString &path)
{
    const FileKind kind = fileKind(path);
    if (!kind.kind) {
        QMessageBox::warning(m_window, tr("Cannot open"), kind.error);
        if (!QFileInfo::exists(path))
            m_recent->remove(path);
        return false;
    }
    if (*kind.kind == InputKind::SwfTrace)
        return importTraceFile(path);
    return openScenarioFile(path);
}

bool FileController::openScenarioFile(const QString &path)
{
    if (!maybeSave())
        return false;
    const LoadOutcome outcome = runInBackground(m_window, tr("Opening %1…").arg(fileName(path)),
                                                [path] { return loadScenario(path); });
    if (!outcome.scenario) {
        QMessageBox::warning(m_window, tr("Cannot open scenario"), outcome.error);
        if (!QFileInfo::exists(path))
            m_recent->remove(path);
        return false;
    }
    // The bundled example is a resource, which cannot be saved over: it opens as a new,
    // unsaved scenario. A scenario file stays attached to its path.
    const bool bundled = path.startsWith(':');
    replaceScenario(*outcome.scenario, bundled ? QString() : path);
    if (bundled) {
        Q_EMIT statusMessage(tr("Opened the example cluster. Press Space to run it."), 0);
    } else {
        m_recent->add(path);
        rememberDirectory(path);
        Q_EMIT statusMessage(tr("Opened %1").arg(fileName(path)), 6000);
    }
    return true;
}

bool FileController::importTraceFile(const QString &path)
{
    const std::optional<TraceImportMode> mode = askTraceImportMode(m_window, *m_document, path);
    if (!mode)
        return false;
    if (*mode == TraceImportMode::ReplaceCluster && !maybeSave())
        return false;
    LoadOutcome outcome = readTrace(m_window, path, *mode);
    if (!outcome.scenario) {
        if (!outcome.error.isEmpty())
            QMessageBox::warning(m_window, tr("Cannot import trace"), outcome.error);
        return false;
    }
    rememberDirectory(path);
    if (*mode == TraceImportMode::MapJobs) {
        Q_EMIT statusMessage(
                mapTraceJobs(*m_document, std::move(*outcome.scenario), path, outcome.skipped), 0);
        return true;
    }
    // A trace becomes a new, unsaved scenario.
    replaceScenario(std::move(*outcome.scenario), QString());
    QString message =
            tr("Imported %1 jobs from %2")
                    .arg(report::count(qint64(m_document->scenario().jobs.size())), fileName(path));
    if (outcome.skipped > 0)
        message += tr(" (%1 skipped: run time or size not positive)")
                           .arg(report::count(outcome.skipped));
    Q_EMIT statusMessage(message, 0);
    return true;
}

void FileController::open()
{
    const QString path =
            QFileDialog::getOpenFileName(m_window, tr("Open Scenario"), dialogDirectory(),
                                         tr(kScenarioFilter) + ";;" + tr(kTraceFilter));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    openFile(path);
}

void FileController::importTrace()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import SWF Trace"),
                                                      dialogDirectory(), tr(kTraceFilter));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    importTraceFile(path);
}

bool FileController::saveTo(const QString &path)
{
    // The progress dialog is modal, so the scenario cannot change while it is written.
    const Scenario *scenario = &m_document->scenario();
    const auto [saved, error] =
            runInBackground(m_window, tr("Saving %1…").arg(fileName(path)), [scenario, path] {
                QString message;
                const bool ok = saveScenario(*scenario, path, &message);
                return std::pair(ok, message);
            });
    if (!saved) {
        QMessageBox::warning(m_window, tr("Cannot save"), error);
        return false;
    }
    m_document->setFilePath(path);
    m_document->markSaved();
    m_autosave->discard();
    m_recent->add(path);
    Q_EMIT statusMessage(tr("Saved %1").arg(fileName(path)), 6000);
    return true;
}

bool FileController::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool FileController::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty())
        suggestion = dialogDirectory() + "/" + m_document->displayName() + ".headroom.json";
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Scenario As"), suggestion,
                                                tr(kScenarioFilter));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(".json", Qt::CaseInsensitive))
        path += ".headroom.json";
    rememberDirectory(path);
    return saveTo(path);
}

bool FileController::offerRecovery()
{
    const QString directory = Autosave::defaultDirectory();
    const std::vector<RecoveryCandidate> candidates = Autosave::findRecoverable(directory);
    if (candidates.empty())
        return false;
    const RecoveryCandidate &newest = candidates.front();
    const QString name = newest.originalPath.isEmpty() ? tr("an unsaved scenario")
                                                       : fileName(newest.originalPath);
    const auto answer = QMessageBox::question(
            m_window, tr("Recover unsaved changes?"),
            tr("Headroom did not shut down cleanly. Restore the changes to %1 autosaved at "
               "%2?")
                    .arg(name,
                         QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    bool restored = false;
    if (answer == QMessageBox::Yes) {
        const LoadOutcome outcome = loadScenario(newest.scenarioPath);
        if (outcome.scenario) {
            replaceScenario(*outcome.scenario, newest.originalPath);
            // Restored work is unsaved work: make it a change the user has to save.
            m_document->undoStack()->resetClean();
            Q_EMIT statusMessage(tr("Restored unsaved changes to %1").arg(name), 0);
            restored = true;
        } else {
            QMessageBox::warning(m_window, tr("Cannot recover"), outcome.error);
        }
    }
    for (const RecoveryCandidate &candidate : candidates)
        Autosave::remove(candidate, directory);
    return restored;
}

bool FileController::importData(const ImportRequest &request)
{
    const QString message = importIntoDocument(m_window, *m_document, request);
    if (message.isEmpty())
        return false;
    rememberDirectory(request.files.value(0));
    Q_EMIT statusMessage(message, 0);
    return true;
}

bool FileController::importCsvFile(const QString &path)
{
    CsvMappingDialog dialog(path, readCsvStart(path), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    ImportRequest request;
    request.format = ImportFormat::Csv;
    request.files = {path};
    request.columns = dialog.columns();
    request.timeFormat = dialog.timeFormat();
    return importData(request);
}

void FileController::importSlurm()
{
    const QString sacct = QFileDialog::getOpenFileName(
            m_window, tr("Import Slurm Accounting (sacct -P output)"), dialogDirectory(),
            tr("Text files (*.txt *.psv *.log);;All files (*)"));
    if (sacct.isEmpty())
        return;
    rememberDirectory(sacct);
    ImportRequest request = importRequest(ImportFormat::Slurm, {sacct});
    // The node list is optional: without it the jobs run on the cluster designed here.
    const QString nodes = QFileDialog::getOpenFileName(
            m_window, tr("Slurm Node List (scontrol show node -o); Cancel: use this cluster"),
            dialogDirectory(), tr("Text files (*.txt *.log);;All files (*)"));
    if (!nodes.isEmpty())
        request.files << nodes;
    else if (m_document->scenario().cluster.nodeCount() == 0) {
        QMessageBox::warning(m_window, importTitle(request.format),
                             tr("The accounting has no cluster: choose a node list (scontrol "
                                "show node -o), or design the cluster first."));
        return;
    }
    importData(request);
}

void FileController::importKubernetes()
{
    const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Import Kubernetes Nodes (kubectl get nodes -o json)"), dialogDirectory(),
            tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    importData(importRequest(ImportFormat::Kubernetes, {path}));
}

void FileController::importOpenb()
{
    const QString nodes = QFileDialog::getOpenFileName(
            m_window, tr("Import Alibaba GPU Trace: Node List (openb_node_list*.csv)"),
            dialogDirectory(), tr("CSV files (*.csv);;All files (*)"));
    if (nodes.isEmpty())
        return;
    rememberDirectory(nodes);
    const QString pods = QFileDialog::getOpenFileName(
            m_window, tr("Import Alibaba GPU Trace: Pod List (openb_pod_list*.csv)"),
            dialogDirectory(), tr("CSV files (*.csv);;All files (*)"));
    if (pods.isEmpty())
        return;
    importData(importRequest(ImportFormat::Openb, {nodes, pods}));
}

void FileController::importCsv()
{
    const QString path =
            QFileDialog::getOpenFileName(m_window, tr("Import CSV Jobs"), dialogDirectory(),
                                         tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    importCsvFile(path);
}

} // namespace headroom::ui
