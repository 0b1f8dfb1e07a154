// The topology editor: layout, selection sync with the shared Selection, live utilization and
// job highlighting, tooltips, delete/duplicate, names, zoom, palettes and a 2,048-node
// cluster. Drag and drop has its own suite, test_topology_drops.cpp.
#include "core/io/scenario_json.h"
#include "core/model/scenario.h"
#include "tests/support/scenario_builder.h"
#include "tests/ui/topology_fixture.h"
#include "ui/dnd/drag_payload.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/rack_item.h"
#include "ui/topology/topology_scene.h"
#include "ui/topology/topology_view.h"
#include "ui/topology/zone_item.h"

#include <QGraphicsItem>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>

#include <memory>
#include <string>

using namespace headroom;
using namespace headroom::ui;
using namespace headroom::test::topology;

namespace {

Scenario largeScenario(int racks, int nodesPerRack)
{
    test::ScenarioBuilder builder;
    for (int r = 0; r < racks; ++r) {
        const std::string zone = r < racks / 2 ? "za" : "zb";
        builder.nodes(nodesPerRack, 8, "gpu8", "rack" + std::to_string(r), zone);
    }
    return builder.build();
}

int countItems(const QGraphicsScene *scene, int type)
{
    int count = 0;
    for (const QGraphicsItem *item : scene->items()) {
        if (item->type() == type)
            ++count;
    }
    return count;
}

std::size_t nodeIndexOf(const Scenario &s, const std::string &name)
{
    std::size_t index = 0;
    for (const Zone &zone : s.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes) {
                if (node.name == name)
                    return index;
                ++index;
            }
        }
    }
    return std::size_t(-1);
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tilesMatchTheCluster();
    void layoutHasNoOverlaps();
    void selectionFollowsTheSharedSelection();
    void clicksSelectNodesRacksAndZones();
    void rubberBandSelectsNodes();
    void clickingANodeSelectsItsJobs();
    void selectedJobsHighlightTheirNodes();
    void snapshotsColourTilesAndResetClearsThem();
    void toolTipShowsLiveState();
    void deleteSelectionAndUndoRestoreTheScenario();
    void duplicateSelectionCopiesNodes();
    void tilesShowWholeUniqueNames();
    void selectAllSelectsEveryNode();
    void renameRefusalSaysWhy();
    void rebuildKeepsSelectionByName();
    void zoomKeysAndWheel();
    void followsLightAndDarkPalettes_data();
    void followsLightAndDarkPalettes();
    void destroyingTheViewLeavesTheSharedSelection();
    void largeClusterBuilds();
    void wideRackWrapsIntoABlock();
};

void TestTopologyView::tilesMatchTheCluster()
{
    Fixture f;
    const TopologyScene *scene = f.view.topologyScene();
    QCOMPARE(countItems(scene, NodeTileItem::Type), f.document.scenario().cluster.nodeCount());
    QCOMPARE(scene->nodeCount(), 8);
    QCOMPARE(countItems(scene, RackItem::Type), 3);
    QCOMPARE(countItems(scene, ZoneItem::Type), 2);
    // Topology order, and the accelerators of each node's type.
    QCOMPARE(scene->nodeName(0), std::string("r0-n0"));
    QCOMPARE(scene->nodeName(4), std::string("r1-n0"));
    QCOMPARE(scene->nodeName(7), std::string("r2-n1"));
    QCOMPARE(scene->tile(0)->accelerators(), 8);
    QCOMPARE(scene->tile(7)->accelerators(), 4);
    QCOMPARE(scene->tile(0)->busy(), -1);
}

