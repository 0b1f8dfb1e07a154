#include "report/decimation.h"

#include <algorithm>

namespace headroom::report {

std::vector<std::size_t> decimateMinMaxIndices(std::span<const double> values,
                                               std::size_t maxPoints)
{
    const std::size_t n = values.size();
    std::vector<std::size_t> kept;
    maxPoints = std::max<std::size_t>(maxPoints, 4);
    if (n <= maxPoints) {
        kept.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            kept[i] = i;
        return kept;
    }
    // First and last are kept on their own; every bucket of the interior gives at most two.
    const std::size_t interior = n - 2;
    const std::size_t buckets = (maxPoints - 2) / 2;
    kept.reserve(2 + 2 * buckets);
    kept.push_back(0);
    for (std::size_t b = 0; b < buckets; ++b) {
        // Integer bounds spread the remainder evenly, so no bucket is empty (interior > buckets).
        const std::size_t begin = 1 + b * interior / buckets;
        const std::size_t end = 1 + (b + 1) * interior / buckets;
        std::size_t lo = begin;
        std::size_t hi = begin;
        for (std::size_t i = begin + 1; i < end; ++i) {
            if (values[i] < values[lo])
                lo = i;
            if (values[i] > values[hi])
                hi = i;
        }
        kept.push_back(std::min(lo, hi));
        if (lo != hi)
            kept.push_back(std::max(lo, hi));
    }
    kept.push_back(n - 1);
    return kept;
}

QList<QPointF> decimateMinMax(std::span<const double> x, std::span<const double> y,
                              std::size_t maxPoints, double xScale)
{
    const std::size_t n = std::min(x.size(), y.size());
    const std::vector<std::size_t> kept = decimateMinMaxIndices(y.first(n), maxPoints);
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(kept.size()));
    for (const std::size_t i : kept)
        points.append(QPointF(x[i] * xScale, y[i]));
    return points;
}

} // namespace headroom::report
