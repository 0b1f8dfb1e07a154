#pragma once

#include "core/model/job.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

class DurationEdit;

// A job's checkpoints (docs/design.md §10.3): interval, cost and restart overhead, with the
// expected goodput of those settings next to Young/Daly's suggested interval
// (report/checkpoint_advice.h) and a button that takes the suggestion. Used by the Add Job
// dialog and the job's Properties page, which turn what it reports into the job they edit.
//
// A checkpoint cost needs an interval (docs/design.md §10.3), so the cost field is off while
// the interval is empty, and clearing the interval clears the cost with it.
class CheckpointEditor : public QGroupBox
{
    Q_OBJECT

public:
    explicit CheckpointEditor(QWidget *parent = nullptr);

    // The figures as shown; fields that do not read count as 0.
    JobCheckpoints checkpoints() const;
    bool isValid() const;
    QString problem() const;
    // Shows `job`'s checkpoints (unless `keepTyping` and a field has focus) and its advice.
    void setJob(const Scenario &scenario, const Job &job, bool keepTyping = false);
    // The advice for `job` as it would be with the figures shown, without touching the fields.
    void showAdvice(const Scenario &scenario, const Job &job);

    QLabel *adviceLabel() const { return m_advice; }
    QPushButton *applyButton() const { return m_apply; }

Q_SIGNALS:
    // The user changed a figure (typing, or taking the suggestion).
    void edited(const headroom::JobCheckpoints &checkpoints);

private:
    void onEdited();

    DurationEdit *m_interval;
    DurationEdit *m_cost;
    DurationEdit *m_restart;
    QLabel *m_advice;
    QPushButton *m_apply;
    double m_suggestedS = 0.0;
};

} // namespace headroom::ui
