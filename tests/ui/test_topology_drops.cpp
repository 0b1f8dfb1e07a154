// Drag and drop onto the topology editor (ui/topology/topology_drop_handler.h) through real
// (synthesized) drag events: what each payload does on each kind of target, as one undo step,
// and what a refused drop says, during the hover and after the release.
#include "core/io/scenario_json.h"
#include "tests/ui/topology_fixture.h"
#include "ui/document/scenario_edits.h"

#include <QCursor>
#include <QInputDialog>
#include <QSignalSpy>
#include <QtTest>

using namespace headroom;
using namespace headroom::ui;
using namespace headroom::test::topology;

namespace {

// Points of the fixture's layout that dropTargetsFollowTheLayout aims at.
enum class DropPoint { Tile5, Rack2Header, ShortRackBottom, Zone1Header, BetweenRacks };

} // namespace

Q_DECLARE_METATYPE(DropPoint)
Q_DECLARE_METATYPE(DropTarget::Kind)

class TestTopologyDrops : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeTypeDroppedOnRackAddsANode();
    void nodeTypeDroppedOnEmptyAreaAddsARack();
    void shiftDropAsksHowManyNodes();
    void jobDroppedOnNodePinsIt();
    void invalidDropIsRefusedWithTheReason();
    void refusedDropKeepsItsReasonAfterRelease();
    void refusedTemplateIsNamedByItsTemplate();
    void unknownMimeTypeIsIgnored();
    void dropTargetsFollowTheLayout_data();
    void dropTargetsFollowTheLayout();
};

void TestTopologyDrops::nodeTypeDroppedOnRackAddsANode()
{
    Fixture f;
    QSignalSpy messages(&f.view, &TopologyView::statusMessage);
    const int commands = f.document.undoStack()->count();
    DragPayload payload;
    payload.kind = DragPayload::Kind::NodeType;
    payload.nodeType = "gpu8";

    const DragResult result = dragAndDrop(f.view, payload, rackHeaderCentre(f.view, 1));
    QVERIFY(result.enterAccepted);
    QVERIFY(result.moveAccepted);
    QVERIFY(result.indicatorAllowed);
    QVERIFY(result.dropAccepted);
    QCOMPARE(rackNamed(f.document.scenario(), "r1").nodes.size(), std::size_t(3));
    QCOMPARE(f.document.undoStack()->count(), commands + 1);
    QCOMPARE(f.view.topologyScene()->nodeCount(), 9);
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.last().at(0).toString().contains("r1"));

    f.document.undoStack()->undo();
    QCOMPARE(rackNamed(f.document.scenario(), "r1").nodes.size(), std::size_t(2));
    QCOMPARE(f.view.topologyScene()->nodeCount(), 8);

    // Dropped on a node: the node's rack grows.
    const DragResult onNode = dragAndDrop(f.view, payload, tileCentre(f.view, 1));
    QVERIFY(onNode.dropAccepted);
    QCOMPARE(rackNamed(f.document.scenario(), "r0").nodes.size(), std::size_t(5));
}

void TestTopologyDrops::nodeTypeDroppedOnEmptyAreaAddsARack()
{
    Fixture f;
    DragPayload payload;
    payload.kind = DragPayload::Kind::NodeType;
    payload.nodeType = "gpu4";
    const QRectF zones = f.view.topologyScene()->contentRect();
    const QPointF empty(zones.right() + 40, zones.top() + 40);
    QCOMPARE(f.view.dropTargetAt(viewportPoint(f.view, empty)).kind, DropTarget::Kind::EmptyArea);
    const int commands = f.document.undoStack()->count();
    QVERIFY(dragAndDrop(f.view, payload, empty).dropAccepted);
    QCOMPARE(f.document.undoStack()->count(), commands + 1); // one step: rack and its node
    QCOMPARE(f.document.scenario().cluster.zones.back().racks.size(), std::size_t(2));
    QCOMPARE(f.view.topologyScene()->rackCount(), 4);
    f.document.undoStack()->undo();
    QCOMPARE(f.view.topologyScene()->rackCount(), 3);
}

