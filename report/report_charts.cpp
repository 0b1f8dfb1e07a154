// The report's charts, each built from the run's data: what is drawn against what, and the
// figures in each subtitle. report_document.cpp places them in the Charts section.
#include "report/report_charts.h"

#include "report/chart_scale.h"
#include "report/decimation.h"
#include "report/report_data.h"
#include "report/report_format.h"
#include "report/report_style.h"

#include <algorithm>
#include <cmath>

namespace headroom::report {
namespace {

using style::Color;

// Chart lines keep min/max of buckets beyond this many points: plenty for a page width, and
// it keeps the HTML of a year-long trace small.
constexpr std::size_t kMaxChartPoints = 600;

std::vector<QPointF> decimated(const std::vector<Sample> &samples, double (*value)(const Sample &))
{
    std::vector<double> x(samples.size());
    std::vector<double> y(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        x[i] = samples[i].time;
        y[i] = value(samples[i]);
    }
    std::vector<QPointF> points;
    for (const std::size_t i : decimateMinMaxIndices(y, kMaxChartPoints))
        points.emplace_back(x[i], y[i]);
    return points;
}

void timeRange(const ReportData &data, ChartSpec &chart)
{
    chart.xAxis = ChartSpec::XAxis::Time;
    chart.xTitle = QStringLiteral("simulated time");
    chart.xMin = 0.0;
    chart.xMax =
            data.samples.empty() ? data.endTime : std::max(data.endTime, data.samples.back().time);
}

} // namespace

ChartSpec utilizationChart(const ReportData &data)
{
    ChartSpec chart;
    chart.title = QStringLiteral("Utilization");
    chart.subtitle =
            QStringLiteral("Share of all %1 accelerators busy at each sample; run "
                           "mean %2")
                    .arg(count(data.totalAccelerators()), percent(data.metrics.utilization, 1));
    timeRange(data, chart);
    chart.yPercent = true;
    chart.lines.push_back({QStringLiteral("busy accelerators"),
                           decimated(data.samples, [](const Sample &s) { return s.utilization; }),
                           Color::Blue, true});
    chart.rules.push_back({ChartRule::Direction::Horizontal, data.metrics.utilization,
                           QStringLiteral("run mean %1").arg(percent(data.metrics.utilization, 1)),
                           Color::Grey, true});
    return chart;
}

ChartSpec loadBalanceChart(const ReportData &data)
{
    ChartSpec chart;
    chart.title = QStringLiteral("Load balance across nodes");
    chart.subtitle =
            QStringLiteral("Utilization of each node over the run, in topology order; "
                           "CoV %1, Jain index %2 (1 = perfectly even)")
                    .arg(number(data.metrics.loadBalanceCov, 3), number(data.metrics.jainIndex, 3));
    chart.xAxis = ChartSpec::XAxis::Categories;
    chart.xTitle = QStringLiteral("node");
    chart.yPercent = true;
    // Bars take their rack's colour, so an unevenly loaded rack shows as a block.
    std::vector<std::string> racks;
    double sum = 0.0;
    for (std::size_t i = 0; i < data.nodes.size(); ++i) {
        const NodeUsage &node = data.nodes[i];
        auto it = std::find(racks.begin(), racks.end(), node.rack);
        if (it == racks.end())
            it = racks.insert(racks.end(), node.rack);
        const int color = int(it - racks.begin()) % Color::Red;
        chart.categories << QString::fromStdString(node.name);
        chart.bars.push_back({double(i) - 0.5, double(i) + 0.5, node.utilization, color});
        sum += node.utilization;
    }
    if (racks.size() > 1 && racks.size() <= 12) {
        for (std::size_t r = 0; r < racks.size(); ++r)
            chart.barLegend.emplace_back(int(r) % Color::Red, QString::fromStdString(racks[r]));
    }
    if (!data.nodes.empty()) {
        const double mean = sum / double(data.nodes.size());
        chart.rules.push_back({ChartRule::Direction::Horizontal, mean,
                               QStringLiteral("mean node %1").arg(percent(mean, 1)), Color::Grey,
                               true});
    }
    return chart;
}

ChartSpec powerChart(const ReportData &data)
{
    ChartSpec chart;
    chart.title = QStringLiteral("Power");
    // Caps and budgets limit IT power (docs/design.md §4.6), so the chart draws IT power alone
    // against them, as the GUI's power chart does in its IT terms: facility power (IT × PUE)
    // drawn next to the cap would seem to break it whenever IT power is near it. Facility
    // power is the same curve × PUE; the subtitle gives its figures.
    chart.subtitle = QStringLiteral("Cluster IT power at each sample; peak %1, mean %2")
                             .arg(power(data.metrics.peakPowerW), power(data.metrics.meanPowerW));
    if (data.energy.pue > 1.0)
        chart.subtitle +=
                QStringLiteral(". Facility power is IT power × PUE %1: peak %2")
                        .arg(number(data.energy.pue, 2), power(data.metrics.peakFacilityPowerW));
    chart.yTitle = QStringLiteral("kW");
    timeRange(data, chart);
    chart.lines.push_back(
            {QStringLiteral("IT power"),
             decimated(data.samples, [](const Sample &s) { return s.itPowerW / 1000.0; }),
             Color::Blue, true});
    const double fullLoad = data.fullLoadW();
    if (fullLoad > 0.0)
        chart.rules.push_back({ChartRule::Direction::Horizontal, fullLoad / 1000.0,
                               QStringLiteral("full load %1").arg(power(fullLoad)), Color::Grey,
                               true});
    double budgets = 0.0;
    bool allBudgeted = !data.racks.empty();
    for (const ReportRack &rack : data.racks) {
        allBudgeted = allBudgeted && rack.budgetW.has_value();
        budgets += rack.budgetW.value_or(0.0);
    }
    if (allBudgeted && budgets > 0.0)
        chart.rules.push_back({ChartRule::Direction::Horizontal, budgets / 1000.0,
                               QStringLiteral("sum of rack budgets %1").arg(power(budgets)),
                               Color::Orange, true});
    if (data.energy.clusterPowerCapKw)
        chart.rules.push_back({ChartRule::Direction::Horizontal, *data.energy.clusterPowerCapKw,
                               QStringLiteral("cluster cap %1")
                                       .arg(power(*data.energy.clusterPowerCapKw * 1000.0)),
                               Color::Red, true});
    return chart;
}

ChartSpec queueChart(const ReportData &data)
{
    ChartSpec chart;
    chart.title = QStringLiteral("Queue length");
    long long peak = 0;
    double peakTime = 0.0;
    for (const Sample &s : data.samples) {
        if (s.queued > peak) {
            peak = s.queued;
            peakTime = s.time;
        }
    }
    chart.subtitle = peak > 0 ? QStringLiteral("Jobs waiting and running at each sample; the "
                                               "queue peaks at %1 jobs at %2")
                                        .arg(count(peak), duration(peakTime))
                              : QStringLiteral("Jobs waiting and running at each sample; no "
                                               "job ever waited at a sample");
    chart.yTitle = QStringLiteral("jobs");
    chart.yIntegers = true;
    timeRange(data, chart);
    chart.lines.push_back(
            {QStringLiteral("queued"),
             decimated(data.samples, [](const Sample &s) { return double(s.queued); }),
             Color::Orange, true});
    chart.lines.push_back(
            {QStringLiteral("running"),
             decimated(data.samples, [](const Sample &s) { return double(s.running); }),
             Color::Blue, false});
    return chart;
}

ChartSpec waitChart(const ReportData &data)
{
    ChartSpec chart;
    chart.title = QStringLiteral("Wait-time distribution");
    chart.subtitle = QStringLiteral("Completed jobs by time spent waiting (%1 jobs)")
                             .arg(count(qint64(data.waitsS.size())));
    chart.xAxis = ChartSpec::XAxis::Duration;
    chart.xTitle = QStringLiteral("wait");
    chart.yTitle = QStringLiteral("jobs");
    chart.yIntegers = true;
    const double longest = data.waitsS.empty() ? 0.0 : data.waitsS.back();
    // About twenty bins of a round width in the unit the axis uses.
    const TimeUnit unit = timeUnitForSpan(std::max(longest, 60.0));
    const double width = niceStep(std::max(longest, 60.0) / unit.seconds, 20) * unit.seconds;
    const std::size_t bins = std::size_t(std::floor(longest / width)) + 1;
    std::vector<long long> counts(bins, 0);
    for (const double wait : data.waitsS)
        ++counts[std::min(bins - 1, std::size_t(std::max(0.0, wait) / width))];
    for (std::size_t b = 0; b < bins; ++b)
        chart.bars.push_back(
                {double(b) * width, double(b + 1) * width, double(counts[b]), Color::Blue});
    chart.xMin = 0.0;
    chart.xMax = double(bins) * width;
    chart.rules.push_back({ChartRule::Direction::Vertical, data.metrics.p50WaitS,
                           QStringLiteral("median %1").arg(duration(data.metrics.p50WaitS)),
                           Color::Green, true});
    chart.rules.push_back({ChartRule::Direction::Vertical, data.metrics.p95WaitS,
                           QStringLiteral("p95 %1").arg(duration(data.metrics.p95WaitS)),
                           Color::Red, true});
    return chart;
}

ChartSpec nodesDownChart(const ReportData &data)
{
    ChartSpec chart;
    chart.title = QStringLiteral("Nodes down");
    const double hours = data.metrics.reliability ? data.metrics.reliability->nodeHoursDown : 0.0;
    chart.subtitle = QStringLiteral("Nodes failed or in a planned outage at each sample; %1 "
                                    "node-hours down in all")
                             .arg(number(hours, 1));
    timeRange(data, chart);
    chart.yTitle = QStringLiteral("nodes");
    chart.yIntegers = true;
    chart.lines.push_back(
            {QStringLiteral("nodes down"),
             decimated(data.samples, [](const Sample &s) { return double(s.nodesDown); }),
             Color::Red, true});
    return chart;
}

} // namespace headroom::report
