#pragma once

#include "ui/files/scenario_io.h"

#include <QString>

#include <optional>

class QWidget;

namespace headroom::ui {

class ScenarioDocument;

// Importing an SWF trace into the GUI: what to do with the cluster already designed, and the
// node count a trace may not give (the CLI's --nodes, which the GUI asks for instead).
enum class TraceImportMode {
    // The trace's own cluster (one single-slot node per processor) and its jobs, as a new,
    // unsaved scenario.
    ReplaceCluster,
    // The trace's jobs on the document's cluster: the cluster, node types, policies, energy
    // settings and services stay; the jobs are replaced, as one undo step.
    MapJobs,
};

// Asks whether to replace the designed cluster or map the trace's jobs onto it; nullopt when
// the user cancels. Asks nothing (replaces) when the document's cluster has no nodes.
std::optional<TraceImportMode> askTraceImportMode(QWidget *parent, const ScenarioDocument &document,
                                                  const QString &path);

// The same question for any import that gives both jobs and a cluster (docs/design.md §9),
// with what each choice does for that format, as rich text.
std::optional<TraceImportMode> askImportMode(QWidget *parent, const ScenarioDocument &document,
                                             const QString &title, const QString &path,
                                             const QString &mapDetails,
                                             const QString &replaceDetails);

// Reads the trace behind a progress dialog with Cancel. When the trace does not give its node count
// and the mode needs one, asks for it (proposing the largest job's size). An outcome with neither
// a scenario nor an error means the user cancelled.
LoadOutcome readTrace(QWidget *parent, const QString &path, TraceImportMode mode);

// Puts the jobs of `trace` into the document as one step; returns the status-bar message.
QString mapTraceJobs(ScenarioDocument &document, Scenario trace, const QString &path,
                     long long skipped);

} // namespace headroom::ui
