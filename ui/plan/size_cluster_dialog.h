#pragma once

#include "core/plan/sizing.h"

#include <QDialog>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTabWidget;

namespace headroom::ui {

class PlanSession;
class PlanTask;
class ScenarioDocument;
class SizingPointsModel;
class SloEditor;
class SpecChartView;
class StudyRunBar;

// Plan → Size Cluster…: which node counts meet the service levels at the least objective
// (docs/design.md §7.4). The types and ranges start from the current cluster, the SLOs and
// objective from the last study. The study runs off the GUI thread with progress and Cancel;
// the result shows as a chart, a sortable table of every evaluated configuration and the
// recommendation with its cost split. Apply resizes the cluster through the document as one
// undo step.
class SizeClusterDialog : public QDialog
{
    Q_OBJECT

public:
    SizeClusterDialog(ScenarioDocument *document, PlanSession *session, QWidget *parent = nullptr);
    ~SizeClusterDialog() override;

    // The request the widgets describe (checked types, SLOs, objective, amortization).
    SizingRequest request() const;
    // Sets a type's row: whether it is varied and its range (tests, and the user by hand).
    void setRange(const std::string &type, bool varied, int min, int max);
    void setObjective(SizingObjective objective);
    SloEditor *sloEditor() const { return m_slos; }
    StudyRunBar *runBar() const { return m_runBar; }
    PlanTask *task() const { return m_task; }
    // The last finished study; null before one.
    std::shared_ptr<const SizingResult> result() const { return m_result; }
    QString message() const;
    QString summary() const;
    QPushButton *applyButton() const { return m_apply; }
    SpecChartView *chartView() const { return m_chart; }
    QTableView *pointsView() const { return m_pointsView; }

public Q_SLOTS:
    // Checks the request and starts the study; false (saying why) when it cannot run.
    bool run();
    // Resizes the cluster to the recommendation, one undo step; false when there is none.
    bool apply();
    void reject() override;

Q_SIGNALS:
    void studyFinished();

private:
    struct TypeRow
    {
        std::string type;
        QCheckBox *varied = nullptr;
        QSpinBox *min = nullptr;
        QSpinBox *max = nullptr;
    };

    void buildTypeRows(QWidget *box);
    void onFinished();
    void updateWarnings();
    void showMessage(const QString &text, bool problem);
    void setSummary(const QString &text);
    void updateTypeLabels();
    std::vector<int> currentCounts(const SizingRequest &request) const;

    ScenarioDocument *m_document;
    PlanSession *m_session;
    PlanTask *m_task;
    std::vector<TypeRow> m_types;
    SloEditor *m_slos;
    QComboBox *m_objective;
    QDoubleSpinBox *m_amortization;
    StudyRunBar *m_runBar;
    QLabel *m_message;
    QLabel *m_summary;
    QString m_summaryText; // m_summary's text, plain
    QTabWidget *m_tabs;
    SpecChartView *m_chart;
    SizingPointsModel *m_points;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_pointsView;
    QPushButton *m_apply;
    std::shared_ptr<SizingResult> m_pending; // written by the study while it runs
    std::shared_ptr<const SizingResult> m_result;
    std::vector<int> m_runCounts; // the varied types' counts when the study started
};

} // namespace headroom::ui
