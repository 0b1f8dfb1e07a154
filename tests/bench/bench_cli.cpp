// Times one headroom-cli run (or any command that writes a metrics JSON) as a whole process:
// wall time, peak RSS of the child (wait4's ru_maxrss) and events per second, the events
// counted from the metrics it wrote.
//
//   bench_cli LABEL METRICS.json -- COMMAND [ARG]...
//
// Events are what the engine counts (LiveStatus::events): a submission per job, a start and
// a completion per completed job, and a preemption and a restart per preemption, i.e.
// jobs_submitted + 2 × (jobs_completed + jobs_preempted). Prints one line:
//   LABEL wall_s W cpu_s C events E events_per_s R peak_MiB M
// and exits with the command's status.
#include "tests/bench/bench_support.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 5 || std::strcmp(argv[3], "--") != 0) {
        std::fprintf(stderr, "usage: bench_cli LABEL METRICS.json -- COMMAND [ARG]...\n");
        return 2;
    }
    const std::string label = argv[1];
    const std::string metricsPath = argv[2];
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("bench_cli: fork");
        return 1;
    }
    if (child == 0) {
        execvp(argv[4], argv + 4);
        std::perror("bench_cli: exec");
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) < 0) {
        std::perror("bench_cli: wait4");
        return 1;
    }
    const double wall = headroom::bench::secondsSince(start);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "bench_cli: %s failed (status %d)\n", argv[4], status);
        return 1;
    }
    double events = 0.0;
    try {
        std::ifstream in(metricsPath);
        const nlohmann::json metrics = nlohmann::json::parse(in);
        events = metrics.at("jobs_submitted").get<double>() +
                 2.0 * (metrics.at("jobs_completed").get<double>() +
                        metrics.at("jobs_preempted").get<double>());
    } catch (const std::exception &error) {
        std::fprintf(stderr, "bench_cli: %s: %s\n", metricsPath.c_str(), error.what());
        return 1;
    }
    std::printf("%s wall_s %.3f cpu_s %.3f events %.0f events_per_s %.0f peak_MiB %.1f\n",
                label.c_str(), wall, headroom::bench::cpuSeconds(usage), events,
                wall > 0.0 ? events / wall : 0.0, double(usage.ru_maxrss) / 1024.0);
    return 0;
}
