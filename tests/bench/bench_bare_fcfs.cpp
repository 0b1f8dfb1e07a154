// The reference floor for the engine benchmarks: the least a FCFS replay of an SWF trace can
// do. It reads the trace (submit, run time and processors of each job, nothing else kept),
// then replays it on a pool of slots with a binary heap of completions: no nodes, no
// placement, no power, no metrics beyond a checksum.
//
//   bench_bare_fcfs TRACE.swf[.gz] [--nodes N]
//
// Slots: --nodes, else the MaxNodes (or MaxProcs) header, as headroom-cli takes them. Jobs
// are skipped as the CLI skips them (run time <= 0 or no processors); a job larger than the
// pool is counted as submitted and never runs. On single-slot nodes under first_fit, FCFS in
// the engine makes the same schedule, so the mean wait printed here equals the CLI's.
//
// Prints one line: wall and CPU seconds (read + replay), events (submissions + starts +
// completions), events per second, peak RSS in MiB (getrusage), jobs and the mean wait.
#include "core/io/text_source.h"
#include "tests/bench/bench_support.h"

#include <queue>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace headroom;

namespace {

struct BareJob
{
    double submit;
    double run;
    int slots;
};

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
    if (argc != 2 && !(argc == 4 && std::string_view(argv[2]) == "--nodes")) {
        std::fprintf(stderr, "usage: bench_bare_fcfs TRACE.swf[.gz] [--nodes N]\n");
        return 2;
    }
    long long slots = argc == 4 ? std::atoll(argv[3]) : -1;
    const auto start = std::chrono::steady_clock::now();

    std::vector<BareJob> jobs;
    long long maxNodes = -1;
    long long maxProcs = -1;
    try {
        TextSource lines(argv[1]);
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
    std::stable_sort(jobs.begin(), jobs.end(),
                     [](const BareJob &a, const BareJob &b) { return a.submit < b.submit; });

    using Completion = std::pair<double, int>; // (end, slots)
    std::priority_queue<Completion, std::vector<Completion>, std::greater<>> running;
    long long free = slots;
    std::size_t next = 0; // next to submit
    std::size_t head = 0; // first queued: FCFS never starts past it
    unsigned long long events = 0;
    double waitSum = 0.0;
    long long started = 0;
    while (head < jobs.size() || !running.empty()) {
        double now = running.empty() ? jobs[next].submit : running.top().first;
        if (next < jobs.size())
            now = std::min(now, jobs[next].submit);
        while (!running.empty() && running.top().first == now) {
            free += running.top().second;
            running.pop();
            ++events;
        }
        while (next < jobs.size() && jobs[next].submit == now) {
            ++next;
            ++events;
        }
        while (head < next && (jobs[head].slots <= free || jobs[head].slots > slots)) {
            const BareJob &job = jobs[head++];
            if (job.slots > slots)
                continue; // never fits: rejected at submission
            free -= job.slots;
            running.push({now + job.run, job.slots});
            waitSum += now - job.submit;
            ++started;
            ++events;
        }
    }
    const double wall = bench::secondsSince(start);
    std::printf("bare_fcfs wall_s %.3f cpu_s %.3f events %llu events_per_s %.0f peak_MiB %.1f "
                "jobs %zu started %lld mean_wait_s %.6f\n",
                wall, bench::cpuSeconds(), events, wall > 0.0 ? double(events) / wall : 0.0,
                bench::peakRssMiB(), jobs.size(), started,
                started > 0 ? waitSum / double(started) : 0.0);
    return 0;
}
