#pragma once

#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace headroom::ui {

class RunController;
class ScenarioDocument;

// One live chart, ready to go into a dock.
struct ChartPanel
{
    QString objectName; // stable, for QMainWindow::saveState
    QString title;
    QWidget *widget = nullptr;
};

// The live charts of the current run, in this order:
//   utilizationChart      cluster utilization (%)
//   loadBalanceChart      coefficient of variation (left axis) and Jain's index (right, 0..1)
//   powerChart            IT power (kW) against the full-load power and the cluster power
//                         cap as dashed lines; when PUE > 1, switchable to facility power
//                         against the same lines × PUE
//   queueChart            queued and running jobs
//   failuresChart         nodes down (left axis) and job interruptions so far (right axis),
//                         docs/design.md §10
//   nodeUtilizationChart  per-node utilization as sorted bars, now or averaged over the run
// The time-series charts share one full-resolution sample buffer, which lives as long as the
// last of them. Widgets are created with `parent`; the caller owns them as usual.
//
// This function and the classes behind it are the only code that knows about Qt Charts, so
// moving to Qt Graphs (Qt Charts is deprecated from Qt 6.10) touches this folder only.
std::vector<ChartPanel> createLiveCharts(RunController *run, ScenarioDocument *document,
                                         QWidget *parent);

} // namespace headroom::ui
