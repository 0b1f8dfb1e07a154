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

inline double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace headroom::bench
