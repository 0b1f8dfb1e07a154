#pragma once

#include <QList>
#include <QPointF>

#include <cstddef>
#include <span>
#include <vector>

namespace headroom::report {

// Min/max bucket decimation for line charts: a long series is cut into equal buckets of
// consecutive points and each bucket keeps its lowest and its highest point, in their
// original order. Unlike taking every k-th point, a one-sample spike survives at any zoom
// level, so a chart of a million samples still shows the peak that matters to a planner.
//
// Buckets are by index, which equals buckets by time for the engine's fixed-interval samples
// (docs/design.md §5). The first and last points are always kept, so the line spans the same range
// as the data. The result never has more than max(maxPoints, 4) points.
//
// Returns ascending indices into `values`.
std::vector<std::size_t> decimateMinMaxIndices(std::span<const double> values,
                                               std::size_t maxPoints);

// The same, as chart points: (x[i] * xScale, y[i]) for the kept indices. `x` and `y` have the
// same length; xScale converts seconds to the axis unit.
QList<QPointF> decimateMinMax(std::span<const double> x, std::span<const double> y,
                              std::size_t maxPoints, double xScale = 1.0);

} // namespace headroom::report
