// Sizing one node type over a range on the bundled example's workload (docs/design.md §7.4):
// how many simulations the search needs, its wall time on 1 and on N threads, and the speed-up.
//
//   bench_sizing [--scenario FILE] [--vary TYPE=MIN..MAX] [--slo KEY<=V]... [--threads N]
//                [--repetitions R] [--probes P]
//
// Defaults: resources/examples/two-rack-h100.json, dgx-h100=1..64, the SLOs
// p95_wait_s<=36000 and jobs_rejected<=0, 2 threads, 15 repetitions. Each repetition runs the
// whole sizing once on 1 thread and once on N threads, alternately, so that a change in the
// machine's load hits both alike; the medians are reported, with the CPU time of the process
// (on a shared machine the wall time shows the waiting). Every run must give the same
// RESULT.json, byte for byte, or the benchmark fails.
#include "core/io/plan_outputs.h"
#include "core/io/scenario_json.h"
#include "core/plan/sizing.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

using namespace headroom;

namespace {

struct Options
{
    std::string scenario = HEADROOM_SOURCE_DIR "/resources/examples/two-rack-h100.json";
    VaryRange vary{"dgx-h100", 1, 64};
    std::vector<Slo> slos;
    int threads = 2;
    int repetitions = 15;
    int probesPerRound = SizingRequest{}.probesPerRound;
};

[[noreturn]] void usage(const std::string &problem)
{
    std::fprintf(stderr,
                 "bench_sizing: %s\n"
                 "usage: bench_sizing [--scenario FILE] [--vary TYPE=MIN..MAX] [--slo KEY<=V]... "
                 "[--threads N] [--repetitions R] [--probes P]\n",
                 problem.c_str());
    std::exit(2);
}

Options parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            usage("missing value for " + arg);
        const std::string value = argv[++i];
        if (arg == "--scenario") {
            options.scenario = value;
        } else if (arg == "--vary") {
            const auto eq = value.find('=');
            const auto dots = value.find("..");
            if (eq == std::string::npos || dots == std::string::npos)
                usage("--vary TYPE=MIN..MAX");
            options.vary = {value.substr(0, eq), std::stoi(value.substr(eq + 1, dots - eq - 1)),
                            std::stoi(value.substr(dots + 2))};
        } else if (arg == "--slo") {
            const auto slo = parseSlo(value);
            if (!slo)
                usage("--slo KEY<=V or KEY>=V");
            options.slos.push_back(*slo);
        } else if (arg == "--threads") {
            options.threads = std::max(1, std::stoi(value));
        } else if (arg == "--probes") {
            options.probesPerRound = std::max(1, std::stoi(value));
        } else if (arg == "--repetitions") {
            options.repetitions = std::max(1, std::stoi(value));
        } else {
            usage("unknown option " + arg);
        }
    }
    if (options.slos.empty())
        options.slos = {*parseSlo("p95_wait_s<=36000"), *parseSlo("jobs_rejected<=0")};
    return options;
}

struct Timing
{
    double wallS = 0.0;
    double cpuS = 0.0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    const Scenario scenario = loadScenarioFile(options.scenario);
    SizingRequest request;
    request.vary = {options.vary};
    request.slos = options.slos;
    request.probesPerRound = options.probesPerRound;
    if (const auto problems = sizingProblems(scenario, request); !problems.empty())
        usage(problems.front());

    std::string reference;
    SizingResult last;
    std::vector<double> wall[2];
    std::vector<double> cpu[2];
    const int threadCounts[2] = {1, options.threads};
    for (int repetition = 0; repetition < options.repetitions; ++repetition) {
        for (int k = 0; k < 2; ++k) {
            WorkerPool pool(threadCounts[k]);
            const std::clock_t cpuStart = std::clock();
            const auto start = std::chrono::steady_clock::now();
            last = sizeCluster(scenario, request, pool);
            const auto end = std::chrono::steady_clock::now();
            cpu[k].push_back(double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
            wall[k].push_back(std::chrono::duration<double>(end - start).count());
            const std::string json = sizingJson(last, 1.0);
            if (reference.empty())
                reference = json;
            if (json != reference) {
                std::fprintf(stderr, "bench_sizing: RESULT.json differs on %d threads\n",
                             threadCounts[k]);
                return 1;
            }
        }
    }

    const SizingPoint *best = last.recommendedPoint();
    std::printf("scenario       %s\n", options.scenario.c_str());
    std::printf("vary           %s=%d..%d\n", options.vary.type.c_str(), options.vary.min,
                options.vary.max);
    for (const Slo &slo : options.slos)
        std::printf("slo            %s\n", slo.text().c_str());
    std::printf("recommended    %s\n",
                best ? (options.vary.type + "=" + std::to_string(best->counts[0])).c_str()
                     : ("none: " + last.reason).c_str());
    std::printf("simulations    %zu in %d rounds (non-monotone pairs: %zu)\n", last.points.size(),
                last.rounds, last.nonMonotone.size());
    // A round's simulations run in parallel, rounds one after another: on N threads a round of
    // k equal simulations takes ceil(k / N) waves, which bounds the speed-up this search can show.
    std::vector<int> roundSizes(std::size_t(last.rounds), 0);
    for (const SizingPoint &point : last.points)
        ++roundSizes[std::size_t(point.round)];
    int waves = 0;
    std::string sizes;
    for (const int size : roundSizes) {
        waves += (size + options.threads - 1) / options.threads;
        sizes += (sizes.empty() ? "" : " ") + std::to_string(size);
    }
    std::printf("round sizes    %s (speed-up bound on %d threads: %.2fx)\n", sizes.c_str(),
                options.threads, waves ? double(last.points.size()) / waves : 1.0);
    std::printf("repetitions    %d (medians below)\n", options.repetitions);
    const double wall1 = median(wall[0]);
    const double wallN = median(wall[1]);
    std::printf("1 thread       %.1f ms wall, %.1f ms CPU\n", 1000 * wall1, 1000 * median(cpu[0]));
    std::printf("%d threads      %.1f ms wall, %.1f ms CPU\n", options.threads, 1000 * wallN,
                1000 * median(cpu[1]));
    std::printf("speed-up       %.2fx\n", wall1 / wallN);
    return 0;
}
