#pragma once

#include "core/plan/demand_forecast.h"

#include <QDialog>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QSpinBox;

namespace headroom::ui {

class ScenarioDocument;

// Plan → Forecast Demand…: the workload's daily demand in accelerator-hours, the fitted trend
// with its weekly pattern, and the forecast with its 95 % prediction band (docs/design.md
// §7.6). A fit of a few hundred days takes microseconds, so it follows the solver and horizon
// as they change, on the GUI thread.
class ForecastDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ForecastDialog(ScenarioDocument *document, QWidget *parent = nullptr);

    // The current fit; empty when the workload is too short to fit (message() says why).
    const std::optional<DemandForecast> &forecast() const { return m_forecast; }
    QString message() const;
    void setSolver(ForecastSolver solver);
    void setHorizonDays(int days);
    // The chart's fitted line over the history days, and the forecast's point line.
    QLineSeries *fittedSeries() const { return m_fitted; }
    QLineSeries *forecastSeries() const { return m_point; }

private:
    void refit();
    void rebuildChart();

    std::vector<double> m_history;
    std::optional<DemandForecast> m_forecast;
    QComboBox *m_solver;
    QSpinBox *m_horizon;
    QLabel *m_figures;
    QLabel *m_message;
    QChartView *m_view;
    QLineSeries *m_fitted = nullptr;
    QLineSeries *m_point = nullptr;
};

} // namespace headroom::ui
