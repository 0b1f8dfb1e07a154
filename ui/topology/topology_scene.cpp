#include "ui/topology/topology_scene.h"

#include "core/model/scenario.h"
#include "ui/topology/drop_indicator_item.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/rack_item.h"
#include "ui/topology/zone_item.h"

#include <QApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace headroom::ui {
namespace {

using S = TopologyStyle;

constexpr qreal kTilePitch = S::kTileHeight + S::kTileGap;
constexpr qreal kTileWidth = S::kRackWidth - 2 * S::kRackPadding;
constexpr qreal kColumnPitch = kTileWidth + S::kTileColumnGap;

// Tile columns and rows of a rack of `nodes` nodes (S::kMaxRackRows says when it wraps).
std::pair<int, int> rackGrid(int nodes)
{
    if (nodes <= S::kMaxRackRows)
        return {1, std::max(nodes, 0)};
    // columns × pitch : rows × pitch ≈ kWrapAspect, with columns × rows ≈ nodes.
    const int columns = std::max(
            2, int(std::ceil(std::sqrt(nodes * kTilePitch * S::kWrapAspect / kColumnPitch))));
    return {columns, (nodes + columns - 1) / columns};
}

qreal rackWidth(int columns)
{
    return 2 * S::kRackPadding + columns * kColumnPitch - S::kTileColumnGap;
}

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
    // No BSP index: the fitted view shows every tile, so an index saves nothing when painting,
    // and building it for 16,384 tiles held the first paint for 200 ms (issue 11). Hit tests
    // are arithmetic (hitTest()); Qt's own item queries (a click, a rubber band) walk the
    // items once, well under a millisecond.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    setStyle(QApplication::palette(), QApplication::font());
    // The overview shows selected tiles in the selection colour.
    connect(this, &QGraphicsScene::selectionChanged, this, [this] { refreshOverviews(); });
}

TopologyScene::~TopologyScene()
{
    // ~QGraphicsScene deletes the items, which emits selectionChanged for selected ones after
    // this class's members are gone.
    disconnect(this, &QGraphicsScene::selectionChanged, this, nullptr);
}

void TopologyScene::setStyle(const QPalette &palette, const QFont &font)
{
    m_style.update(palette, font);
    setBackgroundBrush(m_style.background);
    refreshOverviews();
    update();
}

