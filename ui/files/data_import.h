#pragma once

#include "core/io/import/import_result.h"
#include "core/io/import/jobs_csv.h"
#include "ui/files/trace_import.h"

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace headroom::ui {

class ScenarioDocument;

// The planner's own data the GUI imports (docs/design.md §9), as headroom-cli import does.
enum class ImportFormat {
    Slurm,      // sacct -P output, and optionally scontrol show node -o
    Kubernetes, // kubectl get nodes -o json
    Openb,      // Alibaba cluster-trace-gpu-v2023: node list and pod list
    Csv,        // any CSV of jobs, with a column mapping
};

// One import: the format, its files and its options.
struct ImportRequest
{
    ImportFormat format = ImportFormat::Csv;
    // Slurm: the accounting, then the node list if any; Kubernetes: the node list; openb:
    // the node list and the pod list; CSV: the jobs.
    QStringList files;
    ImportSlots slots = ImportSlots::Gpu;
    CsvJobColumns columns; // CSV only
    CsvTimeFormat timeFormat = CsvTimeFormat::Epoch;
};

// What the import provides: jobs, a cluster, or both.
bool importGivesJobs(const ImportRequest &request);
bool importGivesCluster(const ImportRequest &request);

// The scenario after the import: `current` with what the import provides put in
// (applyImport), or the error (file, line, field). MapJobs keeps `current`'s cluster and
// node types: a Slurm import reads its partitions against that cluster, and an openb pod's
// constraint to a GPU model's zone the cluster does not have is dropped and noted.
struct ImportOutcome
{
    std::optional<Scenario> scenario;
    ImportSummary summary;
    QString error;
};
// With a `progress`, the reader reports to it and stops when it is cancelled.
ImportOutcome runImport(const ImportRequest &request, const Scenario &current, TraceImportMode mode,
                        ReadProgress *progress = nullptr);

// The GUI's import: asks whether to replace the cluster or map the jobs onto it when the
// import gives both and the document has a cluster, reads off the UI thread behind a progress
// dialog with Cancel (runCancellableInBackground), puts the result into the document as one undo
// step and shows the summary. Returns the status-bar message; empty when cancelled or failed (the
// error was shown).
QString importIntoDocument(QWidget *parent, ScenarioDocument &document,
                           const ImportRequest &request);

// The dialog title of a format ("Import Slurm Accounting").
QString importTitle(ImportFormat format);

} // namespace headroom::ui
