// The reference floor for the engine benchmarks: the least a FCFS replay of an SWF trace can
// do. It reads the trace (submit, run time and processors of each job, nothing else kept),
// then replays it on a pool of slots with a binary heap of completions: no nodes, no
// placement, no power, no metrics beyond a checksum.
//
//   bench_bare_fcfs TRACE.swf[.gz] [--nodes N] [--label L]
//
// Slots: --nodes, else the MaxNodes (or MaxProcs) header, as headroom-cli takes them. Jobs
// are skipped as the CLI skips them (run time <= 0 or no processors); a job larger than the
// pool is counted as submitted and never runs. On single-slot nodes under first_fit, FCFS in
// the engine makes the same schedule, so the mean wait printed here equals the CLI's.
//
// Prints one line, starting with the label (default bare_fcfs): wall and CPU seconds (read +
// replay), events (submissions + starts + completions), events per second, peak RSS in MiB
// (getrusage), jobs and the mean wait.
#include "core/io/text_source.h"
#include "tests/bench/bare_fcfs_loop.h"
#include "tests/bench/bench_support.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

using namespace headroom;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// The value after "; Key:" in a header comment, or -1.
long long headerValue(std::string_view line, std::string_view key)
{
    const std::size_t at = line.find(key);
    if (at == std::string_view::npos)
        return -1;
    std::size_t i = at + key.size();
    while (i < line.size() && (isSpace(line[i]) || line[i] == ':'))
        ++i;
    long long value = -1;
    std::from_chars(line.data() + i, line.data() + line.size(), value);
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    long long slots = -1;
    std::string label = "bare_fcfs";
    const char *path = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (option == "--nodes" && i + 1 < argc)
            slots = std::atoll(argv[++i]);
        else if (option == "--label" && i + 1 < argc)
            label = argv[++i];
        else if (!path && !option.starts_with("--"))
            path = argv[i];
        else
            path = nullptr, i = argc;
    }
    if (!path) {
        std::fprintf(stderr, "usage: bench_bare_fcfs TRACE.swf[.gz] [--nodes N] [--label L]\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();

    std::vector<bench::BareJob> jobs;
    long long maxNodes = -1;
    long long maxProcs = -1;
    try {
        TextSource lines(path);
        for (std::string_view line; lines.next(line);) {
            std::size_t i = 0;
            while (i < line.size() && isSpace(line[i]))
                ++i;
            if (i == line.size())
                continue;
            if (line[i] == ';') {
                if (maxNodes < 0)
                    maxNodes = headerValue(line, "MaxNodes");
                if (maxProcs < 0)
                    maxProcs = headerValue(line, "MaxProcs");
                continue;
            }
            // Fields 2 (submit), 4 (run), 5 (allocated) and 8 (requested processors).
            double field[8] = {};
            const char *p = line.data() + i;
            const char *const end = line.data() + line.size();
            for (int f = 0; f < 8 && p < end; ++f) {
                p = std::from_chars(p, end, field[f]).ptr;
                while (p < end && isSpace(*p))
                    ++p;
            }
            const int allocated = int(field[4]);
            const int size = allocated == -1 ? int(field[7]) : allocated;
            if (field[3] <= 0.0 || size <= 0)
                continue;
            jobs.push_back({field[1], field[3], size});
        }
    } catch (const std::exception &error) {
        std::fprintf(stderr, "bench_bare_fcfs: %s\n", error.what());
        return 1;
    }
    if (slots < 0)
        slots = maxNodes > 0 ? maxNodes : maxProcs;
    if (slots <= 0) {
        std::fprintf(stderr, "bench_bare_fcfs: no MaxNodes or MaxProcs header; pass --nodes N\n");
        return 1;
    }
    // Submit order, as the engine takes it (input order among equal submit times).
    std::stable_sort(
            jobs.begin(), jobs.end(),
            [](const bench::BareJob &a, const bench::BareJob &b) { return a.submit < b.submit; });

    const bench::BareResult result = bench::bareFcfs(jobs, slots);
    const double wall = bench::secondsSince(start);
    std::printf("%s wall_s %.3f cpu_s %.3f events %llu events_per_s %.0f peak_MiB %.1f "
                "jobs %zu started %lld mean_wait_s %.6f\n",
                label.c_str(), wall, bench::cpuSeconds(), result.events,
                wall > 0.0 ? double(result.events) / wall : 0.0, bench::peakRssMiB(), jobs.size(),
                result.started, result.meanWaitS);
    return 0;
}
