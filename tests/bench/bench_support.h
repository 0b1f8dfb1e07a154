#pragma once

// What the benchmark programs share: how they measure. Header-only, for the programs in
// tests/bench alone.

#include <chrono>
#include <sys/resource.h>

namespace headroom::bench {

// Peak resident set size of this process so far (getrusage ru_maxrss), in MiB.
inline double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports kB
}

// CPU time (user + system) of this process so far, in seconds: on a machine shared with other
// work it shows what the wall time lost to waiting for a core.
inline double cpuSeconds(const rusage &usage)
{
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
inline double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return cpuSeconds(usage);
}

inline double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace headroom::bench
