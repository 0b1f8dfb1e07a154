#pragma once

#include <cstddef>
#include <vector>

namespace headroom {

// docs/design.md §5 formulas, shared by the final metrics and the time series.

// Nearest-rank percentile (p in (0, 100]) of an ascending-sorted sample; 0 when empty.
double nearestRankPercentile(const std::vector<double> &sortedValues, double p);
// The same ranks of unsorted values, for percentiles `ps` in increasing order, by partial
// selection (O(n) each instead of a sort); reorders `values`.
std::vector<double> nearestRankPercentiles(std::vector<double> &values,
                                           const std::vector<double> &ps);

// Population coefficient of variation σ/μ from Σx and Σx² over n values; 0 when μ = 0.
double coefficientOfVariation(double sum, double sumOfSquares, std::size_t n);
double coefficientOfVariation(const std::vector<double> &values);

// Jain's fairness index (Σx)² / (n·Σx²); 1 when every value is 0 (or n = 0).
double jainIndex(double sum, double sumOfSquares, std::size_t n);
double jainIndex(const std::vector<double> &values);

} // namespace headroom
