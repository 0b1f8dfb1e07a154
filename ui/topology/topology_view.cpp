#include "ui/topology/topology_view.h"

#include "core/model/scenario.h"
#include "report/report_format.h"
#include "ui/dialogs/outage_dialog.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/models/duration_text.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"
#include "ui/topology/drop_indicator_item.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/rack_item.h"
#include "ui/topology/topology_drop_handler.h"
#include "ui/topology/topology_tooltips.h"
#include "ui/topology/zone_item.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace headroom::ui {
namespace {

constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kZoomStep = 1.25;
QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString zoomText(qreal factor)
{
    return QCoreApplication::translate("headroom::ui::TopologyView", "Zoom %1")
            .arg(report::percent(factor, 0));
}

} // namespace

TopologyView::TopologyView(ScenarioDocument *document, Selection *selection, RunController *run,
                           QWidget *parent)
    : QGraphicsView(parent)
    , m_document(document)
    , m_selection(selection)
    , m_run(run)
    , m_scene(new TopologyScene(this))
    , m_drops(new TopologyDropHandler(this, m_scene, document))
{
    setScene(m_scene);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    // Zooming anchors itself (zoomBy); Qt's anchors would fight it.
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // A snapshot can recolour most tiles at once: let Qt choose between many small update
    // regions and one bounding region.
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // Every item sets the pen, brush and font it uses, so saving and restoring the painter
    // around each of thousands of tiles is wasted work.
    setOptimizationFlag(QGraphicsView::DontSavePainterState, true);
    setRenderHint(QPainter::Antialiasing, false);
    setRenderHint(QPainter::TextAntialiasing, true);
    setMouseTracking(true);
    m_scene->setStyle(palette(), font());

    connect(m_scene, &QGraphicsScene::selectionChanged, this,
            &TopologyView::onSceneSelectionChanged);
    connect(m_document, &ScenarioDocument::clusterChanged, this, &TopologyView::rebuild);
    connect(m_document, &ScenarioDocument::nodeTypesChanged, this, &TopologyView::rebuild);
    connect(m_document, &ScenarioDocument::scenarioReset, this, [this] {
        m_autoFit = true;
        rebuild();
    });
    connect(m_drops, &TopologyDropHandler::statusMessage, this, &TopologyView::statusMessage);
    connect(m_selection, &Selection::elementsChanged, this,
            &TopologyView::onSelectionElementsChanged);
    connect(m_selection, &Selection::jobsChanged, this, &TopologyView::onSelectionJobsChanged);
    if (m_run) {
        connect(m_run, &RunController::snapshotArrived, this, &TopologyView::onSnapshot);
        connect(m_run, &RunController::runReset, this, &TopologyView::onRunReset);
        // A run that pauses by itself (Run Until) publishes its last frame while still running,
        // and the tile pacing may have skipped it: show the state it stopped in.
        connect(m_run, &RunController::stateChanged, this, [this](RunState state) {
            if (state != RunState::Paused && state != RunState::Finished)
                return;
            if (m_runLoaded && m_run->latest()) {
                m_scene->setBusy(m_run->latest()->nodeBusy);
                m_scene->setPowerStates(m_run->latest()->nodePower);
            }
        });
    }

    rebuild();
    if (m_run && m_run->latest())
        onSnapshot(*m_run->latest());
}

TopologyView::~TopologyView()
{
    // The scene is a child, so ~QWidget deletes it only after this destructor has run, and
    // deleting selected tiles emits selectionChanged. Cut the connection first: the slot
    // would run on an object that is no longer a TopologyView (UBSan reports the downcast),
    // and the view's teardown would clear the shared Selection, which is not its own.
    m_scene->disconnect(this);
}

qreal TopologyView::zoomFactor() const
{
    return transform().m11();
}

// --- Model to scene ---------------------------------------------------------------------

