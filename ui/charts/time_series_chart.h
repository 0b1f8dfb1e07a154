#pragma once

#include "report/chart_scale.h"
#include "ui/charts/sample_history.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace headroom::ui {

// What one live chart plots: one or two y axes, series drawn from SampleHistory columns.
struct TimeSeriesSpec
{
    struct Series
    {
        QString name;
        SampleHistory::Metric metric = SampleHistory::Metric::UtilizationPercent;
        bool rightAxis = false;
        QString unit;     // appended to values in tooltips: "%", "kW", ""
        int decimals = 1; // in tooltips
        // Re-read at every run reset; false hides the series and its legend entry (e.g.
        // facility power when PUE is 1). Empty: always shown.
        std::function<bool()> shown;
    };
    // A dashed horizontal line on the left axis (installed peak power, a power cap), re-read
    // at every run reset because the scenario may have changed; a value <= 0 hides it.
    struct Reference
    {
        QString name;
        std::function<double()> value;
        bool warning = false; // drawn in the warning colour (a limit, not a capacity)
    };
    struct Axis
    {
        QString title;
        double fixedMax = 0.0;   // > 0: the axis is [0, fixedMax]; otherwise it follows the data
        double minimumMax = 1.0; // a data-driven axis shows at least [0, minimumMax]
        // In (0, 1): a data-driven axis scales to this quantile of the visible values rather
        // than their maximum, so one early spike (CoV is huge while two nodes are busy) does
        // not flatten the rest of the run; higher values are drawn at the top edge.
        double robustQuantile = 0.0;
    };

    std::vector<Series> series;
    Axis left;
    std::optional<Axis> right;
    bool legend = true;
    // Offset of this chart's frames, in ms: charts refreshing at the same instant would be
    // repainted in one long paint event; staggered, each repaints on its own.
    int framePhaseMs = 0;
    std::vector<Reference> references;
};

// A live time-series chart (Qt Charts behind the ui/charts layer). It never plots the
// full-resolution history: at most once per frame it publishes a min/max-decimated copy of
// the visible window with QXYSeries::replace(), with animations off and one setRange() per
// axis per frame. The x axis follows simulated time in minutes, hours or days chosen by the
// visible span; y axes move in nice steps and only grow within a run.
//
// Zoom: drag a horizontal rubber band; double-click or the context menu resets. While zoomed
// the chart stops following the run and re-decimates the zoomed window, so zooming in shows
// the full-resolution samples.
class TimeSeriesChart : public QChartView
{
    Q_OBJECT

public:
    // Upper bound of points per published series (see pointBudget()).
    static constexpr std::size_t kMaxPointsPerSeries = 2000;
    // Qt Charts repaints the whole chart (axes, grid, text items, stroked lines) for every
    // publish; four charts at 30 fps held the GUI thread for ~100 ms stretches in the
    // 2,048-node benchmark. Ten frames a second is smooth for curves that span hours.
    static constexpr int kFrameMs = 100;

    TimeSeriesChart(std::shared_ptr<SampleHistory> history, TimeSeriesSpec spec,
                    QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    // Points per series for the current plot width, at most kMaxPointsPerSeries.
    std::size_t pointBudget() const;
    int seriesCount() const { return int(m_series.size()); }
    QLineSeries *series(int index) const { return m_series.at(std::size_t(index)); }
    int referenceCount() const { return int(m_references.size()); }
    // The reference line's series; hidden (isVisible() false) when its value is <= 0.
    QLineSeries *reference(int index) const { return m_references.at(std::size_t(index)); }
    double referenceValue(int index) const { return m_referenceValues.at(std::size_t(index)); }
    // The name drawn on the plot at the right end of the reference line.
    QString referenceLabel(int index) const;
    QValueAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *leftAxis() const { return m_leftAxis; }
    QValueAxis *rightAxis() const { return m_rightAxis; }
    const report::TimeUnit &timeUnit() const { return m_unit; }

    bool isZoomed() const { return m_zoomed; }
    // Shows [fromS, toS] (simulated seconds) until resetZoom().
    void zoomToTime(double fromS, double toS);
    void resetZoom();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void scheduleFrame();
    void publish();
    void onCleared();
    void onTimeRangeChanged(qreal min, qreal max);
    void onHovered(const QPointF &point, bool state);
    void applyStyle();
    void showReferences();
    void applyVisibility();
    void placeReferenceLabels();
    void updateYAxis(QValueAxis *axis, const TimeSeriesSpec::Axis &spec, bool right);

    std::shared_ptr<SampleHistory> m_history;
    TimeSeriesSpec m_spec;
    QChart *m_chart;
    QValueAxis *m_timeAxis;
    QValueAxis *m_leftAxis;
    QValueAxis *m_rightAxis = nullptr;
    std::vector<QLineSeries *> m_series;
    std::vector<QLineSeries *> m_references;
    std::vector<double> m_referenceValues;
    std::vector<QGraphicsSimpleTextItem *> m_referenceLabels; // owned by the chart

    report::TimeUnit m_unit;
    bool m_zoomed = false;
    double m_zoomFromS = 0.0;
    double m_zoomToS = 0.0;
    bool m_settingRange = false; // our own setRange() is not a user zoom

    QTimer m_frameTimer;
    std::size_t m_visibleFirst = 0; // samples plotted by the last publish
    std::size_t m_visibleCount = 0;
    QElapsedTimer m_sinceFrame;
    bool m_dirty = false;
};

} // namespace headroom::ui
