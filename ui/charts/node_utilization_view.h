#pragma once

#include <QString>
#include <QWidget>

#include <vector>

namespace headroom::ui {

class RunController;
class ScenarioDocument;
struct LiveSnapshot;

// Current utilization of every node (busy accelerators / accelerators), as bars sorted from
// busiest to idlest.
//
// Why sorted bars and not a heat strip in topology order: the question this panel answers is
// "how uneven is the load right now". Sorted, an even load is a flat plateau and imbalance is
// a visible slope or cliff whose width reads directly as "this many nodes idle while others
// are full"; a strip in topology order scatters the same values into confetti the eye cannot
// total. Where the busy nodes are is the topology view's job (it colours each node tile).
//
// Large clusters: with more nodes than pixels, each pixel column shows the busiest node it
// covers (the profile is monotonic, so that is exact at the column's left edge), drawn as one
// polygon; painting is O(width) plus an O(n log n) sort per snapshot.
class NodeUtilizationView : public QWidget
{
    Q_OBJECT

public:
    NodeUtilizationView(RunController *run, ScenarioDocument *document, QWidget *parent = nullptr);

    int nodeCount() const { return int(m_names.size()); }
    // Utilization 0..1 per node, busiest first (the order the bars are drawn in).
    std::vector<double> sortedUtilization() const;
    // Node index (topology order) of the bar at sorted position `rank`.
    int nodeAtRank(int rank) const { return m_order.at(std::size_t(rank)); }

    QSize sizeHint() const override { return {320, 180}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onSnapshot(const LiveSnapshot &snapshot);
    void onRunReset();
    void loadNodes();
    void sortNodes();
    QRect plotRect() const;
    double utilizationOf(int node) const;

    RunController *m_run;
    ScenarioDocument *m_document;
    std::vector<QString> m_names; // topology order
    std::vector<int> m_slots;
    std::vector<int> m_busy;
    std::vector<int> m_order; // node indices, busiest first
};

} // namespace headroom::ui
