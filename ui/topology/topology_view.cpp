#include "ui/topology/topology_view.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"
#include "ui/topology/drop_indicator_item.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/rack_item.h"
#include "ui/topology/zone_item.h"

#include <QApplication>
#include <QHelpEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMimeData>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace headroom::ui {
namespace {

constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kZoomStep = 1.25;
constexpr int kMaxJobsInToolTip = 8;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString html(const std::string &text)
{
    return q(text).toHtmlEscaped();
}

QString formatWatts(double watts)
{
    if (watts >= 10'000)
        return QStringLiteral("%1 kW").arg(watts / 1000, 0, 'f', 1);
    return QStringLiteral("%1 W").arg(std::lround(watts));
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(std::lround(fraction * 100));
}

bool hasPowerModel(const NodeType &type)
{
    return type.power.maxW() > 0;
}

} // namespace

TopologyView::TopologyView(ScenarioDocument *document, Selection *selection, RunController *run,
                           QWidget *parent)
    : QGraphicsView(parent)
    , m_document(document)
    , m_selection(selection)
    , m_run(run)
    , m_scene(new TopologyScene(this))
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
    // A verdict depends on the whole scenario (jobs, types, cluster).
    connect(m_document, &ScenarioDocument::changed, this, [this] {
        m_verdicts.clear();
        m_dragHit.reset();
        m_dragVerdict = nullptr;
    });
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
            m_running.reset(m_scene->nodeCount());
            m_runLoaded = false;
        } else if (m_runLoaded && m_run && m_run->latest()) {
            m_scene->setBusy(m_run->latest()->nodeBusy);
            m_scene->setPowerStates(m_run->latest()->nodePower);
        }
        m_dragHit.reset();
        m_dragVerdict = nullptr;
        m_verdicts.clear();

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
        for (int node : m_running.nodesOf(job)) {
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
    if (m_running.apply(snapshot.newEvents))
        updateJobHighlights();
    // Tile colours change on almost every frame of a busy run, and repainting thousands of
    // tiles 30 times a second competes with the charts for the GUI thread; 15 a second looks
    // the same. The last frame of a run (or a paused step) is always shown.
    const bool settled = snapshot.finished || snapshot.eventsPerWallSecond == 0.0;
    if (settled || !m_tileClock.isValid() || m_tileClock.elapsed() >= kTileFrameMs) {
        m_scene->setBusy(snapshot.nodeBusy);
        m_scene->setPowerStates(snapshot.nodePower);
        m_tileClock.start();
    }
}

void TopologyView::onRunReset()
{
    m_runLoaded = false;
    m_tileClock.invalidate();
    m_running.reset(m_scene->nodeCount());
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
            const auto &on = m_running.jobsOn(static_cast<const NodeTileItem *>(item)->index());
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
    const QPoint drift = mapFromScene(fixed) - anchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + drift.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + drift.y());
    Q_EMIT statusMessage(tr("Zoom %1").arg(percent(zoomFactor())));
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
    centerOn(centre);
    Q_EMIT statusMessage(tr("Zoom %1").arg(percent(1)));
}

void TopologyView::fitToView()
{
    m_autoFit = true;
    fitContent();
    Q_EMIT statusMessage(tr("Zoom %1").arg(percent(zoomFactor())));
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
    switch (hit.part) {
    case Hit::Part::Node:
        return nodeToolTip(hit.node);
    case Hit::Part::Rack:
    case Hit::Part::RackHeader:
        return rackToolTip(hit.rack);
    case Hit::Part::Zone:
    case Hit::Part::ZoneHeader:
        return zoneToolTip(hit.zone);
    case Hit::Part::None:
        break;
    }
    return {};
}

