// The sections of a planning report, in reading order. Each section reads ReportData and
// appends blocks; a figure that the run does not have is left out rather than shown as zero.
#include "report/report_document.h"

#include "report/report_charts.h"
#include "report/report_data.h"
#include "report/report_format.h"
#include "report/report_style.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::report {
namespace {

using style::Color;

// Longer tables list the extremes; the CSV files have every row.
constexpr std::size_t kMaxNodeRows = 120;
constexpr std::size_t kMaxTenantRows = 40;
constexpr std::size_t kSummaryRisks = 3;

QString str(const std::string &text)
{
    return QString::fromStdString(text);
}

QString tenantName(const std::string &tenant)
{
    return tenant.empty() ? QStringLiteral("(none)") : str(tenant);
}

class Builder
{
public:
    explicit Builder(ReportDocument &document)
        : m_document(document)
    {}

    void heading(const QString &text, int level = 2)
    {
        m_document.blocks.emplace_back(ReportHeading{level, text});
    }
    void paragraph(const QString &text, ReportParagraph::Style style = ReportParagraph::Style::Body)
    {
        m_document.blocks.emplace_back(ReportParagraph{text, style});
    }
    void note(const QString &text) { paragraph(text, ReportParagraph::Style::Note); }
    void add(ReportBlock block) { m_document.blocks.push_back(std::move(block)); }

private:
    ReportDocument &m_document;
};

// A two-column "setting / value" table.
class KeyValues
{
public:
    void add(const QString &key, const QString &value) { m_table.rows.push_back({key, value}); }
    ReportTable table(const QString &keyTitle, const QString &valueTitle)
    {
        m_table.header = {keyTitle, valueTitle};
        m_table.numeric = {false, false};
        return m_table;
    }

private:
    ReportTable m_table;
};

QString accelerators(const ReportData &data)
{
    QStringList parts;
    for (const ReportNodeType &type : data.nodeTypes) {
        const QString model = type.acceleratorModel.isEmpty() ? type.name : type.acceleratorModel;
        parts << QStringLiteral("%1 × %2").arg(
                count(static_cast<long long>(type.nodes) * type.acceleratorsPerNode), model);
    }
    return parts.join(QStringLiteral("; "));
}

// ---------------------------------------------------------------------------------------------

void titleBlock(const ReportData &data, Builder &out)
{
    out.add(ReportTitleBlock{data.scenarioName.isEmpty() ? QStringLiteral("Untitled scenario")
                                                         : data.scenarioName,
                             data.description,
                             QStringLiteral("Capacity planning report · %1 · Headroom %2")
                                     .arg(data.date.toString(Qt::ISODate), data.version)});
}

void summary(const ReportData &data, Builder &out)
{
    const RunMetrics &m = data.metrics;
    out.heading(QStringLiteral("Executive summary"));
    ReportFacts facts;
    auto fact = [&](const QString &label, const QString &value, const QString &detail) {
        facts.facts.push_back({label, value, detail});
    };
    long long nodes = 0;
    for (const ReportNodeType &type : data.nodeTypes)
        nodes += type.nodes;
    fact(QStringLiteral("Accelerators"), count(data.totalAccelerators()),
         QStringLiteral("%1 on %2 nodes").arg(accelerators(data), count(nodes)));
    fact(QStringLiteral("Utilization"), percent(m.utilization, 1),
         QStringLiteral("busy accelerator-time over the %1 makespan").arg(duration(m.makespanS)));
    fact(QStringLiteral("Wait, 95th percentile"), duration(m.p95WaitS),
         QStringLiteral("median %1 · mean %2 · max %3")
                 .arg(duration(m.p50WaitS), duration(m.meanWaitS), duration(m.maxWaitS)));
    QString jobsDetail = QStringLiteral("of %1 submitted · %2 rejected")
                                 .arg(count(m.jobsSubmitted), count(m.jobsRejected));
    if (data.unfinishedJobs > 0)
        jobsDetail += QStringLiteral(" · %1 unfinished").arg(count(data.unfinishedJobs));
    if (m.jobsSkipped > 0)
        jobsDetail += QStringLiteral(" · %1 trace lines skipped").arg(count(m.jobsSkipped));
    fact(QStringLiteral("Jobs completed"), count(m.jobsCompleted), jobsDetail);
    if (data.hasPowerModel()) {
        QString peakDetail = QStringLiteral("IT power");
        double budgets = 0.0;
        const bool allBudgeted =
                !data.racks.empty() &&
                std::all_of(data.racks.begin(), data.racks.end(), [&](const ReportRack &rack) {
                    budgets += rack.budgetW.value_or(0.0);
                    return rack.budgetW.has_value();
                });
        if (allBudgeted && budgets > 0.0)
            peakDetail += QStringLiteral(", %1 of the %2 rack budgets")
                                  .arg(percent(m.peakPowerW / budgets, 0), power(budgets));
        fact(QStringLiteral("Peak power"), power(m.peakPowerW), peakDetail);
        fact(QStringLiteral("Mean power"), power(m.meanPowerW),
             data.energy.pue > 1.0
                     ? QStringLiteral("IT; %1 at the facility (PUE %2)")
                               .arg(power(m.meanFacilityPowerW), number(data.energy.pue, 2))
                     : QStringLiteral("IT power over the simulated span"));
        QString energyDetail = QStringLiteral("IT energy");
        if (data.facilityEnergyKwh && data.energy.pue > 1.0)
            energyDetail =
                    QStringLiteral("IT; %1 at the facility").arg(energy(*data.facilityEnergyKwh));
        fact(QStringLiteral("Energy"), energy(m.energyKwh), energyDetail);
    }
    if (data.cost)
        fact(QStringLiteral("Energy cost"), money(*data.cost, data.currency),
             QStringLiteral("facility energy at the scenario's hourly prices"));
    if (data.carbonKg)
        fact(QStringLiteral("Carbon"), mass(*data.carbonKg) + QStringLiteral(" CO₂e"),
             QStringLiteral("facility energy at the grid's hourly intensity"));
    const bool capped = data.energy.clusterPowerCapKw ||
                        std::any_of(data.racks.begin(), data.racks.end(),
                                    [](const ReportRack &rack) { return rack.budgetW; });
    if (capped && data.hasPowerModel())
        fact(QStringLiteral("Time at power cap"), duration(m.timeAtPowerCapS),
             m.timeAtPowerCapS > 0.0
                     ? QStringLiteral("jobs held back by a rack budget or the cluster cap, %1 "
                                      "of the run")
                               .arg(percent(m.makespanS > 0.0 ? m.timeAtPowerCapS / m.makespanS
                                                              : 0.0,
                                            1))
                     : QStringLiteral("no job ever waited for power"));
    if (data.energy.dpmEnabled)
        fact(QStringLiteral("Node boots"), count(m.boots),
             QStringLiteral("%1 node-hours switched off · %2 spent booting")
                     .arg(number(m.nodeHoursOff, 1), energy(m.bootEnergyKwh)));
    if (m.reliability)
        fact(QStringLiteral("Goodput"), percent(m.reliability->goodput, 1),
             QStringLiteral("%1 interruptions · %2 accelerator-hours lost")
                     .arg(count(m.reliability->interruptions),
                          number(m.reliability->lostAcceleratorHours, 1)));
    if (m.jobsCompleted > 0)
        fact(QStringLiteral("Fragmentation"), percent(m.fragmentation, 1),
             QStringLiteral("of accelerators, on average, free but stranded on partly used "
                            "nodes (%1)")
                     .arg(number(m.fragmentedSlots, 1)));
    out.add(facts);

    out.heading(QStringLiteral("Biggest risks"), 3);
    if (data.risks.empty()) {
        out.paragraph(QStringLiteral("No risk stands out: rack power stays clear of its budgets, "
                                     "waits are short against the run, utilization is between "
                                     "35 % and 80 %, the queue does not build up, every job "
                                     "fits and load is even across nodes.")
                              .replace(QStringLiteral(" %"), QString(kNbsp) + '%'));
        return;
    }
    ReportList list;
    for (std::size_t i = 0; i < data.risks.size() && i < kSummaryRisks; ++i)
        list.items.push_back({data.risks[i].text, data.risks[i].level()});
    out.add(list);
    if (data.risks.size() > kSummaryRisks) {
        QStringList more;
        for (std::size_t i = kSummaryRisks; i < data.risks.size(); ++i)
            more << data.risks[i].text;
        out.note(QStringLiteral("Also noted: ") + more.join(QLatin1Char(' ')));
    }
}

void topology(const ReportData &data, Builder &out)
{
    out.heading(QStringLiteral("Topology"));
    long long nodes = 0;
    for (const ReportNodeType &type : data.nodeTypes)
        nodes += type.nodes;
    QString overview =
            QStringLiteral("%1 nodes with %2 accelerators in %3 %4 and %5 %6.")
                    .arg(count(nodes), count(data.totalAccelerators()),
                         count(qint64(data.racks.size())),
                         data.racks.size() == 1 ? QStringLiteral("rack") : QStringLiteral("racks"),
                         count(data.zones),
                         data.zones == 1 ? QStringLiteral("zone") : QStringLiteral("zones"));
    out.paragraph(overview);

    ReportTable types;
    types.header = {QStringLiteral("Node type"),       QStringLiteral("Accelerator"),
                    QStringLiteral("Per node"),        QStringLiteral("Nodes"),
                    QStringLiteral("Accelerators"),    QStringLiteral("Peak BF16"),
                    QStringLiteral("Idle / max power")};
    types.numeric = {false, false, true, true, true, true, true};
    for (const ReportNodeType &type : data.nodeTypes) {
        const long long total = static_cast<long long>(type.nodes) * type.acceleratorsPerNode;
        const double pflops = type.peakTflopsPerAccelerator * double(total) / 1000.0;
        types.rows.push_back({type.name, type.acceleratorModel, count(type.acceleratorsPerNode),
                              count(type.nodes), count(total),
                              pflops > 0.0 ? number(pflops, 1) + kNbsp + QStringLiteral("PFLOP/s")
                                           : QStringLiteral("—"),
                              type.maxW > 0.0
                                      ? power(type.idleW) + QStringLiteral(" / ") + power(type.maxW)
                                      : QStringLiteral("no power model")});
    }
    out.add(types);

    // Measured peaks appear as soon as the run reports them; until then the full-load draw
    // shows how much room each budget leaves.
    const bool measured = std::any_of(data.racks.begin(), data.racks.end(),
                                      [](const ReportRack &rack) { return rack.peakW; });
    const bool hasPower = data.hasPowerModel();
    ReportTable racks;
    racks.header = {QStringLiteral("Zone"), QStringLiteral("Rack"), QStringLiteral("Nodes"),
                    QStringLiteral("Accelerators"), QStringLiteral("Budget")};
    racks.numeric = {false, false, false, true, true};
    if (measured) {
        racks.header << QStringLiteral("Peak draw") << QStringLiteral("Peak / budget");
        racks.numeric.insert(racks.numeric.end(), {true, true});
    }
    if (hasPower) {
        racks.header << QStringLiteral("Full load") << QStringLiteral("Full load / budget");
        racks.numeric.insert(racks.numeric.end(), {true, true});
    }
    auto ratio = [](std::optional<double> value, std::optional<double> budget) {
        return value && budget && *budget > 0.0 ? percent(*value / *budget, 0)
                                                : QStringLiteral("—");
    };
    for (const ReportRack &rack : data.racks) {
        QStringList row = {rack.zone, rack.name, rack.nodeTypes, count(rack.accelerators),
                           rack.budgetW ? power(*rack.budgetW) : QStringLiteral("none")};
        if (measured)
            row << (rack.peakW ? power(*rack.peakW) : QStringLiteral("—"))
                << ratio(rack.peakW, rack.budgetW);
        if (hasPower)
            row << power(rack.fullLoadW) << ratio(rack.fullLoadW, rack.budgetW);
        racks.rows.push_back(row);
    }
    if (hasPower)
        racks.note = QStringLiteral("Full load: every node of the rack at 100 % of its power "
                                    "curve, the most the rack can draw.")
                             .replace(QStringLiteral(" %"), QString(kNbsp) + '%');
    out.add(racks);
}

void charts(const ReportData &data, Builder &out)
{
    out.heading(QStringLiteral("Charts"));
    if (data.samples.empty()) {
        out.paragraph(QStringLiteral("The run took no samples, so there is nothing to plot."));
        return;
    }
    out.add(ReportFigure{utilizationChart(data)});
    if (!data.nodes.empty())
        out.add(ReportFigure{loadBalanceChart(data)});
    if (data.hasPowerModel())
        out.add(ReportFigure{powerChart(data)});
    out.add(ReportFigure{queueChart(data)});
    if (!data.waitsS.empty())
        out.add(ReportFigure{waitChart(data)});
}

QString repairText(const ReportNodeType &type)
{
    if (type.mtbfH <= 0.0)
        return QStringLiteral("—");
    return duration(type.repairH * 3600.0) +
           (type.repairDistribution == RepairDistribution::Exponential
                    ? QStringLiteral(" mean (exponential)")
                    : QStringLiteral(" (fixed)"));
}

void reliability(const ReportData &data, Builder &out)
{
    if (!data.metrics.reliability)
        return;
    const ReliabilityMetrics &r = *data.metrics.reliability;
    out.heading(QStringLiteral("Reliability"));
    long long nodes = 0;
    for (const ReportNodeType &type : data.nodeTypes)
        nodes += type.nodes;
    QString model = data.failures.enabled
                            ? QStringLiteral("Nodes fail at random at their type's MTBF (failure "
                                             "seed %1); ")
                                      .arg(QString::number(data.failures.seed))
                            : QStringLiteral("Random failures are off; ");
    model += data.plannedOutages > 0
                     ? QStringLiteral("%1 planned outages take nodes down for %2 node-hours. ")
                               .arg(count(data.plannedOutages),
                                    number(data.plannedOutageNodeHours, 1))
                     : QStringLiteral("there are no planned outages. ");
    model += data.failures.requeue == RequeuePolicy::Head
                     ? QStringLiteral("An interrupted job goes back to the head of the queue and "
                                      "resumes from its last checkpoint.")
                     : QStringLiteral("An interrupted job goes back to the end of the queue and "
                                      "resumes from its last checkpoint.");
    const bool services = !data.metrics.services.empty();
    if (services)
        model += QStringLiteral(" A node that goes down also loses the service replicas on it; "
                                "each is placed again and starts up before it serves.");
    out.paragraph(model);

    ReportFacts facts;
    const double spanH = data.endTime / 3600.0;
    facts.facts.push_back(
            {QStringLiteral("Node failures"), count(r.nodeFailures),
             QStringLiteral("random; %1 planned outages begun").arg(count(r.plannedOutages))});
    facts.facts.push_back(
            {QStringLiteral("Interruptions"), count(r.interruptions),
             QStringLiteral("%1 jobs interrupted, at most %2 times")
                     .arg(count(data.interruptedJobs), count(data.mostInterruptions))});
    facts.facts.push_back({QStringLiteral("Lost accelerator-hours"),
                           number(r.lostAcceleratorHours, 1),
                           QStringLiteral("work redone, restarts and checkpoint pauses")});
    facts.facts.push_back({QStringLiteral("Goodput"), percent(r.goodput, 1),
                           QStringLiteral("useful accelerator-time over the time jobs held")});
    facts.facts.push_back(
            {QStringLiteral("Node-hours down"), number(r.nodeHoursDown, 1),
             nodes > 0 && spanH > 0.0
                     ? QStringLiteral("%1 of the cluster's node-hours")
                               .arg(percent(r.nodeHoursDown / (double(nodes) * spanH), 2))
                     : QStringLiteral("failed or in a planned outage")});
    if (services) // docs/design.md §10.4
        facts.facts.push_back({QStringLiteral("Replica interruptions"),
                               count(r.replicaInterruptions),
                               QStringLiteral("service replicas lost to nodes going down")});
    out.add(facts);

    ReportTable types;
    types.header = {QStringLiteral("Node type"), QStringLiteral("Nodes"),
                    QStringLiteral("MTBF per node"), QStringLiteral("Repair"),
                    QStringLiteral("Cluster MTBF")};
    types.numeric = {false, true, true, true, true};
    for (const ReportNodeType &type : data.nodeTypes) {
        const bool fails = type.mtbfH > 0.0;
        types.rows.push_back({type.name, count(type.nodes),
                              fails ? duration(type.mtbfH * 3600.0) : QStringLiteral("never fails"),
                              repairText(type),
                              fails && type.nodes > 0 ? duration(type.mtbfH * 3600.0 / type.nodes)
                                                      : QStringLiteral("—")});
    }
    types.note = QStringLiteral("Cluster MTBF: how often some node of the type fails, the "
                                "node MTBF over the number of nodes.");
    out.add(types);

    if (!data.checkpointClasses.empty()) {
        out.heading(QStringLiteral("Checkpoints"), 3);
        ReportTable table;
        table.header = {QStringLiteral("Jobs"),         QStringLiteral("Nodes"),
                        QStringLiteral("Job MTBF"),     QStringLiteral("Interval"),
                        QStringLiteral("Cost"),         QStringLiteral("Restart"),
                        QStringLiteral("Exp. goodput"), QStringLiteral("Suggested"),
                        QStringLiteral("Goodput then")};
        table.numeric = {true, false, true, true, true, true, true, true, true};
        for (const ReportCheckpointClass &c : data.checkpointClasses) {
            const CheckpointAdvice &a = c.advice;
            const JobCheckpoints &k = c.checkpoints;
            QString nodesText = QStringLiteral("%1 × %2").arg(count(a.nodes), a.nodeType);
            if (a.typeAssumed)
                nodesText += QLatin1Char('*');
            table.rows.push_back(
                    {count(c.jobs), nodesText,
                     a.fails() ? duration(a.jobMtbfS) : QStringLiteral("—"),
                     k.intervalS > 0.0 ? duration(k.intervalS) : QStringLiteral("none"),
                     k.costS > 0.0 ? duration(k.costS) : QStringLiteral("—"),
                     k.restartOverheadS > 0.0 ? duration(k.restartOverheadS) : QStringLiteral("—"),
                     percent(a.goodput, 1),
                     a.hasSuggestion() ? duration(a.suggestedS) : QStringLiteral("—"),
                     a.hasSuggestion() ? percent(a.suggestedGoodput, 1) : QStringLiteral("—")});
        }
        table.note = QStringLiteral("Jobs grouped by the nodes they hold and their checkpoint "
                                    "figures, the most accelerator-hours first. Expected goodput "
                                    "1 − δ/c − (c/2 + r)/MTBF_job (without checkpoints an "
                                    "interruption loses half the run on average); suggested "
                                    "interval c = √(2·δ·MTBF_job) (Young/Daly), MTBF_job = node "
                                    "MTBF / nodes. * no type constraint: the cluster's most "
                                    "common type.");
        out.add(table);
    }

    const bool anyDown = std::any_of(data.samples.begin(), data.samples.end(),
                                     [](const Sample &s) { return s.nodesDown > 0; });
    if (anyDown)
        out.add(ReportFigure{nodesDownChart(data)});
}

void tenants(const ReportData &data, Builder &out)
{
    out.heading(QStringLiteral("Tenants"));
    ReportTable table;
    table.header = {QStringLiteral("Tenant"),      QStringLiteral("Jobs"),
                    QStringLiteral("Completed"),   QStringLiteral("Rejected"),
                    QStringLiteral("Utilization"), QStringLiteral("Accel.-hours"),
                    QStringLiteral("Mean wait"),   QStringLiteral("p95 wait")};
    table.numeric = {false, true, true, true, true, true, true, true};
    // A tenant's utilization is its busy accelerator-time over the cluster's capacity, so it
    // converts back to the accelerator-hours its jobs used.
    const double capacityHours = double(data.totalAccelerators()) * data.metrics.makespanS / 3600.0;
    // The heaviest users first when the list is cut; otherwise by name, as in tenants.csv.
    std::vector<const TenantMetrics *> rows;
    for (const TenantMetrics &tenant : data.metrics.tenants)
        rows.push_back(&tenant);
    if (rows.size() > kMaxTenantRows) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const TenantMetrics *a, const TenantMetrics *b) {
                             return a->utilization > b->utilization;
                         });
        table.note = QStringLiteral("The %1 busiest of %2 tenants; tenants.csv lists all.")
                             .arg(kMaxTenantRows)
                             .arg(count(qint64(rows.size())));
        rows.resize(kMaxTenantRows);
    }
    for (const TenantMetrics *t : rows) {
        const bool waited = t->jobsCompleted > 0;
        table.rows.push_back({tenantName(t->tenant), count(t->jobsSubmitted),
                              count(t->jobsCompleted), count(t->jobsRejected),
                              percent(t->utilization, 1), number(t->utilization * capacityHours, 1),
                              waited ? duration(t->meanWaitS) : QStringLiteral("—"),
                              waited ? duration(t->p95WaitS) : QStringLiteral("—")});
    }
    if (table.note.isEmpty())
        table.note = QStringLiteral("Utilization: the tenant's busy accelerator-time over all "
                                    "accelerators for the makespan; the tenants add up to the "
                                    "cluster's %1. Waits over completed jobs.")
                             .arg(percent(data.metrics.utilization, 1));
    if (rows.empty())
        out.paragraph(QStringLiteral("The run reports no per-tenant figures."));
    else
        out.add(table);
    if (!data.services.empty()) {
        out.heading(QStringLiteral("Inference services"), 3);
        ReportList list;
        for (const QString &service : data.services)
            list.items.push_back({service, 0});
        out.add(list);
    }
    if (!data.metrics.services.empty()) {
        ReportTable serviceTable;
        serviceTable.header = {QStringLiteral("Service"),       QStringLiteral("Tenant"),
                               QStringLiteral("Mean replicas"), QStringLiteral("Most replicas"),
                               QStringLiteral("Utilization"),   QStringLiteral("Requests offered"),
                               QStringLiteral("Shortfall")};
        serviceTable.numeric = {false, false, true, true, true, true, true};
        for (const ServiceMetrics &service : data.metrics.services) {
            serviceTable.rows.push_back(
                    {str(service.name), tenantName(service.tenant), number(service.meanReplicas, 2),
                     count(qint64(service.maxReplicasUsed)), percent(service.meanUtilization, 1),
                     count(qint64(std::llround(service.offeredRequests))),
                     percent(service.shortfallFraction, 2)});
        }
        serviceTable.note =
                QStringLiteral("Utilization: requests served over the capacity of the "
                               "replicas ready to serve. Shortfall: requests offered beyond "
                               "that capacity (waiting for a replica to start, for room or "
                               "for power), as a share of all requests offered.");
        out.add(serviceTable);
    }
}

