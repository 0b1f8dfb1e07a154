#include "ui/panels/results_panel.h"

#include "core/engine/run_result.h"
#include "core/model/scenario.h"
#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/models/duration_text.h"
#include "ui/run/run_controller.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace headroom::ui {
namespace {

// Waits and durations: whole seconds read better than "12 min 3.417 s".
QString durationText(double seconds)
{
    return formatDuration(seconds >= 60.0 ? std::round(seconds) : seconds);
}

} // namespace

std::vector<ResultFigure> resultFigures(const RunResult &result, const Scenario &scenario)
{
    const RunMetrics &m = result.metrics;
    const auto tr = [](const char *text) { return ResultsPanel::tr(text); };
    std::vector<ResultFigure> out;
    out.push_back({QStringLiteral("utilization"), tr("Utilization"),
                   report::percent(m.utilization, 1), m.utilization,
                   tr("Busy accelerator-time / all accelerator-time")});
    out.push_back({QStringLiteral("jobs"), tr("Jobs completed"),
                   m.jobsRejected > 0 ? tr("%1 (%2 rejected)")
                                                .arg(report::count(m.jobsCompleted),
                                                     report::count(m.jobsRejected))
                                      : report::count(m.jobsCompleted),
                   double(m.jobsCompleted), tr("Completed jobs (and jobs that could never fit)")});
    out.push_back({QStringLiteral("meanWait"), tr("Mean wait"), durationText(m.meanWaitS),
                   m.meanWaitS, tr("Mean queue wait of completed jobs")});
    out.push_back({QStringLiteral("p95Wait"), tr("p95 wait"), durationText(m.p95WaitS), m.p95WaitS,
                   tr("95th percentile of the queue wait of completed jobs")});
    out.push_back({QStringLiteral("itEnergy"), tr("IT energy"), report::energy(m.itEnergyKwh),
                   m.itEnergyKwh, tr("Energy drawn by the nodes")});
    out.push_back({QStringLiteral("facilityEnergy"), tr("Facility energy"),
                   report::energy(m.facilityEnergyKwh), m.facilityEnergyKwh,
                   tr("IT energy × PUE (%1)").arg(report::number(scenario.energy.pue, 2))});
    const QString currency =
            QString::fromStdString(m.currency.empty() ? scenario.energy.currency : m.currency);
    out.push_back({QStringLiteral("cost"), tr("Energy cost"), report::money(m.cost, currency),
                   m.cost, tr("Facility energy at the hourly electricity price")});
    out.push_back({QStringLiteral("carbon"), tr("Carbon"),
                   tr("%1 CO₂e").arg(report::mass(m.carbonKg)), m.carbonKg,
                   tr("Facility energy at the hourly grid carbon intensity")});
    out.push_back({QStringLiteral("peakPower"), tr("Peak IT power"), report::power(m.peakPowerW),
                   m.peakPowerW,
                   tr("Highest IT power draw; mean %1").arg(report::power(m.meanPowerW))});
    out.push_back({QStringLiteral("peakFacilityPower"), tr("Peak facility power"),
                   report::power(m.peakFacilityPowerW), m.peakFacilityPowerW,
                   tr("Highest facility power draw (IT × PUE)")});
    out.push_back({QStringLiteral("timeAtCap"), tr("Time at power cap"),
                   durationText(m.timeAtPowerCapS), m.timeAtPowerCapS,
                   scenario.energy.clusterPowerCapKw
                           ? tr("Time during which a job waited only because the power cap "
                                "(%1) or a rack budget refused its start")
                                     .arg(report::power(*scenario.energy.clusterPowerCapKw * 1e3))
                           : tr("Time during which a job waited only because a rack power "
                                "budget refused its start (no cluster cap is set)")});
    out.push_back(
            {QStringLiteral("boots"), tr("Node boots"), report::count(m.boots), double(m.boots),
             tr("Boots by power management; boot energy %1").arg(report::energy(m.bootEnergyKwh))});
    out.push_back({QStringLiteral("nodeHoursOff"), tr("Node-hours off"),
                   tr("%1 h").arg(report::number(m.nodeHoursOff, 1)), m.nodeHoursOff,
                   tr("Hours nodes spent switched off, summed over nodes")});
    out.push_back({QStringLiteral("fragmentation"), tr("Fragmentation"),
                   tr("%1 (%2 accelerators)")
                           .arg(report::percent(m.fragmentation, 1),
                                report::number(m.fragmentedSlots, 1)),
                   m.fragmentation,
                   tr("Free accelerators stranded on partly held nodes, averaged over the run")});
    return out;
}