QString TopologyView::nodeToolTip(int node) const
{
    const Scenario &s = m_document->scenario();
    const int rack = m_scene->rackOfNode(node);
    const int zone = m_scene->zoneOfRack(rack);
    const NodeSpec &spec = s.cluster.zones[std::size_t(zone)]
                                   .racks[std::size_t(m_scene->rackInZone(rack))]
                                   .nodes[std::size_t(m_scene->nodeInRack(node))];
    const NodeType *type = s.findNodeType(spec.type);
    const NodeTileItem *tile = m_scene->tile(node);

    QString text = QStringLiteral("<b>%1</b><br/>").arg(html(spec.name));
    text += tr("Type: %1").arg(html(spec.type));
    if (type && !type->acceleratorModel.empty())
        text += QStringLiteral(" (%1)").arg(html(type->acceleratorModel));
    text += QStringLiteral("<br/>") + tr("Accelerators: %1").arg(tile->accelerators());
    text += QStringLiteral("<br/>") +
            tr("Rack %1 · zone %2")
                    .arg(html(m_scene->rackName(rack)), html(m_scene->zoneName(zone)));
    if (!m_runLoaded || tile->busy() < 0) {
        text += QStringLiteral("<br/><i>%1</i>").arg(tr("No run loaded"));
        text += QStringLiteral("<br/>") + tr("Power: %1").arg(QStringLiteral("—"));
        return text;
    }
    const double u = tile->utilization();
    const NodeTileItem::PowerState power = tile->powerState();
    QString state;
    double drawW = type && hasPowerModel(*type) ? type->power.watts(u) : -1.0;
    switch (power) {
    case NodeTileItem::PowerState::Off:
        state = tr("Off (switched off by power management)");
        drawW = type ? type->offW : -1.0;
        break;
    case NodeTileItem::PowerState::Booting:
        state = tr("Booting");
        if (type && hasPowerModel(*type))
            drawW = type->bootW.value_or(type->power.idleW());
        break;
    case NodeTileItem::PowerState::ShuttingDown:
        state = tr("Shutting down");
        break;
    case NodeTileItem::PowerState::Busy:
        state = tr("Busy");
        break;
    default:
        state = tr("Idle");
        break;
    }
    text += QStringLiteral("<br/>") + tr("State: %1").arg(state);
    text += QStringLiteral("<br/>") + tr("Busy: %1 of %2 accelerators (%3)")
                                              .arg(tile->busy())
                                              .arg(tile->accelerators())
                                              .arg(percent(u));
    const QString watts = drawW >= 0.0 ? formatWatts(drawW) : QStringLiteral("—");
    text += QStringLiteral("<br/>") + tr("Power: %1").arg(watts);
    const std::vector<std::size_t> &jobs = m_running.jobsOn(node);
    if (jobs.empty()) {
        text += QStringLiteral("<br/>") + tr("No jobs running");
        return text;
    }
    text += QStringLiteral("<br/>") + tr("Running:");
    int shown = 0;
    for (std::size_t index : jobs) {
        if (shown == kMaxJobsInToolTip) {
            text += QStringLiteral("<br/>&nbsp;&nbsp;") +
                    tr("… and %1 more").arg(int(jobs.size()) - shown);
            break;
        }
        if (index >= s.jobs.size())
            continue;
        const Job &job = s.jobs[index];
        QString line = tr("Job %1").arg(static_cast<qlonglong>(job.id));
        if (!job.name.empty())
            line += QStringLiteral(" ") + html(job.name);
        line += QStringLiteral(" · ") + tr("%1 acc.").arg(job.slots);
        text += QStringLiteral("<br/>&nbsp;&nbsp;") + line;
        ++shown;
    }
    return text;
}

QString TopologyView::rackToolTip(int rack) const
{
    const Scenario &s = m_document->scenario();
    const int zone = m_scene->zoneOfRack(rack);
    const Rack &spec =
            s.cluster.zones[std::size_t(zone)].racks[std::size_t(m_scene->rackInZone(rack))];
    long long accelerators = 0;
    long long busy = 0;
    const auto [first, last] = m_scene->nodesOfRack(rack);
    for (int node = first; node < last; ++node) {
        const NodeTileItem *tile = m_scene->tile(node);
        accelerators += tile->accelerators();
        busy += std::max(tile->busy(), 0);
    }
    QString text = QStringLiteral("<b>%1</b><br/>").arg(html(spec.name));
    text += tr("Zone %1").arg(html(m_scene->zoneName(zone)));
    text += QStringLiteral("<br/>") +
            tr("%1 nodes · %2 accelerators").arg(spec.nodes.size()).arg(accelerators);
    if (spec.powerBudgetKw)
        text += QStringLiteral("<br/>") + tr("Power budget: %1 kW").arg(*spec.powerBudgetKw);
    if (m_runLoaded && accelerators > 0)
        text += QStringLiteral("<br/>") +
                tr("Busy: %1 of %2 (%3)")
                        .arg(busy)
                        .arg(accelerators)
                        .arg(percent(double(busy) / double(accelerators)));
    return text;
}