void TopologyView::rebuild()
{
    {
        QScopedValueRollback guard(m_syncingSelection, true);
        const int previousNodes = m_scene->nodeCount();
        m_scene->rebuild(m_document->scenario());
        m_jobHighlightsShown = false;
        // A rebuild for the view's own sake (a font change) keeps the run's colours. After an
        // edit the run controller resets the run right away, which clears them anyway.
        if (m_scene->nodeCount() != previousNodes) {
            m_runLoaded = false;
        } else if (m_runLoaded && m_run && m_run->latest()) {
            m_scene->setBusy(m_run->latest()->nodeBusy);
            m_scene->setPowerStates(m_run->latest()->nodePower);
        }
        m_drops->forgetVerdicts();

        // Keep the selection by name; forget names that no longer exist, so that no other
        // view keeps showing a deleted node as selected.
        Selection::Names kept;
        for (const std::string &name : m_selection->elements()) {
            if (QGraphicsItem *item = m_scene->itemForName(name)) {
                item->setSelected(true);
                kept.insert(name);
            }
        }
        if (kept.size() != m_selection->elements().size())
            m_selection->setElements(std::move(kept));
    }
    updateJobHighlights();
    if (m_autoFit)
        fitContent();
    viewport()->update();
}

void TopologyView::onSceneSelectionChanged()
{
    if (m_syncingSelection)
        return;
    Selection::Names names;
    for (const QGraphicsItem *item : m_scene->selectedItems()) {
        const std::string &name = m_scene->nameOf(item);
        if (!name.empty())
            names.insert(name);
    }
    QScopedValueRollback guard(m_syncingSelection, true);
    m_selection->setElements(std::move(names));
}

void TopologyView::onSelectionElementsChanged()
{
    if (m_syncingSelection)
        return;
    QScopedValueRollback guard(m_syncingSelection, true);
    const Selection::Names &names = m_selection->elements();
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (!names.count(m_scene->nameOf(item)))
            item->setSelected(false);
    }
    QGraphicsItem *first = nullptr;
    for (const std::string &name : names) {
        if (QGraphicsItem *item = m_scene->itemForName(name)) {
            item->setSelected(true);
            if (!first)
                first = item;
        }
    }
    // Selected elsewhere (the jobs table, a search): bring it into view. Columns are taller
    // than the window, so aim at what is clickable, their header.
    if (first) {
        const QRectF target = first->mapRectToScene(first->shape().boundingRect());
        if (!mapToScene(viewport()->rect()).boundingRect().intersects(target))
            ensureVisible(target, 40, 40);
    }
}

void TopologyView::onSelectionJobsChanged()
{
    updateJobHighlights();
}

void TopologyView::updateJobHighlights()
{
    const Selection::JobIndices &jobs = m_selection->jobs();
    if (jobs.empty() && !m_jobHighlightsShown)
        return;
    const int nodes = m_scene->nodeCount();
    m_highlightBuffer.assign(std::size_t(nodes), 0);
    bool any = false;
    for (std::size_t job : jobs) {
        for (int node : liveJobsOf(m_run).nodesOf(job)) {
            if (node >= 0 && node < nodes) {
                m_highlightBuffer[std::size_t(node)] = 1;
                any = true;
            }
        }
    }
    m_scene->setJobHighlights(m_highlightBuffer);
    m_jobHighlightsShown = any;
}

void TopologyView::onSnapshot(const LiveSnapshot &snapshot)
{
    m_runLoaded = true;
    if (liveJobsOf(m_run).runningChanged())
        updateJobHighlights();
    // Tile colours change on almost every frame of a busy run, and repainting thousands of
    // tiles 30 times a second competes with the charts for the GUI thread; 15 a second looks
    // the same. The last frame of a run (or a paused step) is always shown.
    const bool settled = snapshot.finished || snapshot.eventsPerWallSecond == 0.0;
    const qint64 frameMs = std::max<qint64>(kTileFrameMs, 4 * m_paintMs);
    if (settled || !m_tileClock.isValid() || m_tileClock.elapsed() >= frameMs) {
        m_scene->setBusy(snapshot.nodeBusy);
        m_scene->setPowerStates(snapshot.nodePower);
        m_tileClock.start();
    }
}