void TopologyScene::rebuild(const Scenario &scenario)
{
    m_dropIndicator = nullptr;
    // Before clear(): deleting selected items emits selectionChanged, and nothing may reach
    // the items through these then.
    m_zones.clear();
    m_racks.clear();
    m_tiles.clear();
    m_nodeNames.clear();
    m_nodeRack.clear();
    m_byName.clear();
    clear();
    m_style.clearTextCache(); // after clear(): no tile points into it any more

    const Cluster &cluster = scenario.cluster;
    const int nodeTotal = cluster.nodeCount();
    m_tiles.reserve(std::size_t(nodeTotal));
    m_nodeNames.reserve(std::size_t(nodeTotal));
    m_nodeRack.reserve(std::size_t(nodeTotal));
    m_byName.reserve(std::size_t(nodeTotal) * 2);

    // Every rack column is as tall as the tallest rack, so the columns line up and the empty
    // part of a short rack is still the rack when something is dropped on it.
    int mostRows = 0;
    for (const Zone &zone : cluster.zones) {
        for (const Rack &rack : zone.racks)
            mostRows = std::max(mostRows, rackGrid(int(rack.nodes.size())).second);
    }
    const qreal slots = std::max<qreal>(qreal(mostRows), S::kEmptyRackSlots);
    const qreal rackHeight =
            S::kRackHeader + S::kRackPadding + slots * kTilePitch - S::kTileGap + S::kRackPadding;
    const qreal zoneHeight = S::kZoneHeader + rackHeight + S::kZonePadding;
    const qreal top = 0;
    m_tilesTop = top + S::kZoneHeader + S::kRackHeader + S::kRackPadding;

    const QFontMetricsF tileMetrics(m_style.tileFont);
    // Room for a node's name: the tile less the widest count it will show ("8/8"), measured
    // once per accelerator count rather than once per node.
    std::map<int, qreal> labelWidths;
    auto labelWidth = [&](int accelerators) {
        auto [at, added] = labelWidths.try_emplace(accelerators, 0.0);
        if (added) {
            const qreal countWidth = tileMetrics.horizontalAdvance(
                    QString::number(accelerators) + u'/' + QString::number(accelerators));
            at->second =
                    kTileWidth - NodeTileItem::kLabelX - NodeTileItem::kPadding - countWidth - 4;
        }
        return at->second;
    };
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
            std::tie(rl.columns, rl.rows) = rackGrid(rl.nodeCount);
            const qreal width = rackWidth(rl.columns);
            rl.rect = QRectF(rackX, rackTop, width, rackHeight);
            const int rackIndex = int(m_racks.size());
            // An empty column says so in its body; its header keeps the room for the name.
            const QString subtitle = rack.nodes.empty() ? QString() : nodesText(rl.nodeCount);
            rl.item = new RackItem(&m_style, rackIndex,
                                   headerTitle(rackMetrics, q(rack.name), subtitle, width),
                                   subtitle, rl.rect, S::kRackHeader);
            rl.item->setZValue(1);
            if (rack.nodes.empty())
                rl.item->setEmptyHint(tr("Drop a node type here"));
            addItem(rl.item);
            m_byName.emplace(rack.name, rl.item);

            for (const NodeSpec &node : rack.nodes) {
                const NodeType *type = scenario.findNodeType(node.type);
                const int accelerators = type ? type->accelerators : 0;
                auto *tile = new NodeTileItem(&m_style, nodeIndex, q(node.name),
                                              labelWidth(accelerators), accelerators,
                                              QSizeF(kTileWidth, S::kTileHeight));
                tile->setPos(tileRectIn(rl, nodeIndex - rl.firstNode).topLeft());
                addItem(tile);
                m_tiles.push_back(tile);
                m_nodeNames.push_back(node.name);
                m_nodeRack.push_back(rackIndex);
                m_byName.emplace(node.name, tile);
                ++nodeIndex;
            }
            if (rl.columns > 1) {
                QImage overview(rl.columns, rl.rows, QImage::Format_RGB32);
                overview.fill(m_style.rackFill); // the slots after the last node
                const QRectF grid(rl.rect.left() + S::kRackPadding, m_tilesTop,
                                  rl.columns * kColumnPitch - S::kTileColumnGap,
                                  rl.rows * kTilePitch - S::kTileGap);
                rl.item->setOverview(overview, grid);
                rl.item->setOverviewShown(m_overviewShown);
                for (int node = rl.firstNode; node < nodeIndex; ++node)
                    m_tiles[std::size_t(node)]->setFlag(QGraphicsItem::ItemHasNoContents,
                                                        m_overviewShown);
                refreshOverview(rl);
            }
            zoneNodes += rl.nodeCount;
            m_racks.push_back(std::move(rl));
            rackX += width + S::kRackGap;
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

QRectF TopologyScene::tileRectIn(const RackLayout &rack, int slot) const
{
    const int rows = std::max(rack.rows, 1);
    return QRectF(rack.rect.left() + S::kRackPadding + (slot / rows) * kColumnPitch,
                  m_tilesTop + (slot % rows) * kTilePitch, kTileWidth, S::kTileHeight);
}

QRectF TopologyScene::tileRect(int node) const
{
    const RackLayout &rack = m_racks[std::size_t(rackOfNode(node))];
    return tileRectIn(rack, node - rack.firstNode);
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
            const qreal dy = p.y() - m_tilesTop;
            const qreal dx = p.x() - rack.rect.left() - S::kRackPadding;
            if (dx >= 0 && dy >= 0) {
                const int row = int(dy / kTilePitch);
                const int slot = int(dx / kColumnPitch) * rack.rows + row;
                if (row < rack.rows && slot < rack.nodeCount &&
                    tileRectIn(rack, slot).contains(p)) {
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

template<typename Change>
void TopologyScene::changeTiles(Change &&change)
{
    for (const RackLayout &rack : m_racks) {
        bool changed = false;
        for (int node = rack.firstNode; node < rack.firstNode + rack.nodeCount; ++node)
            changed |= change(node);
        if (changed) {
            refreshOverview(rack);
            update(rack.rect);
        }
    }
}

void TopologyScene::refreshOverview(const RackLayout &rack)
{
    if (rack.columns <= 1)
        return;
    QImage &image = rack.item->overview();
    for (int slot = 0; slot < rack.nodeCount; ++slot) {
        const NodeTileItem *tile = m_tiles[std::size_t(rack.firstNode + slot)];
        image.setPixel(slot / rack.rows, slot % rack.rows, tile->overviewColor(tile->isSelected()));
    }
}

void TopologyScene::refreshOverviews()
{
    bool any = false;
    for (const RackLayout &rack : m_racks) {
        if (rack.columns > 1) {
            refreshOverview(rack);
            any = true;
        }
    }
    if (any)
        update();
}

void TopologyScene::setOverview(bool shown)
{
    if (shown == m_overviewShown)
        return;
    m_overviewShown = shown;
    for (const RackLayout &rack : m_racks) {
        if (rack.columns <= 1)
            continue;
        rack.item->setOverviewShown(shown);
        for (int node = rack.firstNode; node < rack.firstNode + rack.nodeCount; ++node)
            m_tiles[std::size_t(node)]->setFlag(QGraphicsItem::ItemHasNoContents, shown);
        update(rack.rect);
    }
}

void TopologyScene::setBusy(const std::vector<int> &busy)
{
    const int n = int(std::min(busy.size(), m_tiles.size()));
    changeTiles([&](int node) {
        return node < n &&
               m_tiles[std::size_t(node)]->setBusy(std::max(busy[std::size_t(node)], 0));
    });
}

void TopologyScene::setPowerStates(const std::vector<NodePowerState> &states)
{
    using P = NodeTileItem::PowerState;
    const int n = int(std::min(states.size(), m_tiles.size()));
    changeTiles([&](int node) {
        if (node >= n)
            return false;
        switch (states[std::size_t(node)]) {
        case NodePowerState::Off:
            return m_tiles[std::size_t(node)]->setSwitched(P::Off);
        case NodePowerState::Booting:
            return m_tiles[std::size_t(node)]->setSwitched(P::Booting);
        case NodePowerState::ShuttingDown:
            return m_tiles[std::size_t(node)]->setSwitched(P::ShuttingDown);
        case NodePowerState::Down:
            return m_tiles[std::size_t(node)]->setSwitched(P::Down);
        case NodePowerState::Idle:
        case NodePowerState::Busy:
            break;
        }
        return m_tiles[std::size_t(node)]->setSwitched(P::Idle);
    });
}

void TopologyScene::clearBusy()
{
    changeTiles([&](int node) {
        NodeTileItem *tile = m_tiles[std::size_t(node)];
        // Both, whatever the first says.
        const bool busyChanged = tile->setBusy(-1);
        return tile->setSwitched(NodeTileItem::PowerState::Idle) || busyChanged;
    });
}

void TopologyScene::setJobHighlights(const std::vector<char> &highlighted)
{
    changeTiles([&](int node) {
        const std::size_t i = std::size_t(node);
        return m_tiles[i]->setJobHighlighted(i < highlighted.size() && highlighted[i]);
    });
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
