#include "ui/panels/properties/job_page.h"

#include "core/model/limits.h"
#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/panels/checkpoint_editor.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/properties/page_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace headroom::ui {

JobPage::JobPage(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
    , m_constraints(this, "job")
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *jobBox = new QGroupBox(tr("Details"), this);
    auto *form = makeForm(jobBox);
    m_id = infoLabel(jobBox);
    m_id->setObjectName("jobId");
    m_name = new QLineEdit(jobBox);
    m_name->setObjectName("jobName");
    m_name->setToolTip(tr("A label; need not be unique"));
    m_tenant = new QLineEdit(jobBox);
    m_tenant->setObjectName("jobTenant");
    m_tenant->setToolTip(tr("Team or account the job belongs to"));
    m_submit = new DurationEdit(jobBox);
    m_submit->setObjectName("jobSubmit");
    m_submit->setToolTip(tr("When the job is submitted, after the start of the scenario"));
    m_accelerators = new QSpinBox(jobBox);
    m_accelerators->setObjectName("jobAccelerators");
    m_accelerators->setRange(1, limits::kMaxSlots);
    m_accelerators->setToolTip(tr("Accelerators needed at once; more than a node holds makes a "
                                  "gang on whole nodes"));
    m_run = new DurationEdit(jobBox);
    m_run->setObjectName("jobRun");
    m_run->setMinimum(0.0, true);
    m_run->setToolTip(tr("Actual run time at full speed"));
    m_requested = new DurationEdit(jobBox);
    m_requested->setObjectName("jobRequested");
    m_requested->setEmptyValue(0.0);
    m_requested->setPlaceholderText(tr("not given (the run time is used)"));
    m_requested->setToolTip(tr("Wall time the user asked for; SJF, SRTF and backfilling plan "
                               "with it"));
    m_priority = new QSpinBox(jobBox);
    m_priority->setObjectName("jobPriority");
    m_priority->setRange(-1000000, 1000000);
    m_priority->setToolTip(tr("Informational: no scheduler in this version uses it"));
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("&Submit at:"), m_submit);
    form->addRow(tr("&Accelerators:"), m_accelerators);
    form->addRow(tr("&Run time:"), m_run);
    form->addRow(tr("Re&quested:"), m_requested);
    form->addRow(tr("&Priority:"), m_priority);
    m_dedicated = new QCheckBox(tr("De&dicated (no node sharing)"), jobBox);
    m_dedicated->setObjectName("jobDedicated");
    m_dedicated->setToolTip(tr("Tenant isolation: the job never shares a node with another "
                               "tenant's jobs or services"));
    form->addRow(m_dedicated);

    auto *constraintsBox = new QGroupBox(tr("Constraints"), this);
    constraintsBox->setToolTip(tr("Where the job may run; all given constraints must hold"));
    m_constraints.type()->setToolTip(tr("Run only on nodes of this type"));
    m_constraints.zone()->setToolTip(tr("Run only in this zone"));
    m_constraints.rack()->setToolTip(tr("Run only in this rack"));
    m_constraints.pin()->setToolTip(
            tr("Run only on this node (also set by dropping the job on a node)"));
    m_constraints.addRows(makeForm(constraintsBox));

    m_checkpoints = new CheckpointEditor(this);

    layout->addWidget(jobBox);
    layout->addWidget(constraintsBox);
    layout->addWidget(m_checkpoints);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit([&](Job &job) { job.name = text.trimmed().toStdString(); });
    });
    connect(m_tenant, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit([&](Job &job) { job.tenant = text.trimmed().toStdString(); });
    });
    connect(m_submit, &DurationEdit::secondsEdited, this,
            [this](double s) { edit([s](Job &job) { job.submitS = s; }); });
    connect(m_run, &DurationEdit::secondsEdited, this,
            [this](double s) { edit([s](Job &job) { job.runS = s; }); });
    connect(m_requested, &DurationEdit::secondsEdited, this,
            [this](double s) { edit([s](Job &job) { job.requestedS = s; }); });
    connect(m_accelerators, &QSpinBox::valueChanged, this,
            [this](int n) { edit([n](Job &job) { job.slots = n; }); });
    connect(m_priority, &QSpinBox::valueChanged, this,
            [this](int n) { edit([n](Job &job) { job.priority = n; }); });
    connect(m_dedicated, &QCheckBox::clicked, this, [this](bool dedicated) {
        if (!refreshing() && !isHidden() && m_job < scenario().jobs.size())
            edits::setJobsDedicated(document(), {m_job}, dedicated);
    });
    connect(m_checkpoints, &CheckpointEditor::edited, this,
            [this](const JobCheckpoints &k) { edit([&k](Job &job) { job.checkpoints = k; }); });
    for (const ConstraintEditors::Editor &editor : m_constraints.editors()) {
        connect(editor.combo, &QComboBox::activated, this, [this, editor] {
            const std::optional<std::string> value = ConstraintEditors::choice(editor.combo);
            if (!value)
                return;
            edit([&](Job &job) {
                JobConstraints c = *job.constraints;
                c.*editor.constraint = *value;
                job.constraints = c;
            });
        });
    }
}

void JobPage::fill(std::size_t index, bool force)
{
    m_job = index;
    const Job &job = scenario().jobs[m_job];
    m_id->setText(QString::number(job.id));
    syncLiveText(m_name, qs(job.name));
    syncLiveText(m_tenant, qs(job.tenant));
    syncDuration(m_submit, job.submitS, force);
    syncSpin(m_accelerators, job.slots);
    syncDuration(m_run, job.runS, force);
    syncDuration(m_requested, job.requestedS > 0.0 ? job.requestedS : 0.0, force);
    syncSpin(m_priority, job.priority);
    syncCheck(m_dedicated, job.dedicated);
    m_constraints.fill(scenario(), {&job.constraints.get()});
    m_checkpoints->setJob(scenario(), job, !force);
}

void JobPage::edit(const std::function<void(Job &)> &change)
{
    if (refreshing() || isHidden() || m_job >= scenario().jobs.size())
        return;
    Job job = scenario().jobs[m_job];
    change(job);
    edits::editJob(document(), m_job, job);
}

} // namespace headroom::ui
