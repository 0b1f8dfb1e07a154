#pragma once

#include "core/model/job.h"
#include "ui/models/palette_model.h"

#include <QString>

#include <vector>

namespace headroom::ui {

// A ready-made job the palette offers for dragging onto the cluster or the jobs table.
struct WorkloadTemplate
{
    QString label;  // "LLM pre-training"
    QString detail; // "64 GPUs · 3 d"
    QString description;
    Job job; // id 0: the drop gives it a fresh one
};

// The palette's fixed list of workload templates (drag source with a JobTemplate payload).
class WorkloadTemplatesModel : public PaletteModel
{
    Q_OBJECT

public:
    enum Role { DetailRole = Qt::UserRole + 2 };

    explicit WorkloadTemplatesModel(QObject *parent = nullptr);

    // The built-in table, in palette order.
    static const std::vector<WorkloadTemplate> &builtIn();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const WorkloadTemplate *templateAt(int row) const;

protected:
    std::optional<DragPayload> payloadAt(int row) const override;
};

} // namespace headroom::ui