void TopologyView::onRunReset()
{
    m_runLoaded = false;
    m_tileClock.invalidate();
    m_scene->clearBusy();
    updateJobHighlights();
}

void TopologyView::selectJobsOfSelectedNodes()
{
    if (!m_runLoaded)
        return; // nothing runs without a run: leave the jobs views' selection alone
    Selection::JobIndices jobs;
    for (const QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == NodeTileItem::Type) {
            const auto &on =
                    liveJobsOf(m_run).jobsOn(static_cast<const NodeTileItem *>(item)->index());
            jobs.insert(jobs.end(), on.begin(), on.end());
        }
    }
    m_selection->setJobs(std::move(jobs));
}

// --- Commands -------------------------------------------------------------------------

void TopologyView::deleteSelection()
{
    const Selection::Names &names = m_selection->elements();
    if (names.empty()) {
        Q_EMIT statusMessage(tr("Select nodes, racks or zones to delete"));
        return;
    }
    const std::vector<std::string> doomed(names.begin(), names.end());
    if (edits::removeElements(*m_document, doomed))
        Q_EMIT statusMessage(m_document->undoStack()->undoText());
}

void TopologyView::duplicateSelection()
{
    const Selection::Names &names = m_selection->elements();
    const std::vector<std::string> wanted(names.begin(), names.end());
    if (wanted.empty() || !edits::duplicateElements(*m_document, wanted)) {
        Q_EMIT statusMessage(tr("Select nodes or racks to duplicate"));
        return;
    }
    Q_EMIT statusMessage(m_document->undoStack()->undoText());
}

void TopologyView::selectAll()
{
    Selection::Names names;
    for (int node = 0; node < m_scene->nodeCount(); ++node)
        names.insert(m_scene->nodeName(node));
    m_selection->setElements(std::move(names));
}

bool TopologyView::renameElement(const QString &oldName, const QString &newName)
{
    const std::string from = oldName.toStdString();
    const std::string to = newName.trimmed().toStdString();
    if (from == to)
        return false;
    // Asked before the edit: the rebuild it causes drops the old name from the selection.
    const bool wasSelected = m_selection->elements().count(from) > 0;
    QString why;
    if (!edits::renameElement(*m_document, from, to, &why)) {
        Q_EMIT statusMessage(why.isEmpty() ? tr("Cannot rename %1").arg(oldName) : why);
        return false;
    }
    if (wasSelected)
        m_selection->setElements({to});
    Q_EMIT statusMessage(m_document->undoStack()->undoText());
    return true;
}

void TopologyView::renameInteractively(const Hit &hit)
{
    QString current;
    QString what;
    switch (hit.part) {
    case Hit::Part::ZoneHeader:
        current = q(m_scene->zoneName(hit.zone));
        what = tr("Rename zone");
        break;
    case Hit::Part::RackHeader:
        current = q(m_scene->rackName(hit.rack));
        what = tr("Rename rack");
        break;
    case Hit::Part::Node:
        current = q(m_scene->nodeName(hit.node));
        what = tr("Rename node");
        break;
    default:
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, what, tr("New name for %1:").arg(current),
                                               QLineEdit::Normal, current, &ok);
    if (ok)
        renameElement(current, name);
}

void TopologyView::takeNodeDown(const std::string &node)
{
    PlannedOutage initial;
    initial.node = node;
    const LiveJobs &live = liveJobsOf(m_run);
    initial.startS = m_runLoaded && live.hasRun() ? std::floor(live.now()) : 0.0;
    initial.durationS = 4 * 3600.0;
    OutageDialog dialog(initial, true, this);
    ScenarioDocument *document = m_document;
    dialog.setCommit([document](const PlannedOutage &outage, QString *why) {
        return edits::addOutage(*document, outage, why);
    });
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT statusMessage(m_document->undoStack()->undoText());
}

