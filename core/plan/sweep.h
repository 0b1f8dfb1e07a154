#pragma once

#include "core/model/scenario.h"
#include "core/plan/evaluation.h"
#include "core/plan/metric_values.h"
#include "core/plan/scenario_overrides.h"
#include "core/plan/worker_pool.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace headroom {

// Sweeps (docs/design.md §8.2–§8.4): a base scenario run at every point of a grid of overrides
// and/or a list of explicit points, each point with a stable index, so that a sweep can be cut
// into shards that run anywhere (Slurm array tasks, Kubernetes indexed pods) and merged into
// the result the whole sweep gives on one machine.

// One axis of the grid: a key of scenario_overrides.h and the values it takes, in the order
// the spec lists them.
struct SweepAxis
{
    std::string key;
    std::vector<ScenarioOverride> values; // each with `key`
};

// A sweep as its spec file describes it (core/io/sweep_spec.h reads it).
struct SweepSpec
{
    std::string base;            // the base scenario or trace, as a path that opens from here
    std::vector<SweepAxis> grid; // sorted by key (byte order)
    // Explicit points after the grid's, in the order listed; each point's overrides sorted by
    // key.
    std::vector<std::vector<ScenarioOverride>> points;

    // Grid points (the product of the axes' sizes; 0 without a grid) plus explicit points.
    std::size_t gridSize() const;
    std::size_t pointCount() const;
    // The overrides of point `index` < pointCount(), sorted by key. Grid points come first, in
    // row-major order over the axes sorted by key: the last axis varies fastest.
    std::vector<ScenarioOverride> point(std::size_t index) const;
    // Every key some point sets, sorted: the result's axis columns.
    std::vector<std::string> axisKeys() const;
};

// The most points a sweep may have: far more than a cluster would run, small enough that the
// point count and every index stay exact everywhere they are written.
inline constexpr std::size_t kMaxSweepPoints = 100'000'000;

// A shard of a sweep: shard `index` of `count` owns the points whose index i has
// i % count == index (docs/design.md §8.3).
struct SweepShard
{
    int index = 0;
    int count = 1;

    bool owns(std::size_t point) const { return point % std::size_t(count) == std::size_t(index); }
    // The indices it owns in a sweep of `points` points, ascending.
    std::vector<std::size_t> ownedPoints(std::size_t points) const;
};

// One evaluated point.
struct SweepRow
{
    std::size_t index = 0;
    std::vector<ScenarioOverride> point; // sorted by key
    MetricValues metrics;                // the numeric keys of its metrics JSON
};

// What one shard computed, and what identifies the sweep it belongs to.
struct SweepShardResult
{
    std::string fingerprint;     // sweepFingerprint: the spec's points and the base's bytes
    std::string headroomVersion; // results of different builds are not merged
    std::size_t points = 0;      // in the whole sweep
    SweepShard shard;
    std::vector<std::string> axes; // SweepSpec::axisKeys
    std::vector<SweepRow> rows;    // by index
    bool cancelled = false;        // stopped by the cancel flag: rows holds what finished
};

// FNV-1a (64 bits, as 16 hex digits) of every point's overrides and of the base file's bytes:
// shards of one sweep have the same fingerprint, so that a merge refuses to mix sweeps (or a
// base that changed between shards). An identity check, not a security measure.
std::string sweepFingerprint(const SweepSpec &spec, std::string_view baseBytes);

// What keeps the spec's overrides from applying to `base`: a node type it does not have, or a
// value its validation refuses (checked one axis value at a time on the base without its jobs;
// a combination can still fail, when its point runs). One sentence each, prefixed by where the
// value is in the spec ("grid.pue[1]: ...", "points[3]: ...").
std::vector<std::string> sweepProblems(const SweepSpec &spec, const Scenario &base);

// Evaluates the points `shard` owns on `pool` (the engine sizing uses, docs/design.md §7.5), so
// that the rows are the same whatever the pool's size. `jobsSkipped`: trace lines the reader
// skipped, reported as `simulate` reports them. A point whose scenario is invalid throws
// std::invalid_argument naming the point's index.
SweepShardResult runSweepShard(const SweepSpec &spec, const Scenario &base,
                               const std::string &fingerprint, SweepShard shard, WorkerPool &pool,
                               long long jobsSkipped = 0, const PlanProgressCallback &progress = {},
                               const CancelFlag *cancel = nullptr);

} // namespace headroom
