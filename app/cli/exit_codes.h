#pragma once

namespace headroom::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitIoError = 1;   // an output could not be written
inline constexpr int kExitUsage = 2;     // bad command line
inline constexpr int kExitBadInput = 3;  // the scenario or trace is invalid
inline constexpr int kExitJobFailed = 4; // a sweep's job on a cluster scheduler failed

} // namespace headroom::cli