ResultsPanel::ResultsPanel(ScenarioDocument *document, RunController *run, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scroll(new QScrollArea(this))
    , m_hint(new QLabel)
    , m_figuresBox(new QWidget)
    , m_grid(new QGridLayout(m_figuresBox))
    , m_tenants(new QTableWidget)
{
    m_hint->setObjectName("resultsHint");
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Run the scenario to the end to see its results here."));

    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(2);

    m_tenants->setObjectName("tenantTable");
    m_tenants->setColumnCount(5);
    m_tenants->setHorizontalHeaderLabels(
            {tr("Tenant"), tr("Jobs"), tr("Utilization"), tr("Mean wait"), tr("p95 wait")});
    m_tenants->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tenants->setSelectionMode(QAbstractItemView::NoSelection);
    m_tenants->verticalHeader()->hide();
    m_tenants->horizontalHeader()->setStretchLastSection(false);
    m_tenants->setAlternatingRowColors(true);
    m_tenants->setToolTip(tr("Per tenant: completed jobs, share of cluster utilization and the "
                             "queue waits of its completed jobs"));
    m_tenants->verticalHeader()->setDefaultSectionSize(m_tenants->fontMetrics().height() + 6);

    auto *content = new QWidget;
    content->setObjectName("resultsContent");
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_hint);
    layout->addWidget(m_figuresBox);
    layout->addWidget(m_tenants, 1);
    m_scroll->setObjectName("resultsScroll");
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->viewport()->installEventFilter(this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

    if (run) {
        connect(run, &RunController::finished, this, &ResultsPanel::showResult);
        connect(run, &RunController::runReset, this, &ResultsPanel::clear);
        if (run->result())
            showResult(run->result());
    }
    if (!m_hasResult)
        clear();
}

QLabel *ResultsPanel::figureLabel(const QString &key) const
{
    return m_figuresBox->findChild<QLabel *>(QStringLiteral("result_") + key);
}

void ResultsPanel::clear()
{
    m_hasResult = false;
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_figures.clear();
    m_columns = 0;
    m_tenants->setRowCount(0);
    m_hint->show();
    m_figuresBox->hide();
    m_tenants->hide();
}

void ResultsPanel::showResult(std::shared_ptr<const RunResult> result)
{
    clear();
    if (!result)
        return;
    const Scenario &scenario = m_document->scenario();
    const std::vector<ResultFigure> figures = resultFigures(*result, scenario);
    for (const ResultFigure &f : figures) {
        auto *caption = new QLabel(f.caption + QLatin1Char(':'), m_figuresBox);
        caption->setToolTip(f.toolTip);
        auto *value = new QLabel(f.text, m_figuresBox);
        value->setObjectName(QStringLiteral("result_") + f.key);
        value->setToolTip(f.toolTip);
        value->setProperty("value", f.value);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        m_figures.emplace_back(caption, value);
    }

    const std::vector<TenantMetrics> &tenants = result->metrics.tenants;
    m_tenants->setRowCount(int(tenants.size()));
    for (int row = 0; row < int(tenants.size()); ++row) {
        const TenantMetrics &t = tenants[std::size_t(row)];
        const QString name =
                t.tenant.empty() ? tr("(no tenant)") : QString::fromStdString(t.tenant);
        const QString cells[] = {name, report::count(t.jobsCompleted),
                                 report::percent(t.utilization, 1), durationText(t.meanWaitS),
                                 durationText(t.p95WaitS)};
        const double values[] = {0.0, double(t.jobsCompleted), t.utilization, t.meanWaitS,
                                 t.p95WaitS};
        for (int column = 0; column < 5; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, values[column]);
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_tenants->setItem(row, column, item);
        }
    }
    m_tenants->resizeColumnsToContents();
    m_hint->hide();
    m_figuresBox->show();
    m_tenants->setVisible(!tenants.empty());
    m_hasResult = true;
    updateColumns();
}

void ResultsPanel::placeFigures(int columns)
{
    while (QLayoutItem *item = m_grid->takeAt(0))
        delete item; // the labels stay; only their places change
    const int count = int(m_figures.size());
    const int rows = (count + columns - 1) / columns;
    for (int i = 0; i < count; ++i) {
        const int column = (i / rows) * 2;
        m_grid->addWidget(m_figures[std::size_t(i)].first, i % rows, column);
        m_grid->addWidget(m_figures[std::size_t(i)].second, i % rows, column + 1);
    }
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(3, columns > 1 ? 1 : 0);
    m_columns = columns;
}

int ResultsPanel::twoColumnWidth() const
{
    const int half = (int(m_figures.size()) + 1) / 2;
    int width = 0;
    for (int part = 0; part < 2; ++part) {
        int caption = 0;
        int value = 0;
        for (int i = part * half; i < std::min(int(m_figures.size()), (part + 1) * half); ++i) {
            caption = std::max(caption, m_figures[std::size_t(i)].first->sizeHint().width());
            value = std::max(value, m_figures[std::size_t(i)].second->sizeHint().width());
        }
        width += caption + value;
    }
    const QMargins margins = m_scroll->widget()->layout()->contentsMargins();
    return width + 3 * m_grid->horizontalSpacing() + margins.left() + margins.right();
}

void ResultsPanel::updateColumns()
{
    if (m_figures.empty())
        return;
    const int columns = m_scroll->viewport()->width() >= twoColumnWidth() ? 2 : 1;
    if (columns != m_columns)
        placeFigures(columns);
}

bool ResultsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        updateColumns();
    return QWidget::eventFilter(watched, event);
}

} // namespace headroom::ui
