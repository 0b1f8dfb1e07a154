#include "core/plan/sizing.h"

#include "core/io/number_format.h"
#include "core/plan/cluster_resize.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

namespace headroom {
namespace {

constexpr std::array kObjectives = {SizingObjective::Cost, SizingObjective::Accelerators,
                                    SizingObjective::Energy};

long long acceleratorsOfType(const Scenario &scenario, const std::string &type)
{
    const NodeType *nodeType = scenario.findNodeType(type);
    return nodeType ? nodeType->accelerators : 0;
}

// Nodes of `perNode` accelerators that cover `needed` (0 when nothing is needed).
int nodesFor(double needed, long long perNode)
{
    if (needed <= 0.0 || perNode <= 0)
        return 0;
    const double nodes = std::ceil(needed / double(perNode));
    return nodes >= double(std::numeric_limits<int>::max()) ? std::numeric_limits<int>::max()
                                                            : static_cast<int>(nodes);
}

std::string describeCounts(const SizingRequest &request, const std::vector<int> &counts)
{
    std::string text;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (i > 0)
            text += ", ";
        text += request.vary[i].type + "=" + std::to_string(counts[i]);
    }
    return text;
}

// One line search: the least count of one varied type that meets the SLOs while the other
// types keep fixed counts, by k-ary bisection (docs/design.md §7.4).
struct Line
{
    std::size_t type = 0;
    std::vector<int> counts; // the configuration; counts[type] is what varies
    int lo = 0;            // the greatest count below `hi` known to break an SLO (min − 1: none)
    std::optional<int> hi; // the least count known to meet every SLO
    bool started = false;
    bool done = false;
};

class Search
{
public:
    Search(const Scenario &base, const SizingRequest &request, Evaluator &evaluator,
           SizingResult &result)
        : m_base(base)
        , m_request(request)
        , m_evaluator(evaluator)
        , m_result(result)
    {
        for (const VaryRange &range : request.vary)
            m_accelerators.push_back(acceleratorsOfType(base, range.type));
    }

    void run()
    {
        computeBounds();
        m_evaluator.setExpectedTotal(expectedEvaluations());
        if (!findLimits())
            return;
        std::optional<int> current = bestFeasible();
        if (!current) {
            explainInfeasible();
            return;
        }
        int step = 0;
        for (std::size_t i = 0; i < m_request.vary.size(); ++i)
            step = std::max(step, (countsOf(*current)[i] - m_floor[i] + 1) / 2);
        for (;;) {
            if (!localSearch(*current, step) || !verify(*current))
                return;
            const int best = *bestFeasible();
            if (best == *current)
                break;
            current = best; // a better point turned up: search around it too
            step = 1;
        }
        m_result.feasible = true;
        m_result.recommended = *current;
        findNonMonotone();
    }

private:
    const std::vector<int> &countsOf(int point) const
    {
        return m_result.points[static_cast<std::size_t>(point)].counts;
    }
    bool feasible(int point) const { return m_result.points[std::size_t(point)].feasible; }

    std::optional<int> find(const std::vector<int> &counts) const
    {
        const auto it = m_index.find(counts);
        return it == m_index.end() ? std::nullopt : std::optional<int>(it->second);
    }

    // Whether point a is better than point b: a lower objective, then fewer nodes in vary
    // order (so that ties are broken the same way on every machine).
    bool better(int a, int b) const
    {
        const SizingPoint &pa = m_result.points[std::size_t(a)];
        const SizingPoint &pb = m_result.points[std::size_t(b)];
        if (pa.objective != pb.objective)
            return pa.objective < pb.objective;
        return pa.counts < pb.counts;
    }

    std::optional<int> bestFeasible() const
    {
        std::optional<int> best;
        for (int p = 0; p < int(m_result.points.size()); ++p) {
            if (feasible(p) && (!best || better(p, *best)))
                best = p;
        }
        return best;
    }

