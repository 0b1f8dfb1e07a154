// Replays a large synthetic trace through the engine and reports throughput and memory.
//
//   bench_replay [--jobs N] [--nodes N] [--seed N] [--load F] [--scheduler NAME]...
//                [--power-aware] [--spare-nodes N] [--rack-budget-kw KW] [--services N]
//                [--bare] [--label L]
//
// Defaults: 1,000,000 jobs on 2,048 DGX-H100-like nodes (8 accelerators, linear power from
// 2 kW idle to 10.2 kW), 90 % offered load, schedulers fcfs and easy. --scheduler replaces
// the default list and may be repeated (sjf and srtf can be much slower on long queues).
// --power-aware turns on energy management (docs/design.md §4) on top: dynamic power management
// (idle timeout 1,800 s, 16 spare nodes unless --spare-nodes; boot 300 s, shutdown 60 s, 40 W off)
// and power_aware placement, and adds boots, time at the caps and energy to the table.
// --rack-budget-kw adds a power budget to every 32-node rack (full load 326 kW): 300 caps it at
// about 92 %, which at this offered load keeps the racks at their caps nearly all the time and the
// queue long (a different workload regime, not the same run with overhead).
// --services adds N inference services (whole-node replicas of 40 requests/s, 1 to 16 each,
// a diurnal load of 20 to 400 requests/s, 600 s to start): an autoscale tick every minute.
// --bare first replays the same trace with the bare FCFS loop of bench_bare_fcfs (a pool of
// nodes × 8 slots, no parsing): the floor the engine's figures are compared with.
//
// Besides the table, each run prints a line for scripts (tests/bench/run_benchmarks.sh):
//   LABEL:SCHEDULER wall_s W cpu_s C events E events_per_s R peak_MiB M
// (LABEL:bare for --bare; LABEL defaults to "replay"). peak_MiB is getrusage's ru_maxrss.
//
// Peak resident memory is the process-wide high-water mark (getrusage ru_maxrss), so each
// figure includes the trace and whatever earlier runs left behind; the figure after
// generation is the baseline to subtract.
//
// The first run in the process pays the first-touch page faults of the engine's per-job
// arrays (build_s); later runs reuse memory the earlier ones freed. For a cold figure of one
// scheduler, run it alone. SRTF re-plans every running and queued job at every event, so on
// the full trace it takes minutes: give it a smaller --jobs or --nodes.
#include "core/engine/simulation.h"
#include "core/model/policy.h"
#include "core/model/scenario.h"
#include "core/workload/synthetic_trace.h"
#include "tests/bench/bare_fcfs_loop.h"
#include "tests/bench/bench_support.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace headroom;

