#pragma once

#include "core/model/scenario.h"
#include "core/plan/evaluation.h"
#include "core/plan/slo.h"
#include "core/plan/worker_pool.h"
#include "core/plan/workload_bounds.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// Sizing to service levels (docs/design.md §7.4): the node counts of chosen types, within
// ranges, that meet every SLO at the least objective.

// A node type whose count sizing may change, and the counts it may take.
struct VaryRange
{
    std::string type;
    int min = 0;
    int max = 0;
    bool operator==(const VaryRange &) const = default;
};

enum class SizingObjective { Cost, Accelerators, Energy };
std::string_view toString(SizingObjective objective);
std::optional<SizingObjective> sizingObjectiveFromString(std::string_view name);
// "cost, accelerators, energy": for messages and --help.
std::string sizingObjectiveNames();

struct SizingRequest
{
    std::vector<VaryRange> vary; // at least one; each type once
    std::vector<Slo> slos;       // at least one
    SizingObjective objective = SizingObjective::Cost;
    EvaluationSettings settings;
    // Configurations a search round proposes at most per line search (docs/design.md §7.5).
    // Fixed rather than taken from the thread count, so that the configurations evaluated, and
    // so the result, do not depend on the machine.
    int probesPerRound = 4;
};

// What is wrong with these SLOs for this scenario: none, or a key the metrics JSON of its runs
// does not have (numericMetricKeys). One sentence each; empty when they are fine.
std::vector<std::string> sloProblems(const Scenario &scenario, const std::vector<Slo> &slos);

// What is wrong with a request for this scenario, one sentence each (unknown or repeated type,
// MIN > MAX, a negative MIN, no SLO, an SLO key the metrics JSON does not have, the cost
// objective with an energy currency other than USD); empty when it can run.
std::vector<std::string> sizingProblems(const Scenario &scenario, const SizingRequest &request);

// `base` with the varied types set to `counts` (one per SizingRequest::vary entry, in order),
// rebuilt as setNodeCount describes (core/plan/cluster_resize.h).
Scenario configuredScenario(const Scenario &base, const std::vector<VaryRange> &vary,
                            const std::vector<int> &counts);

struct SloVerdict
{
    double value = 0.0; // the run's figure for the SLO's key
    bool met = false;
    bool operator==(const SloVerdict &) const = default;
};

// One evaluated configuration.
struct SizingPoint
{
    int round = 0;           // search round that proposed it (0 first)
    std::vector<int> counts; // per SizingRequest::vary entry
    Evaluation evaluation;
    double objective = 0.0;           // SizingResult::objective's figure
    std::vector<SloVerdict> verdicts; // per SizingRequest::slos entry
    bool feasible = false;            // meets every SLO
};

// How the recommendation's one-node-fewer neighbour along one varied type turned out.
enum class NeighbourVerdict {
    Breaks,    // it breaks an SLO: the count cannot go lower (what a sizing wants)
    AtMinimum, // the count is the range's minimum: there is no such neighbour
    MeetsSlos, // it meets every SLO but is not cheaper (an objective that is not monotone)
};
std::string_view toString(NeighbourVerdict verdict);

struct NeighbourCheck
{
    int vary = 0;   // SizingRequest::vary index
    int point = -1; // the neighbour's point; -1 with AtMinimum
    NeighbourVerdict verdict = NeighbourVerdict::Breaks;
};

// A contradiction of monotonicity found among the points: two configurations that differ in
// one type only, where the one with fewer nodes meets every SLO and the one with more does not.
struct NonMonotonePair
{
    int fewer = 0; // point index (meets the SLOs)
    int more = 0;  // point index (breaks one)
};

// The analytic bounds and what they mean in nodes of each varied type.
struct SizingBounds
{
    WorkloadBounds workload;
    long long fixedAccelerators = 0; // of node types not varied
    // Per vary entry: the nodes of that type that cover the bound when every other varied type
    // is at its minimum (0 when the rest already covers it).
    std::vector<int> workConservationNodes;
    std::vector<int> perfectSystemNodes;
};

struct SizingResult
{
    SizingRequest request;
    bool feasible = false;
    std::string reason;              // when not feasible (or cancelled): why, in words
    int recommended = -1;            // point index when feasible
    std::vector<SizingPoint> points; // in evaluation order
    SizingBounds bounds;
    std::vector<NeighbourCheck> neighbours; // per vary entry, when feasible
    std::vector<NonMonotonePair> nonMonotone;
    int rounds = 0;
    bool cancelled = false;

    const SizingPoint *recommendedPoint() const
    {
        return recommended >= 0 ? &points[static_cast<std::size_t>(recommended)] : nullptr;
    }
};

// Runs the search on `pool` (docs/design.md §7.4). `base` is the scenario as it will be run:
// overrides and load scale already applied. The request must have no sizingProblems
// (std::invalid_argument otherwise). The result is the same for any pool size. With `cancel`
// set, it returns what was evaluated so far with `cancelled` set.
SizingResult sizeCluster(const Scenario &base, const SizingRequest &request, WorkerPool &pool,
                         const PlanProgressCallback &progress = {},
                         const CancelFlag *cancel = nullptr);

} // namespace headroom
