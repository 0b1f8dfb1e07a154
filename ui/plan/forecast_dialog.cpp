#include "ui/plan/forecast_dialog.h"

#include "report/chart_scale.h"
#include "report/report_format.h"
#include "report/report_style.h"
#include "ui/charts/chart_style.h"
#include "ui/document/scenario_document.h"
#include "ui/models/count_text.h"
#include "ui/settings_keys.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <stdexcept>

namespace headroom::ui {

using report::kNbsp;

ForecastDialog::ForecastDialog(ScenarioDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_history(dailyDemand(document->scenario()))
    , m_solver(new QComboBox(this))
    , m_horizon(new QSpinBox(this))
    , m_figures(new QLabel(this))
    , m_message(new QLabel(this))
    , m_view(new QChartView(new QChart, this))
{
    setObjectName("ForecastDialog");
    setWindowTitle(tr("Forecast Demand — %1").arg(document->displayName()));
    m_solver->addItem(tr("QR decomposition (exact)"), int(ForecastSolver::Qr));
    m_solver->addItem(tr("Gradient descent"), int(ForecastSolver::GradientDescent));
    m_solver->addItem(tr("Adam"), int(ForecastSolver::Adam));
    m_solver->setToolTip(tr("All three solve the same least-squares problem and agree to "
                            "better than one part in a million"));
    m_horizon->setRange(1, 3650);
    m_horizon->setSuffix(tr(" days"));
    m_horizon->setToolTip(tr("How far ahead to forecast"));
    QSettings settings;
    setSolver(forecastSolverFromString(
                      settings.value(settings::kPlanForecastSolver, "qr").toString().toStdString())
                      .value_or(ForecastSolver::Qr));
    m_horizon->setValue(settings.value(settings::kPlanForecastHorizon, 30).toInt());

    auto *form = new QFormLayout;
    auto *solverLabel = new QLabel(tr("&Solver:"), this);
    solverLabel->setBuddy(m_solver);
    form->addRow(solverLabel, m_solver);
    auto *horizonLabel = new QLabel(tr("&Horizon:"), this);
    horizonLabel->setBuddy(m_horizon);
    form->addRow(horizonLabel, m_horizon);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_figures->setObjectName("ForecastFigures");
    m_message->setWordWrap(true);
    m_message->hide(); // shown only with something to say
    auto *top = new QHBoxLayout;
    top->addLayout(form);
    top->addSpacing(24);
    top->addWidget(m_figures, 1);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(640, 360);
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_solver, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(settings::kPlanForecastSolver,
                             QString::fromStdString(std::string(
                                     toString(ForecastSolver(m_solver->currentData().toInt())))));
        refit();
    });
    connect(m_horizon, &QSpinBox::valueChanged, this, [this](int days) {
        QSettings().setValue(settings::kPlanForecastHorizon, days);
        refit();
    });
    refit();
    resize(960, 620);
}

QString ForecastDialog::message() const
{
    return m_message->text();
}

void ForecastDialog::setSolver(ForecastSolver solver)
{
    m_solver->setCurrentIndex(std::max(0, m_solver->findData(int(solver))));
}

void ForecastDialog::setHorizonDays(int days)
{
    m_horizon->setValue(days);
}

