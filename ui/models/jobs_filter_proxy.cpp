#include "ui/models/jobs_filter_proxy.h"

#include "ui/models/jobs_table_model.h"

namespace headroom::ui {

JobsFilterProxy::JobsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void JobsFilterProxy::setJobsModel(JobsTableModel *model)
{
    m_jobs = model;
    setSourceModel(model);
}

void JobsFilterProxy::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_needle = text.trimmed().toLower().toStdString();
    invalidateFilter();
}

bool JobsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_jobs)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_jobs->lessThan(left.row(), right.row(), left.column());
}

bool JobsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_jobs || m_needle.empty())
        return true;
    return !sourceParent.isValid() && m_jobs->rowMatches(sourceRow, m_needle);
}

} // namespace headroom::ui
