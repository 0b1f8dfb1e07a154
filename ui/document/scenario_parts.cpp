#include "ui/document/scenario_parts.h"

#include "ui/document/document_access.h"
#include "ui/document/scenario_document.h"

#include <iterator>

namespace headroom::ui {
namespace {

Scenario &writable(ScenarioDocument &document)
{
    return DocumentAccess::scenario(document);
}

// The signal that announces a write of each whole member (each member has its own type, so a
// member without a signal here does not compile).
using DocumentSignal = void (ScenarioDocument::*)();
DocumentSignal changedSignal(Cluster Scenario::*)
{
    return &ScenarioDocument::clusterChanged;
}
DocumentSignal changedSignal(NodeTypes Scenario::*)
{
    return &ScenarioDocument::nodeTypesChanged;
}
DocumentSignal changedSignal(Policy Scenario::*)
{
    return &ScenarioDocument::policyChanged;
}
DocumentSignal changedSignal(EnergyPolicy Scenario::*)
{
    return &ScenarioDocument::energyChanged;
}
DocumentSignal changedSignal(FailurePolicy Scenario::*)
{
    return &ScenarioDocument::failuresChanged;
}
DocumentSignal changedSignal(Outages Scenario::*)
{
    return &ScenarioDocument::failuresChanged;
}

} // namespace

template<typename Object, Object Scenario::*Member>
const Object &MemberPart<Object, Member>::get(const ScenarioDocument &document, std::size_t)
{
    return document.scenario().*Member;
}

template<typename Object, Object Scenario::*Member>
void MemberPart<Object, Member>::set(ScenarioDocument &document, std::size_t, Object value)
{
    writable(document).*Member = std::move(value);
    Q_EMIT(document.*changedSignal(Member))();
    Q_EMIT document.changed();
}

template struct MemberPart<Cluster, &Scenario::cluster>;
template struct MemberPart<NodeTypes, &Scenario::nodeTypes>;
template struct MemberPart<Policy, &Scenario::policy>;
template struct MemberPart<EnergyPolicy, &Scenario::energy>;
template struct MemberPart<FailurePolicy, &Scenario::failures>;
template struct MemberPart<Outages, &Scenario::outages>;

Metadata Part<Metadata>::get(const ScenarioDocument &document, std::size_t)
{
    const Scenario &s = document.scenario();
    return {s.name, s.description, s.seed};
}

void Part<Metadata>::set(ScenarioDocument &document, std::size_t, Metadata metadata)
{
    Scenario &s = writable(document);
    s.name = std::move(metadata.name);
    s.description = std::move(metadata.description);
    s.seed = metadata.seed;
    Q_EMIT document.metadataChanged();
    Q_EMIT document.changed();
}

const Job &Part<Job>::get(const ScenarioDocument &document, std::size_t index)
{
    return document.scenario().jobs[index];
}

void Part<Job>::set(ScenarioDocument &document, std::size_t index, Job job)
{
    writable(document).jobs[index] = std::move(job);
    Q_EMIT document.jobChanged(index);
    Q_EMIT document.changed();
}

void Part<Job>::insert(ScenarioDocument &document, const std::vector<std::size_t> &indices,
                       std::vector<Job> jobs)
{
    // Consecutive positions go back as one range, so views hear one insertion per gap.
    for (std::size_t begin = 0; begin < indices.size();) {
        std::size_t end = begin + 1;
        while (end < indices.size() && indices[end] == indices[end - 1] + 1)
            ++end;
        const std::size_t first = indices[begin];
        const std::size_t last = indices[end - 1];
        Q_EMIT document.jobsAboutToBeInserted(first, last);
        std::vector<Job> &target = writable(document).jobs;
        const auto from = jobs.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto to = jobs.begin() + static_cast<std::ptrdiff_t>(end);
        target.insert(target.begin() + static_cast<std::ptrdiff_t>(first),
                      std::make_move_iterator(from), std::make_move_iterator(to));
        Q_EMIT document.jobsInserted(first, last);
        begin = end;
    }
    if (!indices.empty())
        Q_EMIT document.changed();
}

std::vector<Job> Part<Job>::remove(ScenarioDocument &document,
                                   const std::vector<std::size_t> &indices)
{
    std::vector<Job> removed;
    if (indices.empty())
        return removed;
    Q_EMIT document.jobsAboutToBeRemoved(indices);
    removed.reserve(indices.size());
    std::vector<Job> &jobs = writable(document).jobs;
    // One compaction pass keeps a multi-row delete linear in the number of jobs.
    std::size_t out = indices.front();
    std::size_t next = 0;
    for (std::size_t i = indices.front(); i < jobs.size(); ++i) {
        if (next < indices.size() && indices[next] == i) {
            removed.push_back(std::move(jobs[i]));
            ++next;
        } else {
            jobs[out++] = std::move(jobs[i]);
        }
    }
    jobs.resize(out);
    Q_EMIT document.jobsRemoved(indices);
    Q_EMIT document.changed();
    return removed;
}

const Service &Part<Service>::get(const ScenarioDocument &document, std::size_t index)
{
    return document.scenario().services[index];
}

void Part<Service>::set(ScenarioDocument &document, std::size_t index, Service service)
{
    writable(document).services[index] = std::move(service);
    Q_EMIT document.servicesChanged();
    Q_EMIT document.changed();
}

void Part<Service>::insert(ScenarioDocument &document, const std::vector<std::size_t> &indices,
                           std::vector<Service> services)
{
    if (indices.empty())
        return;
    std::vector<Service> &target = writable(document).services;
    for (std::size_t i = 0; i < indices.size(); ++i)
        target.insert(target.begin() + static_cast<std::ptrdiff_t>(indices[i]),
                      std::move(services[i]));
    Q_EMIT document.servicesChanged();
    Q_EMIT document.changed();
}

std::vector<Service> Part<Service>::remove(ScenarioDocument &document,
                                           const std::vector<std::size_t> &indices)
{
    std::vector<Service> removed(indices.size());
    if (indices.empty())
        return removed;
    std::vector<Service> &services = writable(document).services;
    // From the back, so the positions still to take out do not move.
    for (std::size_t i = indices.size(); i-- > 0;) {
        const auto at = services.begin() + static_cast<std::ptrdiff_t>(indices[i]);
        removed[i] = std::move(*at);
        services.erase(at);
    }
    Q_EMIT document.servicesChanged();
    Q_EMIT document.changed();
    return removed;
}

} // namespace headroom::ui
