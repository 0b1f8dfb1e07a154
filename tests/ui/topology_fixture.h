#pragma once

// What the topology view's suites share (test_topology_view.cpp, test_topology_drops.cpp): a
// small cluster, a view of it shown at 100 %, where to aim in it, and a whole drag delivered as
// the platform would deliver it.
#include "core/model/scenario.h"
#include "tests/support/scenario_builder.h"
#include "ui/dnd/drag_payload.h"
#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/run/run_controller.h"
#include "ui/topology/drop_indicator_item.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/rack_item.h"
#include "ui/topology/topology_scene.h"
#include "ui/topology/topology_view.h"
#include "ui/topology/zone_item.h"

#include <QtTest>

#include <memory>
#include <string>

namespace headroom::test::topology {

using namespace headroom::ui;

// Two zones: z0 holds r0 (4 nodes) and r1 (2 nodes) of an 8-accelerator type with a power
// model; z1 holds r2 with 2 nodes of a 4-accelerator type without one. Jobs: #1 needs 16
// accelerators (a gang), #2 needs 4, #3 needs 8.
inline Scenario smallScenario()
{
    Scenario s = test::ScenarioBuilder()
                         .nodes(4, 8, "gpu8", "r0", "z0")
                         .nodes(2, 8, "gpu8", "r1", "z0")
                         .nodes(2, 4, "gpu4", "r2", "z1")
                         .linearPower("gpu8", 1000, 6000)
                         .job(1, 0, 16, 100)
                         .job(2, 0, 4, 100)
                         .job(3, 0, 8, 100)
                         .build();
    s.jobs[1].name = "finetune";
    return s;
}

inline const Rack &rackNamed(const Scenario &s, const std::string &name)
{
    for (const Zone &zone : s.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            if (rack.name == name)
                return rack;
        }
    }
    static const Rack none;
    return none;
}

struct DragResult
{
    bool enterAccepted = false;
    Qt::DropAction enterAction = Qt::IgnoreAction;
    bool moveAccepted = false;
    bool dropAccepted = false;
    bool indicatorAllowed = false;
};

// A whole drag over the view, as the platform would deliver it to the viewport.
inline DragResult dragAndDrop(TopologyView &view, const DragPayload &payload,
                              const QPointF &scenePos,
                              Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    DragResult result;
    const std::unique_ptr<QMimeData> mime = toMimeData(payload);
    const QPoint pos = view.mapFromScene(scenePos);
    const Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction;
    QDragEnterEvent enter(pos, actions, mime.get(), Qt::LeftButton, modifiers);
    QCoreApplication::sendEvent(view.viewport(), &enter);
    result.enterAccepted = enter.isAccepted();
    result.enterAction = enter.dropAction();
    QDragMoveEvent move(pos, actions, mime.get(), Qt::LeftButton, modifiers);
    QCoreApplication::sendEvent(view.viewport(), &move);
    result.moveAccepted = move.isAccepted();
    if (const DropIndicatorItem *indicator = view.topologyScene()->dropIndicator())
        result.indicatorAllowed = indicator->isVisible() && indicator->isAllowed();
    QDropEvent drop(QPointF(pos), actions, mime.get(), Qt::LeftButton, modifiers);
    QCoreApplication::sendEvent(view.viewport(), &drop);
    result.dropAccepted = drop.isAccepted();
    return result;
}

inline QPointF tileCentre(const TopologyView &view, int node)
{
    return view.topologyScene()->tile(node)->sceneBoundingRect().center();
}

inline QPointF rackHeaderCentre(const TopologyView &view, int rack)
{
    const RackItem *item = view.topologyScene()->rackItem(rack);
    return item->mapToScene(item->headerRect().center());
}

inline QPointF zoneHeaderCentre(const TopologyView &view, int zone)
{
    const ZoneItem *item = view.topologyScene()->zoneItem(zone);
    return item->mapToScene(item->headerRect().topLeft() + QPointF(4, 4));
}

inline QPoint viewportPoint(const TopologyView &view, const QPointF &scenePos)
{
    return view.mapFromScene(scenePos);
}

// Everything a view needs, shown and laid out.
struct Fixture
{
    explicit Fixture(Scenario scenario = smallScenario())
        : document(std::move(scenario))
        , run(&document)
        , view(&document, &selection, &run)
    {
        view.resize(900, 700);
        view.show();
        view.resetZoom(); // 100 %: every tile large enough to aim at
        view.centerOn(0, 0);
        (void)QTest::qWaitForWindowExposed(&view);
    }

    ScenarioDocument document;
    Selection selection;
    RunController run;
    TopologyView view;
};

} // namespace headroom::test::topology