void nodes(const ReportData &data, Builder &out)
{
    out.heading(QStringLiteral("Nodes"));
    const bool zones = data.zones > 1;
    const bool reserved = std::any_of(data.nodes.begin(), data.nodes.end(),
                                      [](const NodeUsage &n) { return !n.reservedFor.empty(); });
    ReportTable table;
    table.header = {QStringLiteral("Node")};
    if (zones)
        table.header << QStringLiteral("Zone");
    table.header << QStringLiteral("Rack") << QStringLiteral("Type");
    if (reserved)
        table.header << QStringLiteral("Reserved for");
    table.header << QStringLiteral("Accelerators") << QStringLiteral("Utilization");
    table.numeric.assign(std::size_t(table.header.size()), false);
    table.numeric[table.numeric.size() - 1] = true;
    table.numeric[table.numeric.size() - 2] = true;

    std::vector<std::size_t> shown(data.nodes.size());
    std::iota(shown.begin(), shown.end(), std::size_t(0));
    if (shown.size() > kMaxNodeRows) {
        // The busiest and the idlest, each in topology order.
        std::stable_sort(shown.begin(), shown.end(), [&](std::size_t a, std::size_t b) {
            return data.nodes[a].utilization > data.nodes[b].utilization;
        });
        std::vector<std::size_t> kept(shown.begin(), shown.begin() + kMaxNodeRows / 2);
        kept.insert(kept.end(), shown.end() - kMaxNodeRows / 2, shown.end());
        std::sort(kept.begin(), kept.end());
        shown = kept;
        table.note = QStringLiteral("The %1 busiest and %1 idlest of %2 nodes; nodes.csv lists "
                                    "all.")
                             .arg(kMaxNodeRows / 2)
                             .arg(count(qint64(data.nodes.size())));
    }
    for (const std::size_t i : shown) {
        const NodeUsage &node = data.nodes[i];
        QStringList row = {str(node.name)};
        if (zones)
            row << str(node.zone);
        row << str(node.rack) << str(node.type);
        if (reserved)
            row << (node.reservedFor.empty() ? QStringLiteral("—") : str(node.reservedFor));
        row << count(node.accelerators) << percent(node.utilization, 1);
        table.rows.push_back(row);
    }
    out.add(table);
}

