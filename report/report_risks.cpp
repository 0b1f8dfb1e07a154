// The risks a planning report leads with: each detector looks at one figure of the run,
// scores how close it is to trouble (0 harmless .. 1 certain trouble) and, past a threshold,
// says so in a sentence that names the thing (a rack, a tenant, a node) and the figure.
#include "report/report_data.h"
#include "report/report_format.h"

#include <algorithm>
#include <cmath>

namespace headroom::report {
namespace {

double clamp01(double value)
{
    return std::clamp(value, 0.0, 1.0);
}

// Scores below this are not risks worth a line in the summary.
constexpr double kMinSeverity = 0.05;

void rackPower(const ReportData &data, std::vector<ReportRisk> &risks)
{
    struct Load
    {
        const ReportRack *rack;
        double ratio;
        bool measured;
    };
    std::vector<Load> loads;
    for (const ReportRack &rack : data.racks) {
        if (!rack.budgetW || *rack.budgetW <= 0.0)
            continue;
        if (rack.peakW)
            loads.push_back({&rack, *rack.peakW / *rack.budgetW, true});
        else if (rack.fullLoadW > 0.0)
            loads.push_back({&rack, rack.fullLoadW / *rack.budgetW, false});
    }
    // A measured peak near the budget is a fact; a full-load draw near it is a possibility,
    // so it starts to count later and weighs less.
    auto severity = [](const Load &l) {
        return l.measured ? clamp01((l.ratio - 0.8) / 0.25) : 0.9 * clamp01((l.ratio - 0.85) / 0.3);
    };
    std::stable_sort(loads.begin(), loads.end(),
                     [&](const Load &a, const Load &b) { return severity(a) > severity(b); });
    if (loads.empty() || severity(loads.front()) < kMinSeverity)
        return;
    const Load &worst = loads.front();
    const ReportRack &rack = *worst.rack;
    QString text;
    if (worst.measured) {
        text = QStringLiteral("Rack %1 peaks at %2, %3 of its %4 power budget")
                       .arg(rack.name, power(*rack.peakW), percent(worst.ratio, 0),
                            power(*rack.budgetW));
    } else {
        const double headroom = *rack.budgetW - rack.fullLoadW;
        text = QStringLiteral("Rack %1 would draw %2 with every node at full load: %3 of its "
                              "%4 budget")
                       .arg(rack.name, power(rack.fullLoadW), percent(worst.ratio, 0),
                            power(*rack.budgetW));
        text += headroom >= 0.0 ? QStringLiteral(", %1 of headroom").arg(power(headroom))
                                : QStringLiteral(", %1 over it").arg(power(-headroom));
    }
    QStringList others;
    for (std::size_t i = 1; i < loads.size() && others.size() < 3; ++i) {
        if (severity(loads[i]) >= kMinSeverity)
            others << QStringLiteral("%1 at %2")
                              .arg(loads[i].rack->name, percent(loads[i].ratio, 0));
    }
    if (!others.isEmpty())
        text += QStringLiteral(" (also %1)").arg(others.join(QStringLiteral(", ")));
    risks.push_back({severity(worst), text + QLatin1Char('.')});
}

void clusterCap(const ReportData &data, std::vector<ReportRisk> &risks)
{
    if (!data.energy.clusterPowerCapKw || *data.energy.clusterPowerCapKw <= 0.0)
        return;
    const double cap = *data.energy.clusterPowerCapKw * 1000.0;
    const double ratio = data.metrics.peakPowerW / cap;
    const double severity = clamp01((ratio - 0.85) / 0.2);
    if (severity < kMinSeverity)
        return;
    risks.push_back({severity,
                     QStringLiteral("Cluster IT power peaks at %1, %2 of the %3 cap.")
                             .arg(power(data.metrics.peakPowerW), percent(ratio, 0), power(cap))});
}

void waits(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const RunMetrics &m = data.metrics;
    if (m.makespanS <= 0.0 || m.jobsCompleted == 0)
        return;
    const double ratio = m.p95WaitS / m.makespanS;
    const double severity = clamp01(ratio / 0.3);
    if (ratio < 0.05 || severity < kMinSeverity)
        return;
    risks.push_back({severity, QStringLiteral("One job in twenty waits longer than %1 (p95), "
                                              "%2 of the %3 run; the longest wait is %4.")
                                       .arg(duration(m.p95WaitS), percent(ratio, 0),
                                            duration(m.makespanS), duration(m.maxWaitS))});
}

void tenantWaits(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const double clusterP95 = data.metrics.p95WaitS;
    const std::vector<TenantMetrics> &tenants = data.metrics.tenants;
    const TenantMetrics *worst = nullptr;
    for (const TenantMetrics &tenant : tenants) {
        if (tenant.jobsCompleted >= 3 && (!worst || tenant.p95WaitS > worst->p95WaitS))
            worst = &tenant;
    }
    if (!worst || tenants.size() < 2 || worst->p95WaitS < 600.0 || clusterP95 <= 0.0)
        return;
    const double ratio = worst->p95WaitS / clusterP95;
    const double severity = 0.8 * clamp01((ratio - 1.2) / 2.0);
    if (severity < kMinSeverity)
        return;
    const QString name = worst->tenant.empty() ? QStringLiteral("(no tenant)")
                                               : QString::fromStdString(worst->tenant);
    risks.push_back({severity, QStringLiteral("Tenant %1 waits longest: p95 %2, %3× the "
                                              "cluster's %4.")
                                       .arg(name, duration(worst->p95WaitS), number(ratio, 1),
                                            duration(clusterP95))});
}

void utilization(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const double u = data.metrics.utilization;
    if (data.metrics.jobsCompleted == 0)
        return;
    if (u >= 0.8) {
        const double severity = clamp01((u - 0.8) / 0.15);
        if (severity >= kMinSeverity)
            risks.push_back(
                    {severity, QStringLiteral("Utilization is %1 of %2 accelerators: "
                                              "little headroom, so any extra demand "
                                              "lengthens the queue.")
                                       .arg(percent(u, 0), count(data.totalAccelerators()))});
    } else if (u < 0.35) {
        const double severity = 0.7 * clamp01((0.35 - u) / 0.3);
        // The accelerators the same busy time needs at a comfortable 70 %.
        const long long needed = std::max<long long>(
                1, (long long)std::ceil(u * double(data.totalAccelerators()) / 0.7));
        if (severity >= kMinSeverity)
            risks.push_back(
                    {severity, QStringLiteral("Utilization is only %1: the work would "
                                              "keep about %2 of the %3 accelerators "
                                              "%4 busy.")
                                       .arg(percent(u, 0), count(needed),
                                            count(data.totalAccelerators()), percent(0.7, 0))});
    }
}

void queue(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const std::vector<Sample> &samples = data.samples;
    if (samples.size() < 6)
        return;
    const auto peak =
            std::max_element(samples.begin(), samples.end(),
                             [](const Sample &a, const Sample &b) { return a.queued < b.queued; });
    if (peak->queued < 5)
        return;
    const std::size_t third = samples.size() / 3;
    auto meanQueued = [&](std::size_t from, std::size_t to) {
        double sum = 0.0;
        for (std::size_t i = from; i < to; ++i)
            sum += double(samples[i].queued);
        return sum / double(std::max<std::size_t>(1, to - from));
    };
    const double first = meanQueued(0, third);
    const double last = meanQueued(samples.size() - third, samples.size());
    const double scale = std::max(20.0, 0.1 * double(data.metrics.jobsSubmitted));
    double severity = 0.6 * clamp01(double(peak->queued) / scale);
    QString text = QStringLiteral("The queue peaks at %1 jobs at %2")
                           .arg(count(peak->queued), duration(peak->time));
    if (last > 2.0 * first && last >= 5.0) {
        severity += 0.3;
        text += QStringLiteral(" and grows through the run (mean %1 queued in the first third, "
                               "%2 in the last)")
                        .arg(number(first, 0), number(last, 0));
    }
    if (severity >= kMinSeverity)
        risks.push_back({clamp01(severity), text + QLatin1Char('.')});
}

void rejected(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const RunMetrics &m = data.metrics;
    if (m.jobsRejected <= 0 || m.jobsSubmitted <= 0)
        return;
    const double share = double(m.jobsRejected) / double(m.jobsSubmitted);
    // Each rule that rejected jobs, with its count: "needs more accelerators than ... (2)".
    QStringList rules;
    for (std::size_t rule = 0; rule < data.rejectedByRule.size(); ++rule) {
        if (data.rejectedByRule[rule] > 0)
            rules << QStringLiteral("%1 (%2)").arg(
                    QString::fromUtf8(describe(static_cast<RejectReason>(rule))),
                    count(data.rejectedByRule[rule]));
    }
    QString text =
            QStringLiteral("%1 %2 (%3 of those submitted) %4 rejected")
                    .arg(count(m.jobsRejected),
                         m.jobsRejected == 1 ? QStringLiteral("job") : QStringLiteral("jobs"),
                         percent(share, 1),
                         m.jobsRejected == 1 ? QStringLiteral("was") : QStringLiteral("were"));
    if (!rules.isEmpty())
        text += QStringLiteral(": ") + rules.join(QStringLiteral("; "));
    if (!data.rejectedJobs.empty())
        text += QStringLiteral("; e.g. ") + data.rejectedJobs.front();
    risks.push_back({0.5 + 0.5 * clamp01(share / 0.1), text + QLatin1Char('.')});
}

void unfinished(const ReportData &data, std::vector<ReportRisk> &risks)
{
    if (data.unfinishedJobs <= 0)
        return;
    const double share =
            double(data.unfinishedJobs) / double(std::max<long long>(1, data.jobCount));
    risks.push_back({0.4 + 0.5 * clamp01(share / 0.2),
                     QStringLiteral("%1 jobs were still queued or running when the run ended at "
                                    "%2; their waits are not in the figures.")
                             .arg(count(data.unfinishedJobs), duration(data.endTime))});
}

void loadBalance(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const double cov = data.metrics.loadBalanceCov;
    if (data.nodes.size() < 2 || cov < 0.25)
        return;
    const double severity = clamp01((cov - 0.2) / 0.6);
    const auto [idle, busy] = std::minmax_element(
            data.nodes.begin(), data.nodes.end(),
            [](const NodeUsage &a, const NodeUsage &b) { return a.utilization < b.utilization; });
    risks.push_back(
            {severity,
             QStringLiteral("Load is uneven across nodes (CoV %1, Jain %2): "
                            "%3 is busy %4 of the time, %5 only %6.")
                     .arg(number(cov, 2), number(data.metrics.jainIndex, 2),
                          QString::fromStdString(busy->name), percent(busy->utilization, 0),
                          QString::fromStdString(idle->name), percent(idle->utilization, 0))});
}

void powerCapWaits(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const RunMetrics &m = data.metrics;
    if (m.timeAtPowerCapS <= 0.0 || m.makespanS <= 0.0)
        return;
    const double share = m.timeAtPowerCapS / m.makespanS;
    const double severity = clamp01(share / 0.25);
    if (severity < kMinSeverity)
        return;
    risks.push_back({severity, QStringLiteral("Power caps held jobs back for %1, %2 of the run: "
                                              "the rack budgets or the cluster cap, not the "
                                              "accelerators, limit throughput then.")
                                       .arg(duration(m.timeAtPowerCapS), percent(share, 0))});
}

void fragmentation(const ReportData &data, std::vector<ReportRisk> &risks)
{
    const RunMetrics &m = data.metrics;
    if (m.jobsCompleted == 0 || m.fragmentation < 0.08)
        return;
    const double severity = 0.7 * clamp01((m.fragmentation - 0.05) / 0.2);
    risks.push_back(
            {severity,
             QStringLiteral("On average %1 accelerators (%2) sit free on partly "
                            "used nodes, where jobs that need whole nodes "
                            "cannot use them (placement %3).")
                     .arg(number(m.fragmentedSlots, 1), percent(m.fragmentation, 0),
                          QString::fromUtf8(toString(data.info.placement).data(),
                                            qsizetype(toString(data.info.placement).size())))});
}

// An inference service that could not serve all its load misses its SLO: the most direct
// sign that the cluster is too small (or too tightly capped) for what it has to serve.
void serviceShortfall(const ReportData &data, std::vector<ReportRisk> &risks)
{
    for (const ServiceMetrics &service : data.metrics.services) {
        if (service.shortfallFraction < 0.001)
            continue;
        risks.push_back({clamp01(0.5 + service.shortfallFraction / 0.05 * 0.5),
                         QStringLiteral("Service %1 could not serve %2 of its requests: its "
                                        "replicas were starting, or found no room or power, "
                                        "while its load rose.")
                                 .arg(QString::fromStdString(service.name),
                                      percent(service.shortfallFraction, 1))});
    }
}

} // namespace

std::vector<ReportRisk> findRisks(const ReportData &data)
{
    std::vector<ReportRisk> risks;
    rackPower(data, risks);
    clusterCap(data, risks);
    powerCapWaits(data, risks);
    waits(data, risks);
    tenantWaits(data, risks);
    utilization(data, risks);
    queue(data, risks);
    rejected(data, risks);
    unfinished(data, risks);
    loadBalance(data, risks);
    fragmentation(data, risks);
    serviceShortfall(data, risks);
    // Stable: equal scores keep the detectors' order, so the text never depends on sorting.
    std::stable_sort(risks.begin(), risks.end(), [](const ReportRisk &a, const ReportRisk &b) {
        return a.severity > b.severity;
    });
    return risks;
}

} // namespace headroom::report
