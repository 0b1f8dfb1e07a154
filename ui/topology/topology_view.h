#pragma once

#include "ui/dnd/drop_rules.h"
#include "ui/topology/topology_scene.h"

#include <QElapsedTimer>
#include <QGraphicsView>

#include <memory>
#include <string>
#include <vector>

class QMenu;

namespace headroom::ui {

class RunController;
class ScenarioDocument;
class Selection;
class TopologyDropHandler;
struct LiveSnapshot;

// The topology editor at the centre of the main window: zones, racks and nodes of the
// document's cluster, coloured by utilization while a run is loaded. It edits only through
// scenario_edits.h and the drop rules (one undo step per action), mirrors the shared
// Selection both ways, and accepts drops of node types and jobs (it is never a drag source).
class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    // Fit-to-view magnifies a small cluster at most this much: further, its tiles look
    // broken rather than fitted.
    static constexpr qreal kMaxFitZoom = 1.5;
    // Below this zoom the gaps between a wrapped rack's tiles are under a pixel both ways, and
    // the rack paints its tiles as one image (TopologyScene::setOverview).
    static constexpr qreal kOverviewZoom = 0.25;

    TopologyView(ScenarioDocument *document, Selection *selection, RunController *run,
                 QWidget *parent = nullptr);
    ~TopologyView() override;

    TopologyScene *topologyScene() const { return m_scene; }
    qreal zoomFactor() const;

    // What a drop at this viewport position would land on, as the drop rules see it.
    DropTarget dropTargetAt(const QPoint &viewportPos) const;
    // Renames a zone, rack or node through the undo stack; on refusal says why in
    // statusMessage. What double-clicking a header does after asking for the name.
    bool renameElement(const QString &oldName, const QString &newName);
    // The context menu for this viewport position (what a right-click opens): on a node,
    // Take Node Down… and the removal of each of its planned outages, then the view's own
    // actions. The caller owns it.
    std::unique_ptr<QMenu> contextMenuAt(const QPoint &viewportPos);
    // Asks when and for how long, then adds a planned outage of `node` (one undo step). The
    // start offered is the live run's time, if one is loaded.
    void takeNodeDown(const std::string &node);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    // Shows the whole cluster (never magnified past 100 %) and keeps it so on resize until
    // the user zooms.
    void fitToView();
    void resetZoom();
    void deleteSelection();
    void duplicateSelection();
    // Selects every node (not the racks and zones, so Delete empties racks instead of
    // removing the whole cluster).
    void selectAll();

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void paintEvent(QPaintEvent *event) override;

private:
    using Hit = TopologyScene::Hit;

    void rebuild();
    void onSceneSelectionChanged();
    void onSelectionElementsChanged();
    void onSelectionJobsChanged();
    void onSnapshot(const LiveSnapshot &snapshot);
    void onRunReset();
    void updateJobHighlights();
    void selectJobsOfSelectedNodes();

    void zoomBy(qreal factor, const QPoint &anchor);
    void fitContent();
    void followZoom(); // after every change of the transform

    Hit hitAt(const QPoint &viewportPos) const;
    void renameInteractively(const Hit &hit);
    QString toolTipFor(const Hit &hit) const;

    ScenarioDocument *m_document;
    Selection *m_selection;
    RunController *m_run;
    TopologyScene *m_scene;
    TopologyDropHandler *m_drops;
    std::vector<char> m_highlightBuffer; // reused: no allocation per snapshot
    QElapsedTimer m_tileClock;           // paces tile repaints while a run is going
    static constexpr int kTileFrameMs = 66;
    // How long the latest paint took: tiles repaint at most a quarter of the time, so a
    // cluster of 16,384 tiles on a busy machine repaints less often instead of holding the
    // GUI thread (issue 11).
    qint64 m_paintMs = 0;
    bool m_runLoaded = false; // a snapshot of the current run has arrived
    bool m_jobHighlightsShown = false;
    bool m_syncingSelection = false;
    bool m_autoFit = true; // refit on resize and rebuild until the user zooms

    // Middle-button panning.
    bool m_panning = false;
    QPoint m_panLast;
    // The left press, to tell a click on a node from a rubber band.
    QPoint m_pressPos;
    Hit m_pressHit;
};

} // namespace headroom::ui