namespace {

struct Options
{
    int jobs = 1'000'000;
    int nodes = 2048;
    std::uint64_t seed = 1;
    double load = 0.9;
    std::vector<SchedulerKind> schedulers;
    bool powerAware = false;
    std::optional<double> rackBudgetKw;
    int spareNodes = 16;
    int services = 0;
    bool bare = false;
    std::string label = "replay";
};

[[noreturn]] void usage(const std::string &problem)
{
    std::fprintf(stderr,
                 "bench_replay: %s\n"
                 "usage: bench_replay [--jobs N] [--nodes N] [--seed N] [--load F]"
                 " [--scheduler %s]... [--power-aware] [--spare-nodes N] [--rack-budget-kw KW]"
                 " [--services N] [--bare] [--label L]\n",
                 problem.c_str(), schedulerNames().c_str());
    std::exit(2);
}

long long parseInteger(std::string_view option, const char *text, long long minimum)
{
    char *end = nullptr;
    const long long value = std::strtoll(text, &end, 10);
    if (end == text || *end != '\0' || value < minimum)
        usage(std::string(option) + " needs an integer >= " + std::to_string(minimum));
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (option == "--power-aware") {
            options.powerAware = true;
            continue;
        }
        if (option == "--bare") {
            options.bare = true;
            continue;
        }
        if (i + 1 >= argc)
            usage("missing value for " + std::string(option));
        const char *value = argv[++i];
        if (option == "--jobs") {
            options.jobs = static_cast<int>(parseInteger(option, value, 1));
        } else if (option == "--nodes") {
            options.nodes = static_cast<int>(parseInteger(option, value, 1));
        } else if (option == "--seed") {
            options.seed = static_cast<std::uint64_t>(parseInteger(option, value, 0));
        } else if (option == "--load") {
            char *end = nullptr;
            options.load = std::strtod(value, &end);
            if (end == value || *end != '\0' || !(options.load > 0.0))
                usage("--load needs a number > 0");
        } else if (option == "--services") {
            options.services = static_cast<int>(parseInteger(option, value, 0));
        } else if (option == "--label") {
            options.label = value;
        } else if (option == "--spare-nodes") {
            options.spareNodes = static_cast<int>(parseInteger(option, value, 0));
        } else if (option == "--rack-budget-kw") {
            char *end = nullptr;
            options.rackBudgetKw = std::strtod(value, &end);
            if (end == value || *end != '\0' || !(*options.rackBudgetKw > 0.0))
                usage("--rack-budget-kw needs a number > 0");
        } else if (option == "--scheduler") {
            const auto kind = schedulerFromString(value);
            if (!kind)
                usage("unknown scheduler \"" + std::string(value) + "\"");
            options.schedulers.push_back(*kind);
        } else {
            usage("unknown option " + std::string(option));
        }
    }
    if (options.schedulers.empty())
        options.schedulers = {SchedulerKind::Fcfs, SchedulerKind::Easy};
    return options;
}

