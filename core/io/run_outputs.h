#pragma once

#include "core/engine/run_result.h"
#include "core/model/policy.h"
#include "core/model/scenario.h"

#include <cstdint>
#include <string>

namespace headroom {

// What a metrics file records about the run besides the metrics themselves, so that a result
// can be traced back to its inputs. No wall-clock time: outputs must be byte-identical for the
// same scenario and seed.
struct RunInfo
{
    std::string scenarioName;
    SchedulerKind scheduler = SchedulerKind::Easy;
    PlacementKind placement = PlacementKind::FirstFit;
    std::uint64_t seed = 0;
    SimTime sampleIntervalS = 0.0;
    long long nodes = 0;
    long long totalSlots = 0;
};

// The RunInfo a metrics file records for a run of `scenario`.
RunInfo runInfoFor(const Scenario &scenario);

// docs/design.md §6 --metrics-json: every contract key, plus run information; then fragmentation
// ("fragmented_slots", "fragmentation") and "tenants", an array of per-tenant objects.
std::string metricsJson(const RunMetrics &metrics, const RunInfo &info);

// docs/design.md §6 --jobs-csv: "id,submit_s,start_s,end_s,slots,state", one row per job in input
// order; rejected jobs have empty start and end.
std::string jobsCsv(const RunResult &result);
// jobs.csv of the CSV tables (--csv-dir, the GUI's export): the --jobs-csv columns, then
// "wait_reason": what the job last waited for (docs/design.md §3.12; csvName(WaitReason), empty
// if it never waited).
std::string jobsTableCsv(const RunResult &result);

// The fixed-interval time series, one row per sample.
std::string timeseriesCsv(const RunResult &result);

} // namespace headroom
