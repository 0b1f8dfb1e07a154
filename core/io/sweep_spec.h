#pragma once

#include "core/plan/sweep.h"

#include <string>
#include <string_view>

namespace headroom {

// Sweep spec files (docs/design.md §8.2): JSON, read as strictly as scenarios are (unknown or
// repeated fields refused; errors name the file, line and field).
//
//   {"format": "headroom-sweep", "version": 1, "base": "two-rack-h100.json",
//    "grid": {"scheduler": ["fcfs", "easy"], "load_scale": [1.0, 1.5], "nodes.dgx-h100": [8, 16]},
//    "points": [{"scheduler": "sjf", "dpm": false}]}
inline constexpr std::string_view kSweepFormatName = "headroom-sweep";
// The version this build reads. Files with a newer version are refused.
inline constexpr int kSweepFormatVersion = 1;

// Reads a spec file; `base` is resolved relative to the spec's folder. Throws InputError with
// the spec's path, the line and the field for anything wrong: an unknown field or axis, an
// empty grid or axis, a value of the wrong type, a spec with no point, or a base file that does
// not exist.
SweepSpec loadSweepSpec(const std::string &path);

// As loadSweepSpec, from text in memory; `file` names it in errors and `folder` is where a
// relative base is looked for.
SweepSpec parseSweepSpec(std::string_view text, const std::string &file, const std::string &folder);

} // namespace headroom
