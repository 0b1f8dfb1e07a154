#include "ui/charts/node_utilization_view.h"

#include "core/engine/compiled_cluster.h"
#include "report/report_format.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/chart_switch.h"
#include "ui/document/scenario_document.h"
#include "ui/run/run_controller.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPolygonF>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace headroom::ui {

namespace {

constexpr int kPad = 6;

} // namespace

NodeUtilizationView::NodeUtilizationView(RunController *run, ScenarioDocument *document,
                                         QWidget *parent)
    : QWidget(parent)
    , m_run(run)
    , m_document(document)
    , m_switch(new ChartSwitch(
              {{tr("Now"), tr("Busy accelerators per node at this instant")},
               {tr("Run average"), tr("Each node's utilization over the finished run: its busy "
                                      "accelerator-time over the makespan (available once a run "
                                      "has finished)")}},
              this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    connect(m_switch, &ChartSwitch::currentChanged, this, [this](int index) {
        m_reading = Reading(index);
        sortNodes();
        update();
    });
    connect(run, &RunController::snapshotArrived, this, &NodeUtilizationView::onSnapshot);
    connect(run, &RunController::finished, this, &NodeUtilizationView::onFinished);
    connect(run, &RunController::runReset, this, &NodeUtilizationView::onRunReset);
    // The nodes are the scenario's: shown from the moment it is open, before any run.
    for (auto signal : {&ScenarioDocument::scenarioReset, &ScenarioDocument::clusterChanged,
                        &ScenarioDocument::nodeTypesChanged})
        connect(document, signal, this, &NodeUtilizationView::onRunReset);
    onRunReset();
    if (const LiveSnapshot *latest = run->latest())
        onSnapshot(*latest);
    if (run->result())
        onFinished(run->result());
}

void NodeUtilizationView::loadNodes()
{
    m_names.clear();
    m_slots.clear();
    const CompiledCluster cluster = compileCluster(m_document->scenario());
    m_names.reserve(cluster.nodes.size());
    m_slots.reserve(cluster.nodes.size());
    for (const CompiledNode &node : cluster.nodes) {
        m_names.push_back(QString::fromStdString(node.name));
        m_slots.push_back(node.slots);
    }
}

void NodeUtilizationView::onRunReset()
{
    // A new run, or a new cluster (which resets a run if there is one): the node list again.
    loadNodes();
    m_busy.assign(m_names.size(), 0);
    m_average.clear();
    m_switch->setChoiceEnabled(int(Reading::RunAverage), false);
    m_reading = Reading(m_switch->current());
    sortNodes();
    update();
}

void NodeUtilizationView::onSnapshot(const LiveSnapshot &snapshot)
{
    const std::size_t n = std::min(snapshot.nodeBusy.size(), m_names.size());
    std::copy_n(snapshot.nodeBusy.begin(), n, m_busy.begin());
    if (m_reading == Reading::Now) {
        // Sorted when painted: a flat-out run sends dozens of snapshots a second, and sorting
        // 16,384 nodes for each while the tab is hidden (update() paints nothing then) was
        // a few per cent of the GUI thread (issue 11).
        m_sortPending = true;
        update();
    }
}

void NodeUtilizationView::onFinished(const std::shared_ptr<const RunResult> &result)
{
    if (!result)
        return;
    // The core's figures as they are (topology order); a node the result does not cover
    // (it cannot, the run is reset with every edit) reads 0.
    m_average = result->metrics.nodeUtilization;
    m_average.resize(m_names.size(), 0.0);
    m_clusterAverage = result->metrics.utilization;
    m_switch->setChoiceEnabled(int(Reading::RunAverage), true);
    setReading(Reading::RunAverage);
    sortNodes();
    update();
}

void NodeUtilizationView::setReading(Reading reading)
{
    m_switch->setCurrent(int(reading)); // sorts and repaints through currentChanged
}

double NodeUtilizationView::utilizationNow(int node) const
{
    const int slots = m_slots[std::size_t(node)];
    return slots > 0 ? std::clamp(double(m_busy[std::size_t(node)]) / slots, 0.0, 1.0) : 0.0;
}

double NodeUtilizationView::utilizationOf(int node) const
{
    if (m_reading == Reading::RunAverage && !m_average.empty())
        return m_average[std::size_t(node)];
    return utilizationNow(node);
}

const std::vector<int> &NodeUtilizationView::order() const
{
    if (m_sortPending)
        sortNodes();
    return m_order;
}

void NodeUtilizationView::sortNodes() const
{
    m_sortPending = false;
    m_order.resize(m_names.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    // Stable: equal nodes keep topology order, so bars do not shuffle between frames.
    std::stable_sort(m_order.begin(), m_order.end(),
                     [this](int a, int b) { return utilizationOf(a) > utilizationOf(b); });
}

std::vector<double> NodeUtilizationView::sortedUtilization() const
{
    std::vector<double> out;
    out.reserve(m_order.size());
    for (const int node : order())
        out.push_back(utilizationOf(node));
    return out;
}

QRect NodeUtilizationView::plotRect() const
{
    // The switch and the caption share a row above the plot.
    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QStringLiteral("100 %")) + 10;
    const int top = std::max(m_switch->sizeHint().height(), fm.height()) + kPad + fm.height() / 2;
    return rect().adjusted(left, top, -10, -kPad);
}

void NodeUtilizationView::placeSwitch()
{
    m_switch->adjustSize();
    m_switch->move(width() - m_switch->width() - kPad, kPad / 2);
}

void NodeUtilizationView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeSwitch();
}

