#include "ui/dialogs/add_job_dialog.h"

#include "core/model/limits.h"
#include "core/model/scenario.h"
#include "core/workload/llm_sizing.h"
#include "ui/models/count_text.h"
#include "ui/models/duration_text.h"
#include "ui/panels/checkpoint_editor.h"
#include "ui/panels/duration_edit.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace headroom::ui {
namespace {

using limits::kMaxSeconds;
using limits::kMaxSlots;

QString typeLabel(const NodeType &type)
{
    QString label = QString::fromStdString(type.name);
    if (type.peakTflopsPerAccelerator > 0.0)
        label += QStringLiteral("  (%1 × %2 TFLOP/s)")
                         .arg(type.accelerators)
                         .arg(type.peakTflopsPerAccelerator, 0, 'g', 4);
    else
        label += QStringLiteral("  (%1 accelerators)").arg(type.accelerators);
    return label;
}

// "8.4 × 10²³" for a FLOP count: plain digits would be unreadable.
QString scientific(double value)
{
    if (!(value > 0.0))
        return QStringLiteral("0");
    const int exponent = static_cast<int>(std::floor(std::log10(value)));
    const double mantissa = value / std::pow(10.0, exponent);
    static const char16_t *superscripts[] = {u"⁰", u"¹", u"²", u"³", u"⁴",
                                             u"⁵", u"⁶", u"⁷", u"⁸", u"⁹"};
    QString digits;
    for (QChar c : QString::number(exponent)) {
        if (c == u'-')
            digits += u'⁻';
        else
            digits += QString::fromUtf16(superscripts[c.digitValue()]);
    }
    return QStringLiteral("%1 × 10%2").arg(mantissa, 0, 'g', 3).arg(digits);
}

} // namespace

AddJobDialog::AddJobDialog(const Scenario &scenario, QWidget *parent)
    : QDialog(parent)
    , m_scenario(scenario)
{
    setWindowTitle(tr("Add Job"));
    buildUi();
    update();
}

