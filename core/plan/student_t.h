#pragma once

namespace headroom {

// The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1, by its
// continued fraction (modified Lentz), accurate to about 1e-15.
double regularizedIncompleteBeta(double a, double b, double x);

// Student's t distribution with `dof` > 0 degrees of freedom: its CDF and the quantile
// (inverse CDF) for 0 < p < 1, the latter by bisection on the CDF to full double precision.
double studentTCdf(double t, double dof);
double studentTQuantile(double p, double dof);

} // namespace headroom
