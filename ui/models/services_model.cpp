#include "ui/models/services_model.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/models/duration_text.h"
#include "ui/models/energy_text.h"

#include <algorithm>

namespace headroom::ui {

ServicesModel::ServicesModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_services(document->scenario().services)
{
    connect(document, &ScenarioDocument::servicesChanged, this, &ServicesModel::sync);
    connect(document, &ScenarioDocument::scenarioReset, this, &ServicesModel::sync);
}

int ServicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_services.size());
}

int ServicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Service *ServicesModel::serviceAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_services.size()))
        return nullptr;
    return &m_services[std::size_t(row)];
}

int ServicesModel::rowOf(const QString &name) const
{
    const std::string key = name.toStdString();
    for (std::size_t i = 0; i < m_services.size(); ++i) {
        if (m_services[i].name == key)
            return static_cast<int>(i);
    }
    return -1;
}

QVariant ServicesModel::data(const QModelIndex &index, int role) const
{
    const Service *service = index.isValid() ? serviceAt(index.row()) : nullptr;
    if (!service || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == NameRole)
        return QString::fromStdString(service->name);
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case AcceleratorsColumn:
        case CapacityColumn:
        case ReplicasColumn:
        case ScaleUpColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return QString::fromStdString(service->name);
    case TenantColumn:
        return QString::fromStdString(service->tenant);
    case NodeTypeColumn:
        return service->nodeType.empty() ? tr("any") : QString::fromStdString(service->nodeType);
    case AcceleratorsColumn:
        return service->acceleratorsPerReplica;
    case CapacityColumn:
        return formatFigure(service->capacityRps);
    case ReplicasColumn:
        if (role == Qt::ToolTipRole)
            return tr("%1 (replicas × accelerators); autoscaled to %2% utilization")
                    .arg(replicasSummary(*service))
                    .arg(service->targetUtilization * 100.0, 0, 'g', 3);
        return service->minReplicas == service->maxReplicas ? QString::number(service->maxReplicas)
                                                            : QStringLiteral("%1–%2")
                                                                      .arg(service->minReplicas)
                                                                      .arg(service->maxReplicas);
    case ScaleUpColumn:
        return formatDuration(service->scaleUpDelayS);
    case LoadColumn:
        return loadSummary(service->load);
    }
    return {};
}

QVariant ServicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case TenantColumn:
            return tr("Tenant");
        case NodeTypeColumn:
            return tr("Node type");
        case AcceleratorsColumn:
            return tr("Acc./replica");
        case CapacityColumn:
            return tr("Capacity (rps)");
        case ReplicasColumn:
            return tr("Replicas");
        case ScaleUpColumn:
            return tr("Scale-up delay");
        case LoadColumn:
            return tr("Load");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn:
            return tr("Unique name of the service");
        case TenantColumn:
            return tr("Team or account the service belongs to");
        case NodeTypeColumn:
            return tr("Node type its replicas run on");
        case AcceleratorsColumn:
            return tr("Accelerators each replica holds");
        case CapacityColumn:
            return tr("Requests per second one replica serves");
        case ReplicasColumn:
            return tr("Minimum–maximum replicas the autoscaler keeps");
        case ScaleUpColumn:
            return tr("Time a new replica takes before it serves (start-up, model load)");
        case LoadColumn:
            return tr("Requests per second offered over the day");
        }
    }
    return {};
}

void ServicesModel::sync()
{
    const std::vector<Service> &now = m_document->scenario().services;
    const std::size_t oldSize = m_services.size();
    const std::size_t newSize = now.size();
    // First position where the lists differ.
    std::size_t first = 0;
    while (first < std::min(oldSize, newSize) && m_services[first] == now[first])
        ++first;
    if (oldSize == newSize) {
        for (std::size_t i = first; i < newSize; ++i) {
            if (m_services[i] == now[i])
                continue;
            m_services[i] = now[i];
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
        return;
    }
    if (newSize == oldSize + 1 &&
        std::equal(m_services.begin() + std::ptrdiff_t(first), m_services.end(),
                   now.begin() + std::ptrdiff_t(first) + 1)) {
        beginInsertRows({}, int(first), int(first));
        m_services.insert(m_services.begin() + std::ptrdiff_t(first), now[first]);
        endInsertRows();
        return;
    }
    if (newSize + 1 == oldSize && std::equal(now.begin() + std::ptrdiff_t(first), now.end(),
                                             m_services.begin() + std::ptrdiff_t(first) + 1)) {
        beginRemoveRows({}, int(first), int(first));
        m_services.erase(m_services.begin() + std::ptrdiff_t(first));
        endRemoveRows();
        return;
    }
    beginResetModel();
    m_services = now;
    endResetModel();
}

} // namespace headroom::ui