QString NodeUtilizationView::caption() const
{
    const int n = nodeCount();
    if (n == 0)
        return tr("No nodes in the cluster");
    if (m_reading == Reading::RunAverage && !m_average.empty()) {
        return tr("%1 nodes, busiest first; cluster %2 over the run")
                .arg(QLocale().toString(n), report::percent(m_clusterAverage, 1));
    }
    int idle = 0;
    int full = 0;
    for (int node = 0; node < n; ++node) {
        const double u = utilizationNow(node);
        idle += u <= 0.0;
        full += u >= 1.0;
    }
    return tr("%1 nodes, busiest first; %2 full, %3 idle")
            .arg(QLocale().toString(n), QLocale().toString(full), QLocale().toString(idle));
}

void NodeUtilizationView::paintEvent(QPaintEvent *)
{
    const ChartStyle style = ChartStyle::fromPalette(palette());
    QPainter p(this);
    p.fillRect(rect(), style.background);
    const QRect plot = plotRect();
    if (plot.width() < 10 || plot.height() < 10)
        return;
    p.fillRect(plot, style.plotBackground);

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    p.setFont(small);
    const QFontMetrics fm(small);

    // Grid and y labels at 0, 25, ..., 100 %.
    for (int pct = 0; pct <= 100; pct += 25) {
        const int y = plot.bottom() - int(std::lround(plot.height() * pct / 100.0));
        p.setPen(QPen(style.grid, 1));
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(style.secondaryText);
        const QString label = QStringLiteral("%1 %").arg(pct);
        p.drawText(QRect(0, y - fm.height() / 2, plot.left() - 5, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, label);
    }

    const int n = nodeCount();
    if (n > 0) {
        order(); // sorted for this frame
        const QColor fill = style.series[0];
        p.setRenderHint(QPainter::Antialiasing, false);
        const double barWidth = double(plot.width()) / n;
        const double h = plot.height();
        if (barWidth >= 2.0) {
            // Discrete bars; a one-pixel gap once they are wide enough to afford it.
            const double gap = barWidth >= 5.0 ? 1.0 : 0.0;
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            for (int rank = 0; rank < n; ++rank) {
                const double u = utilizationOf(m_order[std::size_t(rank)]);
                if (u <= 0.0)
                    break; // sorted: the rest are idle
                const double x = plot.left() + rank * barWidth;
                p.drawRect(QRectF(x, plot.bottom() + 1 - u * h, barWidth - gap, u * h));
            }
        } else {
            // More nodes than pixels: one polygon, each column at its first (busiest) node.
            QPolygonF outline;
            outline.reserve(plot.width() * 2 + 2);
            outline << QPointF(plot.left(), plot.bottom() + 1);
            for (int x = 0; x < plot.width(); ++x) {
                const int rank = std::min(n - 1, int(x / barWidth));
                const double u = utilizationOf(m_order[std::size_t(rank)]);
                const double y = plot.bottom() + 1 - u * h;
                outline << QPointF(plot.left() + x, y) << QPointF(plot.left() + x + 1, y);
            }
            outline << QPointF(plot.left() + plot.width(), plot.bottom() + 1);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawPolygon(outline);
        }
    }
    p.setPen(QPen(style.axisLine, 1));
    p.setBrush(Qt::NoBrush);
    p.drawLine(plot.bottomLeft() + QPoint(0, 1), plot.bottomRight() + QPoint(0, 1));
    // The caption shares the row with the switch; a narrow dock leaves room for the switch only.
    const QRect row(plot.left(), kPad / 2, m_switch->x() - kPad - plot.left(),
                    m_switch->sizeHint().height());
    if (row.width() > fm.averageCharWidth() * 8) {
        p.setPen(style.secondaryText);
        p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(caption(), Qt::ElideRight, row.width()));
    }
}

bool NodeUtilizationView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QRect plot = plotRect();
        const int n = nodeCount();
        if (n > 0 && plot.contains(help->pos())) {
            const int rank = std::clamp(
                    int((help->pos().x() - plot.left()) * double(n) / plot.width()), 0, n - 1);
            const int node = order()[std::size_t(rank)];
            // Both readings whenever both exist: the tooltip is where they are compared.
            QString text = tr("<b>%1</b><br>now: %2 of %3 accelerators busy (%4)")
                                   .arg(m_names[std::size_t(node)].toHtmlEscaped())
                                   .arg(m_busy[std::size_t(node)])
                                   .arg(m_slots[std::size_t(node)])
                                   .arg(report::percent(utilizationNow(node), 0));
            if (!m_average.empty()) {
                text += tr("<br>run average: %1")
                                .arg(report::percent(m_average[std::size_t(node)], 1));
            }
            text += tr("<br>rank %1 of %2").arg(rank + 1).arg(n);
            QToolTip::showText(help->globalPos(), text, this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace headroom::ui
