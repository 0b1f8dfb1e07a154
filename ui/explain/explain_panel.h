#pragma once

#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

namespace headroom::ui {

class PlacementExplainModel;
class RunController;
class ScenarioDocument;
class Selection;

// "Why this node?": for one job, every node's verdict and score from the placement strategy
// (core's placement explain), against the live cluster while the run is paused, or the empty
// cluster otherwise. Follows the shared job selection while shown; clicking a row selects
// that node in the topology.
class ExplainPanel : public QWidget
{
    Q_OBJECT

public:
    ExplainPanel(ScenarioDocument *document, Selection *selection, RunController *run,
                 QWidget *parent = nullptr);

    PlacementExplainModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    std::optional<std::size_t> job() const { return m_job; }
    // True when the rows show the paused run's cluster, false for the empty cluster.
    bool isLive() const { return m_live; }

public Q_SLOTS:
    // Explains job `job` (position in Scenario::jobs) now.
    void explainJob(std::size_t job);
    // Explains the first selected job again (after a step, an edit, a pause).
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onSelectedJobsChanged();
    void onRowActivated(const QModelIndex &index);
    void showNothing(const QString &message);
    void setTitle(std::size_t job);
    QString waitText(std::size_t job) const;
    bool explainWait(std::size_t job);

    ScenarioDocument *m_document;
    Selection *m_selection;
    RunController *m_run;
    PlacementExplainModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_title;
    QLabel *m_context;
    QLabel *m_summary;
    QToolButton *m_refresh;
    std::optional<std::size_t> m_job;
    bool m_live = false;
};

} // namespace headroom::ui
