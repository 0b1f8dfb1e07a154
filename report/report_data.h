#pragma once

#include "core/engine/run_result.h"
#include "core/io/run_outputs.h"
#include "core/metrics/breakdown.h"
#include "core/model/scenario.h"
#include "report/checkpoint_advice.h"

#include <QDate>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace headroom::report {

// One risk the report calls out: a sentence that names the thing and the figure, and how
// much it matters (0..1) so that the worst come first.
struct ReportRisk
{
    double severity = 0.0;
    QString text;
    int level() const { return severity >= 0.66 ? 3 : severity >= 0.33 ? 2 : 1; }
};

struct ReportNodeType
{
    QString name;
    QString acceleratorModel;
    int acceleratorsPerNode = 0;
    int nodes = 0;
    double idleW = 0.0; // per node
    double maxW = 0.0;  // per node
    double peakTflopsPerAccelerator = 0.0;
    double costPerHour = 0.0;
    double mtbfH = 0.0; // 0: never fails
    double repairH = 0.0;
    RepairDistribution repairDistribution = RepairDistribution::Fixed;
};

// Jobs alike in what failures cost them (docs/design.md §10.7): the same node type, number of
// nodes and checkpoint figures, with the expected goodput of those figures and the suggested
// interval (report/checkpoint_advice.h).
struct ReportCheckpointClass
{
    long long jobs = 0;
    int accelerators = 0;          // of the first job of the class (the count of nodes decides)
    double acceleratorHours = 0.0; // Σ accelerators × run time: the classes' order
    JobCheckpoints checkpoints;
    CheckpointAdvice advice;
};

struct ReportRack
{
    QString zone;
    QString name;
    int nodes = 0;
    long long accelerators = 0;
    QString nodeTypes;             // "8 × dgx-h100"
    std::optional<double> budgetW; // the rack's power budget
    double fullLoadW = 0.0;        // every node at 100 % (its power curves' maximum)
    std::optional<double> peakW;   // peak draw in the run
    std::optional<double> dvfsFrequency;
};

// Everything a planning report shows, gathered once from the run and its inputs; the HTML
// and PDF renderings read only this. New figures are added here (and filled in
// buildReportData) and shown by a line or two in report_document.cpp.
struct ReportData
{
    // Title block.
    QString scenarioName;
    QString description;
    QDate date; // printed as YYYY-MM-DD; injected for reproducible reports
    QString version;

    // Reproducibility.
    QString scenarioHash; // SHA-256 of serializeScenario(scenario), hex
    std::uint64_t seed = 0;
    RunInfo info;

    // Inputs, as run.
    Policy policy;
    EnergyPolicy energy;
    std::vector<QString> services; // "name (tenant): 2–4 replicas × 8 accelerators"
    std::vector<ReportNodeType> nodeTypes;
    std::vector<ReportRack> racks;
    int zones = 0;
    long long jobCount = 0;

    // Results.
    RunMetrics metrics;
    bool finished = false;
    SimTime endTime = 0.0;
    std::vector<Sample> samples;
    std::vector<double> waitsS;        // completed jobs, ascending (the wait distribution)
    long long unfinishedJobs = 0;      // accepted but not completed when the run ended
    std::vector<QString> rejectedJobs; // the first few, described for the risks
    // Rejected jobs by the rule that rejected them (RejectReason, in its order): the report
    // names each rule with its count (docs/design.md §3.2, §3.9).
    std::array<long long, kRejectReasonCount> rejectedByRule{};
    std::vector<NodeUsage> nodes; // per-tenant figures are metrics.tenants
    // Energy figures beyond IT energy, from the run's metrics; empty when they do not apply:
    // facility energy without a power model, cost without a price profile, carbon without a
    // grid-intensity profile.
    std::optional<double> facilityEnergyKwh;
    std::optional<double> cost;
    QString currency;
    std::optional<double> carbonKg;

    // Failures and planned outages (docs/design.md §10); the reliability figures are
    // metrics.reliability, present only for a scenario with a failure model.
    FailurePolicy failures;
    long long plannedOutages = 0;                         // in the scenario
    double plannedOutageNodeHours = 0.0;                  // their durations, summed
    long long interruptedJobs = 0;                        // jobs interrupted at least once
    std::uint32_t mostInterruptions = 0;                  // of any one job
    std::vector<ReportCheckpointClass> checkpointClasses; // heaviest first, at most a dozen

    std::vector<ReportRisk> risks; // worst first; all found, the summary shows three

    long long totalAccelerators() const { return info.totalSlots; }
    bool hasReliability() const { return metrics.reliability.has_value(); }
    bool hasPowerModel() const;
    double fullLoadW() const; // sum over racks
};

struct ReportOptions
{
    QDate date;      // null: today
    QString version; // empty: this build's version
};

// The RunInfo a metrics file records for this scenario: core's (core/io/run_outputs.h).
using headroom::runInfoFor;

// SHA-256 of the canonical scenario text, as 64 lowercase hex digits.
QString scenarioHash(const Scenario &scenario);

// Gathers the report of `result`, a run of `scenario`. Pure: the same inputs and options give
// the same data (and so the same HTML).
ReportData buildReportData(const Scenario &scenario, const RunResult &result, const RunInfo &info,
                           const ReportOptions &options = {});

// The risks of a run, worst first (report_risks.cpp).
std::vector<ReportRisk> findRisks(const ReportData &data);

// The report date from the environment: HEADROOM_REPORT_DATE (YYYY-MM-DD), else
// SOURCE_DATE_EPOCH (the reproducible-builds convention, seconds since 1970, UTC), else a
// null date (meaning today). `error` is set, and a null date returned, when a variable is set
// but unreadable.
QDate reportDateFromEnvironment(QString *error = nullptr);

} // namespace headroom::report
