#include "ui/charts/node_utilization_view.h"

#include "core/engine/compiled_cluster.h"
#include "ui/charts/chart_style.h"
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

NodeUtilizationView::NodeUtilizationView(RunController *run, ScenarioDocument *document,
                                         QWidget *parent)
    : QWidget(parent)
    , m_run(run)
    , m_document(document)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    connect(run, &RunController::snapshotArrived, this, &NodeUtilizationView::onSnapshot);
    connect(run, &RunController::runReset, this, &NodeUtilizationView::onRunReset);
    onRunReset();
    if (const LiveSnapshot *latest = run->latest())
        onSnapshot(*latest);
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
    // Every document edit resets the run, so this is also where the node list is refreshed.
    loadNodes();
    m_busy.assign(m_names.size(), 0);
    sortNodes();
    update();
}

void NodeUtilizationView::onSnapshot(const LiveSnapshot &snapshot)
{
    const std::size_t n = std::min(snapshot.nodeBusy.size(), m_names.size());
    std::copy_n(snapshot.nodeBusy.begin(), n, m_busy.begin());
    sortNodes();
    update();
}

double NodeUtilizationView::utilizationOf(int node) const
{
    const int slots = m_slots[std::size_t(node)];
    return slots > 0 ? std::clamp(double(m_busy[std::size_t(node)]) / slots, 0.0, 1.0) : 0.0;
}

void NodeUtilizationView::sortNodes()
{
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
    for (const int node : m_order)
        out.push_back(utilizationOf(node));
    return out;
}

QRect NodeUtilizationView::plotRect() const
{
    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QStringLiteral("100 %")) + 10;
    const int top = fm.height() / 2 + 4;
    const int bottom = fm.height() + 10;
    return rect().adjusted(left, top, -10, -bottom);
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
    QString caption;
    if (n == 0) {
        caption = tr("No nodes in the cluster");
    } else {
        int idle = 0;
        int full = 0;
        for (int node = 0; node < n; ++node) {
            const double u = utilizationOf(node);
            idle += u <= 0.0;
            full += u >= 1.0;
        }
        caption = tr("%1 nodes, busiest first \u2014 %2 full, %3 idle")
                          .arg(QLocale().toString(n), QLocale().toString(full),
                               QLocale().toString(idle));

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
    p.setPen(style.secondaryText);
    p.drawText(QRect(plot.left(), plot.bottom() + 4, plot.width(), fm.height() + 4),
               Qt::AlignHCenter | Qt::AlignTop,
               fm.elidedText(caption, Qt::ElideRight, plot.width()));
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
            const int node = m_order[std::size_t(rank)];
            QToolTip::showText(help->globalPos(),
                               tr("<b>%1</b><br>%2 of %3 accelerators busy (%4 %)<br>"
                                  "rank %5 of %6")
                                       .arg(m_names[std::size_t(node)].toHtmlEscaped())
                                       .arg(m_busy[std::size_t(node)])
                                       .arg(m_slots[std::size_t(node)])
                                       .arg(QLocale().toString(utilizationOf(node) * 100, 'f', 0))
                                       .arg(rank + 1)
                                       .arg(n),
                               this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace headroom::ui
