#include "ui/topology/topology_scene.h"

#include "core/model/scenario.h"
#include "ui/topology/drop_indicator_item.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/rack_item.h"
#include "ui/topology/zone_item.h"

#include <QApplication>
#include <QFontMetricsF>

#include <algorithm>

namespace headroom::ui {
namespace {

using S = TopologyStyle;

constexpr qreal kTilePitch = S::kTileHeight + S::kTileGap;
constexpr qreal kTileWidth = S::kRackWidth - 2 * S::kRackPadding;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::TopologyScene", text);
}

// Spelled out rather than "%n node(s)": without a loaded translation Qt prints the "(s)".
QString nodesText(int n)
{
    return n == 1 ? tr("1 node") : tr("%1 nodes").arg(n);
}

QString racksText(int n)
{
    return n == 1 ? tr("1 rack") : tr("%1 racks").arg(n);
}

} // namespace

TopologyScene::TopologyScene(QObject *parent)
    : QGraphicsScene(parent)
{
    // The items are static between rebuilds (live updates change colours, not geometry), so
    // the BSP index pays for itself: painting and hit-testing thousands of tiles only visits
    // the visible ones. It is the default; said here because it is a deliberate choice.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setStyle(QApplication::palette(), QApplication::font());
}

TopologyScene::~TopologyScene() = default;

void TopologyScene::setStyle(const QPalette &palette, const QFont &font)
{
    m_style.update(palette, font);
    setBackgroundBrush(m_style.background);
    update();
}

