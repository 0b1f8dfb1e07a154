#include "core/metrics/statistics.h"

#include <algorithm>
#include <cmath>

namespace headroom {

double nearestRankPercentile(const std::vector<double> &sortedValues, double p)
{
    if (sortedValues.empty())
        return 0.0;
    const double n = static_cast<double>(sortedValues.size());
    // rank = ceil(p/100 · n), at least 1. Multiplying first keeps p·n exact for whole p, so
    // 95 % of 20 is rank 19, not 20 (0.95 is not representable; 95·20/100 is exactly 19).
    auto rank = static_cast<std::size_t>(std::ceil(p * n / 100.0));
    rank = std::clamp<std::size_t>(rank, 1, sortedValues.size());
    return sortedValues[rank - 1];
}

std::vector<double> nearestRankPercentiles(std::vector<double> &values,
                                           const std::vector<double> &ps)
{
    std::vector<double> out;
    auto from = values.begin();
    const double n = static_cast<double>(values.size());
    for (double p : ps) {
        if (values.empty()) {
            out.push_back(0.0);
            continue;
        }
        auto rank =
                static_cast<std::size_t>(std::ceil(p * n / 100.0)); // as nearestRankPercentile()
        rank = std::clamp<std::size_t>(rank, 1, values.size());
        const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank - 1);
        // Earlier ranks are in place and everything after them is no smaller.
        if (nth >= from) {
            std::nth_element(from, nth, values.end());
            from = nth;
        }
        out.push_back(*nth);
    }
    return out;
}

double coefficientOfVariation(double sum, double sumOfSquares, std::size_t n)
{
    if (n == 0)
        return 0.0;
    const double mean = sum / static_cast<double>(n);
    if (mean <= 0.0)
        return 0.0;
    const double variance = std::max(0.0, sumOfSquares / static_cast<double>(n) - mean * mean);
    return std::sqrt(variance) / mean;
}

double jainIndex(double sum, double sumOfSquares, std::size_t n)
{
    if (n == 0 || sumOfSquares <= 0.0)
        return 1.0;
    return sum * sum / (static_cast<double>(n) * sumOfSquares);
}

double coefficientOfVariation(const std::vector<double> &values)
{
    if (values.empty())
        return 0.0;
    double sum = 0.0;
    for (double v : values)
        sum += v;
    const double mean = sum / static_cast<double>(values.size());
    if (mean <= 0.0)
        return 0.0;
    // Two-pass variance: exact enough for final metrics where n is small.
    double squares = 0.0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(values.size())) / mean;
}

double jainIndex(const std::vector<double> &values)
{
    double sum = 0.0;
    double sumSq = 0.0;
    for (double v : values) {
        sum += v;
        sumSq += v * v;
    }
    return jainIndex(sum, sumSq, values.size());
}

} // namespace headroom
