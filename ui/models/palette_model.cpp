#include "ui/models/palette_model.h"

#include <QMimeData>

namespace headroom::ui {

PaletteModel::PaletteModel(const char *mimeType, QObject *parent)
    : QAbstractListModel(parent)
    , m_mimeType(mimeType)
{}

Qt::ItemFlags PaletteModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QStringList PaletteModel::mimeTypes() const
{
    return {QString::fromLatin1(m_mimeType)};
}

QMimeData *PaletteModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        if (std::optional<DragPayload> payload = payloadAt(index.row()))
            return toMimeData(*payload).release();
    }
    return nullptr;
}

Qt::DropActions PaletteModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace headroom::ui
