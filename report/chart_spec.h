#pragma once

#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace headroom::report {

// A static chart for reports, as data: what to draw, not how. The same spec is drawn as SVG
// text for HTML and with QPainter for PDF and previews (chart_painter.h), so both outputs
// show the same chart. Colours are indices into the report palette.

// Width of the text column of an A4 report page in points: charts are laid out for it in
// both outputs (the HTML scales the drawing with the window).
inline constexpr double kReportChartWidthPt = 495.0;

struct ChartLine
{
    QString name;                // legend entry; empty: not in the legend
    std::vector<QPointF> points; // x in seconds for time axes, ascending
    int color = 0;
    bool filled = false;  // shade the area under the line
    bool markers = false; // a dot at every point (evaluated configurations, months)
    bool joined = true;   // false with markers: a scatter, no line between the points
};

// Vertical bars, each over [x0, x1) of the x axis.
struct ChartBar
{
    double x0 = 0.0;
    double x1 = 0.0;
    double value = 0.0;
    int color = 0;
};

// A reference line across the plot: a budget, a cap, a mean, a percentile. Its label goes in
// the legend (with the figure), not next to the line, where it could cover data or another
// rule's label.
struct ChartRule
{
    enum class Direction { Horizontal, Vertical };
    Direction direction = Direction::Horizontal;
    double value = 0.0;
    QString label;
    int color = 0;
    bool dashed = true;
};

struct ChartSpec
{
    enum class XAxis {
        Time,       // x in simulated seconds, labelled in min, h or d
        Duration,   // as Time, for a distribution of durations (waits)
        Categories, // x is an index; `categories` label the bars
        Number,     // plain numbers (node counts, months, a metric), labelled as they are
    };

    QString title;
    QString subtitle; // one line under the title (key figures)
    QString xTitle;   // under the x axis; time axes append their unit ("simulated time (h)")
    QString yTitle;   // unit of the y axis, drawn above it ("kW", "jobs")
    XAxis xAxis = XAxis::Time;
    double xMin = 0.0;
    double xMax = 1.0;
    double yMin = 0.0;
    std::optional<double> yMax; // default: rounded up from the data and rules
    bool yPercent = false;      // y values are fractions, labelled in %
    bool yIntegers = false;     // y values are counts: ticks on whole numbers
    QStringList categories;     // XAxis::Categories: one label per index
    std::vector<ChartLine> lines;
    std::vector<ChartBar> bars;
    std::vector<ChartRule> rules;
    // Legend entries for bar colours (e.g. racks), as (colour, name).
    std::vector<std::pair<int, QString>> barLegend;
    double heightPt = 190.0; // at full text width; HTML scales with the page
};

} // namespace headroom::report
