#include "ui/plan/runway_dialog.h"

#include "core/plan/demand_forecast.h"
#include "core/plan/metric_values.h"
#include "report/plan_report.h"
#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/models/count_text.h"
#include "ui/plan/plan_session.h"
#include "ui/plan/plan_task.h"
#include "ui/plan/slo_editor.h"
#include "ui/plan/spec_chart_view.h"
#include "ui/plan/study_run_bar.h"
#include "ui/plan/tab_chain.h"
#include "ui/settings_keys.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <stdexcept>

namespace headroom::ui {
namespace {

QString str(const std::string &text)
{
    return QString::fromStdString(text);
}

const QStringList kDefaultSlos{QStringLiteral("p95_wait_s<=3600"),
                               QStringLiteral("jobs_rejected<=0")};

} // namespace

RunwayDialog::RunwayDialog(ScenarioDocument *document, PlanSession *session, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_session(session)
    , m_task(new PlanTask(this))
    , m_growth(new QDoubleSpinBox(this))
    , m_fromForecast(new QPushButton(tr("From &Forecast"), this))
    , m_months(new QSpinBox(this))
    , m_slos(new SloEditor(this))
    , m_runBar(new StudyRunBar(m_task, this))
    , m_message(new QLabel(this))
    , m_sentence(new QLabel(this))
    , m_chart(new SpecChartView(this))
{
    setObjectName("RunwayDialog");
    setWindowTitle(tr("Runway — %1").arg(document->displayName()));
    const Scenario &scenario = document->scenario();
    QSettings settings;

    m_growth->setRange(-99.0, 1000.0);
    m_growth->setDecimals(2);
    m_growth->setSuffix(tr(" % a month"));
    m_growth->setValue(settings.value(settings::kPlanRunwayGrowth, 0.05).toDouble() * 100.0);
    m_growth->setToolTip(tr("Month m runs the scenario at (1 + growth)^m times today's load"));
    m_fromForecast->setToolTip(tr("Take the growth per month from a fit of the scenario's daily "
                                  "demand (Plan → Forecast Demand)"));
    m_months->setRange(1, 1200);
    m_months->setValue(settings.value(settings::kPlanRunwayMonths, 24).toInt());
    m_months->setToolTip(tr("Months to simulate after today (month 0)"));
    auto *growthRow = new QHBoxLayout;
    growthRow->addWidget(m_growth, 1);
    growthRow->addWidget(m_fromForecast);
    auto *form = new QFormLayout;
    auto *growthLabel = new QLabel(tr("&Growth:"), this);
    growthLabel->setBuddy(m_growth);
    form->addRow(growthLabel, growthRow);
    auto *monthsLabel = new QLabel(tr("M&onths:"), this);
    monthsLabel->setBuddy(m_months);
    form->addRow(monthsLabel, m_months);

    auto *slosBox = new QGroupBox(tr("Service levels (all must hold)"), this);
    auto *slosLayout = new QVBoxLayout(slosBox);
    slosLayout->addWidget(m_slos);
    m_slos->setKeys(numericMetricKeys(!scenario.services.empty()), str(scenario.energy.currency));
    m_slos->setTexts(settings.value(settings::kPlanSlos, kDefaultSlos).toStringList());
    if (m_slos->rowCount() == 0)
        m_slos->setTexts(kDefaultSlos);

    m_message->setWordWrap(true);
    auto *setup = new QWidget(this);
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->addLayout(form);
    setupLayout->addWidget(slosBox);
    setupLayout->addWidget(m_message);
    setupLayout->addStretch(1);

    QFont big = m_sentence->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_sentence->setFont(big);
    m_sentence->setWordWrap(true);
    m_sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sentence->setObjectName("RunwaySentence");
    m_sentence->setText(tr("Run the study to see when growing load breaks a service level."));
    m_chart->clear(tr("No study yet"));
    auto *results = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_sentence);
    resultsLayout->addWidget(m_chart, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(setup);
    splitter->addWidget(results);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &RunwayDialog::reject);
    m_runBar->runButton()->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_runBar);
    layout->addWidget(buttons);