void TestTopologyView::layoutHasNoOverlaps()
{
    Fixture f;
    const TopologyScene *scene = f.view.topologyScene();
    for (int a = 0; a < scene->nodeCount(); ++a) {
        const QRectF ra = scene->targetRect({TopologyScene::Hit::Part::Node, -1, -1, a});
        const RackItem *rack = scene->rackItem(scene->rackOfNode(a));
        QVERIFY(rack->rect().contains(ra));
        QVERIFY(!rack->headerRect().intersects(ra));
        for (int b = a + 1; b < scene->nodeCount(); ++b) {
            const QRectF rb = scene->targetRect({TopologyScene::Hit::Part::Node, -1, -1, b});
            QVERIFY2(!ra.intersects(rb), qPrintable(QString("tiles %1 and %2").arg(a).arg(b)));
        }
    }
    for (int r = 0; r < scene->rackCount(); ++r) {
        const ZoneItem *zone = scene->zoneItem(scene->zoneOfRack(r));
        QVERIFY(zone->rect().contains(scene->rackItem(r)->rect()));
        for (int o = r + 1; o < scene->rackCount(); ++o)
            QVERIFY(!scene->rackItem(r)->rect().intersects(scene->rackItem(o)->rect()));
    }
    QVERIFY(!scene->zoneItem(0)->rect().intersects(scene->zoneItem(1)->rect()));
}

void TestTopologyView::selectionFollowsTheSharedSelection()
{
    Fixture f;
    const TopologyScene *scene = f.view.topologyScene();
    f.selection.setElements({"r0-n2", "r2"});
    QVERIFY(scene->tile(2)->isSelected());
    QVERIFY(scene->rackItem(2)->isSelected());
    QVERIFY(!scene->tile(0)->isSelected());
    QCOMPARE(scene->selectedItems().size(), 2);

    f.selection.setElements({"z1"});
    QVERIFY(!scene->tile(2)->isSelected());
    QVERIFY(scene->zoneItem(1)->isSelected());
    QCOMPARE(scene->selectedItems().size(), 1);

    f.selection.clear();
    QVERIFY(scene->selectedItems().isEmpty());
}

void TestTopologyView::clicksSelectNodesRacksAndZones()
{
    Fixture f;
    QWidget *viewport = f.view.viewport();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, viewportPoint(f.view, tileCentre(f.view, 1)));
    QCOMPARE(f.selection.elements(), Selection::Names({"r0-n1"}));

    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier,
                      viewportPoint(f.view, tileCentre(f.view, 4)));
    QCOMPARE(f.selection.elements(), Selection::Names({"r0-n1", "r1-n0"}));

    QTest::mouseClick(viewport, Qt::LeftButton, {},
                      viewportPoint(f.view, rackHeaderCentre(f.view, 1)));
    QCOMPARE(f.selection.elements(), Selection::Names({"r1"}));

    QTest::mouseClick(viewport, Qt::LeftButton, {},
                      viewportPoint(f.view, zoneHeaderCentre(f.view, 1)));
    QCOMPARE(f.selection.elements(), Selection::Names({"z1"}));

    // A click on the background clears it.
    const QRectF zones = f.view.topologyScene()->contentRect();
    QTest::mouseClick(viewport, Qt::LeftButton, {},
                      viewportPoint(f.view, QPointF(zones.right() + 20, zones.top() + 20)));
    QVERIFY(f.selection.elements().empty());
}

