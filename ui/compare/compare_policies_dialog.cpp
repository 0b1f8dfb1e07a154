#include "ui/compare/compare_policies_dialog.h"

#include "core/plan/comparison.h"
#include "ui/compare/compared_runs_model.h"
#include "ui/document/scenario_document.h"
#include "ui/models/policy_choices.h"
#include "ui/plan/plan_task.h"
#include "ui/plan/study_run_bar.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace headroom::ui {

namespace {

std::string nameOf(std::string_view text)
{
    return std::string(text);
}

} // namespace

ComparePoliciesDialog::ComparePoliciesDialog(ScenarioDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_task(new PlanTask(this))
    , m_runBar(new StudyRunBar(m_task, this))
    , m_withoutCap(new QCheckBox(tr("Also run each without the cluster power &cap"), this))
    , m_toggleDpm(new QCheckBox(this))
    , m_message(new QLabel(this))
{
    setObjectName("ComparePoliciesDialog");
    setWindowTitle(tr("Compare Policies"));
    const Scenario &scenario = document->scenario();

    auto *schedulers = new QGroupBox(tr("Schedulers"), this);
    auto *schedulerLayout = new QVBoxLayout(schedulers);
    for (SchedulerKind kind : allSchedulers()) {
        auto *box = new QCheckBox(schedulerLabel(kind), schedulers);
        box->setToolTip(schedulerDescription(kind));
        box->setChecked(kind == scenario.policy.scheduler);
        schedulerLayout->addWidget(box);
        m_schedulers[kind] = box;
        connect(box, &QCheckBox::toggled, this, &ComparePoliciesDialog::updateCount);
    }
    auto *placements = new QGroupBox(tr("Placements"), this);
    auto *placementLayout = new QVBoxLayout(placements);
    for (PlacementKind kind : allPlacements()) {
        auto *box = new QCheckBox(placementLabel(kind), placements);
        box->setToolTip(placementDescription(kind));
        box->setChecked(kind == scenario.policy.placement);
        placementLayout->addWidget(box);
        m_placements[kind] = box;
        connect(box, &QCheckBox::toggled, this, &ComparePoliciesDialog::updateCount);
    }
    m_withoutCap->setEnabled(scenario.energy.clusterPowerCapKw.has_value());
    m_withoutCap->setToolTip(tr("What the cap costs: each variant once as set and once with "
                                "cluster_power_cap_kw=none"));
    m_toggleDpm->setText(scenario.energy.dpmEnabled
                                 ? tr("Also run each without power &management (DPM off)")
                                 : tr("Also run each with power &management (DPM on)"));
    connect(m_withoutCap, &QCheckBox::toggled, this, &ComparePoliciesDialog::updateCount);
    connect(m_toggleDpm, &QCheckBox::toggled, this, &ComparePoliciesDialog::updateCount);

    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &ComparePoliciesDialog::reject);
    connect(m_runBar, &StudyRunBar::runClicked, this, &ComparePoliciesDialog::run);
    connect(m_task, &PlanTask::finished, this, &ComparePoliciesDialog::onFinished);

    auto *choices = new QGridLayout;
    choices->addWidget(schedulers, 0, 0);
    choices->addWidget(placements, 0, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Variants of the current scenario to run side by side "
                                    "(2 to %1):")
                                         .arg(ComparedRunsModel::kMaxRuns),
                                 this));
    layout->addLayout(choices);
    layout->addWidget(m_withoutCap);
    layout->addWidget(m_toggleDpm);
    layout->addWidget(m_message);
    layout->addWidget(m_runBar);
    layout->addWidget(buttons);
    updateCount();
}

void ComparePoliciesDialog::select(const std::vector<SchedulerKind> &schedulers,
                                   const std::vector<PlacementKind> &placements)
{
    for (auto &[kind, box] : m_schedulers)
        box->setChecked(std::find(schedulers.begin(), schedulers.end(), kind) != schedulers.end());
    for (auto &[kind, box] : m_placements)
        box->setChecked(std::find(placements.begin(), placements.end(), kind) != placements.end());
}

