#include "core/model/power_curve.h"

#include <algorithm>
#include <cmath>

namespace headroom {

PowerCurve PowerCurve::linear(double idleW, double maxW)
{
    PowerCurve curve;
    curve.m_kind = Kind::Linear;
    curve.m_idleW = idleW;
    curve.m_maxW = maxW;
    return curve;
}

PowerCurve PowerCurve::table(const Table &watts)
{
    PowerCurve curve;
    curve.m_kind = Kind::Table;
    curve.m_table = watts;
    return curve;
}

double PowerCurve::watts(double utilization) const
{
    const double u = std::clamp(utilization, 0.0, 1.0);
    if (m_kind == Kind::Linear)
        return m_idleW + (m_maxW - m_idleW) * u;
    const double position = u * (kTablePoints - 1);
    const int lower = std::min(static_cast<int>(position), kTablePoints - 2);
    const double fraction = position - lower;
    return m_table[lower] + (m_table[lower + 1] - m_table[lower]) * fraction;
}

std::optional<PowerCurve::Problem> PowerCurve::findProblem() const
{
    auto bad = [](double w) { return !std::isfinite(w) || w < 0.0; };
    if (m_kind == Kind::Linear) {
        if (bad(m_idleW))
            return Problem{"idle_w", "must be a finite number >= 0"};
        if (bad(m_maxW))
            return Problem{"max_w", "must be a finite number >= 0"};
        if (m_maxW < m_idleW)
            return Problem{"max_w", "must be >= idle_w"};
        return std::nullopt;
    }
    for (int i = 0; i < kTablePoints; ++i) {
        if (bad(m_table[i]))
            return Problem{"watts[" + std::to_string(i) + "]", "must be a finite number >= 0"};
    }
    return std::nullopt;
}

std::string PowerCurve::problem() const
{
    const std::optional<Problem> found = findProblem();
    return found ? found->field + ": " + found->message : std::string();
}

} // namespace headroom