    double objectiveOf(const Evaluation &evaluation) const
    {
        switch (m_request.objective) {
        case SizingObjective::Cost:
            return evaluation.cost.totalUsd();
        case SizingObjective::Accelerators:
            return double(evaluation.info.totalSlots);
        case SizingObjective::Energy:
            return evaluation.run.facilityEnergyKwh;
        }
        return 0.0;
    }

    // Evaluates, as one round, the configurations of `configs` not evaluated yet (in the
    // order given, duplicates once). False when the study was cancelled.
    bool evaluateRound(const std::vector<std::vector<int>> &configs)
    {
        std::vector<std::vector<int>> todo;
        std::set<std::vector<int>> seen;
        for (const std::vector<int> &counts : configs) {
            if (!m_index.count(counts) && seen.insert(counts).second)
                todo.push_back(counts);
        }
        if (todo.empty())
            return true;
        std::vector<Evaluation> evaluations = m_evaluator.evaluate(todo.size(), [&](std::size_t i) {
            return configuredScenario(m_base, m_request.vary, todo[i]);
        });
        if (m_evaluator.cancelled()) {
            m_result.cancelled = true;
            m_result.reason = "cancelled";
            return false;
        }
        for (std::size_t i = 0; i < todo.size(); ++i) {
            SizingPoint point;
            point.round = m_result.rounds;
            point.counts = todo[i];
            point.evaluation = std::move(evaluations[i]);
            point.objective = objectiveOf(point.evaluation);
            point.feasible = true;
            for (const Slo &slo : m_request.slos) {
                const double value = point.evaluation.metrics.find(slo.key).value_or(NAN);
                point.verdicts.push_back({value, slo.met(value)});
                point.feasible = point.feasible && point.verdicts.back().met;
            }
            m_index.emplace(point.counts, int(m_result.points.size()));
            m_result.points.push_back(std::move(point));
        }
        ++m_result.rounds;
        return true;
    }

    void computeBounds()
    {
        SizingBounds &bounds = m_result.bounds;
        bounds.workload = workloadBounds(m_base);
        std::set<std::string> varied;
        for (const VaryRange &range : m_request.vary)
            varied.insert(range.type);
        for (const Zone &zone : m_base.cluster.zones) {
            for (const Rack &rack : zone.racks) {
                for (const NodeSpec &node : rack.nodes) {
                    if (!varied.count(node.type))
                        bounds.fixedAccelerators += acceleratorsOfType(m_base, node.type);
                }
            }
        }
        std::vector<int> minimum;
        for (const VaryRange &range : m_request.vary)
            minimum.push_back(range.min);
        for (std::size_t i = 0; i < m_request.vary.size(); ++i) {
            bounds.workConservationNodes.push_back(
                    nodesNeeded(bounds.workload.workConservationAccelerators, minimum, i));
            bounds.perfectSystemNodes.push_back(
                    nodesNeeded(bounds.workload.perfectSystemAccelerators, minimum, i));
        }
    }

    // Nodes of vary entry i that bring the cluster to `accelerators` when the other varied
    // types have `counts`.
    int nodesNeeded(double accelerators, const std::vector<int> &counts, std::size_t i) const
    {
        double others = double(m_result.bounds.fixedAccelerators);
        for (std::size_t j = 0; j < counts.size(); ++j) {
            if (j != i)
                others += double(counts[j]) * double(m_accelerators[j]);
        }
        return nodesFor(accelerators - others, m_accelerators[i]);
    }

    int expectedEvaluations() const
    {
        const int probes = std::max(1, m_request.probesPerRound);
        int total = 0;
        int widest = 1;
        for (const VaryRange &range : m_request.vary) {
            const int size = range.max - range.min + 1;
            widest = std::max(widest, size);
            total += probes * int(std::ceil(std::log(double(size)) / std::log(probes + 1.0)));
        }
        const int types = int(m_request.vary.size());
        if (types > 1)
            total += types * types * int(std::ceil(std::log2(double(widest) + 1.0)));
        return std::max(total + types, 1);
    }

    // ---- phase 1: along each type, the others at their maximum ----

