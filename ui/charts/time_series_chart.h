#pragma once

#include "report/chart_scale.h"
#include "ui/charts/sample_history.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QAreaSeries;
class QChart;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace headroom::ui {

class ChartSwitch;

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
        // Re-read at every refresh; false hides the series and its legend entry (e.g.
        // facility power when PUE is 1). Empty: always shown.
        std::function<bool()> shown;
        // In a chart with terms, the one this series is drawn in; -1: all of them.
        int terms = -1;
        // How it is drawn: a solid line from sample to sample; a dashed one; or a staircase
        // (each sample's value holds until the next: a count of things, like nodes down)
        // over a translucent fill. Two series that meet stay apart when they look different.
        enum class Look : std::uint8_t { Line, Dashed, FilledSteps };
        Look look = Look::Line;
    };
    // A dashed horizontal line on the left axis (installed peak power, a power cap), re-read
    // at every refresh because the scenario may have changed; a value <= 0 hides it. It is
    // named, with its value, in a tag right of the plot: inside the plot a label would cover
    // the data sooner or later.
    struct Reference
    {
        QString name;
        std::function<double()> value; // in the first terms' units (see Terms::scale)
        bool warning = false;          // drawn in the warning colour (a limit, not a capacity)
        std::function<QString(double)> format; // the value in the tag; empty: one decimal
        QString description;                   // the tag's tooltip
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
        // Shown instead of the title when the title is longer than the axis (a small window):
        // Qt Charts would elide it to "Busy accelerato...".
        QString shortTitle;
    };
    // One way of reading the chart. A chart with two or more terms shows one at a time, picked
    // with a switch above the plot that is also its legend: the power chart reads in IT terms
    // (IT power against the IT cap) or facility terms (facility power against the same lines
    // × PUE), never one power against the other's limit.
    struct Terms
    {
        QString name;    // on the switch
        QString tooltip; // of the switch button
        Axis left;       // the left axis in these terms
        // Converts the references' values into these terms (facility = IT × PUE); empty: 1.
        std::function<double()> scale;
        QString scaleName; // how a tag names a scale other than 1: "× PUE"
        // Re-read at every refresh; false hides the choice (facility terms when PUE is 1).
        std::function<bool()> offered;
    };

    std::vector<Series> series;
    Axis left;
    std::optional<Axis> right;
    bool legend = true;
    // Offset of this chart's frames, in ms: charts refreshing at the same instant would be
    // repainted in one long paint event; staggered, each repaints on its own.
    int framePhaseMs = 0;
    std::vector<Reference> references;
    std::vector<Terms> terms; // empty, or two or more
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
    // The series' points (for a FilledSteps series, the staircase: the top of its area).
    QLineSeries *series(int index) const { return m_series.at(std::size_t(index)); }
    // What the chart holds and the legend names for it: the line itself, or its area.
    QAbstractSeries *drawnSeries(int index) const;
    int referenceCount() const { return int(m_references.size()); }
    // The reference line's series; hidden (isVisible() false) when its value is <= 0.
    QLineSeries *reference(int index) const { return m_references.at(std::size_t(index)); }
    // Where the line is drawn, in the current terms.
    double referenceValue(int index) const { return m_referenceValues.at(std::size_t(index)); }
    // The text of the line's tag right of the plot: its name, then its value.
    QString referenceLabel(int index) const;
    // The tag's rectangle in chart coordinates (those of plotArea()); empty when hidden.
    QRectF referenceTagRect(int index) const;

    // Terms (see TimeSeriesSpec::Terms): how many the spec has, and the one shown.
    int termsCount() const { return int(m_spec.terms.size()); }
    int terms() const { return m_terms; }
    // Shows `index` if it is offered, as a click on its switch button does.
    void setTerms(int index);
    ChartSwitch *termsSwitch() const { return m_switch; }

    // Re-reads what the spec takes from the scenario (reference values, shown series, offered
    // terms) and redraws at once. The owner calls it when the scenario changes; a run reset
    // does it too.
    void refresh();

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
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void scheduleFrame();
    void publish();
    void onCleared();
    void onTimeRangeChanged(qreal min, qreal max);
    void onHovered(const QPointF &point, bool state);
    void applyStyle();
    void showReferences();
    void applyVisibility();
    void readScenario();
    void updateMargins();
    void placeReferenceTags();
    void fitAxisTitles();
    void placeSwitch();
    bool seriesShown(std::size_t index) const;
    double termsScale() const;
    const TimeSeriesSpec::Axis &leftAxisSpec() const;
    void updateYAxis(QValueAxis *axis, const TimeSeriesSpec::Axis &spec, bool right);

    std::shared_ptr<SampleHistory> m_history;
    TimeSeriesSpec m_spec;
    QChart *m_chart;
    QValueAxis *m_timeAxis;
    QValueAxis *m_leftAxis;
    QValueAxis *m_rightAxis = nullptr;
    std::vector<QLineSeries *> m_series;
    std::vector<QAreaSeries *> m_areas; // per series: its area (FilledSteps), else null
    std::vector<QLineSeries *> m_references;
    std::vector<double> m_referenceValues;
    // Owned by the chart: a tag per reference, and a leader from the line's end to its tag
    // when the tag had to move away from its line's height.
    std::vector<QGraphicsSimpleTextItem *> m_referenceTags;
    std::vector<QGraphicsLineItem *> m_referenceLeaders;
    double m_gutter = 0.0; // width reserved right of the plot for the tags
    ChartSwitch *m_switch = nullptr;
    int m_terms = 0;

    report::TimeUnit m_unit;
    bool m_zoomed = false;
    double m_zoomFromS = 0.0;
    double m_zoomToS = 0.0;
    bool m_settingRange = false; // our own setRange() is not a user zoom

    QTimer m_frameTimer;
    std::size_t m_visibleFirst = 0; // samples plotted by the last publish
    std::size_t m_visibleCount = 0;
    QElapsedTimer m_sinceFrame;
    // What the latest frame cost (publish and paint): frames come at most every eight times
    // that (an eighth of the GUI thread per chart at most), so on a busy machine the live
    // charts slow down instead of taking the GUI thread from input (issue 11); on a quiet one
    // a frame costs a few milliseconds and kFrameMs decides.
    qint64 m_publishMs = 0;
    qint64 m_paintMs = 0;
    bool m_dirty = false;
};

} // namespace headroom::ui
