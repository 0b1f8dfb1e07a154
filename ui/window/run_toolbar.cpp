#include "ui/window/run_toolbar.h"

#include "core/model/policy.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/policy_choices.h"
#include "ui/run/run_controller.h"
#include "ui/settings_keys.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>

namespace headroom::ui {
namespace {

struct SpeedChoice
{
    const char *label;
    double simSecondsPerSecond; // 0: as fast as possible
};

constexpr SpeedChoice kSpeeds[] = {
        {QT_TRANSLATE_NOOP("headroom::ui::RunToolBar", "1 min / s"), 60.0},
        {QT_TRANSLATE_NOOP("headroom::ui::RunToolBar", "10 min / s"), 600.0},
        {QT_TRANSLATE_NOOP("headroom::ui::RunToolBar", "1 h / s"), 3600.0},
        {QT_TRANSLATE_NOOP("headroom::ui::RunToolBar", "6 h / s"), 6 * 3600.0},
        {QT_TRANSLATE_NOOP("headroom::ui::RunToolBar", "1 day / s"), 86400.0},
        {QT_TRANSLATE_NOOP("headroom::ui::RunToolBar", "1 week / s"), 7 * 86400.0},
        {QT_TRANSLATE_NOOP("headroom::ui::RunToolBar", "As fast as possible"), 0.0},
};
constexpr int kDefaultSpeed = 2; // 1 h / s: a day of jobs plays in 24 seconds

} // namespace

RunToolBar::RunToolBar(ScenarioDocument *document, RunController *run,
                       const QList<QAction *> &actions, QWidget *parent)
    : QToolBar(tr("Simulation"), parent)
    , m_document(document)
    , m_speed(new QComboBox(this))
    , m_scheduler(new QComboBox(this))
    , m_placement(new QComboBox(this))
{
    setObjectName("SimulationToolBar");
    addActions(actions);
    addSeparator();

    m_speed->setObjectName("speed");
    m_speed->setToolTip(tr("Simulated time per second of wall-clock time"));
    for (const SpeedChoice &choice : kSpeeds)
        m_speed->addItem(tr(choice.label), choice.simSecondsPerSecond);
    addWidget(new QLabel(tr(" Speed "), this));
    addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this, run](int index) {
        run->setSpeed(m_speed->itemData(index).toDouble());
        QSettings().setValue(settings::kRunSpeed, index);
    });
    const int speed = QSettings().value(settings::kRunSpeed, kDefaultSpeed).toInt();
    m_speed->setCurrentIndex(speed >= 0 && speed < m_speed->count() ? speed : kDefaultSpeed);
    run->setSpeed(m_speed->currentData().toDouble());

    m_scheduler->setObjectName("scheduler");
    m_scheduler->setToolTip(tr("Scheduler: FCFS, shortest job first, shortest remaining time "
                               "first (preemptive) or EASY backfilling"));
    addSchedulerChoices(m_scheduler);
    addWidget(new QLabel(tr(" Scheduler "), this));
    addWidget(m_scheduler);

    m_placement->setObjectName("placement");
    m_placement->setToolTip(tr("Which free nodes a starting job gets"));
    addPlacementChoices(m_placement);
    addWidget(new QLabel(tr(" Placement "), this));
    addWidget(m_placement);

    connect(m_scheduler, &QComboBox::activated, this, &RunToolBar::applyPolicy);
    connect(m_placement, &QComboBox::activated, this, &RunToolBar::applyPolicy);
    connect(document, &ScenarioDocument::policyChanged, this, &RunToolBar::showPolicy);
    connect(document, &ScenarioDocument::scenarioReset, this, &RunToolBar::showPolicy);
    showPolicy();
}

void RunToolBar::applyPolicy()
{
    Policy policy = m_document->scenario().policy;
    policy.scheduler = static_cast<SchedulerKind>(m_scheduler->currentData().toInt());
    policy.placement = static_cast<PlacementKind>(m_placement->currentData().toInt());
    if (!(policy == m_document->scenario().policy))
        edits::setPolicy(*m_document, policy);
}

void RunToolBar::showPolicy()
{
    const Policy &policy = m_document->scenario().policy;
    m_scheduler->setCurrentIndex(m_scheduler->findData(static_cast<int>(policy.scheduler)));
    m_placement->setCurrentIndex(m_placement->findData(static_cast<int>(policy.placement)));
}

} // namespace headroom::ui