void TestTopologyDrops::shiftDropAsksHowManyNodes()
{
    Fixture f;
    const int commands = f.document.undoStack()->count();
    DragPayload payload;
    payload.kind = DragPayload::Kind::NodeType;
    payload.nodeType = "gpu8";
    int asked = -1;
    // The view asks after the drop has returned; answer the dialog when it shows.
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            asked = dialog->intValue();
            dialog->setIntValue(3);
            dialog->accept();
            answer.stop();
        }
    });
    answer.start();
    QVERIFY(dragAndDrop(f.view, payload, rackHeaderCentre(f.view, 1), Qt::ShiftModifier)
                    .dropAccepted);
    QTRY_COMPARE(rackNamed(f.document.scenario(), "r1").nodes.size(), std::size_t(5));
    QCOMPARE(asked, 4); // the default
    QCOMPARE(f.document.undoStack()->count(), commands + 1);
}

void TestTopologyDrops::jobDroppedOnNodePinsIt()
{
    Fixture f;
    const int commands = f.document.undoStack()->count();
    DragPayload payload;
    payload.kind = DragPayload::Kind::ExistingJobs;
    payload.jobs = {1}; // job #2, 4 accelerators

    const DragResult result = dragAndDrop(f.view, payload, tileCentre(f.view, 2));
    QVERIFY(result.moveAccepted);
    QVERIFY(result.dropAccepted);
    QCOMPARE(f.document.scenario().jobs[1].constraints->pinNode, std::string("r0-n2"));
    QCOMPARE(f.document.undoStack()->count(), commands + 1);
    f.document.undoStack()->undo();
    QVERIFY(f.document.scenario().jobs[1].constraints->pinNode.empty());
    QCOMPARE(f.document.undoStack()->count(), commands + 1); // undone, still on the stack
    QCOMPARE(f.document.undoStack()->index(), commands);
}

void TestTopologyDrops::invalidDropIsRefusedWithTheReason()
{
    Fixture f;
    QSignalSpy messages(&f.view, &TopologyView::statusMessage);
    const std::string before = serializeScenario(f.document.scenario());
    const int commands = f.document.undoStack()->count();
    DragPayload payload;
    payload.kind = DragPayload::Kind::ExistingJobs;
    payload.jobs = {0}; // job #1 needs 16 accelerators; the nodes have 8

    const DragResult result = dragAndDrop(f.view, payload, tileCentre(f.view, 0));
    QCOMPARE(result.enterAction, Qt::IgnoreAction);
    QVERIFY(!result.moveAccepted);
    QVERIFY(!result.indicatorAllowed);
    QVERIFY(!result.dropAccepted);
    QCOMPARE(serializeScenario(f.document.scenario()), before);
    QCOMPARE(f.document.undoStack()->count(), commands);
    QVERIFY(!messages.isEmpty());
    const QString reason = messages.last().at(0).toString();
    QVERIFY2(reason.contains("16") && reason.contains("8"), qPrintable(reason));

    // The same job on a whole rack of 8-accelerator nodes is a valid gang placement.
    QVERIFY(dragAndDrop(f.view, payload, rackHeaderCentre(f.view, 0)).dropAccepted);
    QCOMPARE(f.document.scenario().jobs[0].constraints->rack, std::string("r0"));

    // A job asking for a node type dropped on a node of another type says so.
    f.document.undoStack()->undo();
    Job job = f.document.scenario().jobs[2];
    JobConstraints constraints;
    constraints.nodeType = "gpu4";
    job.constraints = constraints;
    edits::editJob(f.document, 2, job);
    payload.jobs = {2};
    QVERIFY(!dragAndDrop(f.view, payload, tileCentre(f.view, 0)).dropAccepted);
    QVERIFY(messages.last().at(0).toString().contains("gpu4"));
}

