#include "ui/topology/topology_drop_handler.h"

#include "ui/document/scenario_document.h"

#include <QCursor>
#include <QDragEnterEvent>
#include <QGraphicsView>
#include <QInputDialog>
#include <QMimeData>
#include <QTimer>

namespace headroom::ui {

TopologyDropHandler::TopologyDropHandler(QGraphicsView *view, TopologyScene *scene,
                                         ScenarioDocument *document)
    : QObject(view)
    , m_view(view)
    , m_scene(scene)
    , m_document(document)
{
    // A verdict depends on the whole scenario (jobs, types, cluster).
    connect(document, &ScenarioDocument::changed, this, &TopologyDropHandler::forgetVerdicts);
}

void TopologyDropHandler::forgetVerdicts()
{
    m_verdicts.clear();
    m_hit.reset();
    m_verdict = nullptr;
}

TopologyDropHandler::Hit TopologyDropHandler::hitAt(const QPoint &viewportPos) const
{
    return m_scene->hitTest(m_view->mapToScene(viewportPos));
}

DropTarget TopologyDropHandler::targetFor(const Hit &hit) const
{
    switch (hit.part) {
    case Hit::Part::Node:
        return {DropTarget::Kind::Node, m_scene->nodeName(hit.node)};
    case Hit::Part::Rack:
    case Hit::Part::RackHeader:
        return {DropTarget::Kind::Rack, m_scene->rackName(hit.rack)};
    case Hit::Part::Zone:
    case Hit::Part::ZoneHeader:
        return {DropTarget::Kind::Zone, m_scene->zoneName(hit.zone)};
    case Hit::Part::None:
        break;
    }
    return {DropTarget::Kind::EmptyArea, {}};
}

DropTarget TopologyDropHandler::targetAt(const QPoint &viewportPos) const
{
    return targetFor(hitAt(viewportPos));
}

const DropVerdict &TopologyDropHandler::verdictAt(const QPointF &viewportPos)
{
    const Hit hit = hitAt(viewportPos.toPoint());
    if (m_hit && *m_hit == hit && m_verdict)
        return *m_verdict;

    const DropTarget target = targetFor(hit);
    auto key = std::make_pair(int(target.kind), target.name);
    auto it = m_verdicts.find(key);
    if (it == m_verdicts.end()) {
        it = m_verdicts
                     .emplace(std::move(key),
                              evaluateDrop(m_document->scenario(), *m_payload, target))
                     .first;
    }
    m_hit = hit;
    m_verdict = &it->second;

    // A node type dropped on a node goes into that node's rack: outline the rack.
    Hit shown = hit;
    if (m_payload->kind == DragPayload::Kind::NodeType && hit.part == Hit::Part::Node)
        shown.part = Hit::Part::Rack;
    m_scene->showDropIndicator(m_scene->targetRect(shown), m_verdict->allowed);
    Q_EMIT statusMessage(m_verdict->message);
    return *m_verdict;
}

bool TopologyDropHandler::pointerOverView() const
{
    const QWidget *viewport = m_view->viewport();
    return viewport->rect().contains(viewport->mapFromGlobal(QCursor::pos()));
}

void TopologyDropHandler::endDrag()
{
    m_scene->hideDropIndicator();
    m_payload.reset();
    forgetVerdicts();
}

void TopologyDropHandler::dragEnter(QDragEnterEvent *event)
{
    endDrag();
    m_payload = fromMimeData(event->mimeData());
    if (!m_payload) {
        event->ignore();
        return;
    }
    const DropVerdict &verdict = verdictAt(event->position());
    if (verdict.allowed) {
        event->acceptProposedAction();
    } else {
        // The enter itself must be accepted, or Qt sends no move events and a valid target
        // elsewhere in the view could never be reached; "not here" is the ignore action.
        event->setDropAction(Qt::IgnoreAction);
        event->accept();
    }
}

void TopologyDropHandler::dragMove(QDragMoveEvent *event)
{
    if (!m_payload) {
        event->ignore();
        return;
    }
    if (verdictAt(event->position()).allowed)
        event->acceptProposedAction();
    else
        event->ignore();
}

void TopologyDropHandler::dragLeave(QDragLeaveEvent *event)
{
    // Released over a refused target, a drag ends with a leave, not a drop (Qt cancels it).
    // The pointer is then still over the view: keep saying why, past the hover. A drag that
    // left the view says nothing.
    const bool refusedHere = m_verdict && !m_verdict->allowed && pointerOverView();
    const QString reason = refusedHere ? m_verdict->message : QString();
    endDrag();
    Q_EMIT statusMessage(reason.isEmpty() ? QString() : tr("Not dropped: %1").arg(reason));
    event->accept();
}

void TopologyDropHandler::drop(QDropEvent *event)
{
    // A drop can arrive without a preceding enter (synthesized events, some platforms).
    if (!m_payload)
        m_payload = fromMimeData(event->mimeData());
    if (!m_payload) {
        endDrag();
        event->ignore();
        return;
    }
    const DragPayload payload = *m_payload;
    const DropVerdict verdict = verdictAt(event->position());
    const DropTarget target = targetAt(event->position().toPoint());
    endDrag();
    if (!verdict.allowed) {
        event->ignore();
        Q_EMIT statusMessage(tr("Not dropped: %1").arg(verdict.message));
        return;
    }
    const bool askCount = payload.kind == DragPayload::Kind::NodeType &&
                          (event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier));
    if (askCount) {
        event->acceptProposedAction();
        // Not from inside the drop: a modal dialog there would run while the platform's drag
        // is still being finished (X11, Wayland). The drop rules check again anyway.
        QTimer::singleShot(0, this, [this, payload, target] { addNodesAsked(payload, target); });
        return;
    }
    if (applyDrop(*m_document, payload, target, 1)) {
        event->acceptProposedAction();
        Q_EMIT statusMessage(verdict.message);
    } else {
        event->ignore();
    }
}

void TopologyDropHandler::addNodesAsked(const DragPayload &payload, const DropTarget &target)
{
    bool ok = false;
    const int count = QInputDialog::getInt(
            m_view, tr("Add nodes"),
            tr("How many %1 nodes?").arg(QString::fromStdString(payload.nodeType)), 4, 1, 512, 1,
            &ok);
    if (!ok)
        return;
    if (applyDrop(*m_document, payload, target, count))
        Q_EMIT statusMessage(m_document->undoStack()->undoText());
    else
        Q_EMIT statusMessage(evaluateDrop(m_document->scenario(), payload, target).message);
}

} // namespace headroom::ui
