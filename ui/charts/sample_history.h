#pragma once

#include <QObject>

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace headroom {
struct Sample;
}

namespace headroom::ui {

class RunController;
struct LiveSnapshot;

// The full-resolution time series of the current run, one column per plotted metric, shared
// by the live charts (one copy of the times for all of them). It appends each snapshot's new
// samples and tells the charts, which decide when to redraw; the charts only ever plot a
// decimated copy (decimation.h).
//
// Memory: 8 bytes per sample for the time plus 8 per metric: 80 bytes a sample, 8 MB for
// 100,000 samples (a year at the default 5-minute interval).
class SampleHistory : public QObject
{
    Q_OBJECT

public:
    enum class Metric {
        UtilizationPercent,
        LoadBalanceCov,
        JainIndex,
        ItPowerKw,
        Queued,
        Running,
        FacilityPowerKw, // IT power × PUE
        NodesDown,       // failed or in a planned outage (docs/design.md §10)
        Interruptions,   // job interruptions so far (Sample::interruptions)
    };
    static constexpr std::size_t kMetricCount = 9;

    // Starts with the samples the run already has, so a chart created mid-run is complete.
    explicit SampleHistory(RunController *run, QObject *parent = nullptr);

    std::size_t size() const { return m_times.size(); }
    bool empty() const { return m_times.empty(); }
    std::span<const double> times() const { return m_times; }
    std::span<const double> values(Metric metric) const { return column(metric); }
    double value(Metric metric, std::size_t index) const { return column(metric)[index]; }
    // Largest value seen in this run (0 when empty): the charts' y axes only grow.
    double maxValue(Metric metric) const { return m_max[std::size_t(metric)]; }
    // Index of the sample closest in time to `time`; size() when empty.
    std::size_t indexNear(double time) const;

    void append(std::span<const Sample> samples);
    void clear();

Q_SIGNALS:
    void appended();
    void cleared();

private:
    void onSnapshot(const LiveSnapshot &snapshot);
    const std::vector<double> &column(Metric metric) const
    {
        return m_columns[std::size_t(metric)];
    }

    std::vector<double> m_times;
    std::array<std::vector<double>, kMetricCount> m_columns;
    std::array<double, kMetricCount> m_max{};
};

} // namespace headroom::ui