QString profile(const HourlyProfile &profile, const QString &unit, int decimals)
{
    if (profile.empty())
        return QStringLiteral("not set");
    const auto [low, high] = std::minmax_element(profile.values.begin(), profile.values.end());
    const double mean = std::accumulate(profile.values.begin(), profile.values.end(), 0.0) /
                        double(profile.values.size());
    return QStringLiteral("%1 hourly values, %2 to %3 %4 (mean %5)")
            .arg(count(qint64(profile.values.size())), number(*low, decimals),
                 number(*high, decimals), unit, number(mean, decimals));
}

void policy(const ReportData &data, Builder &out)
{
    out.heading(QStringLiteral("Policy settings"));
    const Policy &p = data.policy;
    const EnergyPolicy &e = data.energy;
    KeyValues kv;
    kv.add(QStringLiteral("Scheduler"), str(std::string(toString(p.scheduler))));
    kv.add(QStringLiteral("Placement"), str(std::string(toString(p.placement))));
    if (p.scheduler == SchedulerKind::Srtf)
        kv.add(QStringLiteral("SRTF restart overhead"), duration(p.srtfRestartOverheadS));
    kv.add(QStringLiteral("Sample interval"), duration(p.sampleIntervalS));
    kv.add(QStringLiteral("Rack spread penalty"),
           p.rackSpreadPenalty > 0.0 ? QStringLiteral("%1 per extra rack a gang spans")
                                               .arg(number(p.rackSpreadPenalty, 2))
                                     : QStringLiteral("none"));
    // The engine's rule (Simulation): the run lasts while jobs remain and, with services, at
    // least to the horizon (a day after the first event without one); jobs are never cut.
    const bool services = !data.services.empty();
    QString horizon;
    if (!services)
        horizon = QStringLiteral("until the last job ends");
    else if (p.horizonS)
        horizon = QStringLiteral("until the last job ends, and at least to %1 of simulated time")
                          .arg(duration(*p.horizonS));
    else
        horizon = QStringLiteral("until the last job ends, and at least a day for the services");
    kv.add(QStringLiteral("Horizon"), horizon);
    kv.add(QStringLiteral("PUE"), number(e.pue, 2));
    kv.add(QStringLiteral("Cluster power cap"),
           e.clusterPowerCapKw ? power(*e.clusterPowerCapKw * 1000.0) : QStringLiteral("none"));
    kv.add(QStringLiteral("Dynamic power management"),
           e.dpmEnabled ? QStringLiteral("on: nodes idle for %1 switch off, %2 spare kept on")
                                  .arg(duration(e.idleTimeoutS), count(e.spareNodes))
                        : QStringLiteral("off"));
    QString dvfs = number(e.dvfsFrequency, 2) + QStringLiteral(" × nominal frequency");
    QStringList overrides;
    for (const ReportRack &rack : data.racks) {
        if (rack.dvfsFrequency)
            overrides << QStringLiteral("%1 at %2").arg(rack.name, number(*rack.dvfsFrequency, 2));
    }
    if (!overrides.isEmpty())
        dvfs += QStringLiteral("; ") + overrides.join(QStringLiteral(", "));
    kv.add(QStringLiteral("DVFS level"), dvfs);
    kv.add(QStringLiteral("Electricity price"),
           profile(e.pricePerKwh, str(e.currency) + QStringLiteral("/kWh"), 3));
    kv.add(QStringLiteral("Carbon intensity"),
           profile(e.carbonGPerKwh, QStringLiteral("g/kWh"), 0));
    kv.add(QStringLiteral("Inference services"),
           data.services.empty() ? QStringLiteral("none") : count(qint64(data.services.size())));
    if (data.hasReliability()) {
        kv.add(QStringLiteral("Random node failures"),
               data.failures.enabled ? QStringLiteral("on, failure seed %1")
                                               .arg(QString::number(data.failures.seed))
                                     : QStringLiteral("off"));
        kv.add(QStringLiteral("Interrupted jobs requeued"),
               data.failures.requeue == RequeuePolicy::Head ? QStringLiteral("at the head")
                                                            : QStringLiteral("at the end"));
        kv.add(QStringLiteral("Planned outages"), count(data.plannedOutages));
    }
    out.add(kv.table(QStringLiteral("Setting"), QStringLiteral("Value")));
}

