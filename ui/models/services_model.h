#pragma once

#include "core/model/service.h"

#include <QAbstractTableModel>

#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// The scenario's inference services, one row each, for the Services dock: name, tenant, node
// type, accelerators per replica, capacity, replicas, scale-up delay and load.
//
// The document reports service changes with one coarse signal after the fact, so the model
// keeps its own copy and turns each change into the smallest insert/remove/change it can
// find (adding a service inserts a row, editing one changes a row), so a selection in the
// table survives both; anything else is a reset.
class ServicesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TenantColumn,
        NodeTypeColumn,
        AcceleratorsColumn,
        CapacityColumn,
        ReplicasColumn,
        ScaleUpColumn,
        LoadColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // QString: the service's name, its key
    };

    explicit ServicesModel(ScenarioDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Service *serviceAt(int row) const;
    int rowOf(const QString &name) const;

private:
    void sync();

    ScenarioDocument *m_document;
    std::vector<Service> m_services; // what the views have been told about
};

} // namespace headroom::ui