std::unique_ptr<QMenu> TopologyView::contextMenuAt(const QPoint &viewportPos)
{
    auto menu = std::make_unique<QMenu>(this);
    const Hit hit = hitAt(viewportPos);
    if (hit.part == Hit::Part::Node) {
        const std::string node = m_scene->nodeName(hit.node);
        QAction *down = menu->addAction(tr("Take Node &Down…"));
        down->setObjectName("takeNodeDown");
        down->setToolTip(
                tr("Plan an outage of %1: it goes down at a time, for a while").arg(q(node)));
        connect(down, &QAction::triggered, this, [this, node] { takeNodeDown(node); });
        const auto &outages = m_document->scenario().outages;
        for (std::size_t i = 0; i < outages.size(); ++i) {
            if (outages[i].node != node)
                continue;
            QAction *cancel = menu->addAction(tr("Cancel Outage at %1 (%2)")
                                                      .arg(formatDuration(outages[i].startS),
                                                           formatDuration(outages[i].durationS)));
            cancel->setObjectName(QStringLiteral("cancelOutage%1").arg(i));
            connect(cancel, &QAction::triggered, this, [this, i] {
                if (edits::removeOutages(*m_document, {i}))
                    Q_EMIT statusMessage(m_document->undoStack()->undoText());
            });
        }
        // The clicked node joins the selection, so Delete and Duplicate act on what was
        // clicked.
        if (QGraphicsItem *tile = m_scene->tile(hit.node); !tile->isSelected()) {
            m_scene->clearSelection();
            tile->setSelected(true);
        }
    }
    if (!actions().isEmpty()) {
        if (!menu->isEmpty())
            menu->addSeparator();
        menu->addActions(actions());
    }
    return menu;
}

void TopologyView::contextMenuEvent(QContextMenuEvent *event)
{
    const std::unique_ptr<QMenu> menu = contextMenuAt(event->pos());
    if (!menu->isEmpty())
        menu->exec(event->globalPos());
    event->accept();
}

// --- Zoom and pan ---------------------------------------------------------------------

void TopologyView::zoomBy(qreal factor, const QPoint &anchor)
{
    const qreal current = zoomFactor();
    const qreal target = std::clamp(current * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, current))
        return;
    m_autoFit = false;
    // Keep the scene point under the anchor where it is.
    const QPointF fixed = mapToScene(anchor);
    scale(target / current, target / current);
    followZoom();
    const QPoint drift = mapFromScene(fixed) - anchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + drift.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + drift.y());
    Q_EMIT statusMessage(zoomText(zoomFactor()));
}

void TopologyView::zoomIn()
{
    zoomBy(kZoomStep, viewport()->rect().center());
}

void TopologyView::zoomOut()
{
    zoomBy(1 / kZoomStep, viewport()->rect().center());
}

void TopologyView::resetZoom()
{
    m_autoFit = false;
    const QPointF centre = mapToScene(viewport()->rect().center());
    resetTransform();
    followZoom();
    centerOn(centre);
    Q_EMIT statusMessage(zoomText(1));
}

void TopologyView::fitToView()
{
    m_autoFit = true;
    fitContent();
    Q_EMIT statusMessage(zoomText(zoomFactor()));
}

void TopologyView::fitContent()
{
    QRectF content = m_scene->contentRect();
    if (content.isEmpty())
        content = m_scene->sceneRect();
    const qreal margin = TopologyStyle::kZoneGap;
    content.adjust(-margin, -margin, margin, margin);
    fitInView(content, Qt::KeepAspectRatio);
    if (zoomFactor() > kMaxFitZoom) {
        setTransform(QTransform::fromScale(kMaxFitZoom, kMaxFitZoom));
        centerOn(content.center());
    } else if (zoomFactor() < kMinZoom) {
        setTransform(QTransform::fromScale(kMinZoom, kMinZoom));
        centerOn(content.center());
    }
    followZoom();
}

