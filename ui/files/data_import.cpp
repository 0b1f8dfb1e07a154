#include "ui/files/data_import.h"

#include "core/io/import/alibaba_openb.h"
#include "core/io/import/kubernetes_nodes.h"
#include "core/io/import/slurm_accounting.h"
#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/files/background_task.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>

#include <exception>
#include <set>

namespace headroom::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::DataImport", text);
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

ImportResult readFiles(const ImportRequest &request, const Cluster &current, TraceImportMode mode,
                       ReadProgress *progress)
{
    const std::string first = request.files.value(0).toStdString();
    switch (request.format) {
    case ImportFormat::Slurm: {
        SlurmImportOptions options;
        options.sacctPath = first;
        if (request.files.size() > 1 && mode == TraceImportMode::ReplaceCluster)
            options.nodesPath = request.files.at(1).toStdString();
        options.slots = request.slots;
        return importSlurm(options, current, progress);
    }
    case ImportFormat::Kubernetes:
        return readKubernetesNodes(first, request.slots);
    case ImportFormat::Openb:
        return readOpenb(first, request.files.value(1).toStdString(), request.slots, progress);
    case ImportFormat::Csv:
        return readJobsCsv(first, request.columns, request.timeFormat, progress);
    }
    return {};
}

// Mapped onto the document's cluster, a job keeps only the constraints that cluster can meet.
void dropForeignConstraints(ImportResult &result, const Cluster &cluster)
{
    std::set<std::string> zones, racks;
    for (const Zone &zone : cluster.zones) {
        zones.insert(zone.name);
        for (const Rack &rack : zone.racks)
            racks.insert(rack.name);
    }
    long long dropped = 0;
    for (Job &job : *result.jobs) {
        JobConstraints constraints = *job.constraints;
        bool changed = false;
        if (!constraints.zone.empty() && !zones.contains(constraints.zone)) {
            constraints.zone.clear();
            changed = true;
        }
        if (!constraints.rack.empty() && !racks.contains(constraints.rack)) {
            constraints.rack.clear();
            changed = true;
        }
        if (changed) {
            job.constraints = constraints;
            ++dropped;
        }
    }
    if (dropped > 0)
        result.summary.notes.push_back(
                std::to_string(dropped) +
                " jobs lost a constraint to a zone or rack the current cluster does not have");
}

// Whether the format's slots are a choice (FileController::importSlots): a CSV maps its own.
bool hasSlotChoice(const ImportRequest &request)
{
    return request.format != ImportFormat::Csv;
}

// The line under the summary that says what was counted and where to change it.
QString slotsNote(const ImportRequest &request)
{
    return request.slots == ImportSlots::Cpu
                   ? tr("Slots are CPU cores (File ▸ Import ▸ Slots Are GPUs to count GPUs).")
                   : tr("Slots are GPUs (File ▸ Import ▸ Slots Are CPU Cores to count CPU "
                        "cores).");
}

} // namespace

bool importGivesJobs(const ImportRequest &request)
{
    return request.format != ImportFormat::Kubernetes;
}

bool importGivesCluster(const ImportRequest &request)
{
    switch (request.format) {
    case ImportFormat::Slurm:
        return request.files.size() > 1;
    case ImportFormat::Kubernetes:
    case ImportFormat::Openb:
        return true;
    case ImportFormat::Csv:
        return false;
    }
    return false;
}

QString importTitle(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Slurm:
        return tr("Import Slurm Accounting");
    case ImportFormat::Kubernetes:
        return tr("Import Kubernetes Nodes");
    case ImportFormat::Openb:
        return tr("Import Alibaba GPU Trace");
    case ImportFormat::Csv:
        return tr("Import CSV Jobs");
    }
    return {};
}

ImportOutcome runImport(const ImportRequest &request, const Scenario &current, TraceImportMode mode,
                        ReadProgress *progress)
{
    ImportOutcome outcome;
    try {
        ImportResult result = readFiles(request, current.cluster, mode, progress);
        if (mode == TraceImportMode::MapJobs && result.jobs) {
            result.cluster.reset();
            result.nodeTypes.clear();
            dropForeignConstraints(result, current.cluster);
        }
        outcome.summary = result.summary;
        const std::string blame = current.name.empty() ? "the current scenario" : current.name;
        outcome.scenario =
                applyImport(std::move(result), &current,
                            QFileInfo(request.files.value(0)).baseName().toStdString(), blame);
    } catch (const std::exception &error) {
        outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

QString importIntoDocument(QWidget *parent, ScenarioDocument &document,
                           const ImportRequest &request)
{
    const QString title = importTitle(request.format);
    const QString path = request.files.value(0);
    TraceImportMode mode = importGivesCluster(request) ? TraceImportMode::ReplaceCluster
                                                       : TraceImportMode::MapJobs;
    if (importGivesJobs(request) && importGivesCluster(request)) {
        const std::optional<TraceImportMode> chosen =
                askImportMode(parent, document, title, path,
                              request.slots == ImportSlots::Cpu
                                      ? tr("Each CPU a job used becomes an accelerator slot.")
                                      : tr("Each GPU a job used becomes an accelerator."),
                              tr("puts in the cluster and node types the files describe, and "
                                 "their jobs; policies, energy settings and services stay (one "
                                 "step you can undo)."));
        if (!chosen)
            return {};
        mode = *chosen;
    }
    // The worker gets its own copy: a cancelled read stops after this function returns.
    const std::optional<ImportOutcome> outcome = runCancellableInBackground(
            parent, tr("Importing %1…").arg(fileName(path)),
            [request, current = document.sharedScenario(), mode](ReadProgress &progress) {
                return runImport(request, *current, mode, &progress);
            });
    if (!outcome)
        return {};
    if (!outcome->scenario) {
        QMessageBox::warning(parent, tr("Cannot import %1").arg(fileName(path)), outcome->error);
        return {};
    }
    const ImportSummary &summary = outcome->summary;
    const QString undoText =
            mode == TraceImportMode::ReplaceCluster
                    ? tr("Import %1 (cluster and jobs)").arg(fileName(path))
                    : tr("Map %1 jobs from %2")
                              .arg(report::count(summary.jobsImported), fileName(path));
    edits::applyImported(document, std::move(*outcome->scenario),
                         request.format == ImportFormat::Kubernetes
                                 ? tr("Import nodes from %1").arg(fileName(path))
                                 : undoText);
    const QString message =
            request.format == ImportFormat::Kubernetes
                    ? tr("Imported %1 nodes from %2")
                              .arg(report::count(summary.nodesCreated), fileName(path))
                    : tr("Imported %1 jobs from %2 (%3 skipped)")
                              .arg(report::count(summary.jobsImported), fileName(path),
                                   report::count(summary.jobsSkippedTotal()));
    QMessageBox box(QMessageBox::Information, title, message, QMessageBox::Ok, parent);
    box.setObjectName("importSummary");
    QString details = QString::fromStdString(summaryText(summary));
    if (hasSlotChoice(request))
        details += "\n" + slotsNote(request);
    box.setInformativeText(details);
    box.exec();
    return message;
}

} // namespace headroom::ui
