// Writes a synthetic Standard Workload Format trace: the workload of bench_replay (Poisson
// arrivals, lognormal run times, the default size mix) on a flat cluster of single-slot nodes,
// so that the CLI's trace path and bench_bare_fcfs can replay the same file.
//
//   bench_swf_gen OUT.swf [--jobs N] [--nodes N] [--max-slots N] [--seed N] [--load F]
//
// Defaults: 1,000,000 jobs, `; MaxNodes: 16384`, jobs of 1 to 512 slots (the default mix's
// sizes up to --max-slots), offered load 0.9, seed 1. The file is a pure function of the
// options (generateTrace is). Submit times are rounded to whole seconds, as archive traces
// have them; user ids are the tenants' numbers (t3 is user 4).
#include "core/workload/synthetic_trace.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace headroom;

namespace {

[[noreturn]] void usage(const std::string &problem)
{
    std::fprintf(stderr,
                 "bench_swf_gen: %s\nusage: bench_swf_gen OUT.swf [--jobs N] [--nodes N] "
                 "[--max-slots N] [--seed N] [--load F]\n",
                 problem.c_str());
    std::exit(2);
}

long long integerOption(std::string_view option, const char *text, long long minimum)
{
    char *end = nullptr;
    const long long value = std::strtoll(text, &end, 10);
    if (end == text || *end != '\0' || value < minimum)
        usage(std::string(option) + " needs an integer >= " + std::to_string(minimum));
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    std::string out;
    TraceSpec spec;
    spec.jobCount = 1'000'000;
    spec.nodes = 16384;
    spec.slotsPerNode = 1;
    int maxSlots = 512;
    std::uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (!option.starts_with("--")) {
            if (!out.empty())
                usage("one output file only");
            out = argv[i];
            continue;
        }
        if (i + 1 >= argc)
            usage("missing value for " + std::string(option));
        const char *value = argv[++i];
        if (option == "--jobs")
            spec.jobCount = int(integerOption(option, value, 1));
        else if (option == "--nodes")
            spec.nodes = int(integerOption(option, value, 1));
        else if (option == "--max-slots")
            maxSlots = int(integerOption(option, value, 1));
        else if (option == "--seed")
            seed = std::uint64_t(integerOption(option, value, 0));
        else if (option == "--load")
            spec.offeredLoad = std::strtod(value, nullptr);
        else
            usage("unknown option " + std::string(option));
    }
    if (out.empty())
        usage("no output file");
    spec.sizes.clear();
    for (const SizeClass &size : defaultSizeMix()) {
        if (size.slots <= maxSlots)
            spec.sizes.push_back(size);
    }
    std::vector<Job> jobs;
    try {
        jobs = generateTrace(spec, seed);
    } catch (const std::exception &error) {
        usage(error.what());
    }

    std::FILE *file = std::fopen(out.c_str(), "w");
    if (!file)
        usage("cannot write " + out);
    std::fprintf(file,
                 "; Version: 2.2\n"
                 "; Computer: synthetic (bench_swf_gen --jobs %d --nodes %d --max-slots %d "
                 "--seed %llu --load %g)\n"
                 "; MaxJobs: %d\n"
                 "; MaxRecords: %d\n"
                 "; MaxNodes: %d\n"
                 "; MaxProcs: %d\n",
                 spec.jobCount, spec.nodes, maxSlots, static_cast<unsigned long long>(seed),
                 spec.offeredLoad, spec.jobCount, spec.jobCount, spec.nodes, spec.nodes);
    for (const Job &job : jobs) {
        // Fields: id submit wait run allocated cpu memory requested-procs requested-time
        // requested-memory status user group executable queue partition preceding think.
        const long long user = std::strtoll(job.tenant.c_str() + 1, nullptr, 10) + 1;
        std::fprintf(file, "%lld %.0f -1 %.0f %d -1 -1 %d %.0f -1 1 %lld -1 -1 -1 -1 -1 -1\n",
                     static_cast<long long>(job.id), std::round(job.submitS), job.runS, job.slots,
                     job.slots, job.requestedS, user);
    }
    if (std::fclose(file) != 0)
        usage("error writing " + out);
    std::printf("%s: %d jobs, %d nodes, jobs of 1 to %d slots, last submit %.0f s\n", out.c_str(),
                spec.jobCount, spec.nodes, maxSlots,
                jobs.empty() ? 0.0 : std::round(jobs.back().submitS));
    return 0;
}
