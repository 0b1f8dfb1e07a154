#pragma once

#include <QElapsedTimer>
#include <QWidget>

#include <cstddef>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace headroom::ui {

class JobsFilterProxy;
class JobsTableModel;
class RunController;
class ScenarioDocument;
class Selection;

// The Workloads dock: the scenario's jobs in a sortable, filterable table with a live state
// column, Add Job… and Delete. The table's row selection and Selection::jobs() mirror each
// other (through the sort/filter proxy), and rows drag out as ExistingJobs payloads (onto a
// node to pin them). Workload templates dropped on the table become new jobs.
//
// Selection holds job *positions*; when jobs are inserted or removed the panel shifts those
// positions so the same jobs stay selected.
class WorkloadsPanel : public QWidget
{
    Q_OBJECT

public:
    WorkloadsPanel(ScenarioDocument *document, Selection *selection, RunController *run,
                   QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    JobsTableModel *model() const { return m_model; }
    JobsFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *addJobAction() const { return m_addAction; }
    QAction *deleteAction() const { return m_deleteAction; }

    // Job positions selected in the table, ascending.
    std::vector<std::size_t> selectedJobs() const;

public Q_SLOTS:
    void addJob();
    void deleteSelected();
    void setFilterText(const QString &text);

private:
    void applyFilter();
    void onViewSelectionChanged();
    void followSelection();
    void onJobsInserted(std::size_t first, std::size_t last);
    void onJobsRemoved(const std::vector<std::size_t> &indices);
    void updateCount();
    void updateActions();
    void repaintLiveStates();

    ScenarioDocument *m_document;
    Selection *m_selection;
    JobsTableModel *m_model;
    JobsFilterProxy *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QTimer *m_filterTimer;
    // Live states repaint the visible rows at most every kLiveRepaintMs (see
    // repaintLiveStates()); the timer shows the latest states at the end of a wait.
    QTimer *m_liveRepaintTimer;
    QElapsedTimer m_sinceLiveRepaint;
    QLabel *m_count;
    QAction *m_addAction;
    QAction *m_deleteAction;
    bool m_syncing = false; // pushing a selection one way; ignore its echo
};

} // namespace headroom::ui
