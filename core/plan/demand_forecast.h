#pragma once

#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// Demand forecast (docs/design.md §7.6).

// Accelerator-hours submitted per day: d_k = Σ slots × run_s ÷ 3600 over the scenario's jobs
// (the jobs a run counts in jobs_submitted) submitted on day k = ⌊(submit − first) ÷ 86 400⌋,
// for k = 0 … the last submission's day; days without submissions are 0. Empty without jobs.
std::vector<double> dailyDemand(const Scenario &scenario);

enum class ForecastSolver { Qr, GradientDescent, Adam };
std::string_view toString(ForecastSolver solver); // "qr", "gd", "adam"
std::optional<ForecastSolver> forecastSolverFromString(std::string_view name);

// The model: d_k = β0 + β1·k + Σ_{w=1..6} γ_w·[k mod 7 = w] + ε, by ordinary least squares.
inline constexpr int kForecastParameters = 8;
// Fewest days with a residual degree of freedom left (8 parameters + 1).
inline constexpr int kMinForecastDays = kForecastParameters + 1;

struct ForecastDay
{
    int day = 0;        // k, counted from the first submission's day
    double point = 0.0; // the fitted model at k
    double lower = 0.0; // 95 % prediction interval
    double upper = 0.0;
};

struct DemandForecast
{
    ForecastSolver solver = ForecastSolver::Qr;
    std::vector<double> history;        // d_0 … d_{n−1}
    std::vector<double> fitted;         // the model at each history day
    double intercept = 0.0;             // β0
    double slopePerDay = 0.0;           // β1
    std::vector<double> weekdayEffects; // 7: day-of-cycle 0 (0 by construction), γ1 … γ6
    double r2 = 0.0;                    // 1 − SSR ÷ SST (1 when SST = 0 and the fit is exact)
    double residualStd = 0.0;           // √(SSR ÷ (n − 8))
    double meanDailyDemand = 0.0;
    std::optional<double> growthPerMonth; // 30 × β1 ÷ mean; empty when the mean is 0
    int degreesOfFreedom = 0;             // n − 8
    double tQuantile = 0.0;               // t_{0.975, n − 8}
    int iterations = 0;                   // gradient steps taken by gd and adam (0 for qr)
    std::vector<ForecastDay> forecast;    // days n … n + horizon − 1
};

// Fits the model to `history` (at least kMinForecastDays days; std::invalid_argument
// otherwise, or when the days do not determine the model) and forecasts `horizonDays` days.
//
// qr: Eigen's column-pivoting Householder QR of the n × 8 design matrix X, never the normal
// equations. gd and adam minimise the same squared error on standardised features (each
// column but the intercept centred and scaled to unit variance, the demand likewise) and map
// the solution back; they agree with qr to about 1e-9 relative.
//
// The 95 % prediction interval at a day with features x0 is
//   ŷ0 ± t_{0.975, n−8} · s · √(1 + x0ᵀ (XᵀX)⁻¹ x0),   s = residualStd,
// with x0ᵀ(XᵀX)⁻¹x0 = ‖R⁻ᵀ Pᵀ x0‖² from the QR factors (XP = QR), whatever the solver.
DemandForecast forecastDemand(const std::vector<double> &history, int horizonDays,
                              ForecastSolver solver);

} // namespace headroom
