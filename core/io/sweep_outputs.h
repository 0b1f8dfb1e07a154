#pragma once

#include "core/plan/sweep.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// The files of a sweep (docs/design.md §8.3–§8.4). A shard writes its rows to
// "shard-I-of-N.json" in its output folder; merging the shards gives RESULTS.csv (and
// RESULTS.json), byte-identical for any shard count and thread count since the rows are
// ordered by point index and their numbers read back exactly. No wall-clock time, no paths.

// "shard-3-of-7.json".
std::string sweepShardFileName(SweepShard shard);
// Whether `name` is such a file name.
bool isSweepShardFileName(std::string_view name);

// A shard's file: two-space-indented JSON, "format": "headroom-sweep-shard".
std::string sweepShardJson(const SweepShardResult &shard);
// Reads it back exactly; InputError naming `file`, the line and the field otherwise.
SweepShardResult parseSweepShard(std::string_view text, const std::string &file);

struct SweepShardFile
{
    std::string path;
    SweepShardResult shard;
};

// Every point of a sweep, in index order.
struct SweepResults
{
    std::string fingerprint;
    std::string headroomVersion;
    std::size_t points = 0;
    std::vector<std::string> axes;
    std::vector<SweepRow> rows; // rows[i].index == i
};

// Why shards cannot be merged. For points that no shard delivered, the shards that own them
// (their index within `shardCount`), so that a caller can point at their logs.
class SweepMergeError : public std::runtime_error
{
public:
    SweepMergeError(const std::string &message, std::vector<int> missingShards = {},
                    int shardCount = 0)
        : std::runtime_error(message)
        , m_missingShards(std::move(missingShards))
        , m_shardCount(shardCount)
    {}
    const std::vector<int> &missingShards() const { return m_missingShards; }
    int shardCount() const { return m_shardCount; }

private:
    std::vector<int> m_missingShards;
    int m_shardCount = 0;
};

// Merges the shards of one sweep. Throws SweepMergeError when there are none, when they come
// from different sweeps (fingerprint, point count, axes, shard count or Headroom version differ),
// when a point is in two files, or when points are missing (naming them and their shards).
SweepResults mergeSweepShards(const std::vector<SweepShardFile> &files);

// RESULTS.csv: "index", the axes (the value each point gives them, empty when it leaves one
// alone), then every numeric key of the metrics JSON; one row per point in index order.
std::string sweepResultsCsv(const SweepResults &results);
// RESULTS.json: "format": "headroom-sweep-results" and the rows, each with its index, point and
// metrics.
std::string sweepResultsJson(const SweepResults &results);

} // namespace headroom
