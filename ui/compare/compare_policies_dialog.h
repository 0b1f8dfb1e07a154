#pragma once

#include "core/model/policy.h"
#include "core/plan/scenario_overrides.h"
#include "ui/compare/compared_run.h"

#include <QDialog>

#include <map>
#include <memory>
#include <vector>

class QCheckBox;
class QLabel;

namespace headroom::ui {

class PlanTask;
class ScenarioDocument;
class StudyRunBar;

// Compare Policies… (docs/design.md §8.1): variants of the current scenario — the ticked
// schedulers × placements, optionally each also without its power cap and with power
// management toggled — named and overridden in the vocabulary of
// core/plan/scenario_overrides.h and run on core/plan's comparison off the GUI thread
// (PlanTask: progress, Cancel). Emits comparisonReady once all ran; the Compare window shows
// them.
class ComparePoliciesDialog : public QDialog
{
    Q_OBJECT

public:
    ComparePoliciesDialog(ScenarioDocument *document, QWidget *parent = nullptr);

    // Ticks exactly these schedulers and placements (tests; the dialog starts with the
    // scenario's own).
    void select(const std::vector<SchedulerKind> &schedulers,
                const std::vector<PlacementKind> &placements);
    // The variants the ticks make, in scheduler, placement, cap, DPM order.
    std::vector<NamedVariant> variants() const;
    // Starts the runs; false (with a message) when the variants are not 2 to 4 or do not
    // apply, or a run is under way.
    bool run();
    PlanTask *task() const { return m_task; }
    StudyRunBar *runBar() const { return m_runBar; }
    // The last finished comparison; empty until one finished, and after a cancelled one.
    const std::vector<ComparedRun> &results() const { return m_results; }

Q_SIGNALS:
    void comparisonReady();

public Q_SLOTS:
    void reject() override;

private:
    void onFinished();
    void updateCount();

    ScenarioDocument *m_document;
    PlanTask *m_task;
    StudyRunBar *m_runBar;
    std::map<SchedulerKind, QCheckBox *> m_schedulers;
    std::map<PlacementKind, QCheckBox *> m_placements;
    QCheckBox *m_withoutCap;
    QCheckBox *m_toggleDpm;
    QLabel *m_message;
    std::shared_ptr<std::vector<ComparedRun>> m_pending;
    std::vector<ComparedRun> m_results;
};

} // namespace headroom::ui
