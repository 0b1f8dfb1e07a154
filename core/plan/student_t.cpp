#include "core/plan/student_t.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace headroom {
namespace {

// The continued fraction of I_x(a, b), converging fast for x < (a + 1) / (a + b + 2).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double kTiny = 1e-300;
    constexpr double kEpsilon = 1e-16;
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    if (std::fabs(d) < kTiny)
        d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 1000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < kTiny ? kTiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < kTiny ? kTiny : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + aa * d;
        d = std::fabs(d) < kTiny ? kTiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < kTiny ? kTiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon)
            break;
    }
    return h;
}

} // namespace

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                            b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

namespace {

// P(T > t) for t >= 0: half of P(|T| > t) = I_{dof / (dof + t²)}(dof / 2, 1 / 2).
double upperTail(double t, double dof)
{
    return 0.5 * regularizedIncompleteBeta(0.5 * dof, 0.5, dof / (dof + t * t));
}

} // namespace

double studentTCdf(double t, double dof)
{
    const double tail = upperTail(std::fabs(t), dof);
    return t >= 0.0 ? 1.0 - tail : tail;
}

double studentTQuantile(double p, double dof)
{
    if (!(p > 0.0 && p < 1.0) || !(dof > 0.0))
        throw std::invalid_argument("studentTQuantile: need 0 < p < 1 and dof > 0");
    if (p < 0.5)
        return -studentTQuantile(1.0 - p, dof);
    if (p == 0.5)
        return 0.0;
    // On the upper tail, which keeps its precision where the CDF rounds towards 1.
    const double q = 1.0 - p;
    double lo = 0.0;
    double hi = 1.0;
    while (upperTail(hi, dof) > q)
        hi *= 2.0;
    // Until the bracket holds no double strictly inside it.
    for (int i = 0; i < 2000; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi)
            break;
        (upperTail(mid, dof) > q ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace headroom
