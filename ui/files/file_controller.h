#pragma once

#include "core/model/scenario.h"
#include "ui/files/data_import.h"

#include <QObject>
#include <QString>

class QWidget;

namespace headroom::ui {

class Autosave;
class RecentFiles;
class ScenarioDocument;
class Selection;

// The life of the document's file: new, open, save, save as, trace import, recent files,
// autosave and crash recovery, and the unsaved-changes prompt. Dialogs are parented to the
// window given; what happened is said through statusMessage.
class FileController : public QObject
{
    Q_OBJECT

public:
    FileController(ScenarioDocument *document, Selection *selection, QWidget *window);
    ~FileController() override;

    RecentFiles *recentFiles() const { return m_recent; }
    Autosave *autosave() const { return m_autosave; }

    // The folder a file dialog opens in: the last one a file was chosen in, opened from or
    // saved to; else the open document's folder; else the user's documents folder (or home).
    QString dialogDirectory() const;

    // Opens a scenario or imports a trace, told apart by content (core/io/input_kind.h).
    // Asks first about unsaved changes that would be lost, and, for a trace, whether to
    // replace the designed cluster or map the jobs onto it. Returns false and tells the user
    // why when it cannot (or the user cancelled).
    bool openFile(const QString &path);
    // Imports a trace (see openFile) without looking at what the file is.
    bool importTraceFile(const QString &path);
    // Imports the planner's own data (docs/design.md §9) into the document as one undo step;
    // see importIntoDocument. False when cancelled or it failed (the user was told why).
    bool importData(const ImportRequest &request);
    // A jobs CSV: asks for the column mapping (CsvMappingDialog), then imports.
    bool importCsvFile(const QString &path);
    // What the Slurm, Kubernetes and openb imports count as a slot (headroom-cli import's
    // --slots): GPUs unless the user chose CPU cores, which is remembered across sessions.
    static ImportSlots importSlots();
    static void setImportSlots(ImportSlots slots);
    // An import of `files` in `format`, counting slots as importSlots() says.
    static ImportRequest importRequest(ImportFormat format, const QStringList &files);
    // Offers to restore what a crashed session left behind; returns true if it restored.
    bool offerRecovery();
    // Shows a scenario built elsewhere (a generator, a test) as a new, unsaved document.
    void showScenario(Scenario scenario);
    // If the document has unsaved changes, asks whether to save them; false: the user cancelled.
    bool maybeSave();
    // The window is closing: asks about unsaved changes; true when it may close.
    bool confirmClose();

public Q_SLOTS:
    void newScenario();
    void open();
    bool save();
    bool saveAs();
    void importTrace();
    void importSlurm();
    void importKubernetes();
    void importOpenb();
    void importCsv();

Q_SIGNALS:
    // timeoutMs 0: until the next message.
    void statusMessage(const QString &message, int timeoutMs);
    // Another scenario took the document's place (open, new, import, recovery).
    void scenarioReplaced();

private:
    bool saveTo(const QString &path);
    void replaceScenario(Scenario scenario, const QString &path);
    void rememberDirectory(const QString &filePath);
    bool openScenarioFile(const QString &path);

    ScenarioDocument *m_document;
    Selection *m_selection;
    QWidget *m_window;
    RecentFiles *m_recent;
    Autosave *m_autosave;
};

} // namespace headroom::ui
