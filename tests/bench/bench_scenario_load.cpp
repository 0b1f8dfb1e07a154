// Loading a large scenario file, against parsing the same bytes with a plain JSON parse
// measured in the same run. This replaces the "load under 10 s" that
// tests/core/test_scenario_json.cpp asserted; its largeScenarioLoadsFromAFile keeps that what
// is loaded is right.
//
//   bench_scenario_load [--jobs N] [--repeat R]
//
// Prints the best of R times of each step and the ratio of loading (read, duplicate-key DOM,
// field mapping, validation) to the reference (read + nlohmann::json::parse). Exits 1 when
// the ratio is above its target, so a regression shows as a failing run.
#include "core/io/scenario_json.h"
#include "tests/bench/bench_support.h"
#include "tests/support/sample_scenarios.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace headroom;

namespace {

// The loader keeps duplicate keys and source lines, maps every field and validates the
// scenario, and still costs about what a bare parse does (1.1 on the machine it was written
// on); three times the bare parse is a regression.
constexpr double kTargetRatio = 3.0;

template<typename Step>
double bestOf(int repeat, Step &&step)
{
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        step();
        best = std::min(best, bench::secondsSince(start));
    }
    return best;
}

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char *argv[])
{
    int jobs = 100000;
    int repeat = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--jobs")
            jobs = std::atoi(argv[i + 1]);
        else if (option == "--repeat")
            repeat = std::max(1, std::atoi(argv[i + 1]));
    }
    const Scenario scenario = test::largeScenario(jobs);
    std::string text;
    const double serializeS = bestOf(repeat, [&] { text = serializeScenario(scenario); });
    const std::filesystem::path path =
            std::filesystem::temp_directory_path() /
            ("bench_scenario_load." + std::to_string(getpid()) + ".json");
    std::ofstream(path, std::ios::binary) << text;

    Scenario loaded;
    const double loadS = bestOf(repeat, [&] { loaded = loadScenarioFile(path.string()); });
    std::size_t members = 0;
    const double parseS = bestOf(repeat, [&] {
        const nlohmann::json json = nlohmann::json::parse(readAll(path.string()));
        members = json.size();
    });
    std::filesystem::remove(path);
    if (!(loaded == scenario) || members == 0) {
        std::printf("the loaded scenario differs from the one written\n");
        return 2;
    }

    const double ratio = loadS / parseS;
    std::printf("%d jobs, %.1f MB: serialize %.0f ms, load %.0f ms, plain JSON parse %.0f ms\n",
                jobs, double(text.size()) / 1e6, serializeS * 1e3, loadS * 1e3, parseS * 1e3);
    std::printf("load / plain parse: %.2f (target <= %.0f) %s\n", ratio, kTargetRatio,
                ratio <= kTargetRatio ? "ok" : "OVER TARGET");
    return ratio <= kTargetRatio ? 0 : 1;
}
