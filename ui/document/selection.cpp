#include "ui/document/selection.h"

#include <algorithm>

namespace headroom::ui {

Selection::Selection(QObject *parent)
    : QObject(parent)
{}

void Selection::setElements(Names names)
{
    if (names == m_elements)
        return;
    m_elements = std::move(names);
    Q_EMIT elementsChanged();
}

void Selection::setJobs(JobIndices jobs)
{
    std::sort(jobs.begin(), jobs.end());
    jobs.erase(std::unique(jobs.begin(), jobs.end()), jobs.end());
    if (jobs == m_jobs)
        return;
    m_jobs = std::move(jobs);
    Q_EMIT jobsChanged();
}

void Selection::clear()
{
    setElements({});
    setJobs({});
}

} // namespace headroom::ui