void TestTopologyView::rubberBandSelectsNodes()
{
    Fixture f;
    QWidget *viewport = f.view.viewport();
    // From the gap left of r0 (zone body, no item) down across the first three tiles.
    const QRectF first = f.view.topologyScene()->tile(0)->sceneBoundingRect();
    const QRectF third = f.view.topologyScene()->tile(2)->sceneBoundingRect();
    const QPoint from = viewportPoint(f.view, QPointF(first.left() - 6, first.top() + 4));
    const QPoint to = viewportPoint(f.view, QPointF(third.left() + 20, third.center().y()));
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 4; ++i) {
        const QPoint p = from + (to - from) * i / 4;
        QMouseEvent move(QEvent::MouseMove, p, viewport->mapToGlobal(p), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    QCOMPARE(f.selection.elements(), Selection::Names({"r0-n0", "r0-n1", "r0-n2"}));
}

void TestTopologyView::clickingANodeSelectsItsJobs()
{
    Fixture f;
    // Without a run nothing runs anywhere: a click leaves the job selection alone.
    f.selection.setJobs({2});
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {},
                      viewportPoint(f.view, tileCentre(f.view, 0)));
    QCOMPARE(f.selection.jobs(), Selection::JobIndices({2}));

    LiveSnapshot snapshot;
    snapshot.nodeBusy = {8, 8, 4, 0, 0, 0, 0, 0};
    snapshot.newEvents.push_back({JobEvent::Kind::Started, 0.0, 0, {0, 1}});
    snapshot.newEvents.push_back({JobEvent::Kind::Started, 0.0, 1, {2}});
    Q_EMIT f.run.snapshotArrived(snapshot);

    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {},
                      viewportPoint(f.view, tileCentre(f.view, 1)));
    QCOMPARE(f.selection.elements(), Selection::Names({"r0-n1"}));
    QCOMPARE(f.selection.jobs(), Selection::JobIndices({0}));
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier,
                      viewportPoint(f.view, tileCentre(f.view, 2)));
    QCOMPARE(f.selection.jobs(), Selection::JobIndices({0, 1}));
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {},
                      viewportPoint(f.view, tileCentre(f.view, 3)));
    QVERIFY(f.selection.jobs().empty()); // an idle node
}

void TestTopologyView::selectedJobsHighlightTheirNodes()
{
    Fixture f;
    const TopologyScene *scene = f.view.topologyScene();
    LiveSnapshot snapshot;
    snapshot.nodeBusy = {8, 8, 4, 0, 0, 0, 0, 0};
    snapshot.newEvents.push_back({JobEvent::Kind::Started, 0.0, 0, {0, 1}});
    snapshot.newEvents.push_back({JobEvent::Kind::Started, 0.0, 1, {2}});
    Q_EMIT f.run.snapshotArrived(snapshot);

    f.selection.setJobs({0});
    QVERIFY(scene->tile(0)->isJobHighlighted());
    QVERIFY(scene->tile(1)->isJobHighlighted());
    QVERIFY(!scene->tile(2)->isJobHighlighted());
    QVERIFY(f.selection.elements().empty()); // job highlight is not element selection

    // The job is preempted and restarts elsewhere: the highlight follows it.
    LiveSnapshot next;
    next.nodeBusy = {0, 0, 4, 0, 8, 8, 0, 0};
    next.newEvents.push_back({JobEvent::Kind::Preempted, 5.0, 0, {}});
    next.newEvents.push_back({JobEvent::Kind::Started, 6.0, 0, {4, 5}});
    Q_EMIT f.run.snapshotArrived(next);
    QVERIFY(!scene->tile(0)->isJobHighlighted());
    QVERIFY(scene->tile(4)->isJobHighlighted());
    QVERIFY(scene->tile(5)->isJobHighlighted());

    LiveSnapshot done;
    done.nodeBusy = {0, 0, 4, 0, 0, 0, 0, 0};
    done.newEvents.push_back({JobEvent::Kind::Completed, 9.0, 0, {}});
    Q_EMIT f.run.snapshotArrived(done);
    for (int node = 0; node < scene->nodeCount(); ++node)
        QVERIFY(!scene->tile(node)->isJobHighlighted());

    f.selection.setJobs({1});
    QVERIFY(scene->tile(2)->isJobHighlighted());
    f.selection.setJobs({});
    QVERIFY(!scene->tile(2)->isJobHighlighted());
}

