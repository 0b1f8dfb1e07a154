#include "core/workload/llm_sizing.h"

#include <cmath>
#include <limits>

namespace headroom {

double llmTrainingSeconds(double parameters, double tokens, int accelerators,
                          double peakTflopsPerAccelerator, double mfu)
{
    auto positive = [](double value) { return std::isfinite(value) && value > 0.0; };
    if (!positive(parameters) || !positive(tokens) || accelerators <= 0 ||
        !positive(peakTflopsPerAccelerator) || !positive(mfu) || mfu > 1.0)
        return std::numeric_limits<double>::quiet_NaN();
    const double flops = 6.0 * parameters * tokens;
    const double flopsPerSecond =
            static_cast<double>(accelerators) * peakTflopsPerAccelerator * 1e12 * mfu;
    const double seconds = flops / flopsPerSecond;
    // Overflow (1e300 parameters) is an input error too, not an "infinite" run.
    return std::isfinite(seconds) ? seconds : std::numeric_limits<double>::quiet_NaN();
}

} // namespace headroom