void TopologyScene::rebuild(const Scenario &scenario)
{
    m_dropIndicator = nullptr;
    clear();
    m_style.clearTextCache(); // after clear(): no tile points into it any more
    m_zones.clear();
    m_racks.clear();
    m_tiles.clear();
    m_nodeNames.clear();
    m_nodeRack.clear();
    m_byName.clear();

    const Cluster &cluster = scenario.cluster;
    const int nodeTotal = cluster.nodeCount();
    m_tiles.reserve(std::size_t(nodeTotal));
    m_nodeNames.reserve(std::size_t(nodeTotal));
    m_nodeRack.reserve(std::size_t(nodeTotal));
    m_byName.reserve(std::size_t(nodeTotal) * 2);

    // Every rack column is as tall as the fullest rack, so the columns line up and the empty
    // part of a short rack is still the rack when something is dropped on it.
    std::size_t mostNodes = 0;
    for (const Zone &zone : cluster.zones) {
        for (const Rack &rack : zone.racks)
            mostNodes = std::max(mostNodes, rack.nodes.size());
    }
    const qreal slots = std::max<qreal>(qreal(mostNodes), S::kEmptyRackSlots);
    const qreal rackHeight =
            S::kRackHeader + S::kRackPadding + slots * kTilePitch - S::kTileGap + S::kRackPadding;
    const qreal zoneHeight = S::kZoneHeader + rackHeight + S::kZonePadding;
    const qreal top = 0;
    m_tilesTop = top + S::kZoneHeader + S::kRackHeader + S::kRackPadding;

    const QFontMetricsF tileMetrics(m_style.tileFont);
    const QFontMetricsF rackMetrics(m_style.rackFont);
    const QFontMetricsF zoneMetrics(m_style.zoneFont);
    auto headerTitle = [](const QFontMetricsF &metrics, const QString &title,
                          const QString &subtitle, qreal width) {
        const qreal room =
                width - 16 - (subtitle.isEmpty() ? 0 : metrics.horizontalAdvance(subtitle) + 8);
        return metrics.elidedText(title, Qt::ElideMiddle, std::max<qreal>(room, 0));
    };

    qreal x = 0;
    int nodeIndex = 0;
    for (const Zone &zone : cluster.zones) {
        ZoneLayout zl;
        zl.name = zone.name;
        zl.firstRack = int(m_racks.size());
        zl.rackCount = int(zone.racks.size());
        const int zoneIndex = int(m_zones.size());
        qreal rackX = x + S::kZonePadding;
        const qreal rackTop = top + S::kZoneHeader;
        int zoneNodes = 0;
        for (const Rack &rack : zone.racks) {
            RackLayout rl;
            rl.name = rack.name;
            rl.zone = zoneIndex;
            rl.firstNode = nodeIndex;
            rl.nodeCount = int(rack.nodes.size());
            rl.rect = QRectF(rackX, rackTop, S::kRackWidth, rackHeight);
            const int rackIndex = int(m_racks.size());
            // An empty column says so in its body; its header keeps the room for the name.
            const QString subtitle = rack.nodes.empty() ? QString() : nodesText(rl.nodeCount);
            rl.item = new RackItem(&m_style, rackIndex,
                                   headerTitle(rackMetrics, q(rack.name), subtitle, S::kRackWidth),
                                   subtitle, rl.rect, S::kRackHeader);
            rl.item->setZValue(1);
            if (rack.nodes.empty())
                rl.item->setEmptyHint(tr("Drop a node type here"));
            addItem(rl.item);
            m_byName.emplace(rack.name, rl.item);

            qreal tileY = m_tilesTop;
            for (const NodeSpec &node : rack.nodes) {
                const NodeType *type = scenario.findNodeType(node.type);
                const int accelerators = type ? type->accelerators : 0;
                // Room for the widest count the tile will show ("8/8").
                const qreal countWidth = tileMetrics.horizontalAdvance(
                        QString::number(accelerators) + u'/' + QString::number(accelerators));
                const qreal labelWidth = kTileWidth - NodeTileItem::kLabelX -
                                         NodeTileItem::kPadding - countWidth - 4;
                // The whole name, unique in the cluster: "n01" in two racks would read as one
                // node twice.
                const QString label =
                        tileMetrics.elidedText(q(node.name), Qt::ElideMiddle, labelWidth);
                auto *tile = new NodeTileItem(&m_style, nodeIndex, label, accelerators,
                                              QSizeF(kTileWidth, S::kTileHeight));
                tile->setPos(rackX + S::kRackPadding, tileY);
                addItem(tile);
                m_tiles.push_back(tile);
                m_nodeNames.push_back(node.name);
                m_nodeRack.push_back(rackIndex);
                m_byName.emplace(node.name, tile);
                tileY += kTilePitch;
                ++nodeIndex;
            }
            zoneNodes += rl.nodeCount;
            m_racks.push_back(std::move(rl));
            rackX += S::kRackWidth + S::kRackGap;
        }
        const qreal width = zone.racks.empty() ? S::kEmptyZoneWidth + 2 * S::kZonePadding
                                               : rackX - S::kRackGap + S::kZonePadding - x;
        zl.rect = QRectF(x, top, width, zoneHeight);
        const QString subtitle =
                zone.racks.size() > 1
                        ? racksText(zl.rackCount) + QStringLiteral(" · ") + nodesText(zoneNodes)
                        : (zone.racks.empty() ? QString() : nodesText(zoneNodes));
        zl.item = new ZoneItem(&m_style, zoneIndex,
                               headerTitle(zoneMetrics, q(zone.name), subtitle, width), subtitle,
                               zl.rect, S::kZoneHeader);
        zl.item->setZValue(0);
        if (zone.racks.empty())
            zl.item->setEmptyHint(tr("Drop a node type here"));
        addItem(zl.item);
        m_byName.emplace(zone.name, zl.item);
        m_zones.push_back(std::move(zl));
        x += width + S::kZoneGap;
    }

    m_content = m_zones.empty() ? QRectF() : QRectF(0, top, x - S::kZoneGap, zoneHeight);
    // A fixed scene rect: Qt would otherwise recompute the items' bounding rect after every
    // change. The margin is the one fitToView() leaves, so a fitted view needs no scroll bars;
    // wherever the view shows more than the scene, that is empty area to drop on too.
    const qreal margin = S::kZoneGap;
    setSceneRect(m_zones.empty() ? QRectF(0, 0, 480, 320)
                                 : m_content.adjusted(-margin, -margin, margin, margin));
}

QRectF TopologyScene::tileRect(int node) const
{
    const RackLayout &rack = m_racks[std::size_t(rackOfNode(node))];
    const int slot = node - rack.firstNode;
    return QRectF(rack.rect.left() + S::kRackPadding, m_tilesTop + slot * kTilePitch, kTileWidth,
                  S::kTileHeight);
}

