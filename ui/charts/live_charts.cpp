#include "ui/charts/live_charts.h"

#include "core/engine/compiled_cluster.h"
#include "report/report_format.h"
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
double fullLoadKw(const ScenarioDocument *document)
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
        // Reference lines and the terms offered are properties of the scenario: they follow
        // it from the moment it is open, before any run (a run reset re-reads them too).
        if (auto *chart = qobject_cast<TimeSeriesChart *>(widget)) {
            for (auto signal :
                 {&ScenarioDocument::scenarioReset, &ScenarioDocument::clusterChanged,
                  &ScenarioDocument::nodeTypesChanged, &ScenarioDocument::energyChanged})
                QObject::connect(document, signal, chart, &TimeSeriesChart::refresh);
        }
    };

    {
        TimeSeriesSpec spec;
        spec.series = {
                {tr("Utilization"), Metric::UtilizationPercent, false, QStringLiteral("%"), 1, {}}};
        spec.left = {tr("Busy accelerators (%)"), 100.0, 1.0, 0.0, tr("Busy (%)")};
        spec.legend = false; // one series, named by the dock title
        add("utilizationChart", tr("Utilization"), new TimeSeriesChart(history, spec, parent));
    }
    {
        TimeSeriesSpec spec;
        // CoV is unbounded (one busy node among ten gives 3), Jain's index is 0..1: one shared
        // axis would either clip the first or flatten the second.
        spec.series = {{tr("CoV"), Metric::LoadBalanceCov, false, {}, 3, {}},
                       {tr("Jain's index"), Metric::JainIndex, true, {}, 3, {}}};
        spec.left = {tr("CoV (\u03c3/\u03bc)"), 0.0, 1.0, 0.98, tr("CoV")};
        spec.right = TimeSeriesSpec::Axis{tr("Jain's index"), 1.0, 1.0, 0.0, tr("Jain")};
        spec.framePhaseMs = TimeSeriesChart::kFrameMs / 4;
        add("loadBalanceChart", tr("Load Balance"), new TimeSeriesChart(history, spec, parent));
    }
    {
        TimeSeriesSpec spec;
        QPointer<ScenarioDocument> doc(document);
        const auto pue = [doc] { return doc ? doc->scenario().energy.pue : 1.0; };
        // Facility power (IT × PUE) only says something new when PUE is above 1.
        auto facilityShown = [pue] { return pue() > 1.0 + 1e-9; };
        // Caps limit IT power (docs/design.md §4.6), and facility power sits PUE times above
        // IT power: drawn together, facility power would seem to break the cap whenever IT
        // power is near it. So the chart is read in one power at a time, each against the
        // lines in its own terms.
        spec.series = {{tr("IT power"), Metric::ItPowerKw, false, QStringLiteral("kW"), 1, {}, 0},
                       {tr("Facility power"), Metric::FacilityPowerKw, false, QStringLiteral("kW"),
                        1, facilityShown, 1}};
        spec.terms = {
                {tr("IT power"),
                 tr("IT power: what the nodes draw, and what the power caps limit"),
                 TimeSeriesSpec::Axis{tr("IT power (kW)"), 0.0, 1.0, 0.0, tr("kW")},
                 {},
                 {},
                 {}},
                {tr("Facility power"),
                 tr("Facility power: IT power \u00d7 PUE (cooling and distribution included); "
                    "the full-load and cap lines are scaled by the PUE as well"),
                 TimeSeriesSpec::Axis{tr("Facility power (kW)"), 0.0, 1.0, 0.0, tr("kW")}, pue,
                 tr("\u00d7 PUE"), facilityShown}};
        const auto kw = [](double kilowatts) { return report::power(kilowatts * 1000.0); };
        spec.references = {
                {tr("Full load"), [doc] { return doc ? fullLoadKw(doc) : 0.0; }, false, kw,
                 tr("Every node at full load: the most IT power the cluster can draw")},
                {tr("Cluster cap"),
                 [doc] {
                     return doc ? doc->scenario().energy.clusterPowerCapKw.value_or(0.0) : 0.0;
                 },
                 true, kw,
                 tr("The cluster power cap: jobs wait rather than take IT power above it")}};
        spec.framePhaseMs = TimeSeriesChart::kFrameMs / 2;
        add("powerChart", tr("Power"), new TimeSeriesChart(history, spec, parent));
    }
    {
        TimeSeriesSpec spec;
        spec.series = {{tr("Queued"), Metric::Queued, false, {}, 0, {}},
                       {tr("Running"), Metric::Running, false, {}, 0, {}}};
        spec.left = {tr("Jobs"), 0.0, 10.0, 0.0, {}};
        spec.framePhaseMs = 3 * TimeSeriesChart::kFrameMs / 4;
        add("queueChart", tr("Queue"), new TimeSeriesChart(history, spec, parent));
    }
    {
        // Nodes down now against the interruptions so far, both as the engine sampled them
        // (docs/design.md §10.8): the first steps up and down, the second only climbs, so each
        // gets its own axis; a filled staircase and a dashed line stay apart where they meet.
        using Look = TimeSeriesSpec::Series::Look;
        TimeSeriesSpec spec;
        spec.series = {
                {tr("Nodes down"), Metric::NodesDown, false, {}, 0, {}, -1, Look::FilledSteps},
                {tr("Interruptions"), Metric::Interruptions, true, {}, 0, {}, -1, Look::Dashed}};
        // At least [0, 4]: whole-number ticks for these counts while they are small.
        spec.left = {tr("Nodes down"), 0.0, 4.0, 0.0, tr("Down")};
        spec.right = TimeSeriesSpec::Axis{tr("Job interruptions (cumulative)"), 0.0, 4.0, 0.0,
                                          tr("Interrupted")};
        spec.framePhaseMs = TimeSeriesChart::kFrameMs / 8;
        add("failuresChart", tr("Failures"), new TimeSeriesChart(history, spec, parent));
    }
    add("nodeUtilizationChart", tr("Node Utilization"),
        new NodeUtilizationView(run, document, parent));
    return panels;
}

} // namespace headroom::ui
