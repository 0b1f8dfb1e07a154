#include "ui/compare/compared_runs_model.h"

#include <algorithm>

namespace headroom::ui {

bool ComparedRunsModel::append(ComparedRun run)
{
    if (isFull())
        return false;
    const int row = int(m_runs.size());
    beginInsertRows({}, row, row);
    m_runs.push_back(std::move(run));
    endInsertRows();
    Q_EMIT runsChanged();
    return true;
}

void ComparedRunsModel::remove(int row)
{
    if (row < 0 || row >= int(m_runs.size()))
        return;
    beginRemoveRows({}, row, row);
    m_runs.erase(m_runs.begin() + row);
    endRemoveRows();
    Q_EMIT runsChanged();
}

void ComparedRunsModel::setRuns(std::vector<ComparedRun> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    if (int(m_runs.size()) > kMaxRuns)
        m_runs.resize(kMaxRuns);
    endResetModel();
    Q_EMIT runsChanged();
}

QString ComparedRunsModel::uniqueName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_runs.begin(), m_runs.end(),
                           [&](const ComparedRun &run) { return run.name == name; });
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

int ComparedRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

QVariant ComparedRunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_runs.size()))
        return {};
    const ComparedRun &run = m_runs[std::size_t(index.row())];
    if (role == Qt::DisplayRole)
        return index.row() == 0 ? tr("%1 (baseline)").arg(run.name) : run.name;
    if (role == Qt::ToolTipRole)
        return index.row() == 0 ? tr("Deltas are taken against this run") : QVariant();
    return {};
}

} // namespace headroom::ui