void TopologyView::followZoom()
{
    m_scene->setOverview(zoomFactor() < kOverviewZoom);
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            zoomBy(std::pow(1.2, delta / 120.0), event->position().toPoint());
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || (ctrl && event->key() == Qt::Key_Equal)) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (ctrl && event->key() == Qt::Key_0) {
        resetZoom();
    } else if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        deleteSelection();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        m_pressHit = hitAt(m_pressPos);
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint at = event->position().toPoint();
        const QPoint delta = at - m_panLast;
        m_panLast = at;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton && m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && m_pressHit.part == Hit::Part::Node &&
        (event->position().toPoint() - m_pressPos).manhattanLength() <
                QApplication::startDragDistance()) {
        selectJobsOfSelectedNodes();
    }
    m_pressHit = {};
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const Hit hit = hitAt(event->position().toPoint());
        if (hit.part == Hit::Part::ZoneHeader || hit.part == Hit::Part::RackHeader ||
            hit.part == Hit::Part::Node) {
            event->accept();
            renameInteractively(hit);
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitContent();
}

void TopologyView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        m_scene->setStyle(palette(), font());
        break;
    case QEvent::FontChange:
        // Labels are elided for the font: lay out again.
        m_scene->setStyle(palette(), font());
        rebuild();
        break;
    default:
        break;
    }
}

void TopologyView::paintEvent(QPaintEvent *event)
{
    QElapsedTimer clock;
    clock.start();
    QGraphicsView::paintEvent(event);
    m_paintMs = clock.elapsed();
}

void TopologyView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (m_scene->zoneCount() > 0)
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(m_scene->topologyStyle().secondaryText);
    painter->setFont(font());
    painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                      Qt::AlignCenter | Qt::TextWordWrap,
                      tr("The cluster is empty.\nDrag a node type here to add a rack of nodes."));
    painter->restore();
}

// --- Tooltips ---------------------------------------------------------------------------

bool TopologyView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Hit hit = hitAt(help->pos());
        const QString text = toolTipFor(hit);
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            const QRect area = mapFromScene(m_scene->targetRect(hit)).boundingRect();
            QToolTip::showText(help->globalPos(), text, viewport(), area);
        }
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

QString TopologyView::toolTipFor(const Hit &hit) const
{
    const TopologyToolTips tips(m_document->scenario(), *m_scene, m_runLoaded);
    switch (hit.part) {
    case Hit::Part::Node: {
        const DownNode *down = nullptr;
        double now = 0.0;
        if (m_runLoaded && m_run && m_run->latest()) {
            const auto &nodes = m_run->latest()->downNodes;
            const auto it =
                    std::lower_bound(nodes.begin(), nodes.end(), hit.node,
                                     [](const DownNode &d, int node) { return d.node < node; });
            if (it != nodes.end() && it->node == hit.node)
                down = &*it;
            now = m_run->latest()->status.now;
        }
        return tips.node(hit.node, liveJobsOf(m_run).jobsOn(hit.node), down, now);
    }
    case Hit::Part::Rack:
    case Hit::Part::RackHeader:
        return tips.rack(hit.rack);
    case Hit::Part::Zone:
    case Hit::Part::ZoneHeader:
        return tips.zone(hit.zone);
    case Hit::Part::None:
        break;
    }
    return {};
}

// --- Drag and drop: ui/topology/topology_drop_handler.h ------------------------------------

TopologyView::Hit TopologyView::hitAt(const QPoint &viewportPos) const
{
    return m_scene->hitTest(mapToScene(viewportPos));
}

DropTarget TopologyView::dropTargetAt(const QPoint &viewportPos) const
{
    return m_drops->targetAt(viewportPos);
}

void TopologyView::dragEnterEvent(QDragEnterEvent *event)
{
    m_drops->dragEnter(event);
}

void TopologyView::dragMoveEvent(QDragMoveEvent *event)
{
    m_drops->dragMove(event);
}

void TopologyView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_drops->dragLeave(event);
}

void TopologyView::dropEvent(QDropEvent *event)
{
    m_drops->drop(event);
}

} // namespace headroom::ui