void appendix(const ReportData &data, Builder &out)
{
    out.heading(QStringLiteral("Appendix: reproducing this run"));
    KeyValues kv;
    kv.add(QStringLiteral("Scenario hash (SHA-256)"), data.scenarioHash);
    kv.add(QStringLiteral("Seed"), QString::number(data.seed));
    kv.add(QStringLiteral("Headroom version"), data.version);
    kv.add(QStringLiteral("Scheduler and placement"),
           QStringLiteral("%1, %2").arg(str(std::string(toString(data.info.scheduler))),
                                        str(std::string(toString(data.info.placement)))));
    kv.add(QStringLiteral("Jobs in the scenario"), count(data.jobCount));
    kv.add(QStringLiteral("Simulated span"),
           QStringLiteral("0 to %1 (%2 samples)")
                   .arg(duration(data.endTime), count(qint64(data.samples.size()))));
    kv.add(QStringLiteral("Report date"), data.date.toString(Qt::ISODate));
    out.add(kv.table(QStringLiteral("Item"), QStringLiteral("Value")));
    out.paragraph(QStringLiteral("A run is a pure function of the scenario and its seed. The "
                                 "hash is taken over the scenario's canonical text (as Headroom "
                                 "saves it), so a file that gives the same hash describes the "
                                 "same run. To repeat it with the command-line tool:"));
    out.paragraph(QStringLiteral("headroom-cli simulate SCENARIO.json --seed %1 --scheduler %2 "
                                 "--placement %3 --report report.pdf --csv-dir tables")
                          .arg(QString::number(data.seed),
                               str(std::string(toString(data.info.scheduler))),
                               str(std::string(toString(data.info.placement)))),
                  ReportParagraph::Style::Code);
    out.note(QStringLiteral("The date is the day the report was made, not part of the run; set "
                            "HEADROOM_REPORT_DATE=YYYY-MM-DD to make the report itself "
                            "byte-identical."));
}

} // namespace

ReportDocument buildReportDocument(const ReportData &data)
{
    ReportDocument document;
    const QString name =
            data.scenarioName.isEmpty() ? QStringLiteral("Untitled scenario") : data.scenarioName;
    document.title = name + QStringLiteral(" — capacity planning report");
    document.runningHead = name;
    document.footer =
            QStringLiteral("Headroom %1 · %2").arg(data.version, data.date.toString(Qt::ISODate));
    Builder out(document);
    titleBlock(data, out);
    summary(data, out);
    topology(data, out);
    charts(data, out);
    reliability(data, out);
    tenants(data, out);
    nodes(data, out);
    policy(data, out);
    appendix(data, out);
    return document;
}

} // namespace headroom::report