    connect(m_runBar, &StudyRunBar::runClicked, this, &RunwayDialog::run);
    connect(m_fromForecast, &QPushButton::clicked, this, &RunwayDialog::growthFromForecast);
    connect(m_task, &PlanTask::finished, this, &RunwayDialog::onFinished);
    chainTabOrder(QList<QWidget *>{m_growth, m_fromForecast, m_months}
                  << m_slos->focusChain() << m_runBar->focusChain()
                  << buttons->button(QDialogButtonBox::Close));
    resize(1080, 640);
}

RunwayDialog::~RunwayDialog() = default;

RunwayRequest RunwayDialog::request() const
{
    RunwayRequest request;
    request.growthPerMonth = m_growth->value() / 100.0;
    request.months = m_months->value();
    request.slos = m_slos->slos();
    return request;
}

void RunwayDialog::setGrowthPerMonth(double growth)
{
    m_growth->setValue(growth * 100.0);
}

void RunwayDialog::setMonths(int months)
{
    m_months->setValue(months);
}

QString RunwayDialog::sentence() const
{
    return m_sentence->text();
}

QString RunwayDialog::message() const
{
    return m_message->text();
}

void RunwayDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xc0, 0x39, 0x2b)
                                                   : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
}

bool RunwayDialog::growthFromForecast()
{
    const std::vector<double> history = dailyDemand(m_document->scenario());
    if (int(history.size()) < kMinForecastDays) {
        showMessage(countText(qint64(history.size()), tr("The jobs span %1 day; "),
                              tr("The jobs span %1 days; ")) +
                            tr("a forecast needs at least %1.").arg(kMinForecastDays),
                    true);
        return false;
    }
    try {
        const DemandForecast forecast = forecastDemand(history, 1, ForecastSolver::Qr);
        if (!forecast.growthPerMonth) {
            showMessage(tr("The forecast has no mean demand to grow from."), true);
            return false;
        }
        setGrowthPerMonth(*forecast.growthPerMonth);
        showMessage(tr("Growth from the forecast of %1 days of demand: %2 a month (R² %3).")
                            .arg(history.size())
                            .arg(report::percent(*forecast.growthPerMonth, 2),
                                 report::number(forecast.r2, 3)),
                    false);
        return true;
    } catch (const std::invalid_argument &error) {
        showMessage(tr("Cannot fit the demand: %1").arg(error.what()), true);
        return false;
    }
}

bool RunwayDialog::run()
{
    if (m_task->isRunning())
        return false;
    const RunwayRequest request = this->request();
    const std::shared_ptr<const Scenario> base = m_document->sharedScenario();
    if (const std::vector<std::string> problems = runwayProblems(*base, request);
        !problems.empty()) {
        showMessage(str(problems.front()), true);
        return false;
    }
    showMessage({}, false);
    QSettings settings;
    settings.setValue(settings::kPlanSlos, m_slos->texts());
    settings.setValue(settings::kPlanRunwayGrowth, request.growthPerMonth);
    settings.setValue(settings::kPlanRunwayMonths, request.months);
    m_sentence->setText(tr("Simulating months 0 to %1…").arg(request.months));
    m_pending = std::make_shared<RunwayResult>();
    std::shared_ptr<RunwayResult> out = m_pending;
    m_task->start(m_runBar->threads(),
                  [base, request, out](WorkerPool &pool, const PlanProgressCallback &progress,
                                       const CancelFlag *cancel) {
                      *out = runway(*base, request, pool, progress, cancel);
                  });
    return true;
}

void RunwayDialog::onFinished()
{
    if (!m_task->error().isEmpty()) {
        showMessage(tr("The study failed: %1").arg(m_task->error()), true);
        m_sentence->setText(tr("No result."));
        return;
    }
    m_result = std::move(m_pending);
    const QString currency = str(m_document->scenario().energy.currency);
    if (m_result->cancelled) {
        // The months run as one round, and a cancelled round is dropped whole.
        m_sentence->setText(tr("Cancelled: run the study again for the answer."));
        m_chart->clear(tr("Cancelled"));
        return;
    }
    m_sentence->setText(report::runwaySentence(*m_result, currency));
    m_chart->setSpec(report::runwayChart(*m_result, currency));
    if (m_session && m_result->problem.empty())
        m_session->setRunway(*m_result, currency);
    Q_EMIT studyFinished();
}

void RunwayDialog::reject()
{
    m_task->cancel();
    QDialog::reject();
}

} // namespace headroom::ui