    // The counts a line search evaluates next. First round: the top of the range (does
    // anything work?), the counts the analytic bounds name, then evenly spaced counts up to
    // probesPerRound (the whole range if it is that small). Later rounds: up to probesPerRound
    // counts evenly spaced strictly between the bracket's ends, so that the bracket shrinks
    // (probes + 1)-fold per round, or every count left when there are no more than that.
    std::vector<int> lineProbes(const Line &line) const
    {
        const VaryRange &range = m_request.vary[line.type];
        const int probes = m_request.probesPerRound;
        std::vector<int> counts;
        auto add = [&](int count) {
            count = std::clamp(count, range.min, range.max);
            if (std::find(counts.begin(), counts.end(), count) == counts.end())
                counts.push_back(count);
        };
        auto spread = [&](int lo, int hi, std::size_t upTo) {
            if (hi - lo - 1 <= probes) {
                for (int count = lo + 1; count < hi; ++count)
                    add(count);
                return;
            }
            for (int j = 1; j <= probes && counts.size() < upTo; ++j)
                add(lo + int((long long)(hi - lo) * j / (probes + 1)));
        };
        if (line.started) {
            spread(line.lo, *line.hi, std::size_t(probes));
            return counts;
        }
        add(range.max);
        add(nodesNeeded(m_result.bounds.workload.workConservationAccelerators, line.counts,
                        line.type));
        add(nodesNeeded(m_result.bounds.workload.perfectSystemAccelerators, line.counts,
                        line.type));
        spread(range.min - 1, range.max, std::max(std::size_t(probes), counts.size()));
        return counts;
    }

    // The bracket from every point evaluated on the line (whichever search proposed it).
    void updateLine(Line &line) const
    {
        const VaryRange &range = m_request.vary[line.type];
        std::map<int, bool> onLine; // count -> meets the SLOs
        for (const SizingPoint &point : m_result.points) {
            bool same = true;
            for (std::size_t j = 0; j < point.counts.size() && same; ++j)
                same = j == line.type || point.counts[j] == line.counts[j];
            if (same)
                onLine.emplace(point.counts[line.type], point.feasible);
        }
        line.started = true;
        line.hi.reset();
        for (const auto &[count, meets] : onLine) {
            if (meets) {
                line.hi = count;
                break;
            }
        }
        if (!line.hi) {
            line.done = true; // nothing on the line meets the SLOs, not even the maximum
            return;
        }
        line.lo = range.min - 1;
        for (const auto &[count, meets] : onLine) {
            if (count >= *line.hi)
                break;
            line.lo = count; // every count below hi breaks an SLO
        }
        line.done = *line.hi - line.lo == 1;
    }

    bool findLimits()
    {
        std::vector<int> maximum;
        for (const VaryRange &range : m_request.vary)
            maximum.push_back(range.max);
        std::vector<Line> lines;
        for (std::size_t i = 0; i < m_request.vary.size(); ++i) {
            Line line;
            line.type = i;
            line.counts = maximum;
            line.lo = m_request.vary[i].min - 1;
            lines.push_back(line);
        }
        for (;;) {
            std::vector<std::vector<int>> configs;
            for (const Line &line : lines) {
                if (line.done)
                    continue;
                for (int count : lineProbes(line)) {
                    std::vector<int> counts = line.counts;
                    counts[line.type] = count;
                    configs.push_back(counts);
                }
            }
            if (configs.empty())
                break;
            if (!evaluateRound(configs))
                return false;
            for (Line &line : lines)
                updateLine(line);
        }
        for (const Line &line : lines)
            m_floor.push_back(line.hi.value_or(m_request.vary[line.type].min));
        return true;
    }

    // ---- phase 2: a local search over mixes ----

