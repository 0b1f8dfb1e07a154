#pragma once

#include <vector>

namespace headroom::ui {

// Vertical placement of the tags that name a chart's reference lines (installed peak, power
// cap) in a gutter right of the plot. Outside the plot a tag can never cover a data line; this
// keeps tags off each other: each is centred on its line where there is room, and lines close
// in value (a cap just under the installed peak) get their tags pushed apart, the upper one up
// and the lower one down, within [minTop, maxBottom].
//
// `centres` are the lines' heights on screen (any order), `heights` the tags' heights; the
// result is each tag's top, in the same order. Tags overlap only when their heights and gaps
// add up to more than maxBottom - minTop.
std::vector<double> stackTags(const std::vector<double> &centres,
                              const std::vector<double> &heights, double gap, double minTop,
                              double maxBottom);

} // namespace headroom::ui
