#include "core/plan/sweep.h"

#include "headroom_version.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace headroom {
namespace {

std::string describePoint(const std::vector<ScenarioOverride> &point)
{
    std::string text;
    for (const ScenarioOverride &override : point)
        text.append(text.empty() ? "" : ", ").append(override.text());
    return text.empty() ? "the base as it is" : text;
}

// FNV-1a, 64 bits.
class Fnv1a
{
public:
    void add(std::string_view bytes)
    {
        for (const char c : bytes) {
            m_hash ^= static_cast<unsigned char>(c);
            m_hash *= 0x100000001b3ULL;
        }
    }
    // Fields are length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
    void field(std::string_view bytes)
    {
        add(std::to_string(bytes.size()));
        add(":");
        add(bytes);
    }
    std::string hex() const
    {
        char buffer[17];
        std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(m_hash));
        return buffer;
    }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

// The base without its jobs: what the spec's values are checked against.
Scenario jobless(const Scenario &base)
{
    Scenario shell;
    shell.name = base.name;
    shell.seed = base.seed;
    shell.nodeTypes = base.nodeTypes;
    shell.cluster = base.cluster;
    shell.services = base.services;
    shell.policy = base.policy;
    shell.energy = base.energy;
    return shell;
}

// Why `overrides` cannot apply to `shell`, or empty.
std::string pointProblem(const Scenario &shell, const std::vector<ScenarioOverride> &overrides)
{
    if (const std::vector<std::string> problems = overrideProblems(shell, overrides);
        !problems.empty())
        return problems.front();
    Scenario scenario = shell;
    applyOverrides(scenario, overrides);
    if (const std::vector<Problem> problems = overriddenProblems(scenario); !problems.empty())
        return "the scenario it gives is invalid: " + problems.front().path + ": " +
               problems.front().message;
    return {};
}

} // namespace

std::size_t SweepSpec::gridSize() const
{
    if (grid.empty())
        return 0;
    std::size_t size = 1;
    for (const SweepAxis &axis : grid)
        size *= axis.values.size(); // the spec reader keeps this below kMaxSweepPoints
    return size;
}

std::size_t SweepSpec::pointCount() const
{
    return gridSize() + points.size();
}

std::vector<ScenarioOverride> SweepSpec::point(std::size_t index) const
{
    const std::size_t inGrid = gridSize();
    if (index >= inGrid)
        return points.at(index - inGrid);
    std::vector<ScenarioOverride> overrides(grid.size());
    for (std::size_t a = grid.size(); a-- > 0;) {
        const std::vector<ScenarioOverride> &values = grid[a].values;
        overrides[a] = values[index % values.size()];
        index /= values.size();
    }
    return overrides;
}

std::vector<std::string> SweepSpec::axisKeys() const
{
    std::set<std::string> keys;
    for (const SweepAxis &axis : grid)
        keys.insert(axis.key);
    for (const std::vector<ScenarioOverride> &point : points) {
        for (const ScenarioOverride &override : point)
            keys.insert(override.key);
    }
    return {keys.begin(), keys.end()};
}

std::vector<std::size_t> SweepShard::ownedPoints(std::size_t points) const
{
    std::vector<std::size_t> owned;
    for (std::size_t i = std::size_t(index); i < points; i += std::size_t(count))
        owned.push_back(i);
    return owned;
}

std::string sweepFingerprint(const SweepSpec &spec, std::string_view baseBytes)
{
    // The points follow from the axes and the explicit list, so hashing those identifies them.
    Fnv1a hash;
    hash.field("grid");
    for (const SweepAxis &axis : spec.grid) {
        hash.field(axis.key);
        hash.field(std::to_string(axis.values.size()));
        for (const ScenarioOverride &value : axis.values)
            hash.field(value.value);
    }
    hash.field("points");
    for (const std::vector<ScenarioOverride> &point : spec.points) {
        hash.field(std::to_string(point.size()));
        for (const ScenarioOverride &override : point)
            hash.field(override.text());
    }
    hash.field("base");
    hash.field(baseBytes);
    return hash.hex();
}

std::vector<std::string> sweepProblems(const SweepSpec &spec, const Scenario &base)
{
    const Scenario shell = jobless(base);
    std::vector<std::string> problems;
    for (const SweepAxis &axis : spec.grid) {
        for (std::size_t v = 0; v < axis.values.size(); ++v) {
            const std::string problem = pointProblem(shell, {axis.values[v]});
            if (!problem.empty())
                problems.push_back("grid." + axis.key + "[" + std::to_string(v) + "]: " + problem);
        }
    }
    for (std::size_t p = 0; p < spec.points.size(); ++p) {
        const std::string problem = pointProblem(shell, spec.points[p]);
        if (!problem.empty())
            problems.push_back("points[" + std::to_string(p) + "]: " + problem);
    }
    return problems;
}

SweepShardResult runSweepShard(const SweepSpec &spec, const Scenario &base,
                               const std::string &fingerprint, SweepShard shard, WorkerPool &pool,
                               long long jobsSkipped, const PlanProgressCallback &progress,
                               const CancelFlag *cancel)
{
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count)
        throw std::invalid_argument("a shard's index must be below the shard count");
    SweepShardResult result;
    result.fingerprint = fingerprint;
    result.headroomVersion = kVersion;
    result.points = spec.pointCount();
    result.shard = shard;
    result.axes = spec.axisKeys();
    const std::vector<std::size_t> owned = shard.ownedPoints(result.points);

    EvaluationSettings settings;
    settings.jobsSkipped = jobsSkipped;
    Evaluator evaluator(pool, settings, progress, cancel);
    evaluator.setExpectedTotal(static_cast<int>(owned.size()));
    std::vector<std::vector<ScenarioOverride>> points(owned.size());
    const std::vector<Evaluation> evaluations =
            evaluator.evaluate(owned.size(), [&](std::size_t i) {
                points[i] = spec.point(owned[i]);
                Scenario scenario = base;
                applyOverrides(scenario, points[i]);
                if (const std::vector<Problem> problems = overriddenProblems(scenario);
                    !problems.empty())
                    throw std::invalid_argument(
                            "point " + std::to_string(owned[i]) + " (" + describePoint(points[i]) +
                            ") gives an invalid scenario: " + problems.front().path + ": " +
                            problems.front().message);
                return scenario;
            });
    for (std::size_t i = 0; i < owned.size(); ++i) {
        if (evaluations[i].cancelled)
            continue;
        result.rows.push_back({owned[i], std::move(points[i]), evaluations[i].metrics});
    }
    result.cancelled = evaluator.cancelled();
    return result;
}

} // namespace headroom
