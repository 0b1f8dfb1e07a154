#pragma once

#include "ui/dnd/drag_payload.h"
#include "ui/dnd/drop_rules.h"
#include "ui/topology/topology_scene.h"

#include <QObject>

#include <map>
#include <optional>
#include <string>
#include <utility>

class QDragEnterEvent;
class QDragLeaveEvent;
class QDragMoveEvent;
class QDropEvent;
class QGraphicsView;

namespace headroom::ui {

class ScenarioDocument;

// Drag and drop onto the topology editor, as Tiled's MapScene does it: validate while
// dragging (dragEnter, dragMove: the drop rules' verdict, an outline of the target in the
// verdict's colour, the verdict's sentence in the status bar) and act on the drop through the
// document's edits (one undo step). The view hands it its drag events.
class TopologyDropHandler : public QObject
{
    Q_OBJECT

public:
    TopologyDropHandler(QGraphicsView *view, TopologyScene *scene, ScenarioDocument *document);

    // What a drop at this viewport position would land on, as the drop rules see it.
    DropTarget targetAt(const QPoint &viewportPos) const;
    // Verdicts depend on the scenario and the layout: forget them when either changes.
    void forgetVerdicts();

    void dragEnter(QDragEnterEvent *event);
    void dragMove(QDragMoveEvent *event);
    void dragLeave(QDragLeaveEvent *event);
    void drop(QDropEvent *event);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    using Hit = TopologyScene::Hit;

    Hit hitAt(const QPoint &viewportPos) const;
    DropTarget targetFor(const Hit &hit) const;
    const DropVerdict &verdictAt(const QPointF &viewportPos);
    bool pointerOverView() const;
    void endDrag();
    void addNodesAsked(const DragPayload &payload, const DropTarget &target);

    QGraphicsView *m_view;
    TopologyScene *m_scene;
    ScenarioDocument *m_document;

    // The drag in progress: its payload, the verdict per target (evaluateDrop compiles the
    // cluster for job drops, far too slow for every mouse move), and the target under the
    // cursor so a move within the same target costs one hit test.
    std::optional<DragPayload> m_payload;
    std::map<std::pair<int, std::string>, DropVerdict> m_verdicts;
    std::optional<Hit> m_hit;
    const DropVerdict *m_verdict = nullptr;
};

} // namespace headroom::ui
