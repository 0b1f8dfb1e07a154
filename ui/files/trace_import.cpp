#include "ui/files/trace_import.h"

#include "core/model/limits.h"
#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/files/background_task.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace headroom::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::TraceImport", text);
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

// A cancelled read is an outcome with neither a scenario nor an error.
LoadOutcome readInBackground(QWidget *parent, const QString &path, const SwfOptions &options)
{
    return runCancellableInBackground(parent, tr("Reading trace %1…").arg(fileName(path)),
                                      [path, options](ReadProgress &progress) {
                                          return importSwf(path, options, &progress);
                                      })
            .value_or(LoadOutcome{});
}

// How many single-slot nodes the trace ran on, asked with the reason the trace does not say;
// nullopt when cancelled. Proposes `largestJob`, the fewest nodes that run every job.
std::optional<int> askNodeCount(QWidget *parent, const QString &path, const QString &why,
                                int largestJob)
{
    bool ok = false;
    const int nodes = QInputDialog::getInt(
            parent, tr("Import SWF Trace"),
            tr("%1 does not say how many nodes it ran on:\n%2\n\nHow many nodes should the "
               "cluster have? Each node has one processor; the largest job needs %3.")
                    .arg(fileName(path), why, report::count(largestJob)),
            largestJob, 1, limits::kMaxSlots, 1, &ok);
    if (!ok)
        return std::nullopt;
    return nodes;
}

} // namespace

std::optional<TraceImportMode> askImportMode(QWidget *parent, const ScenarioDocument &document,
                                             const QString &title, const QString &path,
                                             const QString &mapDetails,
                                             const QString &replaceDetails)
{
    if (document.scenario().cluster.nodeCount() == 0)
        return TraceImportMode::ReplaceCluster;
    QMessageBox box(
            QMessageBox::Question, title,
            tr("Import the jobs of %1 into %2?").arg(fileName(path), document.displayName()),
            QMessageBox::Cancel, parent);
    box.setInformativeText(tr("<p><b>Map the jobs onto the current cluster</b> keeps the cluster, "
                              "its node types, policies, energy settings and services, and "
                              "replaces the jobs (one step you can undo). %1</p>"
                              "<p><b>Replace the cluster</b> %2</p>")
                                   .arg(mapDetails, replaceDetails));
    QPushButton *map = box.addButton(tr("&Map Jobs onto Cluster"), QMessageBox::AcceptRole);
    map->setObjectName("mapJobs");
    QPushButton *replace = box.addButton(tr("&Replace Cluster"), QMessageBox::DestructiveRole);
    replace->setObjectName("replaceCluster");
    box.setDefaultButton(map);
    box.exec();
    if (box.clickedButton() == map)
        return TraceImportMode::MapJobs;
    if (box.clickedButton() == replace)
        return TraceImportMode::ReplaceCluster;
    return std::nullopt;
}

std::optional<TraceImportMode> askTraceImportMode(QWidget *parent, const ScenarioDocument &document,
                                                  const QString &path)
{
    return askImportMode(parent, document, tr("Import SWF Trace"), path,
                         tr("Each processor a job used becomes an accelerator."),
                         tr("opens the trace as a new scenario on the cluster it ran on: one "
                            "single-processor node per processor."));
}

LoadOutcome readTrace(QWidget *parent, const QString &path, TraceImportMode mode)
{
    SwfOptions options;
    // Mapped jobs run on the document's cluster: the trace's node count does not matter.
    if (mode == TraceImportMode::MapJobs)
        options.nodes = 1;
    LoadOutcome outcome = readInBackground(parent, path, options);
    if (outcome.needsNodeCount) {
        // Read the jobs with any node count to propose one that runs them all.
        options.nodes = 1;
        const LoadOutcome jobsOnly = readInBackground(parent, path, options);
        if (!jobsOnly.scenario)
            return jobsOnly;
        int largest = 1;
        for (const Job &job : jobsOnly.scenario->jobs)
            largest = std::max(largest, job.slots);
        const std::optional<int> nodes = askNodeCount(parent, path, outcome.error, largest);
        if (!nodes)
            return {};
        options.nodes = *nodes;
        outcome = readInBackground(parent, path, options);
    }
    return outcome;
}

QString mapTraceJobs(ScenarioDocument &document, Scenario trace, const QString &path,
                     long long skipped)
{
    const Scenario &current = document.scenario();
    long long accelerators = 0;
    for (const Zone &zone : current.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes) {
                if (const NodeType *type = current.findNodeType(node.type))
                    accelerators += type->accelerators;
            }
        }
    }
    const long long tooLarge =
            std::count_if(trace.jobs.begin(), trace.jobs.end(),
                          [&](const Job &job) { return job.slots > accelerators; });
    const auto jobs = static_cast<long long>(trace.jobs.size());
    edits::replaceAllJobs(document, std::move(trace.jobs),
                          tr("Map %1 jobs from %2").arg(report::count(jobs), fileName(path)));
    QString message =
            tr("Mapped %1 jobs from %2 onto the cluster").arg(report::count(jobs), fileName(path));
    if (skipped > 0)
        message += tr(" (%1 skipped: run time or size not positive)").arg(report::count(skipped));
    if (tooLarge > 0)
        message += tr("; %1 need more than its %2 accelerators and will be rejected")
                           .arg(report::count(tooLarge), report::count(accelerators));
    return message;
}

} // namespace headroom::ui