QString TopologyView::zoneToolTip(int zone) const
{
    const Scenario &s = m_document->scenario();
    const Zone &spec = s.cluster.zones[std::size_t(zone)];
    long long accelerators = 0;
    long long busy = 0;
    const auto [firstRack, lastRack] = m_scene->racksOfZone(zone);
    const int first = firstRack < lastRack ? m_scene->nodesOfRack(firstRack).first : 0;
    const int last = firstRack < lastRack ? m_scene->nodesOfRack(lastRack - 1).second : 0;
    for (int node = first; node < last; ++node) {
        const NodeTileItem *tile = m_scene->tile(node);
        accelerators += tile->accelerators();
        busy += std::max(tile->busy(), 0);
    }
    const int nodes = last - first;
    QString text = QStringLiteral("<b>%1</b><br/>").arg(html(spec.name));
    text += tr("%1 racks · %2 nodes · %3 accelerators")
                    .arg(spec.racks.size())
                    .arg(nodes)
                    .arg(accelerators);
    if (m_runLoaded && accelerators > 0)
        text += QStringLiteral("<br/>") +
                tr("Busy: %1 of %2 (%3)")
                        .arg(busy)
                        .arg(accelerators)
                        .arg(percent(double(busy) / double(accelerators)));
    return text;
}

// --- Drag and drop (validate while dragging, act on drop: Tiled's MapScene pattern) ------

TopologyView::Hit TopologyView::hitAt(const QPoint &viewportPos) const
{
    return m_scene->hitTest(mapToScene(viewportPos));
}

DropTarget TopologyView::dropTargetFor(const Hit &hit) const
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

DropTarget TopologyView::dropTargetAt(const QPoint &viewportPos) const
{
    return dropTargetFor(hitAt(viewportPos));
}

const DropVerdict &TopologyView::verdictAt(const QPointF &viewportPos)
{
    const Hit hit = hitAt(viewportPos.toPoint());
    if (m_dragHit && *m_dragHit == hit && m_dragVerdict)
        return *m_dragVerdict;

    const DropTarget target = dropTargetFor(hit);
    auto key = std::make_pair(int(target.kind), target.name);
    auto it = m_verdicts.find(key);
    if (it == m_verdicts.end()) {
        it = m_verdicts
                     .emplace(std::move(key),
                              evaluateDrop(m_document->scenario(), *m_dragPayload, target))
                     .first;
    }
    m_dragHit = hit;
    m_dragVerdict = &it->second;

    // A node type dropped on a node goes into that node's rack: outline the rack.
    Hit shown = hit;
    if (m_dragPayload->kind == DragPayload::Kind::NodeType && hit.part == Hit::Part::Node)
        shown.part = Hit::Part::Rack;
    m_scene->showDropIndicator(m_scene->targetRect(shown), m_dragVerdict->allowed);
    Q_EMIT statusMessage(m_dragVerdict->message);
    return *m_dragVerdict;
}

void TopologyView::endDrag()
{
    m_scene->hideDropIndicator();
    m_dragPayload.reset();
    m_verdicts.clear();
    m_dragHit.reset();
    m_dragVerdict = nullptr;
}

void TopologyView::dragEnterEvent(QDragEnterEvent *event)
{
    endDrag();
    m_dragPayload = fromMimeData(event->mimeData());
    if (!m_dragPayload) {
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

void TopologyView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!m_dragPayload) {
        event->ignore();
        return;
    }
    if (verdictAt(event->position()).allowed)
        event->acceptProposedAction();
    else
        event->ignore();
}

void TopologyView::dragLeaveEvent(QDragLeaveEvent *event)
{
    endDrag();
    Q_EMIT statusMessage(QString());
    event->accept();
}

void TopologyView::dropEvent(QDropEvent *event)
{
    // A drop can arrive without a preceding enter (synthesized events, some platforms).
    if (!m_dragPayload)
        m_dragPayload = fromMimeData(event->mimeData());
    if (!m_dragPayload) {
        endDrag();
        event->ignore();
        return;
    }
    const DragPayload payload = *m_dragPayload;
    const DropVerdict verdict = verdictAt(event->position());
    const DropTarget target = dropTargetAt(event->position().toPoint());
    endDrag();
    if (!verdict.allowed) {
        event->ignore();
        Q_EMIT statusMessage(verdict.message);
        return;
    }
    const bool askCount = payload.kind == DragPayload::Kind::NodeType &&
                          (event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier));
    if (askCount) {
        event->acceptProposedAction();
        // Not from inside dropEvent: a modal dialog there would run while the platform's
        // drag is still being finished (X11, Wayland). The drop rules check again anyway.
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

void TopologyView::addNodesAsked(const DragPayload &payload, const DropTarget &target)
{
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Add nodes"),
                                           tr("How many %1 nodes?").arg(q(payload.nodeType)), 4, 1,
                                           512, 1, &ok);
    if (!ok)
        return;
    if (applyDrop(*m_document, payload, target, count)) {
        Q_EMIT statusMessage(m_document->undoStack()->undoText());
    } else {
        Q_EMIT statusMessage(evaluateDrop(m_document->scenario(), payload, target).message);
    }
}

} // namespace headroom::ui