void TestTopologyView::snapshotsColourTilesAndResetClearsThem()
{
    Fixture f;
    const TopologyScene *scene = f.view.topologyScene();
    LiveSnapshot snapshot;
    snapshot.nodeBusy = {8, 4, 0, 2, 0, 0, 3, 4};
    Q_EMIT f.run.snapshotArrived(snapshot);
    QCOMPARE(scene->tile(0)->busy(), 8);
    QCOMPARE(scene->tile(0)->utilization(), 1.0);
    QCOMPARE(scene->tile(1)->utilization(), 0.5);
    QCOMPARE(scene->tile(7)->utilization(), 1.0); // 4 of 4
    QCOMPARE(scene->tile(2)->powerState(), NodeTileItem::PowerState::Idle);
    QCOMPARE(scene->tile(3)->powerState(), NodeTileItem::PowerState::Busy);

    // Distinct utilizations get distinct colours, ordered by lightness (viridis).
    const TopologyStyle &style = scene->topologyStyle();
    QVERIFY(style.rampColor(0.0) != style.rampColor(0.5));
    QVERIFY(style.rampColor(0.0).lightnessF() < style.rampColor(0.5).lightnessF());
    QVERIFY(style.rampColor(0.5).lightnessF() < style.rampColor(1.0).lightnessF());

    Q_EMIT f.run.runReset(f.run.runId() + 1);
    for (int node = 0; node < scene->nodeCount(); ++node) {
        QCOMPARE(scene->tile(node)->busy(), -1);
        QCOMPARE(scene->tile(node)->powerState(), NodeTileItem::PowerState::NoRun);
    }
}

void TestTopologyView::toolTipShowsLiveState()
{
    Fixture f;
    LiveSnapshot snapshot;
    snapshot.nodeBusy = {4, 0, 0, 0, 0, 0, 2, 0};
    snapshot.newEvents.push_back({JobEvent::Kind::Started, 0.0, 1, {0}});
    snapshot.newEvents.push_back({JobEvent::Kind::Started, 0.0, 2, {6}});
    Q_EMIT f.run.snapshotArrived(snapshot);

    auto toolTipAt = [&](int node) {
        const QPoint pos = viewportPoint(f.view, tileCentre(f.view, node));
        QHelpEvent help(QEvent::ToolTip, pos, f.view.viewport()->mapToGlobal(pos));
        QCoreApplication::sendEvent(f.view.viewport(), &help);
        return QToolTip::text();
    };
    // 4 of 8 busy on a 1000..6000 W linear curve: 3500 W, written as every power figure of
    // the GUI and the reports is (report::power, report::percent: a no-break space before the
    // unit).
    const QString gpu8 = toolTipAt(0);
    QVERIFY2(gpu8.contains("r0-n0") && gpu8.contains("gpu8") && gpu8.contains(u"50\u00A0%") &&
                     gpu8.contains(u"3.5\u00A0kW") && gpu8.contains("finetune") &&
                     gpu8.contains("z0"),
             qPrintable(gpu8));
    // gpu4 has no power model: a dash, not 0 W.
    const QString gpu4 = toolTipAt(6);
    QVERIFY2(gpu4.contains("—") && !gpu4.contains(" W") && gpu4.contains("Job 3"),
             qPrintable(gpu4));
    QToolTip::hideText();
}

void TestTopologyView::deleteSelectionAndUndoRestoreTheScenario()
{
    Scenario s = smallScenario();
    JobConstraints pin;
    pin.pinNode = "r0-n1";
    s.jobs[1].constraints = pin; // loses its pin with the node, and gets it back on undo
    Fixture f(s);
    const std::string before = serializeScenario(f.document.scenario());

    f.selection.setElements({"r0-n1", "r2"});
    f.view.deleteSelection();
    QCOMPARE(f.document.scenario().cluster.nodeCount(), 5);
    QCOMPARE(f.view.topologyScene()->nodeCount(), 5);
    QCOMPARE(countItems(f.view.topologyScene(), NodeTileItem::Type), 5);
    QVERIFY(f.document.scenario().jobs[1].constraints->pinNode.empty());
    QVERIFY(f.selection.elements().empty()); // deleted names are not kept selected

    f.document.undoStack()->undo();
    QCOMPARE(serializeScenario(f.document.scenario()), before);
    QCOMPARE(f.view.topologyScene()->nodeCount(), 8);

    // Nothing selected: nothing happens, and the status bar says what to do.
    QSignalSpy messages(&f.view, &TopologyView::statusMessage);
    const int commands = f.document.undoStack()->count();
    f.view.deleteSelection();
    QCOMPARE(f.document.undoStack()->count(), commands);
    QCOMPARE(messages.size(), 1);
}

