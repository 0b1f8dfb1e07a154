#include "ui/panels/properties/jobs_page.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/models/count_text.h"
#include "ui/panels/properties/page_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace headroom::ui {

JobsPage::JobsPage(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
    , m_count(infoLabel(this))
    , m_constraints(this, "jobs")
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_count->setObjectName("jobsCount");
    auto *box = new QGroupBox(tr("Constraints of all selected jobs"), this);
    box->setToolTip(tr("A change here applies to every selected job; fields you leave alone "
                       "keep each job's own value"));
    auto *form = makeForm(box);
    for (const ConstraintEditors::Editor &editor : m_constraints.editors())
        editor.combo->setToolTip(tr("Applies to every selected job; (mixed) means they differ"));
    m_constraints.addRows(form);
    m_clear = new QPushButton(tr("C&lear All Constraints"), box);
    m_clear->setObjectName("clearConstraints");
    m_clear->setToolTip(tr("Let every selected job run anywhere"));
    form->addRow(m_clear);
    m_dedicated = new QCheckBox(tr("De&dicated (no node sharing)"), this);
    m_dedicated->setObjectName("jobsDedicated");
    m_dedicated->setToolTip(tr("Tenant isolation for every selected job: none shares a node "
                               "with another tenant's jobs or services (partly checked: they "
                               "differ)"));
    layout->addWidget(m_count);
    layout->addWidget(box);
    layout->addWidget(m_dedicated);
    layout->addStretch(1);

    connect(m_dedicated, &QCheckBox::clicked, this, [this](bool dedicated) {
        // A partly checked box goes to checked on a click; from then on it has two states.
        m_dedicated->setTristate(false);
        if (!refreshing())
            edits::setJobsDedicated(document(), selectedJobs(), dedicated);
    });
    for (const ConstraintEditors::Editor &editor : m_constraints.editors()) {
        connect(editor.combo, &QComboBox::activated, this, [this, editor] {
            // Choosing "(mixed)" keeps each job's own value.
            if (const auto value = ConstraintEditors::choice(editor.combo); value && !refreshing())
                edits::setJobsConstraint(document(), selectedJobs(), editor.constraint, *value);
        });
    }
    connect(m_clear, &QPushButton::clicked, this, [this] {
        const std::vector<std::size_t> jobs = selectedJobs();
        edits::setJobConstraints(
                document(), jobs, {},
                tr("Clear constraints of %n job(s)", nullptr, static_cast<int>(jobs.size())));
    });
}

std::vector<std::size_t> JobsPage::selectedJobs() const
{
    std::vector<std::size_t> jobs;
    const std::size_t count = scenario().jobs.size();
    for (std::size_t job : selection().jobs()) {
        if (job < count) // positions can be stale for a moment during an edit
            jobs.push_back(job);
    }
    return jobs;
}

void JobsPage::fill()
{
    const std::vector<std::size_t> jobs = selectedJobs();
    const Scenario &s = scenario();
    std::vector<const JobConstraints *> shown;
    shown.reserve(jobs.size());
    long long accelerators = 0;
    std::size_t dedicated = 0;
    for (std::size_t index : jobs) {
        shown.push_back(&s.jobs[index].constraints.get());
        accelerators += s.jobs[index].slots;
        dedicated += s.jobs[index].dedicated ? 1 : 0;
    }
    m_count->setText(
            tr("%1 selected, %2 in all")
                    .arg(countText(qint64(jobs.size()), tr("%1 job"), tr("%1 jobs")),
                         countText(accelerators, tr("%1 accelerator"), tr("%1 accelerators"))));
    m_constraints.fill(s, shown);
    const QSignalBlocker blocker(m_dedicated);
    const bool mixed = dedicated != 0 && dedicated != jobs.size();
    m_dedicated->setTristate(mixed);
    m_dedicated->setCheckState(mixed            ? Qt::PartiallyChecked
                               : dedicated != 0 ? Qt::Checked
                                                : Qt::Unchecked);
}

} // namespace headroom::ui