std::vector<NamedVariant> ComparePoliciesDialog::variants() const
{
    std::vector<NamedVariant> out;
    for (const auto &[scheduler, sBox] : m_schedulers) {
        if (!sBox->isChecked())
            continue;
        for (const auto &[placement, pBox] : m_placements) {
            if (!pBox->isChecked())
                continue;
            const std::string policy =
                    nameOf(toString(scheduler)) + "/" + nameOf(toString(placement));
            const std::vector<ScenarioOverride> base = {
                    parseOverride("scheduler", toString(scheduler)),
                    parseOverride("placement", toString(placement))};
            std::vector<NamedVariant> forPolicy = {{policy, base}};
            if (m_withoutCap->isEnabled() && m_withoutCap->isChecked()) {
                NamedVariant noCap = forPolicy.front();
                noCap.name += ", no cap";
                noCap.overrides.push_back(parseOverride("cluster_power_cap_kw", "none"));
                forPolicy.push_back(noCap);
            }
            if (m_toggleDpm->isChecked()) {
                const bool dpm = !m_document->scenario().energy.dpmEnabled;
                const std::size_t n = forPolicy.size();
                for (std::size_t i = 0; i < n; ++i) {
                    NamedVariant toggled = forPolicy[i];
                    toggled.name += dpm ? ", DPM on" : ", DPM off";
                    toggled.overrides.push_back(parseOverride("dpm", dpm ? "on" : "off"));
                    forPolicy.push_back(toggled);
                }
            }
            out.insert(out.end(), forPolicy.begin(), forPolicy.end());
        }
    }
    return out;
}

void ComparePoliciesDialog::updateCount()
{
    const std::size_t n = variants().size();
    const bool ok = n >= 2 && n <= std::size_t(ComparedRunsModel::kMaxRuns);
    m_message->setText(ok ? tr("%n variant(s) to run.", nullptr, int(n))
                          : tr("%n variant(s) ticked: tick 2 to %1.", nullptr, int(n))
                                       .arg(ComparedRunsModel::kMaxRuns));
    m_runBar->runButton()->setEnabled(ok && !m_task->isRunning());
}

bool ComparePoliciesDialog::run()
{
    if (m_task->isRunning())
        return false;
    const std::vector<NamedVariant> variants = this->variants();
    if (variants.size() < 2 || variants.size() > std::size_t(ComparedRunsModel::kMaxRuns)) {
        updateCount();
        return false;
    }
    const std::shared_ptr<const Scenario> base = m_document->sharedScenario();
    std::vector<ComparisonInput> inputs;
    for (const NamedVariant &variant : variants)
        inputs.push_back({variant.name, base->name, base, variant.overrides, 0});
    if (const std::vector<std::string> problems = comparisonProblems(inputs); !problems.empty()) {
        m_message->setText(QString::fromStdString(problems.front()));
        return false;
    }
    m_results.clear();
    m_message->setText(tr("Running %n variant(s)…", nullptr, int(inputs.size())));
    m_pending = std::make_shared<std::vector<ComparedRun>>();
    std::shared_ptr<std::vector<ComparedRun>> out = m_pending;
    m_task->start(m_runBar->threads(), [inputs, out](WorkerPool &pool,
                                                     const PlanProgressCallback &progress,
                                                     const CancelFlag *cancel) {
        std::vector<ComparisonRun> runs = compareRuns(inputs, pool, progress, cancel, true);
        for (ComparisonRun &run : runs) {
            if (run.evaluation.cancelled) {
                out->clear();
                return;
            }
            out->push_back(
                    comparedRunOf(QString::fromStdString(run.name), std::move(run.evaluation)));
        }
    });
    return true;
}

void ComparePoliciesDialog::onFinished()
{
    updateCount();
    if (!m_task->error().isEmpty()) {
        m_message->setText(tr("The comparison failed: %1").arg(m_task->error()));
        return;
    }
    if (m_task->cancelRequested() || !m_pending || m_pending->empty()) {
        m_message->setText(tr("Cancelled."));
        return;
    }
    m_results = std::move(*m_pending);
    m_pending.reset();
    m_message->setText(tr("Done: %n variant(s) ran.", nullptr, int(m_results.size())));
    Q_EMIT comparisonReady();
}

void ComparePoliciesDialog::reject()
{
    // Closing stops the runs: nobody would read their results.
    m_task->cancel();
    QDialog::reject();
}

} // namespace headroom::ui