void AddJobDialog::buildUi()
{
    JobId nextId = 1;
    for (const Job &job : m_scenario.jobs)
        nextId = std::max(nextId, job.id + 1);

    m_name = new QLineEdit(QStringLiteral("job-%1").arg(nextId), this);
    m_name->setObjectName("name");
    m_name->setToolTip(tr("A label for the job; it need not be unique"));
    m_tenant = new QLineEdit(this);
    m_tenant->setObjectName("tenant");
    m_tenant->setPlaceholderText(tr("e.g. research"));
    m_tenant->setToolTip(tr("Team or account the job belongs to"));
    m_submit = new DurationEdit(this);
    m_submit->setObjectName("submit");
    m_submit->setSeconds(0.0);
    m_submit->setToolTip(tr("When the job is submitted, counted from the start of the "
                            "scenario: 0, 90 min, 2 d 4 h …"));
    m_accelerators = new QSpinBox(this);
    m_accelerators->setObjectName("accelerators");
    m_accelerators->setRange(1, kMaxSlots);
    m_accelerators->setValue(8);
    m_accelerators->setToolTip(tr("Accelerators the job needs at once. More than one node "
                                  "holds makes a gang that starts on whole nodes together."));
    m_nodeType = new QComboBox(this);
    m_nodeType->setObjectName("nodeType");
    m_nodeType->addItem(tr("Any node type"), QString());
    for (const NodeType &type : m_scenario.nodeTypes)
        m_nodeType->addItem(typeLabel(type), QString::fromStdString(type.name));
    m_nodeType->setToolTip(tr("Restrict the job to nodes of this type. In LLM training mode "
                              "the type's peak TFLOP/s also sizes the run time."));

    auto *jobForm = new QFormLayout;
    jobForm->addRow(tr("&Name:"), m_name);
    jobForm->addRow(tr("&Tenant:"), m_tenant);
    jobForm->addRow(tr("&Submit at:"), m_submit);
    jobForm->addRow(tr("&Accelerators:"), m_accelerators);
    jobForm->addRow(tr("Node t&ype:"), m_nodeType);

    // Run time: typed in, or sized from an LLM training run.
    m_fixedMode = new QRadioButton(tr("&Enter the run time"), this);
    m_fixedMode->setObjectName("fixedMode");
    m_fixedMode->setToolTip(tr("You know how long the job runs"));
    m_llmMode = new QRadioButton(tr("Si&ze an LLM training run"), this);
    m_llmMode->setObjectName("llmMode");
    m_llmMode->setToolTip(tr("Run time = 6 · parameters · tokens / (accelerators · peak FLOP/s "
                             "· MFU), the usual estimate for dense transformer training"));
    m_fixedMode->setChecked(true);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_fixedMode);
    modes->addButton(m_llmMode);

    m_run = new DurationEdit(this);
    m_run->setObjectName("runTime");
    m_run->setMinimum(0.0, true);
    m_run->setSeconds(3600.0);

    m_parameters = new QDoubleSpinBox(this);
    m_parameters->setObjectName("parameters");
    m_parameters->setRange(0.0, 1e6);
    m_parameters->setDecimals(3);
    m_parameters->setValue(7.0);
    m_parameters->setSuffix(tr(" B"));
    m_parameters->setToolTip(tr("Model parameters N, in billions (70 for a 70B model)"));
    m_tokens = new QDoubleSpinBox(this);
    m_tokens->setObjectName("tokens");
    m_tokens->setRange(0.0, 1e9);
    m_tokens->setDecimals(3);
    m_tokens->setValue(1000.0);
    m_tokens->setSuffix(tr(" B"));
    m_tokens->setToolTip(tr("Training tokens D, in billions (2000 for 2 trillion)"));
    m_peak = new QLabel(this);
    m_peak->setObjectName("peak");
    m_peak->setToolTip(tr("Dense BF16 peak of one accelerator, from the node type"));
    m_mfu = new QDoubleSpinBox(this);
    m_mfu->setObjectName("mfu");
    m_mfu->setRange(0.0, 100.0);
    m_mfu->setDecimals(1);
    m_mfu->setValue(40.0);
    m_mfu->setSuffix(QStringLiteral(" %"));
    m_mfu->setToolTip(tr("Model FLOP utilization: the share of peak the training run "
                         "achieves. Published large runs report 30–55 %."));
    m_llmResult = new QLabel(this);
    m_llmResult->setObjectName("llmResult");
    // Two short lines, unwrapped: a wrapping label in a form row gets its height wrong.
    m_llmResult->setWordWrap(false);
    m_llmResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_llmGroup = new QGroupBox(tr("LLM training"), this);
    auto *llmForm = new QFormLayout(m_llmGroup);
    llmForm->addRow(tr("&Parameters (N):"), m_parameters);
    llmForm->addRow(tr("Tok&ens (D):"), m_tokens);
    llmForm->addRow(tr("Peak per accelerator:"), m_peak);
    llmForm->addRow(tr("&MFU:"), m_mfu);
    llmForm->addRow(m_llmResult);

    m_requested = new DurationEdit(this);
    m_requested->setObjectName("requested");
    m_requested->setEmptyValue(0.0);
    m_requested->setPlaceholderText(tr("not given (the run time is used)"));
    m_requested->setToolTip(tr("The wall time the user asks for. SJF, SRTF and backfilling plan "
                               "with it; leave empty to use the run time."));

    auto *runBox = new QGroupBox(tr("Run time"), this);
    auto *runLayout = new QVBoxLayout(runBox);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_fixedMode);
    modeRow->addWidget(m_llmMode);
    modeRow->addStretch();
    runLayout->addLayout(modeRow);
    auto *runForm = new QFormLayout;
    runForm->addRow(tr("&Run time:"), m_run);
    runLayout->addLayout(runForm);
    runLayout->addWidget(m_llmGroup);
    auto *requestedForm = new QFormLayout;
    requestedForm->addRow(tr("Re&quested:"), m_requested);
    runLayout->addLayout(requestedForm);

    m_checkpoints = new CheckpointEditor(this);

    m_message = new QLabel(this);
    m_message->setObjectName("message");
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName("buttons");
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Job"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(jobForm);
    layout->addWidget(runBox);
    layout->addWidget(m_checkpoints);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit :
         {static_cast<QLineEdit *>(m_name), m_tenant, static_cast<QLineEdit *>(m_submit),
          static_cast<QLineEdit *>(m_run), static_cast<QLineEdit *>(m_requested)})
        connect(edit, &QLineEdit::textChanged, this, &AddJobDialog::update);
    for (QDoubleSpinBox *spin : {m_parameters, m_tokens, m_mfu})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &AddJobDialog::update);
    connect(m_accelerators, &QSpinBox::valueChanged, this, &AddJobDialog::update);
    connect(m_nodeType, &QComboBox::currentIndexChanged, this, &AddJobDialog::update);
    connect(m_llmMode, &QRadioButton::toggled, this, &AddJobDialog::update);
    connect(m_checkpoints, &CheckpointEditor::edited, this, &AddJobDialog::update);
}

