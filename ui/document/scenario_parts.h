#pragma once

#include "core/model/scenario.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// The scenario's name, description and seed: they live on Scenario itself, so they are
// gathered here to be edited as one object.
struct Metadata
{
    std::string name;
    std::string description;
    std::uint64_t seed = 0;
    bool operator==(const Metadata &) const = default;
};

using NodeTypes = std::vector<NodeType>;
using Outages = std::vector<PlannedOutage>;

// How undo commands read and write one kind of object in a document, each write announced by
// the document signal its views listen to. `index` picks a job or a service; the other kinds
// exist once per scenario (index 0). Writes go through DocumentAccess, so only the document
// layer can make them.
template<typename Object>
struct Part;

// The parts that are one member of Scenario, read and written whole; each write is announced
// by the member's own document signal (scenario_parts.cpp).
template<typename Object, Object Scenario::*Member>
struct MemberPart
{
    static const Object &get(const ScenarioDocument &document, std::size_t index);
    static void set(ScenarioDocument &document, std::size_t index, Object value);
};

template<>
struct Part<Cluster> : MemberPart<Cluster, &Scenario::cluster>
{};

template<>
struct Part<NodeTypes> : MemberPart<NodeTypes, &Scenario::nodeTypes>
{};

template<>
struct Part<Policy> : MemberPart<Policy, &Scenario::policy>
{};

template<>
struct Part<EnergyPolicy> : MemberPart<EnergyPolicy, &Scenario::energy>
{};

template<>
struct Part<FailurePolicy> : MemberPart<FailurePolicy, &Scenario::failures>
{};

template<>
struct Part<Outages> : MemberPart<Outages, &Scenario::outages>
{};

template<>
struct Part<Metadata>
{
    static Metadata get(const ScenarioDocument &document, std::size_t index);
    static void set(ScenarioDocument &document, std::size_t index, Metadata metadata);
};

// Jobs and services can also be taken out and put back: `indices` ascending, and put back
// objects land at exactly those positions again.
template<>
struct Part<Job>
{
    static const Job &get(const ScenarioDocument &document, std::size_t index);
    static void set(ScenarioDocument &document, std::size_t index, Job job);
    static void insert(ScenarioDocument &document, const std::vector<std::size_t> &indices,
                       std::vector<Job> jobs);
    static std::vector<Job> remove(ScenarioDocument &document,
                                   const std::vector<std::size_t> &indices);
};

template<>
struct Part<Service>
{
    static const Service &get(const ScenarioDocument &document, std::size_t index);
    static void set(ScenarioDocument &document, std::size_t index, Service service);
    static void insert(ScenarioDocument &document, const std::vector<std::size_t> &indices,
                       std::vector<Service> services);
    static std::vector<Service> remove(ScenarioDocument &document,
                                       const std::vector<std::size_t> &indices);
};

} // namespace headroom::ui
