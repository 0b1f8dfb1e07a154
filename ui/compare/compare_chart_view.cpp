#include "ui/compare/compare_chart_view.h"

#include "report/decimation.h"
#include "ui/charts/chart_style.h"
#include "ui/compare/compared_runs_model.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace headroom::ui {

namespace {

constexpr std::size_t kMaxPoints = 1500;
constexpr double kHour = 3600.0;

QString titleOf(CompareChartView::Kind kind)
{
    switch (kind) {
    case CompareChartView::Kind::Utilization:
        return QObject::tr("Utilization");
    case CompareChartView::Kind::Power:
        return QObject::tr("Facility power (dashed: cluster cap)");
    case CompareChartView::Kind::Queue:
        return QObject::tr("Queue length");
    case CompareChartView::Kind::WaitCdf:
        return QObject::tr("Wait-time distribution (CDF)");
    }
    return {};
}

// The completed jobs' waits as a CDF in hours, at most kMaxPoints quantiles.
QList<QPointF> waitCdf(std::vector<double> waits)
{
    QList<QPointF> points;
    if (waits.empty())
        return points;
    std::sort(waits.begin(), waits.end());
    const std::size_t n = waits.size();
    const std::size_t steps = std::min(n, kMaxPoints);
    points.append({0.0, 0.0});
    for (std::size_t i = 1; i <= steps; ++i) {
        const std::size_t rank = (i * n + steps - 1) / steps; // jobs at or below this point
        points.append({waits[rank - 1] / kHour, double(rank) / double(n)});
    }
    return points;
}

} // namespace

CompareChartView::CompareChartView(Kind kind, ComparedRunsModel *runs, QWidget *parent)
    : QChartView(parent)
    , m_kind(kind)
    , m_runs(runs)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);
    connect(runs, &ComparedRunsModel::runsChanged, this, &CompareChartView::rebuild);
    rebuild();
}

int CompareChartView::seriesCount() const
{
    return int(chart()->series().size());
}

void CompareChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void CompareChartView::rebuild()
{
    auto *chart = new QChart;
    chart->setTitle(titleOf(m_kind));
    chart->legend()->setAlignment(Qt::AlignBottom);
    const ChartStyle style = ChartStyle::fromPalette(palette());
    auto *xAxis = new QValueAxis;
    auto *yAxis = new QValueAxis;
    xAxis->setTitleText(m_kind == Kind::WaitCdf ? tr("Wait (h)") : tr("Time (h)"));
    switch (m_kind) {
    case Kind::Utilization:
        yAxis->setTitleText(tr("%"));
        break;
    case Kind::Power:
        yAxis->setTitleText(tr("kW"));
        break;
    case Kind::Queue:
        yAxis->setTitleText(tr("Jobs"));
        break;
    case Kind::WaitCdf:
        yAxis->setTitleText(tr("Fraction of jobs"));
        break;
    }
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    double xMax = 0.0;
    double yMax = 0.0;
    const auto &runs = m_runs->runs();
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const ComparedRun &run = runs[r];
        QList<QPointF> points;
        QList<QPointF> cap;
        if (m_kind == Kind::WaitCdf) {
            points = waitCdf(run.waitsS);
        } else {
            std::vector<double> x;
            std::vector<double> y;
            x.reserve(run.samples.size());
            y.reserve(run.samples.size());
            for (const Sample &s : run.samples) {
                x.push_back(s.time);
                y.push_back(m_kind == Kind::Utilization ? 100.0 * s.utilization
                            : m_kind == Kind::Power     ? s.facilityPowerW / 1000.0
                                                        : double(s.queued));
            }
            points = report::decimateMinMax(x, y, kMaxPoints, 1.0 / kHour);
            if (m_kind == Kind::Power && !run.samples.empty()) {
                const double capKw = run.samples.back().clusterCapW / 1000.0;
                if (capKw > 0.0)
                    cap = {{0.0, capKw}, {run.samples.back().time / kHour, capKw}};
            }
        }
        const QColor color = style.series[r % style.series.size()];
        auto addLine = [&](const QList<QPointF> &line, const QString &name, Qt::PenStyle pen) {
            auto *series = new QLineSeries;
            series->setName(name);
            series->replace(line);
            series->setPen(QPen(color, pen == Qt::SolidLine ? 1.5 : 1.2, pen));
            chart->addSeries(series);
            series->attachAxis(xAxis);
            series->attachAxis(yAxis);
            for (const QPointF &p : line) {
                xMax = std::max(xMax, p.x());
                yMax = std::max(yMax, p.y());
            }
            return series;
        };
        addLine(points, run.name, Qt::SolidLine);
        if (!cap.isEmpty()) {
            QLineSeries *capSeries = addLine(cap, tr("%1 cap").arg(run.name), Qt::DashLine);
            // The cap shares the run's colour; a second legend entry per run would crowd it.
            chart->legend()->markers(capSeries).front()->setVisible(false);
        }
    }
    xAxis->setRange(0.0, xMax > 0.0 ? xMax : 1.0);
    if (m_kind == Kind::Utilization)
        yAxis->setRange(0.0, 100.0);
    else if (m_kind == Kind::WaitCdf)
        yAxis->setRange(0.0, 1.0);
    else {
        yAxis->setRange(0.0, yMax > 0.0 ? yMax * 1.05 : 1.0);
        yAxis->applyNiceNumbers();
    }
    xAxis->applyNiceNumbers();
    applyChartStyle(chart, style);

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace headroom::ui
