#include "ui/charts/live_charts.h"

#include "core/engine/compiled_cluster.h"
#include "ui/charts/node_utilization_view.h"
#include "ui/charts/sample_history.h"
#include "ui/charts/time_series_chart.h"
#include "ui/document/scenario_document.h"

#include <QCoreApplication>
#include <QPointer>

namespace headroom::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::LiveCharts", text);
}

// Every node at full load, in kW: the ceiling the power chart measures against.
double installedPeakKw(const ScenarioDocument *document)
{
    const CompiledCluster cluster = compileCluster(document->scenario());
    double watts = 0.0;
    for (const CompiledNode &node : cluster.nodes) {
        if (node.type >= 0)
            watts += cluster.types[std::size_t(node.type)].power.maxW();
    }
    return watts / 1000.0;
}

} // namespace

std::vector<ChartPanel> createLiveCharts(RunController *run, ScenarioDocument *document,
                                         QWidget *parent)
{
    using Metric = SampleHistory::Metric;
    auto history = std::make_shared<SampleHistory>(run);
    std::vector<ChartPanel> panels;
    auto add = [&](const char *objectName, const QString &title, QWidget *widget) {
        widget->setObjectName(QString::fromLatin1(objectName));
        panels.push_back({QString::fromLatin1(objectName), title, widget});
    };

    {
        TimeSeriesSpec spec;
        spec.series = {
                {tr("Utilization"), Metric::UtilizationPercent, false, QStringLiteral("%"), 1, {}}};
        spec.left = {tr("Busy accelerators (%)"), 100.0, 1.0};
        spec.legend = false; // one series, named by the dock title
        add("utilizationChart", tr("Utilization"), new TimeSeriesChart(history, spec, parent));
    }
    {
        TimeSeriesSpec spec;
        // CoV is unbounded (one busy node among ten gives 3), Jain's index is 0..1: one shared
        // axis would either clip the first or flatten the second.
        spec.series = {{tr("CoV"), Metric::LoadBalanceCov, false, {}, 3, {}},
                       {tr("Jain's index"), Metric::JainIndex, true, {}, 3, {}}};
        spec.left = {tr("CoV (\u03c3/\u03bc)"), 0.0, 1.0, 0.98};
        spec.right = TimeSeriesSpec::Axis{tr("Jain's index"), 1.0, 1.0};
        spec.framePhaseMs = TimeSeriesChart::kFrameMs / 4;
        add("loadBalanceChart", tr("Load Balance"), new TimeSeriesChart(history, spec, parent));
    }
    {
        TimeSeriesSpec spec;
        QPointer<ScenarioDocument> doc(document);
        // Facility power (IT × PUE) only says something new when PUE is above 1.
        auto facilityShown = [doc] { return doc && doc->scenario().energy.pue > 1.0 + 1e-9; };
        spec.series = {{tr("IT power"), Metric::ItPowerKw, false, QStringLiteral("kW"), 1, {}},
                       {tr("Facility power"), Metric::FacilityPowerKw, false, QStringLiteral("kW"),
                        1, facilityShown}};
        spec.left = {tr("Power (kW)"), 0.0, 1.0};
        spec.references = {
                {tr("Installed peak"), [doc] { return doc ? installedPeakKw(doc) : 0.0; }, false},
                {tr("Cluster cap"),
                 [doc] {
                     return doc ? doc->scenario().energy.clusterPowerCapKw.value_or(0.0) : 0.0;
                 },
                 true}};
        spec.framePhaseMs = TimeSeriesChart::kFrameMs / 2;
        add("powerChart", tr("IT Power"), new TimeSeriesChart(history, spec, parent));
    }
    {
        TimeSeriesSpec spec;
        spec.series = {{tr("Queued"), Metric::Queued, false, {}, 0, {}},
                       {tr("Running"), Metric::Running, false, {}, 0, {}}};
        spec.left = {tr("Jobs"), 0.0, 10.0};
        spec.framePhaseMs = 3 * TimeSeriesChart::kFrameMs / 4;
        add("queueChart", tr("Queue"), new TimeSeriesChart(history, spec, parent));
    }
    add("nodeUtilizationChart", tr("Node Utilization"),
        new NodeUtilizationView(run, document, parent));
    return panels;
}

} // namespace headroom::ui
