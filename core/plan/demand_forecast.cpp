#include "core/plan/demand_forecast.h"

#include "core/plan/student_t.h"

#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace headroom {
namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr std::array kSolvers = {ForecastSolver::Qr, ForecastSolver::GradientDescent,
                                 ForecastSolver::Adam};

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Features of day k: 1, k, [k mod 7 = 1], …, [k mod 7 = 6].
VectorXd features(int day)
{
    VectorXd x = VectorXd::Zero(kForecastParameters);
    x(0) = 1.0;
    x(1) = day;
    if (const int w = day % 7; w > 0)
        x(1 + w) = 1.0;
    return x;
}

MatrixXd designMatrix(int days)
{
    MatrixXd x(days, kForecastParameters);
    for (int k = 0; k < days; ++k)
        x.row(k) = features(k).transpose();
    return x;
}

// The least-squares problem on standardised columns: Z = [1, (x_j − m_j) ÷ s_j], target
// (y − ȳ) ÷ s_y. The solution maps back to β exactly (same column space).
struct Standardised
{
    MatrixXd z;
    VectorXd target;
    VectorXd mean;  // per column of X (the intercept's unused)
    VectorXd scale; // per column of X
    double yMean = 0.0;
    double yScale = 1.0;

    Standardised(const MatrixXd &x, const VectorXd &y)
        : z(x.rows(), x.cols())
        , mean(VectorXd::Zero(x.cols()))
        , scale(VectorXd::Ones(x.cols()))
    {
        const double n = double(x.rows());
        z.col(0).setOnes();
        for (int j = 1; j < x.cols(); ++j) {
            mean(j) = x.col(j).mean();
            const double variance = (x.col(j).array() - mean(j)).square().sum() / n;
            scale(j) = std::sqrt(variance);
            z.col(j) = (x.col(j).array() - mean(j)) / scale(j);
        }
        yMean = y.mean();
        const double yVariance = (y.array() - yMean).square().sum() / n;
        yScale = yVariance > 0.0 ? std::sqrt(yVariance) : 1.0;
        target = (y.array() - yMean) / yScale;
    }

    VectorXd toBeta(const VectorXd &theta) const
    {
        VectorXd beta(theta.size());
        double shift = 0.0;
        for (int j = 1; j < theta.size(); ++j) {
            beta(j) = yScale * theta(j) / scale(j);
            shift += beta(j) * mean(j);
        }
        beta(0) = yMean + yScale * theta(0) - shift;
        return beta;
    }

    // ∇ of ‖Zθ − target‖² ÷ 2n.
    VectorXd gradient(const VectorXd &theta) const
    {
        return z.transpose() * (z * theta - target) / double(z.rows());
    }
    double loss(const VectorXd &theta) const
    {
        return (z * theta - target).squaredNorm() / (2.0 * double(z.rows()));
    }
};

// Stops when the gradient is this small against the first one: the standardised solution is
// then exact to about 1e-12, far inside the 1e-6 the solvers promise.
constexpr double kGradientTolerance = 1e-13;
constexpr int kMaxIterations = 2000000;

// Gradient descent with the step 1 ÷ L, L the largest eigenvalue of the Hessian ZᵀZ ÷ n (the
// largest step that never overshoots on a quadratic).
VectorXd gradientDescent(const Standardised &problem, int &iterations)
{
    const MatrixXd hessian = problem.z.transpose() * problem.z / double(problem.z.rows());
    const double lipschitz =
            Eigen::SelfAdjointEigenSolver<MatrixXd>(hessian, Eigen::EigenvaluesOnly)
                    .eigenvalues()
                    .maxCoeff();
    VectorXd theta = VectorXd::Zero(problem.z.cols());
    const double start = std::max(problem.gradient(theta).norm(), 1e-300);
    for (iterations = 0; iterations < kMaxIterations; ++iterations) {
        const VectorXd g = problem.gradient(theta);
        if (g.norm() <= kGradientTolerance * start)
            break;
        theta -= g / lipschitz;
    }
    return theta;
}

// Adam (Kingma & Ba) on the full batch. With a constant step it ends circling the minimum at
// a distance of about the step, so the step halves whenever the loss has not improved for a
// while, restarting from the best point; it stops when the gradient is negligible or the step
// has shrunk below any effect.
VectorXd adam(const Standardised &problem, int &iterations)
{
    constexpr double kBeta1 = 0.9;
    constexpr double kBeta2 = 0.999;
    constexpr double kEpsilon = 1e-12;
    constexpr int kPatience = 100;
    constexpr double kSmallestStep = 1e-15;
    const Eigen::Index size = problem.z.cols();
    VectorXd theta = VectorXd::Zero(size);
    VectorXd m = VectorXd::Zero(size);
    VectorXd v = VectorXd::Zero(size);
    double step = 0.05;
    VectorXd best = theta;
    double bestLoss = problem.loss(theta);
    int sinceBest = 0;
    int t = 0;
    const double start = std::max(problem.gradient(theta).norm(), 1e-300);
    for (iterations = 0; iterations < kMaxIterations; ++iterations) {
        const VectorXd g = problem.gradient(theta);
        if (g.norm() <= kGradientTolerance * start)
            break;
        ++t;
        m = kBeta1 * m + (1.0 - kBeta1) * g;
        v = kBeta2 * v + (1.0 - kBeta2) * g.cwiseProduct(g);
        const VectorXd mHat = m / (1.0 - std::pow(kBeta1, t));
        const VectorXd vHat = v / (1.0 - std::pow(kBeta2, t));
        theta -= step * (mHat.array() / (vHat.array().sqrt() + kEpsilon)).matrix();
        const double loss = problem.loss(theta);
        if (loss < bestLoss) {
            bestLoss = loss;
            best = theta;
            sinceBest = 0;
        } else if (++sinceBest >= kPatience) {
            step *= 0.5;
            if (step < kSmallestStep)
                break;
            theta = best;
            m.setZero();
            v.setZero();
            t = 0;
            sinceBest = 0;
        }
    }
    return best;
}

} // namespace