    std::vector<std::vector<int>> moves(const std::vector<int> &from, int step) const
    {
        std::vector<std::vector<int>> result;
        const std::size_t types = from.size();
        for (std::size_t i = 0; i < types; ++i) {
            std::vector<int> counts = from;
            counts[i] = std::max(from[i] - step, m_floor[i]);
            if (counts[i] != from[i])
                result.push_back(counts);
        }
        // Trade nodes of one type for as many accelerators of another.
        for (std::size_t i = 0; i < types; ++i) {
            const int fewer = std::max(from[i] - step, m_floor[i]);
            if (fewer == from[i])
                continue;
            for (std::size_t j = 0; j < types; ++j) {
                if (j == i || m_accelerators[j] <= 0)
                    continue;
                const long long freed = (long long)(from[i] - fewer) * m_accelerators[i];
                const long long more = (freed + m_accelerators[j] - 1) / m_accelerators[j];
                std::vector<int> counts = from;
                counts[i] = fewer;
                counts[j] = int(std::min<long long>(from[j] + more, m_request.vary[j].max));
                if (counts[j] != from[j])
                    result.push_back(counts);
            }
        }
        return result;
    }

    bool localSearch(int &current, int step)
    {
        while (step >= 1) {
            const std::vector<std::vector<int>> candidates = moves(countsOf(current), step);
            if (!evaluateRound(candidates))
                return false;
            std::optional<int> best;
            for (const std::vector<int> &counts : candidates) {
                const auto point = find(counts);
                if (point && feasible(*point) && (!best || better(*point, *best)))
                    best = point;
            }
            if (best && better(*best, current))
                current = *best;
            else if (step == 1)
                break;
            else
                step /= 2;
        }
        return true;
    }

    // ---- the answer's neighbourhood: one node fewer of each type ----

    bool verify(int current)
    {
        const std::vector<int> counts = countsOf(current);
        std::vector<std::vector<int>> neighbours;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] > m_request.vary[i].min) {
                std::vector<int> fewer = counts;
                --fewer[i];
                neighbours.push_back(fewer);
            }
        }
        if (!evaluateRound(neighbours))
            return false;
        m_result.neighbours.clear();
        for (std::size_t i = 0; i < counts.size(); ++i) {
            NeighbourCheck check;
            check.vary = int(i);
            if (counts[i] <= m_request.vary[i].min) {
                check.verdict = NeighbourVerdict::AtMinimum;
            } else {
                std::vector<int> fewer = counts;
                --fewer[i];
                check.point = *find(fewer);
                check.verdict = feasible(check.point) ? NeighbourVerdict::MeetsSlos
                                                      : NeighbourVerdict::Breaks;
            }
            m_result.neighbours.push_back(check);
        }
        return true;
    }

    void findNonMonotone()
    {
        const int n = int(m_result.points.size());
        for (int more = 0; more < n; ++more) {
            if (feasible(more))
                continue;
            for (int fewer = 0; fewer < n; ++fewer) {
                if (!feasible(fewer))
                    continue;
                const std::vector<int> &a = countsOf(fewer);
                const std::vector<int> &b = countsOf(more);
                int differing = 0;
                bool below = true;
                for (std::size_t i = 0; i < a.size(); ++i) {
                    if (a[i] != b[i]) {
                        ++differing;
                        below = below && a[i] < b[i];
                    }
                }
                if (differing == 1 && below)
                    m_result.nonMonotone.push_back({fewer, more});
            }
        }
    }

    void explainInfeasible()
    {
        std::vector<int> maximum;
        for (const VaryRange &range : m_request.vary)
            maximum.push_back(range.max);
        std::string reason = "no configuration in the ranges meets every SLO";
        if (const auto top = find(maximum)) {
            const SizingPoint &point = m_result.points[std::size_t(*top)];
            reason += "; the largest, " + describeCounts(m_request, maximum) + ", breaks";
            bool first = true;
            for (std::size_t s = 0; s < m_request.slos.size(); ++s) {
                if (point.verdicts[s].met)
                    continue;
                reason += std::string(first ? " " : ", ") + m_request.slos[s].text() + " (" +
                          m_request.slos[s].key + " = ";
                appendNumber(reason, point.verdicts[s].value);
                reason += ")";
                first = false;
            }
        }
        m_result.reason = reason;
        findNonMonotone();
    }

    const Scenario &m_base;
    const SizingRequest &m_request;
    Evaluator &m_evaluator;
    SizingResult &m_result;
    std::vector<long long> m_accelerators; // per vary entry
    std::vector<int> m_floor;              // per vary entry: the least count phase 1 found
    std::map<std::vector<int>, int> m_index;
};

} // namespace

