#pragma once

#include "core/model/member_pointer.h"
#include "ui/document/undo_commands.h"

#include <QtGlobal>

#include <string>
#include <tuple>

// The fields the GUI edits one at a time, per kind of object, each with its merge id: an edit
// that changes exactly one of them is a command on that field, and merges with the next change
// of the same field of the same object.
namespace headroom::ui::fields {

// A field that is a data member.
template<auto member>
constexpr auto memberField(MergeId id, const char *name)
{
    using Object = typename MemberPointer<decltype(member)>::Object;
    using Value = typename MemberPointer<decltype(member)>::Value;
    return Field<Object, Value>{
            id, name, [](const Object &object) { return object.*member; },
            [](Object &object, Value value) { object.*member = std::move(value); }};
}

// One constraint of a job, which holds its constraints as one shared value.
template<std::string JobConstraints::*member>
constexpr Field<Job, std::string> constraintField(MergeId id, const char *name)
{
    return {id, name, [](const Job &job) { return (*job.constraints).*member; },
            [](Job &job, std::string value) {
                JobConstraints constraints = *job.constraints;
                constraints.*member = std::move(value);
                job.constraints = constraints;
            }};
}

// One figure of a job's checkpoints, which it holds as one shared value like its constraints.
template<SimTime JobCheckpoints::*member>
constexpr Field<Job, SimTime> checkpointField(MergeId id, const char *name)
{
    return {id, name, [](const Job &job) { return (*job.checkpoints).*member; },
            [](Job &job, SimTime value) {
                JobCheckpoints checkpoints = *job.checkpoints;
                checkpoints.*member = value;
                job.checkpoints = checkpoints;
            }};
}

inline constexpr auto metadata = std::tuple{
        memberField<&Metadata::name>(MergeId::ScenarioName,
                                     QT_TRANSLATE_NOOP("headroom::ui::edits", "scenario name")),
        memberField<&Metadata::description>(
                MergeId::ScenarioDescription,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "description")),
        memberField<&Metadata::seed>(MergeId::ScenarioSeed,
                                     QT_TRANSLATE_NOOP("headroom::ui::edits", "seed")),
};

inline constexpr auto policy = std::tuple{
        memberField<&Policy::scheduler>(MergeId::Scheduler,
                                        QT_TRANSLATE_NOOP("headroom::ui::edits", "scheduler")),
        memberField<&Policy::placement>(MergeId::Placement,
                                        QT_TRANSLATE_NOOP("headroom::ui::edits", "placement")),
        memberField<&Policy::sampleIntervalS>(
                MergeId::SampleInterval,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "sample interval")),
        memberField<&Policy::srtfRestartOverheadS>(
                MergeId::SrtfRestartOverhead,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "SRTF restart overhead")),
        memberField<&Policy::rackSpreadPenalty>(
                MergeId::RackSpreadPenalty,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "rack spread penalty")),
        memberField<&Policy::horizonS>(MergeId::Horizon,
                                       QT_TRANSLATE_NOOP("headroom::ui::edits", "horizon")),
};

inline constexpr auto energy = std::tuple{
        memberField<&EnergyPolicy::pue>(MergeId::Pue,
                                        QT_TRANSLATE_NOOP("headroom::ui::edits", "PUE")),
        memberField<&EnergyPolicy::clusterPowerCapKw>(
                MergeId::ClusterPowerCap,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "cluster power cap")),
        memberField<&EnergyPolicy::dpmEnabled>(
                MergeId::PowerManagement,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "power management")),
        memberField<&EnergyPolicy::idleTimeoutS>(
                MergeId::IdleTimeout, QT_TRANSLATE_NOOP("headroom::ui::edits", "idle timeout")),
        memberField<&EnergyPolicy::spareNodes>(
                MergeId::SpareNodes, QT_TRANSLATE_NOOP("headroom::ui::edits", "spare nodes")),
        memberField<&EnergyPolicy::dvfsFrequency>(
                MergeId::ClusterDvfs, QT_TRANSLATE_NOOP("headroom::ui::edits", "DVFS frequency")),
        memberField<&EnergyPolicy::currency>(MergeId::Currency,
                                             QT_TRANSLATE_NOOP("headroom::ui::edits", "currency")),
        memberField<&EnergyPolicy::pricePerKwh>(
                MergeId::ElectricityPrice,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "electricity price")),
        memberField<&EnergyPolicy::carbonGPerKwh>(
                MergeId::CarbonIntensity,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "carbon intensity")),
};

inline constexpr auto job = std::tuple{
        memberField<&Job::name>(MergeId::JobName, QT_TRANSLATE_NOOP("headroom::ui::edits", "name")),
        memberField<&Job::tenant>(MergeId::JobTenant,
                                  QT_TRANSLATE_NOOP("headroom::ui::edits", "tenant")),
        memberField<&Job::submitS>(MergeId::JobSubmit,
                                   QT_TRANSLATE_NOOP("headroom::ui::edits", "submit time")),
        memberField<&Job::slots>(MergeId::JobSlots,
                                 QT_TRANSLATE_NOOP("headroom::ui::edits", "accelerators")),
        memberField<&Job::runS>(MergeId::JobRun,
                                QT_TRANSLATE_NOOP("headroom::ui::edits", "run time")),
        memberField<&Job::requestedS>(MergeId::JobRequested,
                                      QT_TRANSLATE_NOOP("headroom::ui::edits", "requested time")),
        memberField<&Job::priority>(MergeId::JobPriority,
                                    QT_TRANSLATE_NOOP("headroom::ui::edits", "priority")),
        memberField<&Job::dedicated>(MergeId::JobDedicated,
                                     QT_TRANSLATE_NOOP("headroom::ui::edits", "isolation")),
        constraintField<&JobConstraints::nodeType>(
                MergeId::JobNodeType,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "node type constraint")),
        constraintField<&JobConstraints::zone>(
                MergeId::JobZone, QT_TRANSLATE_NOOP("headroom::ui::edits", "zone constraint")),
        constraintField<&JobConstraints::rack>(
                MergeId::JobRack, QT_TRANSLATE_NOOP("headroom::ui::edits", "rack constraint")),
        constraintField<&JobConstraints::pinNode>(MergeId::JobPin,
                                                  QT_TRANSLATE_NOOP("headroom::ui::edits", "pin")),
        checkpointField<&JobCheckpoints::intervalS>(
                MergeId::JobCheckpointInterval,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "checkpoint interval")),
        checkpointField<&JobCheckpoints::costS>(
                MergeId::JobCheckpointCost,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "checkpoint cost")),
        checkpointField<&JobCheckpoints::restartOverheadS>(
                MergeId::JobRestartOverhead,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "restart overhead")),
};

inline constexpr auto failures = std::tuple{
        memberField<&FailurePolicy::enabled>(MergeId::FailuresEnabled,
                                             QT_TRANSLATE_NOOP("headroom::ui::edits", "failures")),
        memberField<&FailurePolicy::seed>(MergeId::FailureSeed,
                                          QT_TRANSLATE_NOOP("headroom::ui::edits", "failure seed")),
        memberField<&FailurePolicy::requeue>(
                MergeId::FailureRequeue,
                QT_TRANSLATE_NOOP("headroom::ui::edits", "requeue policy")),
};

} // namespace headroom::ui::fields