std::vector<double> dailyDemand(const Scenario &scenario)
{
    if (scenario.jobs.empty())
        return {};
    double first = scenario.jobs.front().submitS;
    for (const Job &job : scenario.jobs)
        first = std::min(first, job.submitS);
    std::vector<double> demand;
    for (const Job &job : scenario.jobs) {
        const auto day =
                static_cast<std::size_t>(std::floor((job.submitS - first) / kSecondsPerDay));
        if (day >= demand.size())
            demand.resize(day + 1, 0.0);
        demand[day] += double(job.slots) * job.runS / 3600.0;
    }
    return demand;
}

std::string_view toString(ForecastSolver solver)
{
    switch (solver) {
    case ForecastSolver::Qr:
        return "qr";
    case ForecastSolver::GradientDescent:
        return "gd";
    case ForecastSolver::Adam:
        return "adam";
    }
    return "qr";
}

std::optional<ForecastSolver> forecastSolverFromString(std::string_view name)
{
    for (ForecastSolver solver : kSolvers) {
        if (toString(solver) == name)
            return solver;
    }
    return std::nullopt;
}

DemandForecast forecastDemand(const std::vector<double> &history, int horizonDays,
                              ForecastSolver solver)
{
    const int n = static_cast<int>(history.size());
    if (n < kMinForecastDays)
        throw std::invalid_argument("a forecast needs at least " +
                                    std::to_string(kMinForecastDays) +
                                    " days of history (there are " + std::to_string(n) + ")");
    if (horizonDays < 0)
        throw std::invalid_argument("the forecast horizon must be >= 0 days");
    const MatrixXd x = designMatrix(n);
    const VectorXd y = Eigen::Map<const VectorXd>(history.data(), n);
    const Eigen::ColPivHouseholderQR<MatrixXd> qr(x);
    if (qr.rank() < kForecastParameters)
        throw std::invalid_argument("the history does not determine the model");

    DemandForecast result;
    result.solver = solver;
    result.history = history;
    VectorXd beta;
    if (solver == ForecastSolver::Qr) {
        beta = qr.solve(y);
    } else {
        const Standardised problem(x, y);
        const VectorXd theta = solver == ForecastSolver::GradientDescent
                                       ? gradientDescent(problem, result.iterations)
                                       : adam(problem, result.iterations);
        beta = problem.toBeta(theta);
    }

    const VectorXd fitted = x * beta;
    result.fitted.assign(fitted.data(), fitted.data() + n);
    result.intercept = beta(0);
    result.slopePerDay = beta(1);
    result.weekdayEffects = {0.0};
    for (int w = 1; w <= 6; ++w)
        result.weekdayEffects.push_back(beta(1 + w));
    result.meanDailyDemand = y.mean();
    const double ssr = (y - fitted).squaredNorm();
    const double sst = (y.array() - result.meanDailyDemand).square().sum();
    result.r2 = sst > 0.0 ? 1.0 - ssr / sst : 1.0;
    result.degreesOfFreedom = n - kForecastParameters;
    result.residualStd = std::sqrt(ssr / result.degreesOfFreedom);
    if (result.meanDailyDemand != 0.0)
        result.growthPerMonth = 30.0 * result.slopePerDay / result.meanDailyDemand;
    result.tQuantile = studentTQuantile(0.975, result.degreesOfFreedom);

    // x0ᵀ(XᵀX)⁻¹x0 = ‖R⁻ᵀ Pᵀ x0‖² with XP = QR.
    const MatrixXd r = qr.matrixR().topLeftCorner(kForecastParameters, kForecastParameters);
    for (int h = 0; h < horizonDays; ++h) {
        const int day = n + h;
        const VectorXd x0 = features(day);
        const VectorXd permuted = qr.colsPermutation().transpose() * x0;
        const VectorXd z = r.transpose().triangularView<Eigen::Lower>().solve(permuted);
        const double half =
                result.tQuantile * result.residualStd * std::sqrt(1.0 + z.squaredNorm());
        const double point = x0.dot(beta);
        result.forecast.push_back({day, point, point - half, point + half});
    }
    return result;
}

} // namespace headroom