std::string_view toString(SizingObjective objective)
{
    switch (objective) {
    case SizingObjective::Cost:
        return "cost";
    case SizingObjective::Accelerators:
        return "accelerators";
    case SizingObjective::Energy:
        return "energy";
    }
    return "cost";
}

std::optional<SizingObjective> sizingObjectiveFromString(std::string_view name)
{
    for (SizingObjective objective : kObjectives) {
        if (toString(objective) == name)
            return objective;
    }
    return std::nullopt;
}

std::string sizingObjectiveNames()
{
    std::string names;
    for (SizingObjective objective : kObjectives)
        names += (names.empty() ? "" : ", ") + std::string(toString(objective));
    return names;
}

std::string_view toString(NeighbourVerdict verdict)
{
    switch (verdict) {
    case NeighbourVerdict::Breaks:
        return "breaks_slo";
    case NeighbourVerdict::AtMinimum:
        return "at_minimum";
    case NeighbourVerdict::MeetsSlos:
        return "meets_slos";
    }
    return "breaks_slo";
}

std::vector<std::string> sloProblems(const Scenario &scenario, const std::vector<Slo> &slos)
{
    std::vector<std::string> problems;
    if (slos.empty())
        problems.push_back("no SLO to meet");
    const std::vector<std::string> keys = numericMetricKeys(!scenario.services.empty());
    for (const Slo &slo : slos) {
        if (std::find(keys.begin(), keys.end(), slo.key) == keys.end())
            problems.push_back("unknown metric '" + slo.key +
                               "' (an SLO names a numeric key of the metrics JSON)");
    }
    return problems;
}

std::vector<std::string> sizingProblems(const Scenario &scenario, const SizingRequest &request)
{
    std::vector<std::string> problems;
    if (request.vary.empty())
        problems.push_back("no node type to vary");
    std::set<std::string> types;
    for (const VaryRange &range : request.vary) {
        if (!scenario.findNodeType(range.type))
            problems.push_back("unknown node type '" + range.type + "'");
        else if (!types.insert(range.type).second)
            problems.push_back("node type '" + range.type + "' is varied twice");
        if (range.min < 0)
            problems.push_back(range.type + ": the minimum must be >= 0 (is " +
                               std::to_string(range.min) + ")");
        if (range.min > range.max)
            problems.push_back(range.type + ": the minimum " + std::to_string(range.min) +
                               " is above the maximum " + std::to_string(range.max));
    }
    for (std::string &problem : sloProblems(scenario, request.slos))
        problems.push_back(std::move(problem));
    if (request.objective == SizingObjective::Cost && scenario.energy.currency != "USD")
        problems.push_back("the cost objective adds capital prices in USD to the energy cost, "
                           "but the scenario's currency is " +
                           scenario.energy.currency + "; use --objective accelerators or energy");
    if (!(request.settings.amortizationYears > 0.0) ||
        !std::isfinite(request.settings.amortizationYears))
        problems.push_back("the amortization period must be a finite number of years > 0");
    if (request.probesPerRound < 1)
        problems.push_back("probes per round must be >= 1");
    return problems;
}

Scenario configuredScenario(const Scenario &base, const std::vector<VaryRange> &vary,
                            const std::vector<int> &counts)
{
    Scenario scenario = base;
    for (std::size_t i = 0; i < vary.size() && i < counts.size(); ++i)
        setNodeCount(scenario, vary[i].type, counts[i]);
    return scenario;
}

SizingResult sizeCluster(const Scenario &base, const SizingRequest &request, WorkerPool &pool,
                         const PlanProgressCallback &progress, const CancelFlag *cancel)
{
    const std::vector<std::string> problems = sizingProblems(base, request);
    if (!problems.empty())
        throw std::invalid_argument(problems.front());
    SizingResult result;
    result.request = request;
    Evaluator evaluator(pool, request.settings, progress, cancel);
    Search(base, request, evaluator, result).run();
    return result;
}

} // namespace headroom
