#include "ui/panels/properties/scenario_page.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/count_text.h"
#include "ui/models/policy_choices.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/properties/energy_section.h"
#include "ui/panels/properties/failure_section.h"
#include "ui/panels/properties/page_helpers.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::ui {

ScenarioPage::ScenarioPage(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *scenarioBox = new QGroupBox(tr("General"), this);
    auto *form = makeForm(scenarioBox);
    m_name = new QLineEdit(scenarioBox);
    m_name->setObjectName("scenarioName");
    m_name->setToolTip(tr("Shown in the title bar and in reports"));
    m_description = new QPlainTextEdit(scenarioBox);
    m_description->setObjectName("scenarioDescription");
    m_description->setToolTip(tr("What this scenario is for; printed in reports"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    m_seed = new QLineEdit(scenarioBox);
    m_seed->setObjectName("seed");
    m_seed->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[0-9]{1,20}")), m_seed));
    m_seed->setToolTip(tr("Random seed: the same scenario and seed give the same run, "
                          "byte for byte"));
    m_summary = infoLabel(scenarioBox);
    m_summary->setObjectName("scenarioSummary");
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Seed:"), m_seed);
    form->addRow(tr("Contents:"), m_summary);

    auto *policyBox = new QGroupBox(tr("Policy"), this);
    auto *policyForm = makeForm(policyBox);
    m_scheduler = makeCombo(policyBox, "scheduler");
    addSchedulerChoices(m_scheduler);
    m_scheduler->setToolTip(tr("Which queued job starts next; each entry says how it chooses"));
    m_placement = makeCombo(policyBox, "placement");
    addPlacementChoices(m_placement);
    m_placement->setToolTip(tr("Which free accelerators a starting job gets"));
    m_sampleInterval = new DurationEdit(policyBox);
    m_sampleInterval->setObjectName("sampleInterval");
    m_sampleInterval->setMinimum(0.0, true);
    m_sampleInterval->setToolTip(tr("How often the time series (utilization, power, queue) are "
                                    "sampled"));
    m_restartOverhead = new DurationEdit(policyBox);
    m_restartOverhead->setObjectName("restartOverhead");
    m_restartOverhead->setToolTip(tr("Time a job preempted by SRTF loses each time it restarts "
                                     "(checkpoint reload)"));
    policyForm->addRow(tr("Sc&heduler:"), m_scheduler);
    policyForm->addRow(tr("&Placement:"), m_placement);
    policyForm->addRow(tr("Sample &interval:"), m_sampleInterval);
    policyForm->addRow(tr("SRTF &restart overhead:"), m_restartOverhead);

    m_energy = new EnergySection(context, this);
    m_failures = new FailureSection(context, this);

    layout->addWidget(scenarioBox);
    layout->addWidget(policyBox);
    layout->addWidget(m_energy);
    layout->addWidget(m_failures);

    connect(m_energy, &PropertyPage::messageChanged, this, &PropertyPage::messageChanged);
    connect(m_failures, &PropertyPage::messageChanged, this, &PropertyPage::messageChanged);
    connect(m_name, &QLineEdit::textEdited, this, &ScenarioPage::commitMetadata);
    connect(m_seed, &QLineEdit::textEdited, this, &ScenarioPage::commitMetadata);
    connect(m_description, &QPlainTextEdit::textChanged, this, &ScenarioPage::commitMetadata);
    connect(m_scheduler, &QComboBox::activated, this, [this] {
        const auto kind = static_cast<SchedulerKind>(m_scheduler->currentData().toInt());
        editPolicy([kind](Policy &p) { p.scheduler = kind; });
    });
    connect(m_placement, &QComboBox::activated, this, [this] {
        const auto kind = static_cast<PlacementKind>(m_placement->currentData().toInt());
        editPolicy([kind](Policy &p) { p.placement = kind; });
    });
    connect(m_sampleInterval, &DurationEdit::secondsEdited, this,
            [this](double s) { editPolicy([s](Policy &p) { p.sampleIntervalS = s; }); });
    connect(m_restartOverhead, &DurationEdit::secondsEdited, this,
            [this](double s) { editPolicy([s](Policy &p) { p.srtfRestartOverheadS = s; }); });
}

void ScenarioPage::fill(bool force)
{
    const Scenario &s = scenario();
    syncLiveText(m_name, qs(s.name));
    // Committed per keystroke, so a difference is someone else's change (undo).
    if (m_description->toPlainText() != qs(s.description)) {
        const QSignalBlocker blocker(m_description);
        // Keep the cursor where it was when undo changes the text under it.
        const int position = m_description->textCursor().position();
        m_description->setPlainText(qs(s.description));
        QTextCursor cursor = m_description->textCursor();
        cursor.setPosition(std::min(position, static_cast<int>(s.description.size())));
        m_description->setTextCursor(cursor);
    }
    // An emptied seed field is the user about to type a new number: leave it while focused.
    const QString seed = QString::number(s.seed);
    if (m_seed->text() != seed && (force || !m_seed->hasFocus() || !m_seed->text().isEmpty()))
        m_seed->setText(seed);
    syncComboData(m_scheduler, static_cast<int>(s.policy.scheduler));
    syncComboData(m_placement, static_cast<int>(s.policy.placement));
    syncDuration(m_sampleInterval, s.policy.sampleIntervalS, force);
    syncDuration(m_restartOverhead, s.policy.srtfRestartOverheadS, force);
    m_energy->fill(force);
    m_failures->fill(force);

    int racks = 0;
    int nodes = 0;
    long long accelerators = 0;
    for (const Zone &zone : s.cluster.zones) {
        racks += static_cast<int>(zone.racks.size());
        for (const Rack &rack : zone.racks) {
            nodes += static_cast<int>(rack.nodes.size());
            for (const NodeSpec &node : rack.nodes) {
                if (const NodeType *type = s.findNodeType(node.type))
                    accelerators += type->accelerators;
            }
        }
    }
    m_summary->setText(
            tr("%1, %2, %3 (%4)\n%5, %6")
                    .arg(countText(qint64(s.cluster.zones.size()), tr("%1 zone"), tr("%1 zones")),
                         countText(racks, tr("%1 rack"), tr("%1 racks")),
                         countText(nodes, tr("%1 node"), tr("%1 nodes")),
                         countText(accelerators, tr("%1 accelerator"), tr("%1 accelerators")),
                         countText(qint64(s.jobs.size()), tr("%1 job"), tr("%1 jobs")),
                         countText(qint64(s.nodeTypes.size()), tr("%1 node type"),
                                   tr("%1 node types"))));
}

void ScenarioPage::commitMetadata()
{
    if (refreshing())
        return;
    bool ok = false;
    const std::uint64_t seed = m_seed->text().toULongLong(&ok);
    edits::setMetadata(document(), m_name->text().toStdString(),
                       m_description->toPlainText().toStdString(), ok ? seed : scenario().seed);
}

void ScenarioPage::editPolicy(const std::function<void(Policy &)> &change)
{
    if (refreshing())
        return;
    Policy policy = scenario().policy;
    change(policy);
    edits::setPolicy(document(), policy);
}

} // namespace headroom::ui
