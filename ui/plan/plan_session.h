#pragma once

#include "report/plan_report.h"

#include <QObject>

namespace headroom::ui {

// The planning studies run in this session (the last sizing and the last runway), for the
// report's planning section (report/plan_report.h). Forgotten when another scenario is opened
// or a new one started: they were about the previous one.
class PlanSession : public QObject
{
    Q_OBJECT

public:
    explicit PlanSession(QObject *parent = nullptr);

    const report::PlanningStudies &studies() const { return m_studies; }
    bool hasStudies() const { return !m_studies.empty(); }

    void setSizing(const SizingResult &result, std::vector<int> currentCounts,
                   const QString &currency);
    void setRunway(const RunwayResult &result, const QString &currency);
    void clear();

Q_SIGNALS:
    void changed();

private:
    report::PlanningStudies m_studies;
};

} // namespace headroom::ui
