#pragma once

#include "core/model/node_type.h"
#include "ui/models/palette_model.h"

#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// The scenario's node types, one row each, for the palette (a drag source: dropping a node
// type on a rack adds nodes of it) and for node-type pickers.
//
// The document replaces the node-type list as a whole, after the fact, so the model keeps its
// own copy and turns each replacement into the smallest insert/remove/change it can find:
// adding a type inserts one row and editing one changes one row, so a selection in the
// palette survives both.
class NodeTypesModel : public PaletteModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString: the node type's name, the key elsewhere
        DetailRole,                  // QString: "8 × NVIDIA H100 SXM · 1.5–10.2 kW"
    };

    explicit NodeTypesModel(ScenarioDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const NodeType *nodeTypeAt(int row) const;
    int rowOf(const QString &name) const;

    // "8 × NVIDIA H100 SXM · 1.5–10.2 kW · 989 TFLOP/s": what a palette row says below the name.
    static QString detailText(const NodeType &type);
    // A swatch of a colour derived from the name (stable across runs) with the accelerator
    // count on it; the palette and the topology view can share it.
    static QIcon swatch(const NodeType &type);

protected:
    std::optional<DragPayload> payloadAt(int row) const override;

private:
    void sync();

    ScenarioDocument *m_document;
    std::vector<NodeType> m_types; // what the views have been told about
};

} // namespace headroom::ui
