#include "ui/models/node_types_model.h"

#include "report/report_format.h"
#include "ui/color.h"
#include "ui/document/scenario_document.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace headroom::ui {

NodeTypesModel::NodeTypesModel(ScenarioDocument *document, QObject *parent)
    : PaletteModel(mime::kNodeType, parent)
    , m_document(document)
    , m_types(document->scenario().nodeTypes)
{
    connect(document, &ScenarioDocument::nodeTypesChanged, this, &NodeTypesModel::sync);
    connect(document, &ScenarioDocument::scenarioAboutToBeReset, this,
            &NodeTypesModel::beginResetModel);
    connect(document, &ScenarioDocument::scenarioReset, this, [this] {
        m_types = m_document->scenario().nodeTypes;
        endResetModel();
    });
}

void NodeTypesModel::sync()
{
    const std::vector<NodeType> &next = m_document->scenario().nodeTypes;
    if (next == m_types)
        return;
    if (next.size() == m_types.size()) {
        // An edit in place (the only way the document changes a type): rows keep identity.
        int first = -1;
        int last = -1;
        for (std::size_t i = 0; i < next.size(); ++i) {
            if (!(next[i] == m_types[i])) {
                if (first < 0)
                    first = static_cast<int>(i);
                last = static_cast<int>(i);
            }
        }
        m_types = next;
        Q_EMIT dataChanged(index(first), index(last));
        return;
    }
    // Otherwise an insertion or removal somewhere: keep the common prefix and suffix.
    std::size_t prefix = 0;
    while (prefix < next.size() && prefix < m_types.size() && next[prefix] == m_types[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < next.size() - prefix && suffix < m_types.size() - prefix &&
           next[next.size() - 1 - suffix] == m_types[m_types.size() - 1 - suffix])
        ++suffix;
    const std::size_t oldMiddle = m_types.size() - prefix - suffix;
    const std::size_t newMiddle = next.size() - prefix - suffix;
    if (oldMiddle > 0) {
        beginRemoveRows({}, static_cast<int>(prefix), static_cast<int>(prefix + oldMiddle - 1));
        m_types.erase(m_types.begin() + static_cast<std::ptrdiff_t>(prefix),
                      m_types.begin() + static_cast<std::ptrdiff_t>(prefix + oldMiddle));
        endRemoveRows();
    }
    if (newMiddle > 0) {
        beginInsertRows({}, static_cast<int>(prefix), static_cast<int>(prefix + newMiddle - 1));
        m_types.insert(m_types.begin() + static_cast<std::ptrdiff_t>(prefix),
                       next.begin() + static_cast<std::ptrdiff_t>(prefix),
                       next.begin() + static_cast<std::ptrdiff_t>(prefix + newMiddle));
        endInsertRows();
    }
}

int NodeTypesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_types.size());
}

const NodeType *NodeTypesModel::nodeTypeAt(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_types.size())
        return nullptr;
    return &m_types[static_cast<std::size_t>(row)];
}

int NodeTypesModel::rowOf(const QString &name) const
{
    const std::string key = name.toStdString();
    for (std::size_t i = 0; i < m_types.size(); ++i) {
        if (m_types[i].name == key)
            return static_cast<int>(i);
    }
    return -1;
}

QString NodeTypesModel::detailText(const NodeType &type)
{
    QStringList parts;
    const QString model = type.acceleratorModel.empty()
                                  ? tr("accelerators")
                                  : QString::fromStdString(type.acceleratorModel);
    parts << QStringLiteral("%1 × %2").arg(type.accelerators).arg(model);
    if (type.power.maxW() > 0.0)
        parts << report::powerRange(type.power.idleW(), type.power.maxW());
    if (type.peakTflopsPerAccelerator > 0.0)
        parts << tr("%1 TFLOP/s").arg(type.peakTflopsPerAccelerator, 0, 'g', 4);
    return parts.join(QStringLiteral(" · "));
}

QIcon NodeTypesModel::swatch(const NodeType &type)
{
    const int hue = stableHue(type.name);
    const QColor fill = QColor::fromHsv(hue, 110, 200);
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(fill.darker(150));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(1.5, 3.5, 29, 25), 4, 4);
    QFont font = painter.font();
    font.setPixelSize(12);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(fill.lightness() > 140 ? QColor(30, 30, 30) : Qt::white);
    painter.drawText(QRectF(1.5, 3.5, 29, 25), Qt::AlignCenter, QString::number(type.accelerators));
    return QIcon(pixmap);
}

QVariant NodeTypesModel::data(const QModelIndex &index, int role) const
{
    const NodeType *type =
            index.isValid() && index.column() == 0 ? nodeTypeAt(index.row()) : nullptr;
    if (!type)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case NameRole:
        return QString::fromStdString(type->name);
    case DetailRole:
        return detailText(*type);
    case Qt::DecorationRole:
        return swatch(*type);
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>%2")
                              .arg(QString::fromStdString(type->name).toHtmlEscaped(),
                                   detailText(*type).toHtmlEscaped());
        if (type->bootS > 0.0)
            tip += tr("<br>Boots in %1 s").arg(type->bootS);
        if (!type->source.empty())
            tip += tr("<br>Source: %1").arg(QString::fromStdString(type->source).toHtmlEscaped());
        tip += tr("<br><i>Drag onto a rack to add nodes of this type.</i>");
        return tip;
    }
    default:
        return {};
    }
}

std::optional<DragPayload> NodeTypesModel::payloadAt(int row) const
{
    const NodeType *type = nodeTypeAt(row);
    if (!type)
        return std::nullopt;
    DragPayload payload;
    payload.kind = DragPayload::Kind::NodeType;
    payload.nodeType = type->name;
    return payload;
}

} // namespace headroom::ui
