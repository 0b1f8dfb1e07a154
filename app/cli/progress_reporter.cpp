#include "app/cli/progress_reporter.h"

#include <unistd.h>

namespace headroom::cli {
namespace {

constexpr qint64 kQuietPeriodMs = 1000;
constexpr qint64 kRefreshMs = 250;

} // namespace

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO) == 1;
}

ProgressReporter::ProgressReporter(bool enabled, long long totalJobs)
    : m_enabled(enabled)
    , m_totalJobs(totalJobs)
{
    m_clock.start();
}

ProgressReporter::~ProgressReporter()
{
    finish();
}

bool ProgressReporter::due()
{
    if (!m_enabled)
        return false;
    const qint64 elapsed = m_clock.elapsed();
    if (elapsed < kQuietPeriodMs || elapsed - m_lastPrintMs < kRefreshMs)
        return false;
    m_lastPrintMs = elapsed;
    m_shown = true;
    return true;
}

void ProgressReporter::update(const LiveStatus &status)
{
    if (!due())
        return;
    const qint64 elapsed = m_lastPrintMs;
    const long long done = status.completed + status.rejected;
    const double percent = m_totalJobs > 0 ? 100.0 * double(done) / double(m_totalJobs) : 100.0;
    const double eventsPerSecond = double(status.events) / (double(elapsed) / 1000.0);
    std::fprintf(stderr,
                 "\r  %5.1f %%  %lld/%lld jobs done, %lld running, %lld queued, "
                 "simulated %.1f h, %.2f M events/s   ",
                 percent, done, m_totalJobs, status.running, status.queued, status.now / 3600.0,
                 eventsPerSecond / 1e6);
    std::fflush(stderr);
}

void ProgressReporter::updateEvaluations(int done, int total)
{
    if (!due())
        return;
    std::fprintf(stderr, "\r  %d/%d simulations, %.1f s   ", done, total,
                 double(m_lastPrintMs) / 1000.0);
    std::fflush(stderr);
}

void ProgressReporter::updatePoints(int done, int total)
{
    if (!m_enabled)
        return;
    const qint64 elapsed = m_clock.elapsed();
    if (elapsed < kQuietPeriodMs || elapsed - m_lastPrintMs < kRefreshMs)
        return;
    m_lastPrintMs = elapsed;
    m_shown = true;
    const double seconds = double(elapsed) / 1000.0;
    const double rate = double(done) / seconds;
    if (done > 0) {
        std::fprintf(stderr, "\r  %d/%d points, %.2f points/s, %.0f s left   ", done, total, rate,
                     double(total - done) / rate);
    } else {
        std::fprintf(stderr, "\r  0/%d points, %.1f s   ", total, seconds);
    }
    std::fflush(stderr);
}

void ProgressReporter::finish()
{
    if (m_shown) {
        std::fputs("\n", stderr);
        std::fflush(stderr);
        m_shown = false;
    }
}

} // namespace headroom::cli
