#pragma once

#include "core/engine/node_power_state.h"
#include "ui/topology/topology_style.h"

#include <QGraphicsScene>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

class DropIndicatorItem;
class NodeTileItem;
class RackItem;
class ZoneItem;

// The cluster laid out as zone columns side by side, rack columns inside them and node tiles
// stacked in the racks (a very large rack wraps into several columns of tiles). Rebuilt from the
// scenario whenever the cluster changes (clusters are thousands of nodes: a rebuild takes
// milliseconds and keeps the items trivially in sync); between rebuilds only colours and outlines
// change, never geometry.
class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    // What lies under a scene position.
    struct Hit
    {
        enum class Part { None, Zone, ZoneHeader, Rack, RackHeader, Node };
        Part part = Part::None;
        int zone = -1; // index in Cluster::zones
        int rack = -1; // index over all racks, in topology order
        int node = -1; // index over all nodes, in topology order

        bool operator==(const Hit &) const = default;
    };

    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    void rebuild(const Scenario &scenario);
    // Recomputes colours and fonts (light/dark switch) and repaints.
    void setStyle(const QPalette &palette, const QFont &font);
    const TopologyStyle &topologyStyle() const { return m_style; }

    Hit hitTest(const QPointF &scenePos) const;
    // The outline of what a hit designates: a tile, a rack or a zone column.
    QRectF targetRect(const Hit &hit) const;
    // The column's outline, for fitting the view.
    QRectF contentRect() const { return m_content; }

    int zoneCount() const { return int(m_zones.size()); }
    int rackCount() const { return int(m_racks.size()); }
    int nodeCount() const { return int(m_tiles.size()); }
    ZoneItem *zoneItem(int zone) const { return m_zones[std::size_t(zone)].item; }
    RackItem *rackItem(int rack) const { return m_racks[std::size_t(rack)].item; }
    NodeTileItem *tile(int node) const { return m_tiles[std::size_t(node)]; }
    const std::vector<NodeTileItem *> &tiles() const { return m_tiles; }

    const std::string &zoneName(int zone) const { return m_zones[std::size_t(zone)].name; }
    const std::string &rackName(int rack) const { return m_racks[std::size_t(rack)].name; }
    const std::string &nodeName(int node) const { return m_nodeNames[std::size_t(node)]; }
    int zoneOfRack(int rack) const { return m_racks[std::size_t(rack)].zone; }
    int rackOfNode(int node) const { return m_nodeRack[std::size_t(node)]; }
    // Half-open ranges: the nodes of a rack and the racks of a zone, in topology order.
    std::pair<int, int> nodesOfRack(int rack) const
    {
        const RackLayout &r = m_racks[std::size_t(rack)];
        return {r.firstNode, r.firstNode + r.nodeCount};
    }
    std::pair<int, int> racksOfZone(int zone) const
    {
        const ZoneLayout &z = m_zones[std::size_t(zone)];
        return {z.firstRack, z.firstRack + z.rackCount};
    }
    // Position of the rack within its zone, and of the node within its rack.
    int rackInZone(int rack) const
    {
        return rack - m_zones[std::size_t(zoneOfRack(rack))].firstRack;
    }
    int nodeInRack(int node) const
    {
        return node - m_racks[std::size_t(rackOfNode(node))].firstNode;
    }

    // The zone, rack or node item of that name, or null.
    QGraphicsItem *itemForName(const std::string &name) const;
    // The name of a zone, rack or node item; empty for anything else.
    const std::string &nameOf(const QGraphicsItem *item) const;

    // Live values, topology order. -1 (or missing entries) means "no run loaded".
    void setBusy(const std::vector<int> &busy);
    // Power states per node (topology order); repaints only tiles whose state changed.
    void setPowerStates(const std::vector<NodePowerState> &states);
    void clearBusy();
    // One flag per node; repaints only tiles whose flag changed.
    void setJobHighlights(const std::vector<char> &highlighted);

    // Zoomed far out (the view decides: TopologyView::kOverviewZoom), a wrapped rack paints
    // its tiles from one image and its tile items paint nothing (they still select, hit and
    // drop as before): painting 16,384 tile items took tens of milliseconds per frame.
    void setOverview(bool shown);
    bool overviewShown() const { return m_overviewShown; }

    void showDropIndicator(const QRectF &rect, bool allowed);
    void hideDropIndicator();
    const DropIndicatorItem *dropIndicator() const { return m_dropIndicator; }

private:
    struct ZoneLayout
    {
        ZoneItem *item = nullptr;
        std::string name;
        QRectF rect;
        int firstRack = 0;
        int rackCount = 0;
    };
    struct RackLayout
    {
        RackItem *item = nullptr;
        std::string name;
        QRectF rect;
        int zone = 0;
        int firstNode = 0;
        int nodeCount = 0;
        int columns = 1; // of tiles; more than one once the rack wraps
        int rows = 0;    // tiles per column
    };

    QRectF tileRect(int node) const;
    // Applies `change(node)` (true when the tile's look changed) to every node and repaints
    // each rack with a change once: a frame that recolours every tile costs one update per
    // rack, not one per tile.
    template<typename Change>
    void changeTiles(Change &&change);
    // Recolours the overview image of a wrapped rack from its tiles.
    void refreshOverview(const RackLayout &rack);
    void refreshOverviews();
    QRectF tileRectIn(const RackLayout &rack, int slot) const;

    TopologyStyle m_style;
    std::vector<ZoneLayout> m_zones;
    std::vector<RackLayout> m_racks;
    std::vector<NodeTileItem *> m_tiles;
    std::vector<std::string> m_nodeNames;
    std::vector<int> m_nodeRack;
    std::unordered_map<std::string, QGraphicsItem *> m_byName;
    QRectF m_content;
    qreal m_tilesTop = 0; // scene y of the first tile slot in every rack
    DropIndicatorItem *m_dropIndicator = nullptr;
    bool m_overviewShown = false;
};

} // namespace headroom::ui
