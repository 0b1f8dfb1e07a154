#include "report/report_data.h"

#include "core/io/scenario_json.h"
#include "headroom_version.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <tuple>

namespace headroom::report {

bool ReportData::hasPowerModel() const
{
    return std::any_of(nodeTypes.begin(), nodeTypes.end(),
                       [](const ReportNodeType &type) { return type.maxW > 0.0; });
}

double ReportData::fullLoadW() const
{
    double total = 0.0;
    for (const ReportRack &rack : racks)
        total += rack.fullLoadW;
    return total;
}

QString scenarioHash(const Scenario &scenario)
{
    const std::string text = serializeScenario(scenario);
    return QString::fromLatin1(
            QCryptographicHash::hash(QByteArrayView(text.data(), qsizetype(text.size())),
                                     QCryptographicHash::Sha256)
                    .toHex());
}

namespace {

QString str(const std::string &text)
{
    return QString::fromStdString(text);
}

QString serviceLine(const Service &service)
{
    QString line = str(service.name);
    if (!service.tenant.empty())
        line += QStringLiteral(" (") + str(service.tenant) + QLatin1Char(')');
    const QString replicas =
            service.minReplicas == service.maxReplicas
                    ? QString::number(service.minReplicas)
                    : QStringLiteral("%1–%2").arg(service.minReplicas).arg(service.maxReplicas);
    line += QStringLiteral(": %1 replicas × %2 accelerators")
                    .arg(replicas)
                    .arg(service.acceleratorsPerReplica);
    if (!service.nodeType.empty())
        line += QStringLiteral(" on ") + str(service.nodeType);
    return line;
}

constexpr std::size_t kMaxCheckpointClasses = 12;

// docs/design.md §10: the outages, who was interrupted, and the checkpoint advice per class of
// jobs. Jobs are grouped before any advice is worked out, so a million-job trace costs one
// pass and a few hundred pieces of advice.
void addReliability(const Scenario &scenario, const RunResult &result, ReportData &data)
{
    data.failures = scenario.failures;
    data.plannedOutages = qint64(scenario.outages.size());
    for (const PlannedOutage &outage : scenario.outages)
        data.plannedOutageNodeHours += outage.durationS / 3600.0;
    for (const JobOutcome &job : result.jobs) {
        if (job.interruptions > 0)
            ++data.interruptedJobs;
        data.mostInterruptions = std::max(data.mostInterruptions, job.interruptions);
    }
    using Key = std::tuple<std::string, std::string, int, double, double, double>;
    std::map<Key, std::pair<std::size_t, ReportCheckpointClass>> classes;
    for (std::size_t i = 0; i < scenario.jobs.size(); ++i) {
        const Job &job = scenario.jobs[i];
        const JobCheckpoints &k = *job.checkpoints;
        const Key key{job.constraints->nodeType,
                      job.constraints->pinNode,
                      job.slots,
                      k.intervalS,
                      k.costS,
                      k.restartOverheadS};
        auto [it, added] = classes.try_emplace(key);
        if (added) {
            it->second.first = i;
            it->second.second.accelerators = job.slots;
            it->second.second.checkpoints = k;
        }
        ++it->second.second.jobs;
        it->second.second.acceleratorHours += double(job.slots) * job.runS / 3600.0;
    }
    // Classes that differ only in accelerators but hold as many nodes are one class.
    std::map<std::tuple<QString, int, double, double, double>, ReportCheckpointClass> merged;
    for (auto &[key, entry] : classes) {
        ReportCheckpointClass c = entry.second;
        c.advice = checkpointAdvice(scenario, scenario.jobs[entry.first]);
        const auto mergedKey =
                std::make_tuple(c.advice.nodeType, c.advice.nodes, c.checkpoints.intervalS,
                                c.checkpoints.costS, c.checkpoints.restartOverheadS);
        auto [it, added] = merged.try_emplace(mergedKey, c);
        if (!added) {
            it->second.jobs += c.jobs;
            it->second.acceleratorHours += c.acceleratorHours;
            it->second.accelerators = std::max(it->second.accelerators, c.accelerators);
        }
    }
    for (auto &entry : merged)
        data.checkpointClasses.push_back(entry.second);
    std::stable_sort(data.checkpointClasses.begin(), data.checkpointClasses.end(),
                     [](const ReportCheckpointClass &a, const ReportCheckpointClass &b) {
                         return a.acceleratorHours > b.acceleratorHours;
                     });
    if (data.checkpointClasses.size() > kMaxCheckpointClasses)
        data.checkpointClasses.resize(kMaxCheckpointClasses);
}

} // namespace

ReportData buildReportData(const Scenario &scenario, const RunResult &result, const RunInfo &info,
                           const ReportOptions &options)
{
    ReportData data;
    data.scenarioName = str(scenario.name);
    data.description = str(scenario.description);
    data.date = options.date.isValid() ? options.date : QDate::currentDate();
    data.version = options.version.isEmpty() ? QString::fromLatin1(kVersion) : options.version;
    data.scenarioHash = scenarioHash(scenario);
    data.seed = scenario.seed;
    data.info = info;
    data.policy = scenario.policy;
    data.energy = scenario.energy;
    for (const Service &service : scenario.services)
        data.services.push_back(serviceLine(service));
    data.zones = int(scenario.cluster.zones.size());
    data.jobCount = qint64(scenario.jobs.size());

    // Node types in catalog order, counting only nodes the cluster has.
    std::map<std::string, int> nodesOfType;
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes)
                ++nodesOfType[node.type];
        }
    }
    for (const NodeType &type : scenario.nodeTypes) {
        const auto it = nodesOfType.find(type.name);
        if (it == nodesOfType.end())
            continue;
        ReportNodeType row;
        row.name = str(type.name);
        row.acceleratorModel = str(type.acceleratorModel);
        row.acceleratorsPerNode = type.accelerators;
        row.nodes = it->second;
        row.idleW = type.power.idleW();
        row.maxW = type.power.maxW();
        row.peakTflopsPerAccelerator = type.peakTflopsPerAccelerator;
        row.costPerHour = type.costPerHour;
        row.mtbfH = type.mtbfH;
        row.repairH = type.repairH;
        row.repairDistribution = type.repairDistribution;
        data.nodeTypes.push_back(row);
    }

    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            ReportRack row;
            row.zone = str(zone.name);
            row.name = str(rack.name);
            row.nodes = int(rack.nodes.size());
            row.budgetW =
                    rack.powerBudgetKw ? std::optional(*rack.powerBudgetKw * 1000.0) : std::nullopt;
            row.dvfsFrequency = rack.dvfsFrequency;
            // Types in order of first appearance in the rack: "6 × dgx-h100, 2 × dgx-a100".
            std::vector<std::pair<std::string, int>> types;
            for (const NodeSpec &node : rack.nodes) {
                auto it = std::find_if(types.begin(), types.end(),
                                       [&](const auto &t) { return t.first == node.type; });
                if (it == types.end())
                    types.emplace_back(node.type, 1);
                else
                    ++it->second;
                if (const NodeType *type = scenario.findNodeType(node.type)) {
                    row.accelerators += type->accelerators;
                    row.fullLoadW += type->power.maxW();
                }
            }
            QStringList parts;
            for (const auto &[name, n] : types)
                parts << QStringLiteral("%1 × %2").arg(n).arg(str(name));
            row.nodeTypes = parts.join(QStringLiteral(", "));
            data.racks.push_back(row);
        }
    }

    data.metrics = result.metrics;
    data.finished = result.finished;
    data.endTime = result.endTime;
    data.samples = result.samples;
    for (std::size_t i = 0; i < result.jobs.size(); ++i) {
        const JobOutcome &job = result.jobs[i];
        if (job.state == JobState::Completed) {
            data.waitsS.push_back(job.wait());
        } else if (job.state == JobState::Rejected) {
            ++data.rejectedByRule[static_cast<std::size_t>(job.rejectReason)];
            if (data.rejectedJobs.size() < 3) {
                QString name = QStringLiteral("job %1").arg(job.id);
                if (i < scenario.jobs.size() && !scenario.jobs[i].name.empty())
                    name += QStringLiteral(" (") + str(scenario.jobs[i].name) + QLatin1Char(')');
                QString why = QString::fromUtf8(describe(job.rejectReason));
                if (job.waitedFor.reason != WaitReason::None)
                    why += QStringLiteral(" (it waited for %1)")
                                   .arg(QString::fromUtf8(label(job.waitedFor.reason)));
                data.rejectedJobs.push_back(QStringLiteral("%1: %2").arg(name, why));
            }
        } else {
            ++data.unfinishedJobs;
        }
    }
    std::sort(data.waitsS.begin(), data.waitsS.end());
    data.nodes = nodeUsage(scenario, result);

    // Rack peaks as the engine measured them, racks in topology order as ReportData::racks.
    const std::vector<double> &rackPeaks = result.metrics.rackPeakPowerW;
    if (rackPeaks.size() == data.racks.size() && data.hasPowerModel()) {
        for (std::size_t r = 0; r < rackPeaks.size(); ++r)
            data.racks[r].peakW = rackPeaks[r];
    }

    const RunMetrics &m = result.metrics;
    if (data.hasPowerModel())
        data.facilityEnergyKwh = m.facilityEnergyKwh;
    data.currency = str(m.currency.empty() ? scenario.energy.currency : m.currency);
    if (!scenario.energy.pricePerKwh.empty())
        data.cost = m.cost;
    if (!scenario.energy.carbonGPerKwh.empty())
        data.carbonKg = m.carbonKg;

    if (data.hasReliability())
        addReliability(scenario, result, data);

    data.risks = findRisks(data);
    return data;
}

QDate reportDateFromEnvironment(QString *error)
{
    const QByteArray date = qgetenv("HEADROOM_REPORT_DATE");
    if (!date.isEmpty()) {
        const QDate parsed = QDate::fromString(QString::fromLatin1(date), Qt::ISODate);
        if (!parsed.isValid() && error)
            *error = QStringLiteral("HEADROOM_REPORT_DATE: expected a date as YYYY-MM-DD, got "
                                    "'%1'")
                             .arg(QString::fromLocal8Bit(date));
        return parsed;
    }
    const QByteArray epoch = qgetenv("SOURCE_DATE_EPOCH");
    if (!epoch.isEmpty()) {
        bool ok = false;
        const qint64 seconds = epoch.toLongLong(&ok);
        if (!ok || seconds < 0) {
            if (error)
                *error = QStringLiteral("SOURCE_DATE_EPOCH: expected seconds since 1970, got "
                                        "'%1'")
                                 .arg(QString::fromLocal8Bit(epoch));
            return {};
        }
        return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).date();
    }
    return {};
}

} // namespace headroom::report
