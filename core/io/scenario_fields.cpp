#include "core/io/scenario_fields.h"

#include "core/io/json_fields.h"
#include "core/io/scenario_json.h"
#include "core/model/shared_value.h"

#include <array>
#include <string>

namespace headroom {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// PowerCurve keeps its figures private (its factories build it); this is its JSON form.
struct PowerCurveFields
{
    PowerCurve::Kind kind = PowerCurve::Kind::Linear;
    double idleW = 0.0;
    double maxW = 0.0;
    PowerCurve::Table watts{};
};

const FieldTable<EnergyPolicy> &dpmFields();

} // namespace

// Declared before any table uses them (see fieldTable in json_fields.h).
template<>
const FieldTable<Scenario> &fieldTable<Scenario>();
template<>
const FieldTable<NodeType> &fieldTable<NodeType>();
template<>
const FieldTable<DvfsLevel> &fieldTable<DvfsLevel>();
template<>
const FieldTable<Cluster> &fieldTable<Cluster>();
template<>
const FieldTable<Zone> &fieldTable<Zone>();
template<>
const FieldTable<Rack> &fieldTable<Rack>();
template<>
const FieldTable<NodeSpec> &fieldTable<NodeSpec>();
template<>
const FieldTable<Job> &fieldTable<Job>();
template<>
const FieldTable<JobConstraints> &fieldTable<JobConstraints>();
template<>
const FieldTable<Service> &fieldTable<Service>();
template<>
const FieldTable<Policy> &fieldTable<Policy>();
template<>
const FieldTable<EnergyPolicy> &fieldTable<EnergyPolicy>();
template<>
const FieldTable<FailurePolicy> &fieldTable<FailurePolicy>();
template<>
const FieldTable<PlannedOutage> &fieldTable<PlannedOutage>();

// ---------------------------------------------------------------------------------------------
// Values with a JSON form of their own

namespace {

struct SchedulerNames
{
    static constexpr std::string_view kWhat = "scheduler";
    static std::span<const SchedulerKind> values() { return allSchedulers(); }
    static std::string_view name(SchedulerKind kind) { return toString(kind); }
};
struct PlacementNames
{
    static constexpr std::string_view kWhat = "placement";
    static std::span<const PlacementKind> values() { return allPlacements(); }
    static std::string_view name(PlacementKind kind) { return toString(kind); }
};
struct PowerModelNames
{
    static constexpr std::string_view kWhat = "power model";
    static std::span<const PowerCurve::Kind> values()
    {
        static constexpr std::array kinds = {PowerCurve::Kind::Linear, PowerCurve::Kind::Table};
        return kinds;
    }
    static std::string_view name(PowerCurve::Kind kind)
    {
        return kind == PowerCurve::Kind::Linear ? "linear" : "table";
    }
};
struct LoadModelNames
{
    static constexpr std::string_view kWhat = "load model";
    static std::span<const LoadProfile::Kind> values()
    {
        static constexpr std::array kinds = {LoadProfile::Kind::Diurnal, LoadProfile::Kind::Hourly};
        return kinds;
    }
    static std::string_view name(LoadProfile::Kind kind)
    {
        return kind == LoadProfile::Kind::Diurnal ? "diurnal" : "hourly";
    }
};
struct RepairNames
{
    static constexpr std::string_view kWhat = "repair distribution";
    static std::span<const RepairDistribution> values()
    {
        static constexpr std::array kinds = {RepairDistribution::Fixed,
                                             RepairDistribution::Exponential};
        return kinds;
    }
    static std::string_view name(RepairDistribution kind)
    {
        return kind == RepairDistribution::Fixed ? "fixed" : "exponential";
    }
};
struct RequeueNames
{
    static constexpr std::string_view kWhat = "requeue policy";
    static std::span<const RequeuePolicy> values()
    {
        static constexpr std::array kinds = {RequeuePolicy::Head, RequeuePolicy::Tail};
        return kinds;
    }
    static std::string_view name(RequeuePolicy kind)
    {
        return kind == RequeuePolicy::Head ? "head" : "tail";
    }
};
} // namespace

