#include "ui/topology/topology_tooltips.h"

#include "core/model/scenario.h"
#include "report/report_format.h"
#include "ui/models/duration_text.h"
#include "ui/run/live_snapshot.h"
#include "ui/timeline/time_axis.h"
#include "ui/topology/node_tile_item.h"
#include "ui/topology/topology_scene.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace headroom::ui {
namespace {

constexpr int kMaxJobsInToolTip = 8;

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::TopologyToolTips", text);
}

QString html(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString line(const QString &text)
{
    return QStringLiteral("<br/>") + text;
}

bool hasPowerModel(const NodeType &type)
{
    return type.power.maxW() > 0;
}

} // namespace

TopologyToolTips::Load TopologyToolTips::loadOf(int first, int last) const
{
    Load load;
    for (int node = first; node < last; ++node) {
        const NodeTileItem *tile = m_scene.tile(node);
        load.accelerators += tile->accelerators();
        load.busy += std::max(tile->busy(), 0);
    }
    return load;
}

QString TopologyToolTips::busyLine(const Load &load) const
{
    if (!m_runLoaded || load.accelerators == 0)
        return {};
    return line(tr("Busy: %1 of %2 (%3)")
                        .arg(load.busy)
                        .arg(load.accelerators)
                        .arg(report::percent(double(load.busy) / double(load.accelerators), 0)));
}

QString TopologyToolTips::node(int node, const std::vector<std::size_t> &running,
                               const DownNode *down, double now) const
{
    const int rack = m_scene.rackOfNode(node);
    const int zone = m_scene.zoneOfRack(rack);
    const NodeSpec &spec = m_scenario.cluster.zones[std::size_t(zone)]
                                   .racks[std::size_t(m_scene.rackInZone(rack))]
                                   .nodes[std::size_t(m_scene.nodeInRack(node))];
    const NodeType *type = m_scenario.findNodeType(spec.type);
    const NodeTileItem *tile = m_scene.tile(node);

    QString text = QStringLiteral("<b>%1</b>").arg(html(spec.name));
    QString typeLine = tr("Type: %1").arg(html(spec.type));
    if (type && !type->acceleratorModel.empty())
        typeLine += QStringLiteral(" (%1)").arg(html(type->acceleratorModel));
    text += line(typeLine);
    text += line(tr("Accelerators: %1").arg(tile->accelerators()));
    text += line(tr("Rack %1 · zone %2")
                         .arg(html(m_scene.rackName(rack)), html(m_scene.zoneName(zone))));
    if (!m_runLoaded || tile->busy() < 0) {
        text += QStringLiteral("<br/><i>%1</i>").arg(tr("No run loaded"));
        text += line(tr("Power: %1").arg(QStringLiteral("—")));
        return text;
    }
    const double u = tile->utilization();
    QString state;
    double drawW = type && hasPowerModel(*type) ? type->power.watts(u) : -1.0;
    switch (tile->powerState()) {
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
    case NodeTileItem::PowerState::Down:
        drawW = type ? type->offW : -1.0; // docs/design.md §10.6: a down node draws off_w
        if (!down) {
            state = tr("Down");
        } else {
            state = (down->planned ? tr("Down (planned outage) since %1")
                                   : tr("Down (failed) since %1"))
                            .arg(formatSimTime(down->since));
            state += QStringLiteral("<br/>") +
                     tr("Back at %1, in %2")
                             .arg(formatSimTime(down->until),
                                  formatDuration(std::max(0.0, std::ceil(down->until - now))));
        }
        break;
    case NodeTileItem::PowerState::Busy:
        state = tr("Busy");
        break;
    default:
        state = tr("Idle");
        break;
    }
    text += line(tr("State: %1").arg(state));
    text += line(tr("Busy: %1 of %2 accelerators (%3)")
                         .arg(tile->busy())
                         .arg(tile->accelerators())
                         .arg(report::percent(u, 0)));
    text += line(tr("Power: %1").arg(drawW >= 0.0 ? report::power(drawW) : QStringLiteral("—")));
    if (running.empty())
        return text + line(tr("No jobs running"));
    text += line(tr("Running:"));
    int shown = 0;
    for (std::size_t index : running) {
        if (shown == kMaxJobsInToolTip) {
            text += line(QStringLiteral("&nbsp;&nbsp;") +
                         tr("… and %1 more").arg(int(running.size()) - shown));
            break;
        }
        if (index >= m_scenario.jobs.size())
            continue;
        const Job &job = m_scenario.jobs[index];
        QString entry = tr("Job %1").arg(static_cast<qlonglong>(job.id));
        if (!job.name.empty())
            entry += QStringLiteral(" ") + html(job.name);
        entry += QStringLiteral(" · ") + tr("%1 acc.").arg(job.slots);
        text += line(QStringLiteral("&nbsp;&nbsp;") + entry);
        ++shown;
    }
    return text;
}

QString TopologyToolTips::rack(int rack) const
{
    const int zone = m_scene.zoneOfRack(rack);
    const Rack &spec = m_scenario.cluster.zones[std::size_t(zone)]
                               .racks[std::size_t(m_scene.rackInZone(rack))];
    const auto [first, last] = m_scene.nodesOfRack(rack);
    const Load load = loadOf(first, last);
    QString text = QStringLiteral("<b>%1</b>").arg(html(spec.name));
    text += line(tr("Zone %1").arg(html(m_scene.zoneName(zone))));
    text += line(tr("%1 nodes · %2 accelerators").arg(spec.nodes.size()).arg(load.accelerators));
    if (spec.powerBudgetKw)
        text += line(tr("Power budget: %1").arg(report::power(*spec.powerBudgetKw * 1e3)));
    return text + busyLine(load);
}

QString TopologyToolTips::zone(int zone) const
{
    const Zone &spec = m_scenario.cluster.zones[std::size_t(zone)];
    const auto [firstRack, lastRack] = m_scene.racksOfZone(zone);
    const int first = firstRack < lastRack ? m_scene.nodesOfRack(firstRack).first : 0;
    const int last = firstRack < lastRack ? m_scene.nodesOfRack(lastRack - 1).second : 0;
    const Load load = loadOf(first, last);
    QString text = QStringLiteral("<b>%1</b>").arg(html(spec.name));
    text += line(tr("%1 racks · %2 nodes · %3 accelerators")
                         .arg(spec.racks.size())
                         .arg(last - first)
                         .arg(load.accelerators));
    return text + busyLine(load);
}

} // namespace headroom::ui