void ForecastDialog::refit()
{
    m_forecast.reset();
    m_message->clear();
    if (int(m_history.size()) < kMinForecastDays) {
        m_message->setText(
                m_history.empty()
                        ? tr("The scenario has no jobs: there is no demand to forecast.")
                        : countText(qint64(m_history.size()),
                                    tr("The jobs are submitted over %1 day; "),
                                    tr("The jobs are submitted over %1 days; ")) +
                                  tr("a forecast needs at least %1 days of history (a trend, six "
                                     "weekday effects and one degree of freedom left).")
                                          .arg(kMinForecastDays));
    } else {
        try {
            m_forecast = forecastDemand(m_history, m_horizon->value(),
                                        ForecastSolver(m_solver->currentData().toInt()));
        } catch (const std::invalid_argument &error) {
            m_message->setText(tr("Cannot fit the demand: %1").arg(error.what()));
        }
    }
    m_message->setVisible(!m_message->text().isEmpty());
    if (m_forecast) {
        const DemandForecast &f = *m_forecast;
        const QString growth = f.growthPerMonth
                                       ? report::percent(*f.growthPerMonth, 1) + tr(" a month")
                                       : tr("— (no mean demand)");
        m_figures->setText(
                tr("<b>Growth: %1</b><br>Mean %2 accelerator-hours a day · trend %3 a day · "
                   "R² %4 · residual σ %5 · %6 days of history%7")
                        .arg(growth, report::number(f.meanDailyDemand, 1),
                             report::number(f.slopePerDay, 2), report::number(f.r2, 3),
                             report::number(f.residualStd, 1))
                        .arg(f.history.size())
                        .arg(f.iterations > 0 ? tr(" · %1 iterations").arg(f.iterations)
                                              : QString()));
    } else {
        m_figures->clear();
    }
    rebuildChart();
}

void ForecastDialog::rebuildChart()
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    m_fitted = m_point = nullptr;
    const ChartStyle style = ChartStyle::fromPalette(palette());
    applyChartStyle(chart, style);
    chart->setTitle(tr("Daily demand, accelerator-hours"));
    if (m_history.empty())
        return;

    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    x->setTitleText(tr("day (0: the first submission's day)"));
    y->setTitleText(tr("accelerator-hours"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto attach = [&](QAbstractSeries *series) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    };
    double top = 0.0;

    // History as bars: one filled step outline (day k covers [k, k + 1)).
    auto *outline = new QLineSeries;
    for (std::size_t k = 0; k < m_history.size(); ++k) {
        outline->append(double(k), 0.0);
        outline->append(double(k), m_history[k]);
        outline->append(double(k + 1), m_history[k]);
        outline->append(double(k + 1), 0.0);
        top = std::max(top, m_history[k]);
    }
    auto *bars = new QAreaSeries(outline);
    outline->setParent(bars); // the area reads it; it goes with the area
    bars->setName(tr("history"));
    QColor barColor = style.series[0];
    bars->setPen(QPen(barColor, 0.5));
    barColor.setAlphaF(0.35f);
    bars->setBrush(barColor);
    attach(bars);

    double right = double(m_history.size());
    if (m_forecast) {
        const DemandForecast &f = *m_forecast;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        m_point = new QLineSeries;
        for (const ForecastDay &day : f.forecast) {
            // Centred on the day, as the fitted line is.
            const double at = day.day + 0.5;
            upper->append(at, day.upper);
            lower->append(at, std::max(0.0, day.lower));
            m_point->append(at, day.point);
            top = std::max(top, day.upper);
        }
        auto *band = new QAreaSeries(upper, lower);
        upper->setParent(band);
        lower->setParent(band);
        band->setName(tr("95 % prediction interval"));
        QColor bandColor = style.series[1];
        band->setPen(Qt::NoPen);
        bandColor.setAlphaF(0.22f);
        band->setBrush(bandColor);
        attach(band);

        m_fitted = new QLineSeries;
        m_fitted->setName(tr("fitted: trend + weekday"));
        for (std::size_t k = 0; k < f.fitted.size(); ++k)
            m_fitted->append(double(k) + 0.5, f.fitted[k]);
        m_fitted->setPen(QPen(style.series[2], 2.0));
        attach(m_fitted);

        m_point->setName(tr("forecast"));
        m_point->setPen(QPen(style.series[1], 2.0, Qt::DashLine));
        attach(m_point);
        right = double(f.history.size() + f.forecast.size());
    }
    x->setRange(0.0, right);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0.0);
    x->setTickInterval(std::max(1.0, report::niceStep(right, 10)));
    x->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0.0, report::niceCeil(std::max(1.0, top) * 1.06));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    for (QValueAxis *axis : {x, y})
        styleAxis(axis, style, style.secondaryText);
}

} // namespace headroom::ui
