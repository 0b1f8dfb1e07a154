#include "ui/plan/size_cluster_dialog.h"

#include "core/plan/cluster_resize.h"
#include "core/plan/metric_values.h"
#include "report/plan_figures.h"
#include "report/plan_report.h"
#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/count_text.h"
#include "ui/plan/plan_session.h"
#include "ui/plan/plan_task.h"
#include "ui/plan/sizing_points_model.h"
#include "ui/plan/slo_editor.h"
#include "ui/plan/spec_chart_view.h"
#include "ui/plan/study_run_bar.h"
#include "ui/plan/tab_chain.h"
#include "ui/settings_keys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::ui {
namespace {

constexpr int kMaxCount = 100000;

QString str(const std::string &text)
{
    return QString::fromStdString(text);
}

// The SLOs a first study starts from: the p95 wait within an hour, with no job given up
// (waits count completed jobs only, docs/design.md §7.4).
const QStringList kDefaultSlos{QStringLiteral("p95_wait_s<=3600"),
                               QStringLiteral("jobs_rejected<=0")};

} // namespace

SizeClusterDialog::SizeClusterDialog(ScenarioDocument *document, PlanSession *session,
                                     QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_session(session)
    , m_task(new PlanTask(this))
    , m_slos(new SloEditor(this))
    , m_objective(new QComboBox(this))
    , m_amortization(new QDoubleSpinBox(this))
    , m_runBar(new StudyRunBar(m_task, this))
    , m_message(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_chart(new SpecChartView(this))
    , m_points(new SizingPointsModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_pointsView(new QTableView(this))
    , m_apply(new QPushButton(tr("&Apply to Cluster"), this))
{
    setObjectName("SizeClusterDialog");
    setWindowTitle(tr("Size Cluster — %1").arg(document->displayName()));
    const Scenario &scenario = document->scenario();
    const QString currency = str(scenario.energy.currency);

    // Setup, left.
    auto *typesBox = new QGroupBox(tr("Node types to size"), this);
    buildTypeRows(typesBox);
    auto *slosBox = new QGroupBox(tr("Service levels (all must hold)"), this);
    auto *slosLayout = new QVBoxLayout(slosBox);
    slosLayout->addWidget(m_slos);
    m_slos->setKeys(numericMetricKeys(!scenario.services.empty()), currency);
    QSettings settings;
    m_slos->setTexts(settings.value(settings::kPlanSlos, kDefaultSlos).toStringList());
    if (m_slos->rowCount() == 0)
        m_slos->setTexts(kDefaultSlos);

    for (const SizingObjective objective :
         {SizingObjective::Cost, SizingObjective::Accelerators, SizingObjective::Energy})
        m_objective->addItem(report::objectiveLabel(objective), int(objective));
    m_objective->setToolTip(tr("What the recommendation minimises among the configurations "
                               "that meet every service level"));
    setObjective(sizingObjectiveFromString(
                         settings.value(settings::kPlanObjective, QStringLiteral("cost"))
                                 .toString()
                                 .toStdString())
                         .value_or(SizingObjective::Cost));
    m_amortization->setRange(0.1, 50.0);
    m_amortization->setDecimals(1);
    m_amortization->setValue(kDefaultAmortizationYears);
    m_amortization->setSuffix(tr(" years"));
    m_amortization->setToolTip(tr("Node prices (price_usd) are spread over this many years; the "
                                  "run pays for its own span of them"));
    auto *objectiveForm = new QFormLayout;
    auto *objectiveLabel = new QLabel(tr("&Minimise:"), this);
    objectiveLabel->setBuddy(m_objective);
    objectiveForm->addRow(objectiveLabel, m_objective);
    auto *amortizationLabel = new QLabel(tr("Amorti&zation:"), this);
    amortizationLabel->setBuddy(m_amortization);
    objectiveForm->addRow(amortizationLabel, m_amortization);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *setup = new QWidget(this);
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->addWidget(typesBox);
    setupLayout->addWidget(slosBox);
    setupLayout->addLayout(objectiveForm);
    setupLayout->addWidget(m_message);
    setupLayout->addStretch(1);

    // Results, right.
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSummary(tr("Run the study to see which node counts meet the service levels."));
    m_summary->setObjectName("SizingSummary");
    m_summary->setTextFormat(Qt::RichText);
    m_sorted->setSourceModel(m_points);
    m_sorted->setSortRole(SizingPointsModel::SortRole);
    m_pointsView->setModel(m_sorted);
    m_pointsView->setSortingEnabled(true);
    m_pointsView->sortByColumn(0, Qt::AscendingOrder);
    m_pointsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pointsView->setAlternatingRowColors(true);
    m_pointsView->verticalHeader()->hide();
    m_pointsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_pointsView->setAccessibleName(tr("Evaluated configurations"));
    m_pointsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_chart->clear(tr("No study yet"));
    m_tabs->addTab(m_chart, tr("C&hart"));
    m_tabs->addTab(m_pointsView, tr("&Evaluated Configurations"));
    auto *results = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_summary);
    resultsLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(setup);
    splitter->addWidget(results);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({430, 850});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    m_apply->setEnabled(false);
    m_apply->setAutoDefault(false);
    m_apply->setToolTip(tr("Resize the cluster to the recommendation (one step: Edit → Undo "
                           "restores it)"));
    connect(m_apply, &QPushButton::clicked, this, &SizeClusterDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &SizeClusterDialog::reject);
    m_runBar->runButton()->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_runBar);
    layout->addWidget(buttons);

    connect(m_runBar, &StudyRunBar::runClicked, this, &SizeClusterDialog::run);
    connect(m_task, &PlanTask::finished, this, &SizeClusterDialog::onFinished);
    connect(m_slos, &SloEditor::changed, this, &SizeClusterDialog::updateWarnings);
    connect(m_objective, &QComboBox::currentIndexChanged, this, &SizeClusterDialog::updateWarnings);
    for (const TypeRow &row : m_types)
        connect(row.varied, &QCheckBox::toggled, this, &SizeClusterDialog::updateWarnings);
    // After Apply (or an edit behind the dialog) the rows say how many nodes there are now.
    connect(document, &ScenarioDocument::clusterChanged, this,
            &SizeClusterDialog::updateTypeLabels);
    updateWarnings();
    QList<QWidget *> chain;
    for (const TypeRow &row : m_types)
        chain << row.varied << row.min << row.max;
    chain << m_slos->focusChain() << m_objective << m_amortization << m_tabs << m_pointsView
          << m_runBar->focusChain() << m_apply << buttons->button(QDialogButtonBox::Close);
    chainTabOrder(chain);
    resize(1280, 760);
}

SizeClusterDialog::~SizeClusterDialog() = default;

void SizeClusterDialog::buildTypeRows(QWidget *box)
{
    auto *grid = new QGridLayout(box);
    grid->addWidget(new QLabel(tr("<b>Type</b>"), box), 0, 0);
    grid->addWidget(new QLabel(tr("<b>From</b>"), box), 0, 1);
    grid->addWidget(new QLabel(tr("<b>To</b>"), box), 0, 2);
    const Scenario &scenario = m_document->scenario();
    QWidget *previous = nullptr;
    for (const NodeType &type : scenario.nodeTypes) {
        const int count = nodeCountOfType(scenario.cluster, type.name);
        TypeRow row;
        row.type = type.name;
        row.varied = new QCheckBox(tr("%1 (%2 now)").arg(str(type.name)).arg(count), box);
        row.varied->setToolTip(
                type.priceUsd
                        ? tr("%1 accelerators per node, %2 each")
                                  .arg(type.accelerators)
                                  .arg(report::money(*type.priceUsd, QStringLiteral("USD")))
                        : tr("%1 accelerators per node, no price_usd").arg(type.accelerators));
        row.min = new QSpinBox(box);
        row.max = new QSpinBox(box);
        for (QSpinBox *spin : {row.min, row.max})
            spin->setRange(0, kMaxCount);
        row.min->setAccessibleName(tr("Fewest %1 nodes").arg(str(type.name)));
        row.max->setAccessibleName(tr("Most %1 nodes").arg(str(type.name)));
        // Around today's count: down to a quarter, up to twice as many.
        row.min->setValue(count > 0 ? std::max(1, count / 4) : 0);
        row.max->setValue(count > 0 ? count * 2 : 8);
        row.varied->setChecked(count > 0);
        const int r = grid->rowCount();
        grid->addWidget(row.varied, r, 0);
        grid->addWidget(row.min, r, 1);
        grid->addWidget(row.max, r, 2);
        QSpinBox *min = row.min;
        QSpinBox *max = row.max;
        connect(row.varied, &QCheckBox::toggled, box, [min, max](bool on) {
            min->setEnabled(on);
            max->setEnabled(on);
        });
        min->setEnabled(row.varied->isChecked());
        max->setEnabled(row.varied->isChecked());
        if (previous)
            setTabOrder(previous, row.varied);
        setTabOrder(row.varied, row.min);
        setTabOrder(row.min, row.max);
        previous = row.max;
        m_types.push_back(row);
    }
    grid->setColumnStretch(0, 1);
}

SizingRequest SizeClusterDialog::request() const
{
    SizingRequest request;
    for (const TypeRow &row : m_types) {
        if (row.varied->isChecked())
            request.vary.push_back({row.type, row.min->value(), row.max->value()});
    }
    request.slos = m_slos->slos();
    request.objective = SizingObjective(m_objective->currentData().toInt());
    request.settings.amortizationYears = m_amortization->value();
    return request;
}

void SizeClusterDialog::setRange(const std::string &type, bool varied, int min, int max)
{
    for (TypeRow &row : m_types) {
        if (row.type == type) {
            row.varied->setChecked(varied);
            row.min->setValue(min);
            row.max->setValue(max);
        }
    }
}

void SizeClusterDialog::setObjective(SizingObjective objective)
{
    m_objective->setCurrentIndex(m_objective->findData(int(objective)));
}

QString SizeClusterDialog::message() const
{
    return m_message->text();
}

QString SizeClusterDialog::summary() const
{
    return m_summaryText;
}

void SizeClusterDialog::setSummary(const QString &text)
{
    m_summaryText = text;
    // The answer first, in bold; the notes after it in the normal weight.
    const qsizetype end = text.indexOf(QStringLiteral(". ")) + 1;
    m_summary->setText(
            end > 0 ? QStringLiteral("<b>%1</b>%2")
                              .arg(text.left(end).toHtmlEscaped(), text.mid(end).toHtmlEscaped())
                    : text.toHtmlEscaped());
}

void SizeClusterDialog::updateTypeLabels()
{
    const Cluster &cluster = m_document->scenario().cluster;
    for (TypeRow &row : m_types)
        row.varied->setText(
                tr("%1 (%2 now)").arg(str(row.type)).arg(nodeCountOfType(cluster, row.type)));
}

void SizeClusterDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xc0, 0x39, 0x2b)
                                                   : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
}

