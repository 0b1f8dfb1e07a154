#include "ui/charts/reference_tags.h"

#include <algorithm>
#include <numeric>

namespace headroom::ui {

std::vector<double> stackTags(const std::vector<double> &centres,
                              const std::vector<double> &heights, double gap, double minTop,
                              double maxBottom)
{
    const std::size_t n = std::min(centres.size(), heights.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return centres[a] < centres[b]; });

    std::vector<double> top(n);
    // Top down: each tag at its line, or just below the tag above it.
    double floor = minTop;
    for (const std::size_t i : order) {
        top[i] = std::max(centres[i] - heights[i] / 2.0, floor);
        floor = top[i] + heights[i] + gap;
    }
    // Bottom up: whatever ran past the bottom moves up, pushing the tags above it.
    double ceiling = maxBottom;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::size_t i = *it;
        top[i] = std::min(top[i], ceiling - heights[i]);
        ceiling = top[i] - gap;
    }
    // With too little room for all of them, none goes above minTop (and some overlap).
    for (const std::size_t i : order)
        top[i] = std::max(top[i], minTop);
    return top;
}

} // namespace headroom::ui