// Qt ends a drag released over a refused target with a leave, not a drop. The reason must
// outlive the hover: the status bar keeps it. A drag that leaves the view clears it.
void TestTopologyDrops::refusedDropKeepsItsReasonAfterRelease()
{
    Fixture f;
    QSignalSpy messages(&f.view, &TopologyView::statusMessage);
    DragPayload payload;
    payload.kind = DragPayload::Kind::ExistingJobs;
    payload.jobs = {0}; // job #1 needs 16 accelerators; the nodes have 8
    const std::unique_ptr<QMimeData> mime = toMimeData(payload);
    const QPoint pos = viewportPoint(f.view, tileCentre(f.view, 0));
    auto hoverThenLeave = [&](const QPoint &pointerAtLeave) {
        QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(f.view.viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(f.view.viewport(), &move);
        QVERIFY(!move.isAccepted());
        QCursor::setPos(pointerAtLeave);
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(f.view.viewport(), &leave);
    };

    hoverThenLeave(f.view.viewport()->mapToGlobal(pos)); // released where it was refused
    QVERIFY(!messages.isEmpty());
    const QString reason = messages.last().at(0).toString();
    QVERIFY2(reason.startsWith("Not dropped: ") && reason.contains("16") && reason.contains("8"),
             qPrintable(reason));
    QCOMPARE(f.view.topologyScene()->dropIndicator()->isVisible(), false);

    hoverThenLeave(f.view.mapToGlobal(QPoint(-200, -200))); // dragged out of the view
    QVERIFY(messages.last().at(0).toString().isEmpty());
}

// A template is not a job yet (its id is 0): a refusal names it by its template.
void TestTopologyDrops::refusedTemplateIsNamedByItsTemplate()
{
    Fixture f;
    QSignalSpy messages(&f.view, &TopologyView::statusMessage);
    DragPayload payload;
    payload.kind = DragPayload::Kind::JobTemplate;
    payload.jobTemplate.id = 0;
    payload.jobTemplate.slots = 64;
    payload.jobTemplate.runS = 3600;
    payload.templateName = "LLM pre-training (64 GPUs)";
    const int commands = f.document.undoStack()->count();

    QVERIFY(!dragAndDrop(f.view, payload, tileCentre(f.view, 0)).dropAccepted);
    QVERIFY(!dragAndDrop(f.view, payload, rackHeaderCentre(f.view, 0)).dropAccepted);
    const QString reason = messages.last().at(0).toString();
    QVERIFY2(reason.contains("LLM pre-training (64 GPUs) needs 64 accelerators") &&
                     !reason.contains("Job 0"),
             qPrintable(reason));
    QCOMPARE(f.document.undoStack()->count(), commands);
}

void TestTopologyDrops::unknownMimeTypeIsIgnored()
{
    Fixture f;
    QMimeData mime;
    mime.setText("hello");
    const QPoint pos = viewportPoint(f.view, tileCentre(f.view, 0));
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(f.view.viewport(), &enter);
    QVERIFY(!enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(f.view.viewport(), &drop);
    QVERIFY(!drop.isAccepted());
}

void TestTopologyDrops::dropTargetsFollowTheLayout_data()
{
    QTest::addColumn<DropPoint>("point");
    QTest::addColumn<DropTarget::Kind>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("a tile") << DropPoint::Tile5 << DropTarget::Kind::Node << "r1-n1";
    QTest::newRow("a rack header") << DropPoint::Rack2Header << DropTarget::Kind::Rack << "r2";
    // The empty part of a short rack is still the rack.
    QTest::newRow("below a short rack's nodes")
            << DropPoint::ShortRackBottom << DropTarget::Kind::Rack << "r1";
    QTest::newRow("a zone header") << DropPoint::Zone1Header << DropTarget::Kind::Zone << "z1";
    // Between two racks of a zone: the zone.
    QTest::newRow("between two racks") << DropPoint::BetweenRacks << DropTarget::Kind::Zone << "z0";
}

void TestTopologyDrops::dropTargetsFollowTheLayout()
{
    QFETCH(DropPoint, point);
    QFETCH(DropTarget::Kind, kind);
    QFETCH(QString, name);
    Fixture f;
    const TopologyScene *scene = f.view.topologyScene();
    const QRectF r0 = scene->rackItem(0)->rect();
    const QRectF r1 = scene->rackItem(1)->rect();
    QPointF at;
    switch (point) {
    case DropPoint::Tile5:
        at = tileCentre(f.view, 5);
        break;
    case DropPoint::Rack2Header:
        at = rackHeaderCentre(f.view, 2);
        break;
    case DropPoint::ShortRackBottom:
        at = QPointF(r1.center().x(), r1.bottom() - 6);
        break;
    case DropPoint::Zone1Header:
        at = zoneHeaderCentre(f.view, 1);
        break;
    case DropPoint::BetweenRacks:
        at = QPointF((r0.right() + r1.left()) / 2, r0.center().y());
        break;
    }
    const DropTarget t = f.view.dropTargetAt(viewportPoint(f.view, at));
    QCOMPARE(t.kind, kind);
    QCOMPARE(QString::fromStdString(t.name), name);
}

QTEST_MAIN(TestTopologyDrops)
#include "test_topology_drops.moc"