void SizeClusterDialog::updateWarnings()
{
    const SizingRequest request = this->request();
    const Scenario &scenario = m_document->scenario();
    if (request.vary.empty()) {
        showMessage(tr("Tick at least one node type to size."), true);
        return;
    }
    QStringList notes;
    if (request.objective == SizingObjective::Cost) {
        for (const NodeType &type : scenario.nodeTypes) {
            const bool varied =
                    std::any_of(request.vary.begin(), request.vary.end(),
                                [&](const VaryRange &r) { return r.type == type.name; });
            if (!type.priceUsd && (varied || nodeCountOfType(scenario.cluster, type.name) > 0))
                notes << tr("%1 has no price_usd: its capital cost is counted as 0, so the cost "
                            "is the energy bill alone.")
                                 .arg(str(type.name));
        }
    }
    showMessage(notes.join(QLatin1Char('\n')), false);
}

std::vector<int> SizeClusterDialog::currentCounts(const SizingRequest &request) const
{
    std::vector<int> counts;
    for (const VaryRange &range : request.vary)
        counts.push_back(nodeCountOfType(m_document->scenario().cluster, range.type));
    return counts;
}

bool SizeClusterDialog::run()
{
    if (m_task->isRunning())
        return false;
    const SizingRequest request = this->request();
    const std::shared_ptr<const Scenario> base = m_document->sharedScenario();
    std::vector<std::string> problems = sizingProblems(*base, request);
    if (request.vary.empty())
        problems.insert(problems.begin(), tr("Tick at least one node type to size.").toStdString());
    if (!problems.empty()) {
        showMessage(str(problems.front()), true);
        return false;
    }
    updateWarnings();
    QSettings settings;
    settings.setValue(settings::kPlanSlos, m_slos->texts());
    settings.setValue(settings::kPlanObjective, str(std::string(toString(request.objective))));

    m_runCounts = currentCounts(request);
    m_apply->setEnabled(false);
    setSummary(tr("Sizing…"));
    m_pending = std::make_shared<SizingResult>();
    std::shared_ptr<SizingResult> out = m_pending;
    m_task->start(m_runBar->threads(),
                  [base, request, out](WorkerPool &pool, const PlanProgressCallback &progress,
                                       const CancelFlag *cancel) {
                      *out = sizeCluster(*base, request, pool, progress, cancel);
                  });
    return true;
}

