#include "ui/window/run_status_bar.h"

#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/models/duration_text.h"
#include "ui/run/run_controller.h"
#include "ui/timeline/time_axis.h"

#include <QLabel>

#include <cmath>

namespace headroom::ui {

RunStatusBar::RunStatusBar(ScenarioDocument *document, RunController *run, QWidget *parent)
    : QStatusBar(parent)
    , m_document(document)
    , m_run(run)
    , m_time(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_jobs(new QLabel(this))
    , m_power(new QLabel(this))
    , m_failures(new QLabel(this))
{
    m_time->setObjectName("runTime");
    m_time->setToolTip(tr("Simulated time"));
    m_rate->setToolTip(tr("Simulation events processed per second of wall-clock time"));
    m_jobs->setObjectName("runJobs");
    m_jobs->setToolTip(tr("Jobs completed / running / queued (rejected)"));
    m_power->setObjectName("runPower");
    m_power->setToolTip(tr("IT power draw now and IT energy so far; facility power (IT × PUE), "
                           "nodes switched off or booting under power management, and, once "
                           "the run finished, the time jobs waited at a power cap"));
    m_failures->setObjectName("runFailures");
    m_failures->setToolTip(tr("Nodes down now (failed or in a planned outage); random node "
                              "failures, planned outages begun and job interruptions so far; "
                              "once the run finished, the goodput: useful accelerator-time "
                              "over the time jobs held"));
    for (QLabel *label : {m_time, m_rate, m_jobs, m_power, m_failures})
        addPermanentWidget(label);
    m_failures->hide();

    connect(run, &RunController::snapshotArrived, this, &RunStatusBar::showSnapshot);
    connect(run, &RunController::runReset, this, &RunStatusBar::showScenarioSize);
    connect(document, &ScenarioDocument::changed, this, [this] {
        if (!m_run->latest())
            showScenarioSize();
    });
    connect(run, &RunController::stateChanged, this, [this](RunState state) {
        if (state == RunState::Running)
            clearMessage(); // e.g. "Press Space to run it"
    });
    connect(run, &RunController::notice, this,
            [this](const QString &message) { showMessage(message, 6000); });
    connect(run, &RunController::finished, this,
            [this] { showMessage(tr("Simulation finished.")); });
    showScenarioSize();
    showMessage(tr("Ready"), 6000);
}

void RunStatusBar::showSnapshot(const LiveSnapshot &snapshot)
{
    const LiveStatus &s = snapshot.status;
    m_time->setText(tr("t = %1").arg(formatSimTime(std::floor(s.now))));
    m_rate->setText(snapshot.eventsPerWallSecond > 0
                            ? tr("%1 events/s")
                                      .arg(report::count(
                                              static_cast<long long>(snapshot.eventsPerWallSecond)))
                            : QString());
    QString jobs = tr("%1 done · %2 running · %3 queued")
                           .arg(report::count(s.completed), report::count(s.running),
                                report::count(s.queued));
    if (s.rejected > 0)
        jobs += tr(" · %1 rejected").arg(report::count(s.rejected));
    m_jobs->setText(jobs);
    QString tip = tr("Jobs completed / running / queued (rejected)");
    if (s.oldestWait.reason != WaitReason::None)
        tip += tr("\nThe oldest queued job waits for: %1")
                       .arg(QString::fromUtf8(label(s.oldestWait.reason)));
    m_jobs->setToolTip(tip);
    const QString energy = report::energy(s.energyJ / 3.6e6);
    QString power = s.facilityPowerW > s.itPowerW * (1.0 + 1e-9)
                            ? tr("IT %1 · facility %2 · %3 IT")
                                      .arg(report::power(s.itPowerW),
                                           report::power(s.facilityPowerW), energy)
                            : tr("%1 · %2").arg(report::power(s.itPowerW), energy);
    if (s.nodesOff > 0 || s.nodesBooting > 0 || snapshot.boots > 0)
        power += tr(" · %1 off · %2 booting · %3 boots")
                         .arg(report::count(s.nodesOff), report::count(s.nodesBooting),
                              report::count(snapshot.boots));
    if (snapshot.result) {
        const RunMetrics &m = snapshot.result->metrics;
        if (m.timeAtPowerCapS > 0.0 || m_document->scenario().energy.clusterPowerCapKw)
            power += tr(" · at cap %1").arg(formatDuration(std::round(m.timeAtPowerCapS)));
    }
    m_power->setText(power);

    const Scenario &scenario = m_document->scenario();
    const bool failures = scenario.failures.enabled || !scenario.outages.empty();
    m_failures->setVisible(failures);
    if (failures) {
        // The engine's own counters (docs/design.md §10.6): random failures and planned
        // outages apart, as the run's outputs count them.
        const auto counted = [](long long n, const QString &one, const QString &many) {
            return (n == 1 ? one : many).arg(report::count(n));
        };
        QString text = tr("%1 down · %2 · %3 · %4")
                               .arg(report::count(s.nodesDown),
                                    counted(s.nodeFailures, tr("%1 failure"), tr("%1 failures")),
                                    counted(s.plannedOutages, tr("%1 outage"), tr("%1 outages")),
                                    counted(s.interruptions, tr("%1 interruption"),
                                            tr("%1 interruptions")));
        if (snapshot.result && snapshot.result->metrics.reliability)
            text += tr(" · goodput %1")
                            .arg(report::percent(snapshot.result->metrics.reliability->goodput, 1));
        m_failures->setText(text);
    }
}

void RunStatusBar::showScenarioSize()
{
    const Scenario &scenario = m_document->scenario();
    m_time->setText(tr("t = —"));
    m_rate->clear();
    m_jobs->setText(tr("%1 jobs on %2 nodes")
                            .arg(report::count(qint64(scenario.jobs.size())),
                                 report::count(scenario.cluster.nodeCount())));
    m_power->clear();
    m_failures->clear();
    m_failures->hide();
}

} // namespace headroom::ui