bool AddJobDialog::isLlmMode() const
{
    return m_llmMode->isChecked();
}

void AddJobDialog::setLlmMode(bool llm)
{
    (llm ? m_llmMode : m_fixedMode)->setChecked(true);
}

void AddJobDialog::setNodeType(const QString &name)
{
    const int index = m_nodeType->findData(name);
    if (index >= 0)
        m_nodeType->setCurrentIndex(index);
}

const NodeType *AddJobDialog::selectedType() const
{
    const QString name = m_nodeType->currentData().toString();
    return name.isEmpty() ? nullptr : m_scenario.findNodeType(name.toStdString());
}

long long AddJobDialog::capacity(const NodeType *type) const
{
    std::map<std::string, long long> nodes;
    for (const Zone &zone : m_scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes)
                ++nodes[node.type];
        }
    }
    long long best = 0;
    for (const NodeType &t : m_scenario.nodeTypes) {
        if (type && t.name != type->name)
            continue;
        best = std::max(best, nodes[t.name] * t.accelerators);
    }
    return best;
}

double AddJobDialog::llmRunSeconds() const
{
    const NodeType *type = selectedType();
    if (!type)
        return std::nan("");
    const double seconds = llmTrainingSeconds(
            m_parameters->value() * 1e9, m_tokens->value() * 1e9, m_accelerators->value(),
            type->peakTflopsPerAccelerator, m_mfu->value() / 100.0);
    // Whole seconds keep the scenario file and the tables free of long fractions.
    return std::isnan(seconds) ? seconds : std::ceil(seconds);
}

Job AddJobDialog::job() const
{
    Job job;
    job.name = m_name->text().trimmed().toStdString();
    job.tenant = m_tenant->text().trimmed().toStdString();
    job.submitS = m_submit->seconds().value_or(0.0);
    job.slots = m_accelerators->value();
    job.runS = isLlmMode() ? llmRunSeconds() : m_run->seconds().value_or(0.0);
    job.requestedS = m_requested->seconds().value_or(0.0);
    if (const NodeType *type = selectedType()) {
        JobConstraints constraints;
        constraints.nodeType = type->name;
        job.constraints = constraints;
    }
    job.checkpoints = m_checkpoints->checkpoints();
    return job;
}

