#include "core/model/policy.h"

#include <array>
#include <utility>

namespace headroom {
namespace {

constexpr std::array kSchedulers = {
        std::pair{SchedulerKind::Fcfs, std::string_view("fcfs")},
        std::pair{SchedulerKind::Sjf, std::string_view("sjf")},
        std::pair{SchedulerKind::Srtf, std::string_view("srtf")},
        std::pair{SchedulerKind::Easy, std::string_view("easy")},
};
constexpr std::array kPlacements = {
        std::pair{PlacementKind::FirstFit, std::string_view("first_fit")},
        std::pair{PlacementKind::BestFit, std::string_view("best_fit")},
        std::pair{PlacementKind::LeastLoaded, std::string_view("least_loaded")},
        std::pair{PlacementKind::RoundRobin, std::string_view("round_robin")},
        std::pair{PlacementKind::TopologyAware, std::string_view("topology_aware")},
        std::pair{PlacementKind::PowerAware, std::string_view("power_aware")},
};
constexpr std::array kSchedulerKinds = {SchedulerKind::Fcfs, SchedulerKind::Sjf,
                                        SchedulerKind::Srtf, SchedulerKind::Easy};
constexpr std::array kPlacementKinds = {PlacementKind::FirstFit,      PlacementKind::BestFit,
                                        PlacementKind::LeastLoaded,   PlacementKind::RoundRobin,
                                        PlacementKind::TopologyAware, PlacementKind::PowerAware};

template<typename Table, typename Kind>
std::string_view nameOf(const Table &table, Kind kind)
{
    for (const auto &[k, name] : table) {
        if (k == kind)
            return name;
    }
    return "?";
}

template<typename Table>
auto kindOf(const Table &table, std::string_view name)
        -> std::optional<typename Table::value_type::first_type>
{
    for (const auto &[kind, n] : table) {
        if (n == name)
            return kind;
    }
    return std::nullopt;
}

template<typename Table>
std::string joinNames(const Table &table)
{
    std::string out;
    for (const auto &entry : table) {
        if (!out.empty())
            out += ", ";
        out += entry.second;
    }
    return out;
}

} // namespace

std::string_view toString(SchedulerKind kind)
{
    return nameOf(kSchedulers, kind);
}
std::string_view toString(PlacementKind kind)
{
    return nameOf(kPlacements, kind);
}
std::optional<SchedulerKind> schedulerFromString(std::string_view name)
{
    return kindOf(kSchedulers, name);
}
std::optional<PlacementKind> placementFromString(std::string_view name)
{
    return kindOf(kPlacements, name);
}
std::span<const SchedulerKind> allSchedulers()
{
    return kSchedulerKinds;
}
std::span<const PlacementKind> allPlacements()
{
    return kPlacementKinds;
}
std::string schedulerNames()
{
    return joinNames(kSchedulers);
}
std::string placementNames()
{
    return joinNames(kPlacements);
}

} // namespace headroom
