#pragma once

#include <QObject>

class QWidget;

namespace headroom::ui {

class PlanSession;
class ScenarioDocument;

// The Plan menu's handler: opens Size Cluster, Forecast Demand and Runway on the document,
// and keeps the session's studies (for the report) until another scenario replaces this one.
class PlanController : public QObject
{
    Q_OBJECT

public:
    PlanController(ScenarioDocument *document, QWidget *window);

    PlanSession *session() const { return m_session; }

public Q_SLOTS:
    void sizeCluster();
    void forecastDemand();
    void runway();

private:
    ScenarioDocument *m_document;
    QWidget *m_window;
    PlanSession *m_session;
};

} // namespace headroom::ui
