#pragma once

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

namespace headroom {
struct RunResult;
}

namespace headroom::ui {

class ChartSwitch;
class RunController;
class ScenarioDocument;
struct LiveSnapshot;

// Utilization of every node as bars sorted from busiest to idlest, read in one of two ways:
// now (busy accelerators / accelerators at the latest snapshot) or, once a run has finished,
// averaged over the run (the core's per-node figure, RunMetrics::nodeUtilization: busy
// accelerator-seconds / (accelerators × makespan), docs/design.md §5.3). A switch in the
// corner picks the reading; a finished run switches to its average, since the last instant of a
// run that has ended says little.
//
// Why sorted bars and not a heat strip in topology order: the question this panel answers is
// "how uneven is the load". Sorted, an even load is a flat plateau and imbalance is a visible
// slope or cliff whose width reads directly as "this many nodes idle while others are full"; a
// strip in topology order scatters the same values into confetti the eye cannot total. Where
// the busy nodes are is the topology view's job (it colours each node tile).
//
// Large clusters: with more nodes than pixels, each pixel column shows the busiest node it
// covers (the profile is monotonic, so that is exact at the column's left edge), drawn as one
// polygon; painting is O(width) plus an O(n log n) sort per snapshot.
class NodeUtilizationView : public QWidget
{
    Q_OBJECT

public:
    enum class Reading { Now, RunAverage };

    NodeUtilizationView(RunController *run, ScenarioDocument *document, QWidget *parent = nullptr);

    int nodeCount() const { return int(m_names.size()); }
    Reading reading() const { return m_reading; }
    // Shows the run average only once a run has finished.
    void setReading(Reading reading);
    bool hasRunAverage() const { return !m_average.empty(); }
    ChartSwitch *readingSwitch() const { return m_switch; }
    // Utilization 0..1 per node in the current reading, busiest first (the order the bars are
    // drawn in).
    std::vector<double> sortedUtilization() const;
    // Node index (topology order) of the bar at sorted position `rank`.
    int nodeAtRank(int rank) const { return order().at(std::size_t(rank)); }

    QSize sizeHint() const override { return {320, 180}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onSnapshot(const LiveSnapshot &snapshot);
    void onFinished(const std::shared_ptr<const RunResult> &result);
    void onRunReset();
    void loadNodes();
    void sortNodes() const;
    // m_order, sorted first if a snapshot came since.
    const std::vector<int> &order() const;
    void placeSwitch();
    QRect plotRect() const;
    QString caption() const;
    double utilizationOf(int node) const; // in the current reading
    double utilizationNow(int node) const;

    RunController *m_run;
    ScenarioDocument *m_document;
    ChartSwitch *m_switch;
    Reading m_reading = Reading::Now;
    std::vector<QString> m_names; // topology order
    std::vector<int> m_slots;
    std::vector<int> m_busy;
    std::vector<double> m_average;    // the finished run's per-node utilization; empty before
    double m_clusterAverage = 0.0;    // RunMetrics::utilization of that run
    mutable std::vector<int> m_order; // node indices, busiest first
    mutable bool m_sortPending = false;
};

} // namespace headroom::ui