void SizeClusterDialog::onFinished()
{
    if (!m_task->error().isEmpty()) {
        showMessage(tr("The study failed: %1").arg(m_task->error()), true);
        setSummary(tr("No result."));
        return;
    }
    m_result = std::move(m_pending);
    const SizingResult &result = *m_result;
    const QString currency = str(m_document->scenario().energy.currency);
    QString summary = report::sizingSummary(result);
    if (result.cancelled)
        summary = tr("Cancelled after %1 simulations. ").arg(result.points.size()) + summary;
    if (!result.nonMonotone.empty())
        summary += QLatin1Char(' ') +
                   countText(qint64(result.nonMonotone.size()),
                             tr("Note: in %1 pair of configurations more nodes did worse "
                                "(queueing is not monotone here)."),
                             tr("Note: in %1 pairs of configurations more nodes did worse "
                                "(queueing is not monotone here)."));
    setSummary(summary);
    m_chart->setSpec(report::sizingChart(result, currency));
    m_points->setResult(m_result, currency);
    m_pointsView->sortByColumn(m_sorted->sortColumn() < 0 ? 0 : m_sorted->sortColumn(),
                               m_sorted->sortOrder());
    m_apply->setEnabled(result.recommendedPoint() && !result.cancelled);
    if (m_session && !result.cancelled)
        m_session->setSizing(result, m_runCounts, currency);
    Q_EMIT studyFinished();
}

bool SizeClusterDialog::apply()
{
    const SizingPoint *best = m_result ? m_result->recommendedPoint() : nullptr;
    if (!best)
        return false;
    std::vector<std::pair<std::string, int>> counts;
    for (std::size_t i = 0; i < m_result->request.vary.size(); ++i)
        counts.emplace_back(m_result->request.vary[i].type, best->counts[i]);
    QString why;
    if (!edits::setNodeCounts(*m_document, counts, &why)) {
        showMessage(why, true);
        return false;
    }
    showMessage(tr("The cluster now has %1. Edit → Undo restores it.")
                        .arg(report::countsText(m_result->request.vary, best->counts)),
                false);
    m_apply->setEnabled(false);
    return true;
}

void SizeClusterDialog::reject()
{
    // Closing stops the study: nobody would read its result.
    m_task->cancel();
    QDialog::reject();
}

} // namespace headroom::ui
