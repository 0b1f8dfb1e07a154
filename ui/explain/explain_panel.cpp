#include "ui/explain/explain_panel.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/explain/placement_explain_model.h"
#include "ui/panels/read_only_table.h"
#include "ui/run/run_controller.h"
#include "ui/timeline/time_axis.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace headroom::ui {

ExplainPanel::ExplainPanel(ScenarioDocument *document, Selection *selection, RunController *run,
                           QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_run(run)
    , m_model(new PlacementExplainModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_title(new QLabel(this))
    , m_context(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_refresh(new QToolButton(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PlacementExplainModel::SortRole);

    m_title->setObjectName("explainTitle");
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_context->setObjectName("explainContext");
    // Wrapped, so the dock it shares with Results never forces its width on the jobs table.
    m_title->setWordWrap(true);
    m_context->setWordWrap(true);
    m_context->setToolTip(tr("The cluster the explanation is computed on: the paused run's, or "
                             "an empty cluster with every node on"));
    m_summary->setObjectName("explainSummary");
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Explain the selected job again on the cluster as it is now"));
    connect(m_refresh, &QToolButton::clicked, this, &ExplainPanel::refresh);

    m_view->setObjectName("explainTable");
    m_view->setModel(m_proxy);
    setUpReadOnlyTable(m_view);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[PlacementExplainModel::ColumnCount] = {7, 12, 4, 5, 6, 20};
    for (int column = 0; column < PlacementExplainModel::ColumnCount; ++column)
        m_view->horizontalHeader()->resizeSection(column, widths[column] * em);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PlacementExplainModel::VerdictColumn, Qt::AscendingOrder);
    m_view->setToolTip(tr("Every node's verdict for the job; click a node to select it in the "
                          "topology"));
    connect(m_view, &QTableView::clicked, this, &ExplainPanel::onRowActivated);
    connect(m_view, &QTableView::activated, this, &ExplainPanel::onRowActivated);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_context);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_selection, &Selection::jobsChanged, this, &ExplainPanel::onSelectedJobsChanged);
    connect(m_document, &ScenarioDocument::changed, this, [this] {
        if (isVisible())
            refresh();
    });
    if (m_run) {
        connect(m_run, &RunController::stateChanged, this, [this](RunState state) {
            // A pause, a step or a reset changes the cluster the job is explained on.
            if (isVisible() && state != RunState::Running && state != RunState::Loading)
                refresh();
        });
    }
    showNothing(tr("Select a job to see where it would be placed and why."));
}

void ExplainPanel::showNothing(const QString &message)
{
    m_job.reset();
    m_live = false;
    m_model->clear();
    m_title->setText(tr("No job"));
    m_context->setText(message);
    m_summary->clear();
}

void ExplainPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void ExplainPanel::onSelectedJobsChanged()
{
    if (isVisible())
        refresh();
}

void ExplainPanel::refresh()
{
    const Scenario &scenario = m_document->scenario();
    if (!m_selection->jobs().empty())
        m_job = m_selection->jobs().front();
    if (!m_job || *m_job >= scenario.jobs.size()) {
        showNothing(tr("Select a job to see where it would be placed and why."));
        return;
    }
    explainJob(*m_job);
}

void ExplainPanel::explainJob(std::size_t job)
{
    const Scenario &scenario = m_document->scenario();
    if (job >= scenario.jobs.size()) {
        showNothing(tr("Select a job to see where it would be placed and why."));
        return;
    }
    m_job = job;
    std::optional<PlacementExplanation> live = m_run ? m_run->explainLive(job) : std::nullopt;
    m_live = live.has_value();
    if (!m_live && explainWait(job))
        return;
    if (m_live) {
        const double now = m_run->latest() ? m_run->latest()->status.now : 0.0;
        m_context->setText(tr("On the paused run's cluster at t = %1").arg(formatSimTime(now)));
    } else {
        m_context->setText(tr("On an empty cluster, every node on (pause a run to see its "
                              "live state)"));
    }
    PlacementExplanation explanation =
            m_live ? std::move(*live) : explainOnEmptyCluster(scenario, job);

    setTitle(job);

    // The core's summary names the strategy already.
    const QString summary =
            explanation.summary.empty()
                    ? tr("Placement: %1.").arg(QString::fromStdString(explanation.strategy))
                    : QString::fromStdString(explanation.summary);
    const QString wait = m_live ? waitText(job) : QString();
    m_summary->setText(wait.isEmpty() ? summary : wait + QLatin1Char(' ') + summary);
    std::vector<NodePowerState> power;
    if (m_live && m_run->latest())
        power = m_run->latest()->nodePower;
    m_model->setExplanation(std::move(explanation), std::move(power));
}

void ExplainPanel::setTitle(std::size_t job)
{
    const Job &j = m_document->scenario().jobs[job];
    QString title = tr("Job %1").arg(static_cast<qlonglong>(j.id));
    if (!j.name.empty())
        title += QStringLiteral(" “%1”").arg(QString::fromStdString(j.name));
    title += j.slots == 1 ? tr(" · 1 accelerator") : tr(" · %1 accelerators").arg(j.slots);
    if (!j.tenant.empty())
        title += tr(" · tenant %1").arg(QString::fromStdString(j.tenant));
    m_title->setText(title);
}

QString ExplainPanel::waitText(std::size_t job) const
{
    if (!m_run || !m_run->liveJobs().hasRun())
        return {};
    const LiveJobs &jobs = m_run->liveJobs();
    const WaitInfo wait = jobs.waitOf(job);
    const RejectReason rule = jobs.rejectReasonOf(job);
    QString text;
    if (rule != RejectReason::None)
        text = tr("Rejected: %1.").arg(QString::fromUtf8(describe(rule)));
    if (wait.reason != WaitReason::None) {
        QString why = QString::fromUtf8(describe(wait.reason));
        if (std::isfinite(wait.until))
            why += tr(" (until %1)").arg(formatSimTime(wait.until));
        text += (text.isEmpty() ? tr("Waiting: %1.") : tr(" It waited: %1.")).arg(why);
    }
    return text;
}

// A queued job of a run in progress (or one the run rejected because of the services or its
// end) is explained by what it waits for, not by a placement on an empty cluster, which would
// say it fits where it does not (docs/design.md §3.12).
bool ExplainPanel::explainWait(std::size_t job)
{
    if (!m_run || !m_run->liveJobs().hasRun())
        return false;
    const LiveJobs &jobs = m_run->liveJobs();
    const RejectReason rule = jobs.rejectReasonOf(job);
    const bool byRun =
            rule == RejectReason::NeedsServiceNodes || rule == RejectReason::NotStartedByEnd;
    if (jobs.waitOf(job).reason == WaitReason::None && !byRun)
        return false;
    setTitle(job);
    const double now = m_run->latest() ? m_run->latest()->status.now : 0.0;
    m_context->setText(rule == RejectReason::None
                               ? tr("In the run at t = %1; pause it to see every node's verdict "
                                    "on its cluster")
                                         .arg(formatSimTime(now))
                               : tr("In the run at t = %1").arg(formatSimTime(now)));
    m_summary->setText(waitText(job));
    m_model->clear();
    return true;
}

void ExplainPanel::onRowActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString name = index.siblingAtColumn(PlacementExplainModel::NodeColumn).data().toString();
    if (!name.isEmpty())
        m_selection->setElements({name.toStdString()});
}

} // namespace headroom::ui
