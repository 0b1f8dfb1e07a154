#pragma once

#include "core/engine/job_table.h"
#include "core/engine/node_filter.h"
#include "core/power/power_model.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace headroom {

// Whether a job could ever run within the power caps (docs/design.md §4 "a job waits rather than
// exceed"): a job that needs more power than its racks' budgets or the cluster cap allow
// would otherwise wait for ever, and under FCFS hold every job behind it.
//
// The test is a necessary condition, never a refusal of a job that could run: every node the
// job does not use is at its lowest draw (off under dynamic power management, else idle), the
// job's nodes are the cheapest admissible ones, each rack takes as many of them as its budget
// allows, and the cluster cap bounds their sum. A gang's slots are counted spread evenly over
// its nodes (exact for linear power curves); a dedicated job holds whole nodes but keeps only
// its slots busy, so it draws what a shared one does. Answers are cached per (filter, slots,
// gang), so a million-job trace asks a few hundred questions.
class CapFeasibility
{
public:
    explicit CapFeasibility(const PowerModel &model);

    bool possible(const NodeFilter &filter, int filterIndex, int slots, bool gang);

private:
    bool compute(const NodeFilter &filter, int slots, bool gang) const;

    const PowerModel *m_model;
    std::vector<double> m_rackFloorW; // per rack: every node at its lowest draw
    double m_clusterFloorW = 0.0;
    std::vector<double> m_floorW; // per node
    std::unordered_map<std::uint64_t, bool> m_cache;
};

// Marks the jobs that could never run within the caps as RejectReason::ExceedsPowerCaps.
void rejectJobsAboveCaps(const PowerModel &model, const std::vector<NodeFilter> &filters,
                         JobTable &jobs);

} // namespace headroom
