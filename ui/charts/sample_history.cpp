#include "ui/charts/sample_history.h"

#include "core/engine/run_result.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"

#include <algorithm>

namespace headroom::ui {

SampleHistory::SampleHistory(RunController *run, QObject *parent)
    : QObject(parent)
{
    if (!run)
        return;
    connect(run, &RunController::snapshotArrived, this, &SampleHistory::onSnapshot);
    connect(run, &RunController::runReset, this, &SampleHistory::clear);
    append(run->samples());
}

void SampleHistory::onSnapshot(const LiveSnapshot &snapshot)
{
    append(snapshot.newSamples);
}

void SampleHistory::append(std::span<const Sample> samples)
{
    if (samples.empty())
        return;
    const std::size_t total = m_times.size() + samples.size();
    // Grow geometrically but explicitly: reserve() with the exact size would reallocate on
    // every snapshot.
    if (total > m_times.capacity()) {
        const std::size_t capacity = std::max(total, m_times.capacity() * 2);
        m_times.reserve(capacity);
        for (auto &c : m_columns)
            c.reserve(capacity);
    }
    for (const Sample &s : samples) {
        const std::array<double, kMetricCount> row{
                s.utilization * 100.0,     s.loadBalanceCov,    s.jainIndex,
                s.itPowerW / 1000.0,       double(s.queued),    double(s.running),
                s.facilityPowerW / 1000.0, double(s.nodesDown), double(s.interruptions)};
        m_times.push_back(s.time);
        for (std::size_t m = 0; m < kMetricCount; ++m) {
            m_columns[m].push_back(row[m]);
            m_max[m] = std::max(m_max[m], row[m]);
        }
    }
    Q_EMIT appended();
}

void SampleHistory::clear()
{
    // Release the memory too: the next run may be much shorter.
    std::vector<double>().swap(m_times);
    for (auto &c : m_columns)
        std::vector<double>().swap(c);
    m_max.fill(0.0);
    Q_EMIT cleared();
}

std::size_t SampleHistory::indexNear(double time) const
{
    if (m_times.empty())
        return 0;
    const auto it = std::lower_bound(m_times.begin(), m_times.end(), time);
    if (it == m_times.end())
        return m_times.size() - 1;
    const std::size_t i = std::size_t(it - m_times.begin());
    if (i > 0 && time - m_times[i - 1] < m_times[i] - time)
        return i - 1;
    return i;
}

} // namespace headroom::ui