void TestTopologyView::duplicateSelectionCopiesNodes()
{
    Fixture f;
    f.selection.setElements({"r0-n0", "r2"});
    f.view.duplicateSelection();
    QCOMPARE(rackNamed(f.document.scenario(), "r0").nodes.size(), std::size_t(5));
    QCOMPARE(f.document.scenario().cluster.zones[1].racks.size(), std::size_t(2));
    QCOMPARE(f.view.topologyScene()->nodeCount(), 8 + 1 + 2);
    f.document.undoStack()->undo();
    QCOMPARE(f.view.topologyScene()->nodeCount(), 8);
}

// A tile shows the node's whole name, which is unique in the cluster: nodes added to two racks
// never both read "n01".
void TestTopologyView::tilesShowWholeUniqueNames()
{
    Fixture f;
    DragPayload payload;
    payload.kind = DragPayload::Kind::NodeType;
    payload.nodeType = "gpu8";
    QVERIFY(dragAndDrop(f.view, payload, rackHeaderCentre(f.view, 0)).dropAccepted);
    QVERIFY(dragAndDrop(f.view, payload, rackHeaderCentre(f.view, 1)).dropAccepted);
    const TopologyScene *scene = f.view.topologyScene();
    QCOMPARE(scene->nodeCount(), 10);
    QSet<QString> labels;
    for (int node = 0; node < scene->nodeCount(); ++node) {
        const QString label = scene->tile(node)->label();
        QCOMPARE(label, QString::fromStdString(scene->nodeName(node)));
        labels.insert(label);
    }
    QCOMPARE(labels.size(), 10);
    QVERIFY(labels.contains("r0-n4") && labels.contains("r1-n2"));
}

void TestTopologyView::selectAllSelectsEveryNode()
{
    Fixture f;
    f.view.selectAll();
    QCOMPARE(f.selection.elements().size(), std::size_t(8));
    for (int node = 0; node < 8; ++node)
        QVERIFY(f.view.topologyScene()->tile(node)->isSelected());
    QVERIFY(!f.view.topologyScene()->rackItem(0)->isSelected());
}

void TestTopologyView::renameRefusalSaysWhy()
{
    Fixture f;
    QSignalSpy messages(&f.view, &TopologyView::statusMessage);
    QVERIFY(!f.view.renameElement("r0", "r1"));
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.last().at(0).toString().contains("r1"));
    QCOMPARE(f.document.scenario().cluster.zones[0].racks[0].name, std::string("r0"));

    f.selection.setElements({"r0"});
    QVERIFY(f.view.renameElement("r0", "rack-a"));
    QCOMPARE(f.document.scenario().cluster.zones[0].racks[0].name, std::string("rack-a"));
    QCOMPARE(f.selection.elements(), Selection::Names({"rack-a"}));
    QVERIFY(f.view.topologyScene()->rackItem(0)->isSelected());
}

void TestTopologyView::rebuildKeepsSelectionByName()
{
    Fixture f;
    f.selection.setElements({"r1-n1"});
    DragPayload payload;
    payload.kind = DragPayload::Kind::NodeType;
    payload.nodeType = "gpu8";
    QVERIFY(dragAndDrop(f.view, payload, rackHeaderCentre(f.view, 0)).dropAccepted);
    // r1-n1 moved one place down in topology order; it is still the selected one.
    const TopologyScene *scene = f.view.topologyScene();
    const auto node = nodeIndexOf(f.document.scenario(), "r1-n1");
    QCOMPARE(node, std::size_t(6));
    QVERIFY(scene->tile(int(node))->isSelected());
    QCOMPARE(scene->selectedItems().size(), 1);
    QCOMPARE(f.selection.elements(), Selection::Names({"r1-n1"}));
}

