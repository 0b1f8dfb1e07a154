#pragma once

#include <QWidget>

#include <array>

class QListView;
class QPushButton;
class QTableView;

namespace headroom::ui {

class CompareChartView;
class ComparedRunsModel;
class MetricsTableModel;

// The Compare window (docs/design.md §8.1): the compared runs listed (Remove drops one), the
// four overlaid charts, and the metrics table with coloured deltas against the first run.
// Owns its runs, so that it stays as it was while the user edits and runs again.
class CompareWindow : public QWidget
{
    Q_OBJECT

public:
    explicit CompareWindow(QWidget *parent = nullptr);

    ComparedRunsModel *runs() const { return m_runs; }
    MetricsTableModel *metrics() const { return m_metrics; }
    QTableView *metricsView() const { return m_table; }
    const std::array<CompareChartView *, 4> &charts() const { return m_charts; }
    QPushButton *removeButton() const { return m_remove; }
    // Writes the comparison report (report/comparison_report.h) to `path`: PDF, or HTML for
    // .html. False with `error` set when it could not be written.
    bool exportReport(const QString &path, QString *error) const;

Q_SIGNALS:
    // The user removed this run from the window (a kept run is forgotten too).
    void runRemoved(const QString &name);

private:
    void removeSelected();
    void exportReportDialog();
    void updateTitle();

    ComparedRunsModel *m_runs;
    MetricsTableModel *m_metrics;
    QListView *m_list;
    QPushButton *m_remove;
    QPushButton *m_export;
    QTableView *m_table;
    std::array<CompareChartView *, 4> m_charts{};
};

} // namespace headroom::ui
