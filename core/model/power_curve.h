#pragma once

#include <array>
#include <optional>
#include <string>

namespace headroom {

// Electrical power of one node as a function of its accelerator utilization u in [0, 1].
// Either linear between idle and max, or an 11-point table (SPECpower style: watts at
// 0 %, 10 %, ..., 100 % load) interpolated linearly between points.
class PowerCurve
{
public:
    enum class Kind { Linear, Table };
    static constexpr int kTablePoints = 11;
    using Table = std::array<double, kTablePoints>;

    PowerCurve() = default;
    static PowerCurve linear(double idleW, double maxW);
    static PowerCurve table(const Table &watts);

    Kind kind() const { return m_kind; }
    double idleW() const { return m_kind == Kind::Linear ? m_idleW : m_table.front(); }
    double maxW() const { return m_kind == Kind::Linear ? m_maxW : m_table.back(); }
    const Table &points() const { return m_table; }

    // Watts at utilization u; u is clamped to [0, 1].
    double watts(double utilization) const;

    // What is wrong with the curve, located by its field ("max_w", "watts[3]").
    struct Problem
    {
        std::string field;
        std::string message;
    };
    std::optional<Problem> findProblem() const;
    // The same as one sentence ("max_w: must be >= idle_w"); empty when the curve is usable.
    std::string problem() const;

    bool operator==(const PowerCurve &) const = default;

private:
    Kind m_kind = Kind::Linear;
    double m_idleW = 0.0;
    double m_maxW = 0.0;
    Table m_table{};
};

} // namespace headroom
