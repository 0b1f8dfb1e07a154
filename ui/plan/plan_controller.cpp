#include "ui/plan/plan_controller.h"

#include "ui/document/scenario_document.h"
#include "ui/plan/forecast_dialog.h"
#include "ui/plan/plan_session.h"
#include "ui/plan/runway_dialog.h"
#include "ui/plan/size_cluster_dialog.h"

#include <QMessageBox>
#include <QWidget>

namespace headroom::ui {
namespace {

bool hasWork(ScenarioDocument *document, QWidget *window, const QString &title)
{
    const Scenario &scenario = document->scenario();
    if (!scenario.jobs.empty() || !scenario.services.empty())
        return true;
    QMessageBox::information(window, title,
                             QObject::tr("The scenario has no jobs and no services: there is "
                                         "no load to plan for yet."));
    return false;
}

} // namespace

PlanController::PlanController(ScenarioDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_session(new PlanSession(this))
{
    // Studies describe the scenario they ran on; edits (Apply among them) keep them, a
    // different scenario does not.
    connect(document, &ScenarioDocument::scenarioReset, m_session, &PlanSession::clear);
}

void PlanController::sizeCluster()
{
    if (!hasWork(m_document, m_window, tr("Size Cluster")))
        return;
    SizeClusterDialog dialog(m_document, m_session, m_window);
    dialog.exec();
}

void PlanController::forecastDemand()
{
    if (!hasWork(m_document, m_window, tr("Forecast Demand")))
        return;
    ForecastDialog dialog(m_document, m_window);
    dialog.exec();
}

void PlanController::runway()
{
    if (!hasWork(m_document, m_window, tr("Runway")))
        return;
    RunwayDialog dialog(m_document, m_session, m_window);
    dialog.exec();
}

} // namespace headroom::ui
