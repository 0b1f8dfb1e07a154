#include "report/comparison_report.h"

#include "core/plan/metric_direction.h"
#include "report/decimation.h"
#include "report/report_export.h"
#include "report/report_format.h"

#include <algorithm>
#include <cmath>

namespace headroom::report {

namespace {

// As the run report's charts: plenty for a page width, and a small HTML for long traces.
constexpr std::size_t kMaxChartPoints = 600;

std::vector<QPointF> series(const std::vector<Sample> &samples, double (*value)(const Sample &))
{
    std::vector<double> y(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        y[i] = value(samples[i]);
    std::vector<QPointF> points;
    for (const std::size_t i : decimateMinMaxIndices(y, kMaxChartPoints))
        points.emplace_back(samples[i].time, y[i]);
    return points;
}

// The completed jobs' waits as a CDF: x the wait in seconds, y the fraction at or below.
std::vector<QPointF> waitCdf(std::vector<double> waits)
{
    std::vector<QPointF> points;
    if (waits.empty())
        return points;
    std::sort(waits.begin(), waits.end());
    const std::size_t n = waits.size();
    const std::size_t steps = std::min(n, kMaxChartPoints);
    points.emplace_back(0.0, 0.0);
    for (std::size_t i = 1; i <= steps; ++i) {
        const std::size_t rank = (i * n + steps - 1) / steps;
        points.emplace_back(waits[rank - 1], double(rank) / double(n));
    }
    return points;
}

QString metricNumber(double value)
{
    if (std::abs(value) < 1e15 && value == std::round(value))
        return count((long long)value);
    return number(value, std::abs(value) >= 1000.0 ? 1 : 3);
}

ChartSpec overlaid(const std::vector<ComparedRun> &runs, const QString &title,
                   const QString &yTitle, double (*value)(const Sample &))
{
    ChartSpec chart;
    chart.title = title;
    chart.yTitle = yTitle;
    chart.xAxis = ChartSpec::XAxis::Time;
    chart.xTitle = QStringLiteral("simulated time");
    double end = 0.0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        chart.lines.push_back({runs[r].name, series(runs[r].samples, value), int(r)});
        if (!runs[r].samples.empty())
            end = std::max(end, runs[r].samples.back().time);
    }
    chart.xMax = end > 0.0 ? end : 1.0;
    return chart;
}

} // namespace

ReportDocument comparisonReportDocument(const std::vector<ComparedRun> &runs)
{
    ReportDocument doc;
    doc.title = QStringLiteral("Headroom comparison");
    doc.runningHead = doc.title;
    doc.footer = QStringLiteral("Headroom");
    QStringList names;
    for (const ComparedRun &run : runs)
        names << run.name;
    doc.blocks.push_back(ReportTitleBlock{doc.title, names.join(QStringLiteral(" · ")),
                                          QStringLiteral("%1 runs; deltas against %2")
                                                  .arg(runs.size())
                                                  .arg(runs.empty() ? QString() : runs[0].name)});
    if (runs.empty())
        return doc;

    doc.blocks.push_back(ReportHeading{2, QStringLiteral("Metrics")});
    ReportTable table;
    table.header << QStringLiteral("metric") << names;
    table.numeric.push_back(false);
    table.numeric.resize(std::size_t(table.header.size()), true);
    for (const MetricValue &base : runs.front().metrics.entries) {
        QStringList row{QString::fromStdString(base.key), metricNumber(base.value)};
        for (std::size_t r = 1; r < runs.size(); ++r) {
            const std::optional<double> value = runs[r].metrics.find(base.key);
            if (!value) {
                row << QStringLiteral("—");
                continue;
            }
            const double delta = *value - base.value;
            QString cell = metricNumber(*value);
            if (delta != 0.0) {
                const QString sign = delta > 0 ? QStringLiteral("+") : QString();
                cell += QStringLiteral(" (%1%2").arg(sign, metricNumber(delta));
                if (base.value != 0.0)
                    cell += QStringLiteral(", %1%2 %")
                                    .arg(sign, number(100.0 * delta / std::abs(base.value), 1));
                cell += QLatin1Char(')');
                const int verdict = deltaVerdict(base.key, delta);
                if (verdict != 0)
                    cell += verdict > 0 ? QStringLiteral(" better") : QStringLiteral(" worse");
            }
            row << cell;
        }
        table.rows.push_back(row);
    }
    table.note = QStringLiteral("Deltas against %1. Lower is better for waits, slowdown, "
                                "energy, cost, carbon and rejected jobs; higher for "
                                "utilization and Jain's index; other keys are neutral.")
                         .arg(runs.front().name);
    doc.blocks.push_back(table);

    doc.blocks.push_back(ReportHeading{2, QStringLiteral("Charts")});
    ChartSpec utilization = overlaid(runs, QStringLiteral("Utilization"), QString(),
                                     [](const Sample &s) { return s.utilization; });
    utilization.yPercent = true;
    utilization.yMax = 1.0;
    ChartSpec power = overlaid(runs, QStringLiteral("Facility power"), QStringLiteral("kW"),
                               [](const Sample &s) { return s.facilityPowerW / 1000.0; });
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const double capW = runs[r].samples.empty() ? 0.0 : runs[r].samples.back().clusterCapW;
        if (capW > 0.0)
            power.rules.push_back(
                    {ChartRule::Direction::Horizontal, capW / 1000.0,
                     QStringLiteral("%1 cap %2").arg(runs[r].name, report::power(capW)), int(r)});
    }
    ChartSpec queue = overlaid(runs, QStringLiteral("Queue length"), QStringLiteral("jobs"),
                               [](const Sample &s) { return double(s.queued); });
    queue.yIntegers = true;
    ChartSpec waits;
    waits.title = QStringLiteral("Wait-time distribution (completed jobs)");
    waits.xAxis = ChartSpec::XAxis::Duration;
    waits.xTitle = QStringLiteral("wait");
    waits.yPercent = true;
    waits.yMax = 1.0;
    double longest = 0.0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        waits.lines.push_back({runs[r].name, waitCdf(runs[r].waitsS), int(r)});
        if (!runs[r].waitsS.empty())
            longest = std::max(longest,
                               *std::max_element(runs[r].waitsS.begin(), runs[r].waitsS.end()));
    }
    waits.xMax = longest > 0.0 ? longest : 1.0;
    for (ChartSpec *chart : {&utilization, &power, &queue, &waits})
        doc.blocks.push_back(ReportFigure{*chart});
    return doc;
}

bool writeComparisonReportFile(const QString &path, const std::vector<ComparedRun> &runs,
                               QString *error)
{
    const ReportDocument doc = comparisonReportDocument(runs);
    const bool html = path.endsWith(QStringLiteral(".html"), Qt::CaseInsensitive) ||
                      path.endsWith(QStringLiteral(".htm"), Qt::CaseInsensitive);
    return html ? writeReportHtmlFile(path, doc, error) : writeReportPdfFile(path, doc, error);
}

} // namespace headroom::report