template<>
struct JsonCodec<RepairDistribution> : NamedEnumCodec<RepairDistribution, RepairNames>
{};
template<>
struct JsonCodec<RequeuePolicy> : NamedEnumCodec<RequeuePolicy, RequeueNames>
{};
template<>
struct JsonCodec<SchedulerKind> : NamedEnumCodec<SchedulerKind, SchedulerNames>
{};
template<>
struct JsonCodec<PlacementKind> : NamedEnumCodec<PlacementKind, PlacementNames>
{};
template<>
struct JsonCodec<PowerCurve::Kind> : NamedEnumCodec<PowerCurve::Kind, PowerModelNames>
{};
template<>
struct JsonCodec<LoadProfile::Kind> : NamedEnumCodec<LoadProfile::Kind, LoadModelNames>
{};

// A power table: exactly one number per 10 % of load.
template<>
struct JsonCodec<PowerCurve::Table>
{
    static void read(const JsonReader &reader, const json &value, const JsonPath &path,
                     PowerCurve::Table &out)
    {
        reader.expectArray(value, path);
        if (value.size() != out.size())
            reader.fail(path, "must hold " + std::to_string(out.size()) +
                                      " numbers, the watts at 0%, 10%, ..., 100% load (holds " +
                                      std::to_string(value.size()) + ")");
        for (std::size_t i = 0; i < out.size(); ++i)
            reader.read(value[i], path.element(i), out[i]);
    }
    static ordered_json write(const PowerCurve::Table &watts)
    {
        ordered_json out = ordered_json::array();
        for (double w : watts)
            out.push_back(jsonNumber(w));
        return out;
    }
};

template<>
struct JsonCodec<HourlyProfile>
{
    static void read(const JsonReader &reader, const json &value, const JsonPath &path,
                     HourlyProfile &out)
    {
        reader.expectArray(value, path, "an array of hourly values");
        out.values.resize(value.size());
        for (std::size_t i = 0; i < value.size(); ++i)
            reader.read(value[i], path.element(i), out.values[i]);
    }
    static ordered_json write(const HourlyProfile &profile)
    {
        return JsonCodec<std::vector<double>>::write(profile.values);
    }
};

template<typename T>
struct JsonCodec<SharedValue<T>>
{
    static void read(const JsonReader &reader, const json &value, const JsonPath &path,
                     SharedValue<T> &out)
    {
        T inner{};
        JsonCodec<T>::read(reader, value, path, inner);
        out.assign(std::move(inner));
    }
    static ordered_json write(const SharedValue<T> &value) { return JsonCodec<T>::write(*value); }
};

template<>
struct JsonCodec<SharedString>
{
    static void read(const JsonReader &reader, const json &value, const JsonPath &path,
                     SharedString &out)
    {
        std::string inner;
        JsonCodec<std::string>::read(reader, value, path, inner);
        out = std::move(inner);
    }
    static ordered_json write(const SharedString &value)
    {
        return JsonCodec<std::string>::write(value.str());
    }
};

// The members a power curve holds depend on its model, and so do those of a load profile.
namespace {

const FieldTable<PowerCurveFields> &powerFields(PowerCurve::Kind kind)
{
    using enum Presence;
    static const FieldTable<PowerCurveFields> linear{
            field<&PowerCurveFields::kind>("model", Required),
            field<&PowerCurveFields::idleW>("idle_w", Required),
            field<&PowerCurveFields::maxW>("max_w", Required)};
    static const FieldTable<PowerCurveFields> table{
            field<&PowerCurveFields::kind>("model", Required),
            field<&PowerCurveFields::watts>("watts", Required)};
    return kind == PowerCurve::Kind::Linear ? linear : table;
}

const FieldTable<LoadProfile> &loadFields(LoadProfile::Kind kind)
{
    using enum Presence;
    static const FieldTable<LoadProfile> diurnal{
            field<&LoadProfile::kind>("model", Required),
            field<&LoadProfile::troughRps>("trough_rps", Required),
            field<&LoadProfile::peakRps>("peak_rps", Required),
            field<&LoadProfile::peakHour>("peak_hour", Optional)};
    static const FieldTable<LoadProfile> hourly{field<&LoadProfile::kind>("model", Required),
                                                field<&LoadProfile::hourlyRps>("rps", Required)};
    return kind == LoadProfile::Kind::Diurnal ? diurnal : hourly;
}

} // namespace

