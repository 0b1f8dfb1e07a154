#include "ui/panels/checkpoint_editor.h"

#include "core/model/scenario.h"
#include "report/checkpoint_advice.h"
#include "report/report_format.h"
#include "ui/models/duration_text.h"
#include "ui/panels/duration_edit.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace headroom::ui {

CheckpointEditor::CheckpointEditor(QWidget *parent)
    : QGroupBox(tr("Checkpoints"), parent)
    , m_interval(new DurationEdit(this))
    , m_cost(new DurationEdit(this))
    , m_restart(new DurationEdit(this))
    , m_advice(new QLabel(this))
    , m_apply(new QPushButton(tr("Use &Suggestion"), this))
{
    setToolTip(tr("How the job survives a node failure: it resumes from its last checkpoint "
                  "after a restart overhead; without checkpoints it starts over"));
    m_interval->setObjectName("checkpointInterval");
    m_interval->setEmptyValue(0.0);
    m_interval->setPlaceholderText(tr("none (starts over)"));
    m_interval->setToolTip(tr("Work between two checkpoints; empty: the job never checkpoints "
                              "and an interruption loses all its work"));
    m_cost->setObjectName("checkpointCost");
    m_cost->setEmptyValue(0.0);
    m_cost->setPlaceholderText(tr("free"));
    m_cost->setToolTip(tr("Time without progress while one checkpoint is written (δ)"));
    m_cost->setEnabled(false); // until there is an interval
    m_restart->setObjectName("checkpointRestart");
    m_restart->setEmptyValue(0.0);
    m_restart->setPlaceholderText(tr("none"));
    m_restart->setToolTip(tr("Time an interrupted job spends restarting (reloading its last "
                             "checkpoint) before it makes progress again"));
    m_advice->setObjectName("checkpointAdvice");
    m_advice->setWordWrap(true);
    m_advice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply->setObjectName("applyCheckpointSuggestion");
    m_apply->setToolTip(tr("Set the checkpoint interval to the suggested one"));

    // The advice wraps, so it sits under the form, not in a form row (whose height a wrapping
    // label gets wrong: its last line was cut off).
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Interval:"), m_interval);
    form->addRow(tr("&Cost:"), m_cost);
    form->addRow(tr("Rest&art overhead:"), m_restart);
    layout->addLayout(form);
    layout->addWidget(m_advice);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);

    for (DurationEdit *edit : {m_interval, m_cost, m_restart})
        connect(edit, &DurationEdit::secondsEdited, this, &CheckpointEditor::onEdited);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (m_suggestedS <= 0.0)
            return;
        m_interval->setSeconds(m_suggestedS);
        onEdited();
    });
}

JobCheckpoints CheckpointEditor::checkpoints() const
{
    JobCheckpoints k;
    k.intervalS = m_interval->seconds().value_or(0.0);
    k.costS = k.intervalS > 0.0 ? m_cost->seconds().value_or(0.0) : 0.0;
    k.restartOverheadS = m_restart->seconds().value_or(0.0);
    return k;
}

bool CheckpointEditor::isValid() const
{
    return problem().isEmpty();
}

QString CheckpointEditor::problem() const
{
    if (!m_interval->isValid())
        return tr("Checkpoint interval: %1.").arg(m_interval->problem());
    if (m_cost->isEnabled() && !m_cost->isValid())
        return tr("Checkpoint cost: %1.").arg(m_cost->problem());
    if (!m_restart->isValid())
        return tr("Restart overhead: %1.").arg(m_restart->problem());
    return {};
}

void CheckpointEditor::onEdited()
{
    // A cost without an interval means nothing (and no scenario file may say it).
    m_cost->setEnabled(m_interval->seconds().value_or(0.0) > 0.0);
    Q_EMIT edited(checkpoints());
}

void CheckpointEditor::setJob(const Scenario &scenario, const Job &job, bool keepTyping)
{
    const JobCheckpoints &k = *job.checkpoints;
    auto sync = [keepTyping](DurationEdit *edit, double seconds) {
        if (keepTyping && edit->hasFocus() && !edit->isValid())
            return;
        if (seconds == 0.0) {
            if (edit->seconds().value_or(0.0) != 0.0 || !edit->isValid())
                edit->clear();
        } else {
            edit->setSeconds(seconds);
        }
    };
    sync(m_interval, k.intervalS);
    sync(m_cost, k.costS);
    sync(m_restart, k.restartOverheadS);
    m_cost->setEnabled(k.intervalS > 0.0);
    showAdvice(scenario, job);
}

void CheckpointEditor::showAdvice(const Scenario &scenario, const Job &job)
{
    const report::CheckpointAdvice advice = report::checkpointAdvice(scenario, job);
    m_suggestedS = advice.suggestedS;
    QString text;
    if (!advice.fails()) {
        text = advice.nodeType.isEmpty()
                       ? tr("No node type to weigh failures for.")
                       : tr("Nodes of type %1 never fail (no MTBF set): checkpoints only cost "
                            "time.")
                                 .arg(advice.nodeType);
    } else {
        const QString on =
                advice.typeAssumed ? tr("%1 nodes of %2 (assumed)") : tr("%1 nodes of %2");
        text = tr("Interrupted every %1 on average (%2, MTBF %3 h each).")
                       .arg(formatDuration(std::round(advice.jobMtbfS)),
                            on.arg(advice.nodes).arg(advice.nodeType),
                            report::number(advice.nodeMtbfH, 1));
        text += QLatin1Char('\n') +
                tr("Expected goodput: %1.").arg(report::percent(advice.goodput, 1));
        if (advice.hasSuggestion())
            text += QLatin1Char('\n') + tr("Suggested interval √(2·δ·MTBF) = %1: goodput %2.")
                                                .arg(formatDuration(advice.suggestedS),
                                                     report::percent(advice.suggestedGoodput, 1));
        else
            text += QLatin1Char('\n') +
                    tr("Give a checkpoint interval and cost for a suggested interval.");
        if (!scenario.failures.enabled)
            text += QLatin1Char('\n') + tr("Failures are off in this scenario.");
    }
    m_advice->setText(text);
    m_apply->setEnabled(advice.hasSuggestion() &&
                        advice.suggestedS != m_interval->seconds().value_or(0.0));
}

} // namespace headroom::ui
