#pragma once

#include "ui/timeline/gantt_geometry.h"
#include "ui/timeline/gantt_model.h"
#include "ui/timeline/gantt_palette.h"

#include <QAbstractScrollArea>

#include <cstddef>
#include <optional>
#include <vector>

namespace headroom::ui {

class RunController;
class ScenarioDocument;
class Selection;
struct LiveSnapshot;

// The jobs timeline: a Gantt chart of the current run with one row per node and a bar for
// every stretch of time a job held that node (GanttModel), up to the "now" line. Bars are
// coloured by tenant or by job (GanttPalette), chosen per light or dark palette.
//
// Interaction: wheel scrolls rows, Shift+wheel scrolls time, Ctrl+wheel zooms time around the
// cursor, Ctrl+Shift+wheel changes the row height, Ctrl+0 (or double-clicking the time
// header) fits the whole run. While the view is scrolled to the end it follows "now".
// Clicking a bar selects its job, clicking a node's name selects the node; the view
// highlights the bars of selected jobs and the rows of selected nodes (directly or through a
// selected rack or zone).
//
// Painting looks only at the visible rows and their visible segments. Bars narrower than a
// pixel are not drawn one by one: they add to a per-pixel occupancy strip drawn once per row.
// History dropped to keep under the model's segment cap is shown hatched.
class GanttView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class ColorBy { Tenant, Job };

    GanttView(ScenarioDocument *document, Selection *selection, RunController *run,
              QWidget *parent = nullptr);
    ~GanttView() override;

    const GanttModel &model() const { return m_model; }
    void setSegmentCap(std::size_t segments);

    ColorBy colorBy() const { return m_colorBy; }
    void setColorBy(ColorBy colorBy);

    // Horizontal zoom, in simulated seconds per pixel; fitToWidth() shows the whole run and
    // keeps doing so as it grows.
    double secondsPerPixel() const { return m_geometry.secondsPerPixel; }
    bool isFitToWidth() const { return m_geometry.fit; }
    void fitToWidth();
    void zoomBy(double factor, int anchorX);

    // Where the latest bar of `job` on `node` is drawn, in viewport coordinates; an empty
    // rectangle when there is none or it is scrolled out of view.
    QRect barRect(std::size_t job, int node) const;
    // The job whose bar is under a viewport position.
    std::optional<std::size_t> jobAt(const QPoint &viewportPos) const;
    bool isRowHighlighted(int node) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void onSnapshot(const LiveSnapshot &snapshot);
    void onRunReset();
    void onSelectionJobsChanged();
    void onSelectionElementsChanged();
    void updateLabelWidth();
    int headerHeight() const;
    // Brings the geometry in line with the viewport, the run's span and the zoom, and the
    // scroll bars in line with the geometry.
    void layOut();
    void ensureRowVisible(int row);
    void selectAt(const QPoint &pos, bool toggle);

    void paintRowBackgrounds(QPainter &p);
    void paintBars(QPainter &p);
    void paintOccupancy(QPainter &p, int row);
    void paintHeader(QPainter &p);
    void paintLabels(QPainter &p);
    bool isJobSelected(std::uint32_t job) const;
    QColor colorOf(const GanttModel::Segment &segment) const;
    QString toolTipFor(const GanttModel::Hit &hit) const;

    ScenarioDocument *m_document;
    Selection *m_selection;
    RunController *m_run;

    GanttModel m_model;
    GanttGeometry m_geometry;
    GanttPalette m_palette;
    int m_labelWidth = 80;
    std::vector<char> m_highlightedRows;
    ColorBy m_colorBy = ColorBy::Tenant;
    std::vector<std::size_t> m_selectedJobs; // sorted copy of Selection::jobs()
    std::vector<float> m_coverage;           // paint scratch: per-pixel occupancy
};

} // namespace headroom::ui
