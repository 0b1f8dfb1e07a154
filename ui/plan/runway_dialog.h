#pragma once

#include "core/plan/runway.h"

#include <QDialog>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace headroom::ui {

class PlanSession;
class PlanTask;
class ScenarioDocument;
class SloEditor;
class SpecChartView;
class StudyRunBar;

// Plan → Runway…: how many months of load growth the cluster absorbs before a service level
// breaks (docs/design.md §7.7). Growth is typed or taken from the demand forecast; every month
// is simulated off the GUI thread, with progress and Cancel; the answer is a sentence ("p95
// wait passes 1.0 h in month 7 at 1.52× today's load") and a per-month chart with the SLO line.
class RunwayDialog : public QDialog
{
    Q_OBJECT

public:
    RunwayDialog(ScenarioDocument *document, PlanSession *session, QWidget *parent = nullptr);
    ~RunwayDialog() override;

    RunwayRequest request() const;
    void setGrowthPerMonth(double growth); // a fraction: 0.05 is 5 % a month
    void setMonths(int months);
    SloEditor *sloEditor() const { return m_slos; }
    StudyRunBar *runBar() const { return m_runBar; }
    PlanTask *task() const { return m_task; }
    std::shared_ptr<const RunwayResult> result() const { return m_result; }
    QString sentence() const;
    QString message() const;
    SpecChartView *chartView() const { return m_chart; }

public Q_SLOTS:
    bool run();
    // Sets the growth from the demand forecast of the scenario's jobs (QR fit).
    bool growthFromForecast();
    void reject() override;

Q_SIGNALS:
    void studyFinished();

private:
    void onFinished();
    void showMessage(const QString &text, bool problem);

    ScenarioDocument *m_document;
    PlanSession *m_session;
    PlanTask *m_task;
    QDoubleSpinBox *m_growth;
    QPushButton *m_fromForecast;
    QSpinBox *m_months;
    SloEditor *m_slos;
    StudyRunBar *m_runBar;
    QLabel *m_message;
    QLabel *m_sentence;
    SpecChartView *m_chart;
    std::shared_ptr<RunwayResult> m_pending;
    std::shared_ptr<const RunwayResult> m_result;
};

} // namespace headroom::ui
