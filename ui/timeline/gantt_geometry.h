#pragma once

#include <QRect>
#include <QRectF>
#include <QSize>

#include <cstdint>

namespace headroom::ui {

// Where the Gantt timeline draws things: simulated time to viewport x and back, rows to y,
// lanes within a row, and the zoom that fits or scrolls the run. A value without widgets: the
// view keeps one in step with its viewport and scroll bars, and tests can check it alone.
//
// The content is the whole run laid out at secondsPerPixel, one row of rowPitch pixels per
// node; the viewport shows it from (scrollX, scrollY) on, in `plot` (the node names sit to the
// left of plot, the time header above it).
struct GanttGeometry
{
    static constexpr int kMinRowHeight = 3;
    static constexpr int kMaxRowHeight = 64;

    QRect plot;
    double timeStart = 0.0; // time at the content's left end: the run's first event
    double secondsPerPixel = 1.0;
    bool fit = true;    // show the whole run, and keep doing so as it grows
    int rowHeight = 20; // as the user set it
    int rowPitch = 20;  // as drawn: taller when the rows would not fill the plot
    int scrollX = 0;    // content pixels scrolled out to the left
    int scrollY = 0;    // and to the top

    double viewStart() const { return timeStart + scrollX * secondsPerPixel; }
    double xAt(double time) const { return plot.left() + (time - viewStart()) / secondsPerPixel; }
    double timeAt(double x) const { return viewStart() + (x - plot.left()) * secondsPerPixel; }

    double rowTop(int row) const { return plot.top() + double(row) * rowPitch - scrollY; }
    // The row at viewport height y, or -1 above the plot or below the last row.
    int rowAt(int y, int rowCount) const;
    // The rows that reach into the plot (first > last when there are none).
    int firstVisibleRow() const;
    int lastVisibleRow(int rowCount) const;
    // Lanes of a row are drawn inside this padding.
    double lanePad() const { return rowPitch >= 10 ? 2.0 : 0.0; }
    // The band of `lanes` (bit i: lane i of the row's laneCount), from x over width.
    QRectF laneBand(int row, int laneCount, std::uint32_t lanes, double x, double width) const;

    // Scroll bar maxima for the content.
    struct Ranges
    {
        int horizontal = 0;
        int vertical = 0;
    };
    // Fits the zoom to a run of `span` seconds over `rowCount` rows shown in `plot`: while
    // `fit`, the whole span; otherwise clamped between that and the finest zoom the scroll
    // bars can reach (zooming out to the whole span turns `fit` on again). Rows grow up to
    // 40 pixels when there are too few to fill the plot.
    Ranges layOut(double span, int rowCount);
    // Zooms by `factor` (below 1: in) keeping the time under viewport x `anchorX` in place;
    // returns the new scrollX, which the view sets on its scroll bar.
    int zoomBy(double factor, int anchorX, double span, int rowCount);
};

} // namespace headroom::ui