Scenario makeScenario(const Options &options)
{
    Scenario scenario;
    scenario.name = "bench_replay";
    NodeType dgx;
    dgx.name = "dgx-h100";
    dgx.acceleratorModel = "NVIDIA H100 SXM5 80GB";
    dgx.accelerators = 8;
    dgx.power = PowerCurve::linear(2000.0, 10200.0); // DGX H100 system max 10.2 kW
    if (options.powerAware) {
        dgx.bootS = 300.0;
        dgx.shutdownS = 60.0;
        dgx.offW = 40.0;
    }
    scenario.nodeTypes.push_back(dgx);
    // Racks of 32 nodes, as in a DGX SuperPOD scalable unit.
    Zone zone{"z0", {}};
    for (int node = 0; node < options.nodes; ++node) {
        if (node % 32 == 0)
            zone.racks.push_back({"r" + std::to_string(node / 32), options.rackBudgetKw, {}});
        zone.racks.back().nodes.push_back({"n" + std::to_string(node), dgx.name});
    }
    scenario.cluster.zones.push_back(std::move(zone));
    for (int i = 0; i < options.services; ++i) {
        Service service;
        service.name = "service-" + std::to_string(i);
        service.tenant = "inference";
        service.nodeType = dgx.name;
        service.acceleratorsPerReplica = 8;
        service.capacityRps = 40.0;
        service.minReplicas = 1;
        service.maxReplicas = 16;
        service.targetUtilization = 0.7;
        service.scaleUpDelayS = 600.0;
        service.load.troughRps = 20.0;
        service.load.peakRps = 400.0;
        service.load.peakHour = 14.0 + i;
        scenario.services.push_back(std::move(service));
    }
    if (options.powerAware) {
        scenario.policy.placement = PlacementKind::PowerAware;
        scenario.energy.dpmEnabled = true;
        scenario.energy.idleTimeoutS = 1800.0;
        scenario.energy.spareNodes = options.spareNodes;
    }
    return scenario;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parseOptions(argc, argv);
    Scenario scenario = makeScenario(options);

    TraceSpec spec;
    spec.jobCount = options.jobs;
    spec.nodes = options.nodes;
    spec.slotsPerNode = 8;
    spec.offeredLoad = options.load;
    const auto generationStart = std::chrono::steady_clock::now();
    try {
        scenario.jobs = generateTrace(spec, options.seed);
    } catch (const std::exception &error) {
        usage(error.what());
    }
    const double generationS = bench::secondsSince(generationStart);
    std::printf("trace: %d jobs, %d nodes x 8 accelerators, offered load %.2f, seed %llu\n",
                options.jobs, options.nodes, options.load,
                static_cast<unsigned long long>(options.seed));
    std::printf("generation: %.3f s, last submit %.0f s, peak RSS after generation %.1f MiB\n",
                generationS, scenario.jobs.empty() ? 0.0 : scenario.jobs.back().submitS,
                bench::peakRssMiB());
    const auto printResult = [&](const std::string &what, double wallS, double cpuS,
                                 unsigned long long events) {
        std::printf("%s:%s wall_s %.3f cpu_s %.3f events %llu events_per_s %.0f peak_MiB %.1f\n",
                    options.label.c_str(), what.c_str(), wallS, cpuS, events,
                    wallS > 0.0 ? double(events) / wallS : 0.0, bench::peakRssMiB());
    };
    if (options.bare) {
        std::vector<bench::BareJob> bare;
        bare.reserve(scenario.jobs.size());
        for (const Job &job : scenario.jobs)
            bare.push_back({job.submitS, job.runS, job.slots});
        const double cpuStart = bench::cpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        const bench::BareResult result = bench::bareFcfs(bare, 8LL * options.nodes);
        printResult("bare", bench::secondsSince(start), bench::cpuSeconds() - cpuStart,
                    result.events);
    }
    // wall_s is construction (validation, compiling the cluster and the jobs) plus the run;
    // build_s is the construction part. cpu_s is the process CPU time of the same span, which
    // shows when other work on the machine inflated the wall time.
    std::printf("%-5s %8s %8s %8s %10s %11s %10s %9s %7s %12s %11s %9s\n", "sched", "wall_s",
                "build_s", "cpu_s", "events", "events/s", "completed", "rejected", "util",
                "mean_wait_s", "p95_wait_s", "peak_MiB");
    std::fflush(stdout);

    for (SchedulerKind kind : options.schedulers) {
        scenario.policy.scheduler = kind;
        const std::clock_t cpuStart = std::clock();
        const auto start = std::chrono::steady_clock::now();
        Simulation simulation(scenario);
        const double buildS = bench::secondsSince(start);
        simulation.run();
        const double wallS = bench::secondsSince(start);
        const double cpuS = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        const LiveStatus status = simulation.status();
        const RunResult result = simulation.result();
        const RunMetrics &m = result.metrics;
        std::printf("%-5s %8.3f %8.3f %8.3f %10llu %11.0f %10lld %9lld %7.4f %12.1f %11.1f %9.1f\n",
                    std::string(toString(kind)).c_str(), wallS, buildS, cpuS,
                    static_cast<unsigned long long>(status.events),
                    wallS > 0.0 ? static_cast<double>(status.events) / wallS : 0.0, m.jobsCompleted,
                    m.jobsRejected, m.utilization, m.meanWaitS, m.p95WaitS, bench::peakRssMiB());
        if (options.powerAware || options.rackBudgetKw) {
            std::printf("      energy %.0f kWh, boots %lld, node-hours off %.0f, time at power cap "
                        "%.0f s, peak rack %.1f kW\n",
                        m.energyKwh, m.boots, m.nodeHoursOff, m.timeAtPowerCapS,
                        m.rackPeakPowerW.empty() ? 0.0
                                                 : *std::max_element(m.rackPeakPowerW.begin(),
                                                                     m.rackPeakPowerW.end()) /
                                                           1000.0);
        }
        printResult(std::string(toString(kind)), wallS, cpuS, status.events);
        std::fflush(stdout);
    }
    return 0;
}
