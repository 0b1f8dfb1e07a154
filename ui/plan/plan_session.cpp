#include "ui/plan/plan_session.h"

namespace headroom::ui {

PlanSession::PlanSession(QObject *parent)
    : QObject(parent)
{}

void PlanSession::setSizing(const SizingResult &result, std::vector<int> currentCounts,
                            const QString &currency)
{
    m_studies.sizing = result;
    m_studies.currentCounts = std::move(currentCounts);
    m_studies.currency = currency;
    Q_EMIT changed();
}

void PlanSession::setRunway(const RunwayResult &result, const QString &currency)
{
    m_studies.runway = result;
    m_studies.currency = currency;
    Q_EMIT changed();
}

void PlanSession::clear()
{
    if (m_studies.empty())
        return;
    m_studies = {};
    Q_EMIT changed();
}

} // namespace headroom::ui