TopologyScene::Hit TopologyScene::hitTest(const QPointF &p) const
{
    Hit hit;
    // Zones and racks are few (tens to hundreds); tiles are found arithmetically, so a drag
    // move over thousands of nodes costs next to nothing.
    for (std::size_t z = 0; z < m_zones.size(); ++z) {
        const ZoneLayout &zone = m_zones[z];
        if (!zone.rect.contains(p))
            continue;
        hit.zone = int(z);
        if (p.y() < zone.rect.top() + S::kZoneHeader) {
            hit.part = Hit::Part::ZoneHeader;
            return hit;
        }
        hit.part = Hit::Part::Zone;
        for (int r = zone.firstRack; r < zone.firstRack + zone.rackCount; ++r) {
            const RackLayout &rack = m_racks[std::size_t(r)];
            if (!rack.rect.contains(p))
                continue;
            hit.rack = r;
            if (p.y() < rack.rect.top() + S::kRackHeader) {
                hit.part = Hit::Part::RackHeader;
                return hit;
            }
            hit.part = Hit::Part::Rack;
            const qreal offset = p.y() - m_tilesTop;
            if (offset >= 0) {
                const int slot = int(offset / kTilePitch);
                const QRectF tile =
                        QRectF(rack.rect.left() + S::kRackPadding, m_tilesTop + slot * kTilePitch,
                               kTileWidth, S::kTileHeight);
                if (slot < rack.nodeCount && tile.contains(p)) {
                    hit.part = Hit::Part::Node;
                    hit.node = rack.firstNode + slot;
                }
            }
            return hit;
        }
        return hit;
    }
    return hit;
}

QRectF TopologyScene::targetRect(const Hit &hit) const
{
    switch (hit.part) {
    case Hit::Part::Node:
        return tileRect(hit.node);
    case Hit::Part::Rack:
    case Hit::Part::RackHeader:
        return m_racks[std::size_t(hit.rack)].rect;
    case Hit::Part::Zone:
    case Hit::Part::ZoneHeader:
        return m_zones[std::size_t(hit.zone)].rect;
    case Hit::Part::None:
        break;
    }
    return sceneRect().adjusted(4, 4, -4, -4);
}

QGraphicsItem *TopologyScene::itemForName(const std::string &name) const
{
    const auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : it->second;
}

const std::string &TopologyScene::nameOf(const QGraphicsItem *item) const
{
    static const std::string none;
    if (!item)
        return none;
    switch (item->type()) {
    case NodeTileItem::Type:
        return nodeName(static_cast<const NodeTileItem *>(item)->index());
    case RackItem::Type:
        return rackName(static_cast<const RackItem *>(item)->index());
    case ZoneItem::Type:
        return zoneName(static_cast<const ZoneItem *>(item)->index());
    default:
        return none;
    }
}

void TopologyScene::setBusy(const std::vector<int> &busy)
{
    const std::size_t n = std::min(busy.size(), m_tiles.size());
    for (std::size_t i = 0; i < n; ++i)
        m_tiles[i]->setBusy(std::max(busy[i], 0));
}

void TopologyScene::setPowerStates(const std::vector<NodePowerState> &states)
{
    using P = NodeTileItem::PowerState;
    const std::size_t n = std::min(states.size(), m_tiles.size());
    for (std::size_t i = 0; i < n; ++i) {
        switch (states[i]) {
        case NodePowerState::Off:
            m_tiles[i]->setSwitched(P::Off);
            break;
        case NodePowerState::Booting:
            m_tiles[i]->setSwitched(P::Booting);
            break;
        case NodePowerState::ShuttingDown:
            m_tiles[i]->setSwitched(P::ShuttingDown);
            break;
        case NodePowerState::Down:
            m_tiles[i]->setSwitched(P::Down);
            break;
        case NodePowerState::Idle:
        case NodePowerState::Busy:
            m_tiles[i]->setSwitched(P::Idle);
            break;
        }
    }
}

void TopologyScene::clearBusy()
{
    for (NodeTileItem *tile : m_tiles) {
        tile->setBusy(-1);
        tile->setSwitched(NodeTileItem::PowerState::Idle);
    }
}

void TopologyScene::setJobHighlights(const std::vector<char> &highlighted)
{
    for (std::size_t i = 0; i < m_tiles.size(); ++i)
        m_tiles[i]->setJobHighlighted(i < highlighted.size() && highlighted[i]);
}

void TopologyScene::showDropIndicator(const QRectF &rect, bool allowed)
{
    if (!m_dropIndicator) {
        m_dropIndicator = new DropIndicatorItem(&m_style);
        addItem(m_dropIndicator);
    }
    m_dropIndicator->setTarget(rect, allowed);
    m_dropIndicator->update();
    m_dropIndicator->show();
}

void TopologyScene::hideDropIndicator()
{
    if (m_dropIndicator)
        m_dropIndicator->hide();
}

} // namespace headroom::ui