void TestTopologyView::zoomKeysAndWheel()
{
    Fixture f;
    QCOMPARE(f.view.zoomFactor(), 1.0);
    f.view.zoomIn();
    QVERIFY(f.view.zoomFactor() > 1.0);
    f.view.resetZoom();
    QCOMPARE(f.view.zoomFactor(), 1.0);
    f.view.zoomOut();
    QVERIFY(f.view.zoomFactor() < 1.0);

    const qreal before = f.view.zoomFactor();
    const QPoint at = f.view.viewport()->rect().center();
    QWheelEvent ctrlWheel(at, f.view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(f.view.viewport(), &ctrlWheel);
    QVERIFY(f.view.zoomFactor() > before);

    // A plain wheel scrolls, it does not zoom.
    const qreal zoomed = f.view.zoomFactor();
    QWheelEvent wheel(at, f.view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(f.view.viewport(), &wheel);
    QCOMPARE(f.view.zoomFactor(), zoomed);

    QTest::keyClick(&f.view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(f.view.zoomFactor(), 1.0);
    QTest::keyClick(&f.view, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(f.view.zoomFactor() > 1.0);

    // Fit shows the whole cluster, and never magnifies a small one past kMaxFitZoom.
    f.view.fitToView();
    QVERIFY(f.view.zoomFactor() <= TopologyView::kMaxFitZoom);
    const QRectF visible = f.view.mapToScene(f.view.viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(f.view.topologyScene()->contentRect()));
}

void TestTopologyView::followsLightAndDarkPalettes_data()
{
    QTest::addColumn<QPalette>("palette");
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::Button, QColor(0xe4, 0xe4, 0xe4));
    light.setColor(QPalette::ButtonText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    QTest::newRow("light") << light;
    QTest::newRow("dark") << dark;
}

void TestTopologyView::followsLightAndDarkPalettes()
{
    QFETCH(QPalette, palette);
    Fixture f;
    LiveSnapshot snapshot;
    snapshot.nodeBusy = {8, 4, 0, 2, 0, 0, 3, 4};
    Q_EMIT f.run.snapshotArrived(snapshot);

    f.view.setPalette(palette);
    const TopologyStyle &style = f.view.topologyScene()->topologyStyle();
    QCOMPARE(style.background, palette.color(QPalette::Window));
    QCOMPARE(style.headerText, palette.color(QPalette::WindowText));
    QCOMPARE(f.view.topologyScene()->backgroundBrush().color(), palette.color(QPalette::Window));
    // Header text stays readable on zones and racks.
    QVERIFY(qAbs(style.headerText.lightnessF() - style.rackFill.lightnessF()) > 0.5);
    QVERIFY(qAbs(style.headerText.lightnessF() - style.zoneFill.lightnessF()) > 0.5);
    const QImage image = f.view.viewport()->grab().toImage();
    QVERIFY(!image.isNull());
    // The canvas outside the zones is the palette's window colour.
    QCOMPARE(QColor(image.pixel(image.width() - 3, image.height() - 3)),
             palette.color(QPalette::Window));
}

// The scene outlives ~TopologyView (a child, deleted by ~QWidget) and deleting its selected
// tiles emits selectionChanged: that must reach neither the half-destroyed view (UBSan's
// downcast report in the sanitized build) nor the shared Selection the view no longer shows.
void TestTopologyView::destroyingTheViewLeavesTheSharedSelection()
{
    ScenarioDocument document(smallScenario());
    Selection selection;
    {
        TopologyView view(&document, &selection, nullptr);
        selection.setElements({"r0-n1", "r2"});
        QCOMPARE(view.topologyScene()->selectedItems().size(), 2);
    }
    QCOMPARE(selection.elements(), Selection::Names({"r0-n1", "r2"}));
}

// How long each step takes, against a plain scene of as many items, is measured by
// tests/bench/bench_views.cpp.
void TestTopologyView::largeClusterBuilds()
{
    const Scenario scenario = largeScenario(16, 128);
    QCOMPARE(scenario.cluster.nodeCount(), 2048);
    Fixture f(scenario);
    QCOMPARE(countItems(f.view.topologyScene(), NodeTileItem::Type), 2048);

    LiveSnapshot snapshot;
    snapshot.nodeBusy.resize(2048);
    for (int i = 0; i < 2048; ++i)
        snapshot.nodeBusy[std::size_t(i)] = (i * 7) % 9;
    Q_EMIT f.run.snapshotArrived(snapshot);

    f.view.fitToView();
    const QImage overview = f.view.grab().toImage();
    f.view.resetZoom();
    const QImage close = f.view.grab().toImage();
    QVERIFY(!overview.isNull() && !close.isNull());

    f.document.resetScenario(scenario);
    QCOMPARE(f.view.topologyScene()->nodeCount(), 2048);
}

// Issue 11: a 16,384-node rack was one column of tiles, a 1-pixel sliver when fitted. Past
// TopologyStyle::kMaxRackRows nodes a rack wraps into columns; hit tests, the tiles' places
// and the zoomed-out overview follow.
void TestTopologyView::wideRackWrapsIntoABlock()
{
    const Scenario scenario = largeScenario(1, 4096);
    Fixture f(scenario);
    TopologyScene *scene = f.view.topologyScene();
    QCOMPARE(scene->nodeCount(), 4096);
    const QRectF content = scene->contentRect();
    // About kWrapAspect wide per tall, nowhere near 4096 tiles stacked.
    QVERIFY2(content.width() / content.height() > 1.0 && content.width() / content.height() < 3.0,
             qPrintable(QStringLiteral("%1 x %2").arg(content.width()).arg(content.height())));
    const QRectF rack = scene->rackItem(0)->sceneBoundingRect();
    QRectF previous;
    for (int node : {0, 1, 63, 64, 65, 2047, 4095}) {
        const QRectF tile = scene->tile(node)->sceneBoundingRect();
        QVERIFY(rack.contains(tile));
        QVERIFY(!tile.intersects(previous.adjusted(2, 2, -2, -2)));
        previous = tile;
        const TopologyScene::Hit hit = scene->hitTest(tile.center());
        QCOMPARE(hit.part, TopologyScene::Hit::Part::Node);
        QCOMPARE(hit.node, node);
    }
    // Column-major: the next node is below, until a column is full.
    QVERIFY(scene->tile(1)->sceneBoundingRect().top() > scene->tile(0)->sceneBoundingRect().top());
    // Past the last node of the last column: the rack, not a node.
    const QRectF last = scene->tile(4095)->sceneBoundingRect();
    const TopologyScene::Hit below = scene->hitTest(last.center() + QPointF(0, last.height()));
    QVERIFY(below.part != TopologyScene::Hit::Part::Node);

    // At 100 % every tile paints itself; fitted, the rack paints one image instead.
    QVERIFY(!scene->overviewShown());
    f.view.fitToView();
    QVERIFY(f.view.zoomFactor() < TopologyView::kOverviewZoom);
    QVERIFY(scene->overviewShown());
    QVERIFY(scene->tile(0)->flags() & QGraphicsItem::ItemHasNoContents);
    // The overview shows the live colours and the selection.
    LiveSnapshot snapshot;
    snapshot.nodeBusy.assign(4096, 0);
    snapshot.nodeBusy[0] = scene->tile(0)->accelerators();
    Q_EMIT f.run.snapshotArrived(snapshot);
    const QImage &overview = scene->rackItem(0)->overview();
    QCOMPARE(QColor(overview.pixel(0, 0)), scene->topologyStyle().rampColor(1.0));
    QCOMPARE(QColor(overview.pixel(0, 1)), scene->topologyStyle().rampColor(0.0));
    f.selection.setElements({scene->nodeName(1)});
    QCOMPARE(QColor(overview.pixel(0, 1)), scene->topologyStyle().highlight);
    f.view.resetZoom();
    QVERIFY(!scene->overviewShown());
    QVERIFY(!(scene->tile(0)->flags() & QGraphicsItem::ItemHasNoContents));
}

QTEST_MAIN(TestTopologyView)
#include "test_topology_view.moc"
