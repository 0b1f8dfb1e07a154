#include "ui/timeline/gantt_geometry.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace headroom::ui {
namespace {

constexpr double kMinSecondsPerPixel = 1e-3;
// Horizontal scroll positions are ints: keep the content under a billion pixels.
constexpr double kMaxContentWidth = 1e9;
constexpr int kMaxAutoRowHeight = 40;

} // namespace

int GanttGeometry::rowAt(int y, int rowCount) const
{
    if (y < plot.top() || rowPitch <= 0)
        return -1;
    const int row = (y - plot.top() + scrollY) / rowPitch;
    return row < rowCount ? row : -1;
}

int GanttGeometry::firstVisibleRow() const
{
    return std::max(0, scrollY / rowPitch);
}

int GanttGeometry::lastVisibleRow(int rowCount) const
{
    return std::min(rowCount - 1, (scrollY + plot.height()) / rowPitch);
}

QRectF GanttGeometry::laneBand(int row, int laneCount, std::uint32_t lanes, double x,
                               double width) const
{
    const double pad = lanePad();
    const double laneHeight = (rowPitch - 2 * pad) / laneCount;
    const int first = std::countr_zero(lanes);
    const int last = 31 - std::countl_zero(lanes);
    return QRectF(x, rowTop(row) + pad + first * laneHeight, width,
                  (last - first + 1) * laneHeight);
}

GanttGeometry::Ranges GanttGeometry::layOut(double span, int rowCount)
{
    const double whole = span / std::max(1, plot.width());
    const double finest = std::max(kMinSecondsPerPixel, span / kMaxContentWidth);
    if (fit)
        secondsPerPixel = whole;
    secondsPerPixel = std::clamp(secondsPerPixel, std::min(finest, whole), whole);
    if (secondsPerPixel >= whole)
        fit = true;

    // A small cluster gets taller rows (and lanes) rather than a mostly empty view.
    rowPitch =
            std::max(rowHeight, std::min(kMaxAutoRowHeight, plot.height() / std::max(1, rowCount)));

    Ranges ranges;
    const double contentWidth = std::ceil(span / secondsPerPixel);
    ranges.horizontal = std::max(0, int(contentWidth) - plot.width());
    const qint64 contentHeight = qint64(rowCount) * rowPitch;
    ranges.vertical = int(std::max<qint64>(0, contentHeight - plot.height()));
    return ranges;
}

int GanttGeometry::zoomBy(double factor, int anchorX, double span, int rowCount)
{
    anchorX = std::clamp(anchorX, plot.left(), plot.right());
    const double anchorTime = timeAt(anchorX);
    fit = false;
    secondsPerPixel *= factor;
    layOut(span, rowCount);
    const double start = anchorTime - (anchorX - plot.left()) * secondsPerPixel;
    return int(std::lround((start - timeStart) / secondsPerPixel));
}

} // namespace headroom::ui