template<>
struct JsonCodec<PowerCurve>
{
    static void read(const JsonReader &reader, const json &value, const JsonPath &path,
                     PowerCurve &out)
    {
        PowerCurveFields fields;
        readFields(reader, value, path,
                   powerFields(readModel<PowerCurve::Kind>(reader, value, path)), fields);
        out = fields.kind == PowerCurve::Kind::Linear
                      ? PowerCurve::linear(fields.idleW, fields.maxW)
                      : PowerCurve::table(fields.watts);
    }
    static ordered_json write(const PowerCurve &curve)
    {
        const PowerCurveFields fields{curve.kind(), curve.idleW(), curve.maxW(), curve.points()};
        return writeFields(powerFields(curve.kind()), fields);
    }
};

template<>
struct JsonCodec<LoadProfile>
{
    static void read(const JsonReader &reader, const json &value, const JsonPath &path,
                     LoadProfile &out)
    {
        readFields(reader, value, path,
                   loadFields(readModel<LoadProfile::Kind>(reader, value, path)), out);
    }
    static ordered_json write(const LoadProfile &load)
    {
        return writeFields(loadFields(load.kind), load);
    }
};

// A job's checkpoint figures are members of the job in the file (flat, as scripts write them)
// but live in one shared value (Job::checkpoints), so that a job without them costs a pointer.
namespace {

template<SimTime JobCheckpoints::*Member>
struct CheckpointField
{
    static void read(const JsonReader &reader, const json &value, const JsonPath &path, Job &out)
    {
        JobCheckpoints checkpoints = *out.checkpoints;
        reader.read(value, path, checkpoints.*Member);
        out.checkpoints.assign(checkpoints);
    }
    static ordered_json write(const Job &job) { return jsonNumber((*job.checkpoints).*Member); }
    static bool isDefault(const Job &job)
    {
        return (*job.checkpoints).*Member == JobCheckpoints{}.*Member;
    }
};

template<SimTime JobCheckpoints::*Member>
Field<Job> checkpointField(std::string_view name)
{
    using Entry = CheckpointField<Member>;
    return {name, Presence::OmitDefault, &Entry::read, &Entry::write, &Entry::isDefault};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The tables, in file order (core/io/SCENARIO_FORMAT.md lists the same fields for users)

namespace {

ordered_json formatName()
{
    return kScenarioFormatName;
}

ordered_json formatVersion()
{
    return kScenarioFormatVersion;
}

} // namespace

template<>
const FieldTable<Scenario> &fieldTable<Scenario>()
{
    using enum Presence;
    static const FieldTable<Scenario> table{constant<Scenario, &formatName>("format"),
                                            constant<Scenario, &formatVersion>("version"),
                                            field<&Scenario::name>("name", Optional),
                                            field<&Scenario::description>("description", Optional),
                                            field<&Scenario::seed>("seed", Optional),
                                            field<&Scenario::nodeTypes>("node_types", Optional),
                                            field<&Scenario::cluster>("cluster", Optional),
                                            field<&Scenario::jobs>("jobs", Optional),
                                            field<&Scenario::services>("services", OmitDefault),
                                            field<&Scenario::policy>("policy", Optional),
                                            field<&Scenario::energy>("energy", Optional),
                                            field<&Scenario::failures>("failures", OmitDefault),
                                            field<&Scenario::outages>("outages", OmitDefault)};
    return table;
}

template<>
const FieldTable<NodeType> &fieldTable<NodeType>()
{
    using enum Presence;
    static const FieldTable<NodeType> table{
            field<&NodeType::name>("name", Required),
            field<&NodeType::acceleratorModel>("accelerator", Optional),
            field<&NodeType::accelerators>("accelerators", Required),
            field<&NodeType::cpuCores>("cpu_cores", Optional),
            field<&NodeType::memoryGb>("memory_gb", Optional),
            field<&NodeType::peakTflopsPerAccelerator>("peak_bf16_tflops", Optional),
            field<&NodeType::power>("power", Optional),
            field<&NodeType::offW>("off_w", Optional),
            field<&NodeType::bootS>("boot_s", Optional),
            field<&NodeType::bootW>("boot_w", OmitDefault),
            field<&NodeType::shutdownS>("shutdown_s", Optional),
            field<&NodeType::dvfs>("dvfs", OmitDefault),
            field<&NodeType::costPerHour>("cost_per_hour", Optional),
            field<&NodeType::priceUsd>("price_usd", OmitDefault),
            field<&NodeType::source>("source", Optional),
            field<&NodeType::mtbfH>("mtbf_h", OmitDefault),
            field<&NodeType::repairH>("repair_h", OmitDefault),
            field<&NodeType::repairDistribution>("repair_distribution", OmitDefault)};
    return table;
}

template<>
const FieldTable<DvfsLevel> &fieldTable<DvfsLevel>()
{
    using enum Presence;
    static const FieldTable<DvfsLevel> table{field<&DvfsLevel::frequency>("frequency", Required),
                                             field<&DvfsLevel::speed>("speed", Required),
                                             field<&DvfsLevel::power>("power", Required)};
    return table;
}

template<>
const FieldTable<Cluster> &fieldTable<Cluster>()
{
    static const FieldTable<Cluster> table{field<&Cluster::zones>("zones", Presence::Optional)};
    return table;
}

template<>
const FieldTable<Zone> &fieldTable<Zone>()
{
    using enum Presence;
    static const FieldTable<Zone> table{field<&Zone::name>("name", Required),
                                        field<&Zone::racks>("racks", Optional)};
    return table;
}

template<>
const FieldTable<Rack> &fieldTable<Rack>()
{
    using enum Presence;
    static const FieldTable<Rack> table{field<&Rack::name>("name", Required),
                                        field<&Rack::powerBudgetKw>("power_budget_kw", OmitDefault),
                                        field<&Rack::dvfsFrequency>("dvfs_frequency", OmitDefault),
                                        field<&Rack::nodes>("nodes", Optional)};
    return table;
}

template<>
const FieldTable<NodeSpec> &fieldTable<NodeSpec>()
{
    using enum Presence;
    static const FieldTable<NodeSpec> table{field<&NodeSpec::name>("name", Required),
                                            field<&NodeSpec::type>("type", Required),
                                            field<&NodeSpec::tenant>("tenant", OmitDefault)};
    return table;
}

// Only what differs from the defaults, so that a trace of 100,000 jobs stays small.
template<>
const FieldTable<Job> &fieldTable<Job>()
{
    using enum Presence;
    static const FieldTable<Job> table{
            field<&Job::id>("id", Required),
            field<&Job::name>("name", OmitDefault),
            field<&Job::tenant>("tenant", OmitDefault),
            field<&Job::submitS>("submit_s", Required),
            field<&Job::slots>("accelerators", Required),
            field<&Job::runS>("run_s", Required),
            field<&Job::requestedS>("requested_s", OmitDefault),
            field<&Job::priority>("priority", OmitDefault),
            field<&Job::dedicated>("dedicated", OmitDefault),
            field<&Job::constraints>("constraints", OmitDefault),
            checkpointField<&JobCheckpoints::intervalS>("checkpoint_interval_s"),
            checkpointField<&JobCheckpoints::costS>("checkpoint_cost_s"),
            checkpointField<&JobCheckpoints::restartOverheadS>("restart_overhead_s")};
    return table;
}

template<>
const FieldTable<JobConstraints> &fieldTable<JobConstraints>()
{
    using enum Presence;
    static const FieldTable<JobConstraints> table{
            field<&JobConstraints::nodeType>("node_type", OmitDefault),
            field<&JobConstraints::zone>("zone", OmitDefault),
            field<&JobConstraints::rack>("rack", OmitDefault),
            field<&JobConstraints::pinNode>("node", OmitDefault)};
    return table;
}

template<>
const FieldTable<Service> &fieldTable<Service>()
{
    using enum Presence;
    static const FieldTable<Service> table{
            field<&Service::name>("name", Required),
            field<&Service::tenant>("tenant", OmitDefault),
            field<&Service::nodeType>("node_type", OmitDefault),
            field<&Service::acceleratorsPerReplica>("accelerators_per_replica", Required),
            field<&Service::capacityRps>("capacity_rps", Required),
            field<&Service::minReplicas>("min_replicas", Optional),
            field<&Service::maxReplicas>("max_replicas", Optional),
            field<&Service::targetUtilization>("target_utilization", Optional),
            field<&Service::scaleUpDelayS>("scale_up_delay_s", Optional),
            field<&Service::load>("load", Required)};
    return table;
}

template<>
const FieldTable<Policy> &fieldTable<Policy>()
{
    using enum Presence;
    static const FieldTable<Policy> table{
            field<&Policy::scheduler>("scheduler", Optional),
            field<&Policy::placement>("placement", Optional),
            field<&Policy::srtfRestartOverheadS>("srtf_restart_overhead_s", Optional),
            field<&Policy::sampleIntervalS>("sample_interval_s", Optional),
            field<&Policy::rackSpreadPenalty>("rack_spread_penalty", Optional),
            field<&Policy::horizonS>("horizon_s", OmitDefault)};
    return table;
}

template<>
const FieldTable<EnergyPolicy> &fieldTable<EnergyPolicy>()
{
    using enum Presence;
    static const FieldTable<EnergyPolicy> table{
            field<&EnergyPolicy::pue>("pue", Optional),
            field<&EnergyPolicy::clusterPowerCapKw>("cluster_power_cap_kw", OmitDefault),
            group<EnergyPolicy, &dpmFields>("dpm", Optional),
            field<&EnergyPolicy::dvfsFrequency>("dvfs_frequency", Optional),
            field<&EnergyPolicy::currency>("currency", Optional),
            field<&EnergyPolicy::pricePerKwh>("price_per_kwh", Optional),
            field<&EnergyPolicy::carbonGPerKwh>("carbon_g_per_kwh", Optional)};
    return table;
}

template<>
const FieldTable<FailurePolicy> &fieldTable<FailurePolicy>()
{
    using enum Presence;
    static const FieldTable<FailurePolicy> table{
            field<&FailurePolicy::enabled>("enabled", Optional),
            field<&FailurePolicy::seed>("seed", Optional),
            field<&FailurePolicy::requeue>("requeue", OmitDefault)};
    return table;
}

template<>
const FieldTable<PlannedOutage> &fieldTable<PlannedOutage>()
{
    using enum Presence;
    static const FieldTable<PlannedOutage> table{
            field<&PlannedOutage::node>("node", Required),
            field<&PlannedOutage::startS>("start_s", Required),
            field<&PlannedOutage::durationS>("duration_s", Required)};
    return table;
}

namespace {

const FieldTable<EnergyPolicy> &dpmFields()
{
    using enum Presence;
    static const FieldTable<EnergyPolicy> table{
            field<&EnergyPolicy::dpmEnabled>("enabled", Optional),
            field<&EnergyPolicy::idleTimeoutS>("idle_timeout_s", Optional),
            field<&EnergyPolicy::spareNodes>("spare_nodes", Optional)};
    return table;
}

} // namespace

void readScenarioFields(const JsonReader &reader, const json &root, Scenario &out)
{
    readFields(reader, root, JsonPath{}, fieldTable<Scenario>(), out);
}

ordered_json writeScenarioFields(const Scenario &scenario, JobList jobs)
{
    return writeFields(fieldTable<Scenario>(), scenario, jobs == JobList::Stub ? "jobs" : "");
}

void writeJobFields(const Job &job, ordered_json &out)
{
    writeFieldsInto(fieldTable<Job>(), job, out);
}

} // namespace headroom
