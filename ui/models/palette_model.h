#pragma once

#include "ui/dnd/drag_payload.h"

#include <QAbstractListModel>

#include <optional>

namespace headroom::ui {

// A palette list: read-only rows the user drags out as copies, each carrying one
// DragPayload of a single MIME type (node types, workload templates). Subclasses give the
// rows, their data and the payload of a row.
class PaletteModel : public QAbstractListModel
{
    Q_OBJECT

public:
    PaletteModel(const char *mimeType, QObject *parent);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    // One payload per drag: the first selected row's.
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

protected:
    // What dragging `row` carries; nothing for a row that is not there.
    virtual std::optional<DragPayload> payloadAt(int row) const = 0;

private:
    const char *m_mimeType;
};

} // namespace headroom::ui