void AddJobDialog::update()
{
    // Showing the sized run time edits a field that itself triggers an update.
    if (m_updating)
        return;
    const QScopedValueRollback<bool> guard(m_updating, true);
    const bool llm = isLlmMode();
    const NodeType *type = selectedType();
    // Out of sight unless asked for: most jobs are typed in.
    if (m_llmGroup->isVisibleTo(this) != llm) {
        m_llmGroup->setVisible(llm);
        // Once the layout has taken the change in (it is posted): shrink or grow to fit.
        if (isVisible())
            QTimer::singleShot(0, this, [this] { adjustSize(); });
    }
    m_run->setReadOnly(llm);
    m_run->setToolTip(llm ? tr("Computed from the LLM training figures below")
                          : tr("How long the job runs at full speed: 90 min, 2 h 30 min, 3 d …"));

    if (!type)
        m_peak->setText(tr("choose a node type above"));
    else if (type->peakTflopsPerAccelerator > 0.0)
        m_peak->setText(tr("%1 TFLOP/s (%2)")
                                .arg(type->peakTflopsPerAccelerator, 0, 'g', 6)
                                .arg(QString::fromStdString(type->name)));
    else
        m_peak->setText(tr("not given for %1").arg(QString::fromStdString(type->name)));

    QString problem;
    auto fail = [&](const QString &text) {
        if (problem.isEmpty())
            problem = text;
    };
    if (!m_submit->isValid())
        fail(tr("Submit time: %1.").arg(m_submit->problem()));

    double runS = 0.0;
    if (llm) {
        runS = llmRunSeconds();
        if (!type) {
            fail(tr("Choose a node type: its peak TFLOP/s sizes the run."));
            m_llmResult->setText(QString());
        } else if (type->peakTflopsPerAccelerator <= 0.0) {
            fail(tr("Node type %1 has no peak TFLOP/s figure; add one with Edit… in the "
                    "palette.")
                         .arg(QString::fromStdString(type->name)));
            m_llmResult->setText(QString());
        } else if (std::isnan(runS)) {
            fail(tr("Parameters, tokens and MFU must be greater than zero."));
            m_llmResult->setText(QString());
        } else if (runS > kMaxSeconds) {
            fail(tr("The run would take longer than 10¹² s; check the figures."));
        } else {
            const double flops = 6.0 * m_parameters->value() * 1e9 * m_tokens->value() * 1e9;
            m_llmResult->setText(
                    tr("<b>%1</b> (≈ %2 days)<br>6·N·D = %3 FLOP on %4 at %5 % MFU")
                            .arg(formatDuration(runS).toHtmlEscaped())
                            .arg(runS / 86400.0, 0, 'f', 1)
                            .arg(scientific(flops))
                            .arg(countText(m_accelerators->value(), tr("%1 accelerator"),
                                           tr("%1 accelerators")))
                            .arg(m_mfu->value(), 0, 'g', 3));
        }
        if (!std::isnan(runS) && runS <= kMaxSeconds)
            m_run->setSeconds(runS);
        else
            m_run->setText(QString());
    } else {
        if (!m_run->isValid())
            fail(tr("Run time: %1.").arg(m_run->problem()));
        runS = m_run->seconds().value_or(0.0);
    }
    if (!m_requested->isValid())
        fail(tr("Requested time: %1.").arg(m_requested->problem()));
    if (!m_checkpoints->isValid())
        fail(m_checkpoints->problem());
    m_checkpoints->showAdvice(m_scenario, job());

    m_problem = problem;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());

    // Notes that do not block: the simulation handles these cases, but the user may not expect
    // them.
    QString note;
    const double requestedS = m_requested->seconds().value_or(0.0);
    const long long cap = capacity(type);
    if (m_accelerators->value() > cap) {
        note = type ? tr("The cluster has only %1 %2 accelerators: the job will be rejected.")
                               .arg(cap)
                               .arg(QString::fromStdString(type->name))
                    : tr("No node type in the cluster offers %1 accelerators: the job will be "
                         "rejected.")
                               .arg(m_accelerators->value());
    } else if (requestedS > 0.0 && runS > 0.0 && requestedS < runS) {
        note = tr("The requested time is shorter than the run time; schedulers will use the "
                  "run time.");
    }
    if (!problem.isEmpty()) {
        m_message->setStyleSheet(QStringLiteral("color: #b02020;"));
        m_message->setText(problem);
    } else {
        m_message->setStyleSheet(QString());
        m_message->setText(note);
    }
}

} // namespace headroom::ui
