#include "core/placement/placement_explain.h"

#include "core/engine/cluster_state.h"
#include "core/engine/node_filter_index.h"
#include "core/placement/placement_strategy.h"

#include <algorithm>
#include <charconv>

namespace headroom {
namespace {

std::string quoted(const std::string &name)
{
    return "\"" + name + "\"";
}

// Whole numbers print without decimals; others with up to 6 significant digits.
std::string formatScore(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace

const char *toString(NodeVerdict verdict)
{
    switch (verdict) {
    case NodeVerdict::Chosen:
        return "chosen";
    case NodeVerdict::Candidate:
        return "candidate";
    case NodeVerdict::WrongType:
        return "wrong_type";
    case NodeVerdict::OutsideZone:
        return "outside_zone";
    case NodeVerdict::OutsideRack:
        return "outside_rack";
    case NodeVerdict::NotPinnedNode:
        return "not_pinned_node";
    case NodeVerdict::ReservedForOtherTenant:
        return "reserved_for_other_tenant";
    case NodeVerdict::TooSmall:
        return "too_small";
    case NodeVerdict::Off:
        return "off";
    case NodeVerdict::TooFewFree:
        return "too_few_free";
    }
    return "?";
}

PlacementExplanation explainPlacement(const Job &job, const ClusterState &state,
                                      PlacementStrategy &strategy, const ExplainHooks &hooks)
{
    const CompiledCluster &layout = state.layout();
    const JobConstraints &constraints = *job.constraints;

    // The same filter and shape the job compiler gives the job.
    NodeFilterIndex filters(layout);
    const int filterIndex = filters.filterFor(constraints, job.tenant);
    bool gang = false;
    const RejectReason reject = filters.feasibility(filterIndex, job.slots, &gang);
    const NodeFilter &filter = filters.filter(filterIndex);
    const JobDemand demand{job.slots, gang, &filter, job.dedicated};

    PlacementExplanation out;
    out.strategy = std::string(strategy.name());
    out.scoreMeaning = std::string(strategy.scoreMeaning());
    out.gang = gang;
    out.exclusive = job.dedicated;
    out.rejectReason = reject;
    out.fits = reject == RejectReason::None && strategy.place(demand, state, out.allocation);
    const bool heldByCap = !out.fits && reject == RejectReason::None && strategy.refusedByCap();
    if (!out.fits)
        out.allocation.clear();

    const int pinned = constraints.pinNode.empty() ? -1 : layout.nodeIndex(constraints.pinNode);
    int candidates = 0;
    out.nodes.reserve(static_cast<std::size_t>(layout.nodeCount()));
    for (int n = 0; n < layout.nodeCount(); ++n) {
        const CompiledNode &node = layout.nodes[n];
        NodeExplanation e;
        e.node = n;
        e.name = node.name;
        e.freeSlots = state.freeSlots(n);
        e.neededSlots = gang || job.dedicated ? node.slots : job.slots;
        if (node.owner >= 0)
            e.reservedFor = layout.tenantNames[node.owner];
        const std::string typeName = node.type >= 0 ? layout.types[node.type].name : "";
        const bool chosen = std::any_of(out.allocation.begin(), out.allocation.end(),
                                        [n](const NodeShare &share) { return share.node == n; });

        if (!constraints.nodeType.empty() && constraints.nodeType != typeName) {
            e.verdict = NodeVerdict::WrongType;
            e.reason = "the job needs a " + quoted(constraints.nodeType) + " node; this is a " +
                       quoted(typeName);
        } else if (!constraints.zone.empty() && constraints.zone != layout.zoneNames[node.zone]) {
            e.verdict = NodeVerdict::OutsideZone;
            e.reason = "outside zone " + quoted(constraints.zone) + " the job asks for";
        } else if (!constraints.rack.empty() && constraints.rack != layout.rackNames[node.rack]) {
            e.verdict = NodeVerdict::OutsideRack;
            e.reason = "outside rack " + quoted(constraints.rack) + " the job asks for";
        } else if (!constraints.pinNode.empty() && pinned != n) {
            e.verdict = NodeVerdict::NotPinnedNode;
            e.reason = "the job is pinned to " + quoted(constraints.pinNode);
        } else if (!e.reservedFor.empty() && e.reservedFor != job.tenant) {
            e.verdict = NodeVerdict::ReservedForOtherTenant;
            e.reason = "reserved for tenant " + quoted(e.reservedFor);
        } else if (!gang && node.slots < job.slots) {
            e.verdict = NodeVerdict::TooSmall;
            e.reason = "has " + std::to_string(node.slots) + " accelerators; the job needs " +
                       std::to_string(job.slots);
        } else if (hooks.isOn && !hooks.isOn(n) && !chosen) {
            e.verdict = NodeVerdict::Off;
            e.reason = "switched off";
        } else if (e.freeSlots < e.neededSlots) {
            e.verdict = NodeVerdict::TooFewFree;
            e.reason = std::to_string(e.freeSlots) +
                       (e.freeSlots == 1 ? " accelerator" : " accelerators") + " free, needs " +
                       std::to_string(e.neededSlots);
            if (gang)
                e.reason += " (a gang takes whole nodes)";
            else if (job.dedicated)
                e.reason += " (a dedicated job takes a whole node)";
        } else {
            ++candidates;
            e.verdict = chosen ? NodeVerdict::Chosen : NodeVerdict::Candidate;
            e.score = strategy.score(demand, state, n);
            e.reason = chosen      ? "chosen"
                       : heldByCap ? "has room, but a power cap refuses the job there now"
                                   : "could take it, but another node is preferred";
            if (e.score)
                e.reason += " (" + out.scoreMeaning + ": " + formatScore(*e.score) + ")";
        }
        out.nodes.push_back(std::move(e));
    }

    const std::string what = "job " + std::to_string(job.id) + " (" + std::to_string(job.slots) +
                             (job.slots == 1 ? " accelerator" : " accelerators") +
                             (gang ? ", gang" : "") + (job.dedicated ? ", dedicated" : "") + ")";
    if (reject != RejectReason::None) {
        out.summary = what + " can never run: " + describe(reject);
    } else if (heldByCap) {
        out.summary = what + " does not fit now: a power cap refuses every allocation it could " +
                      "have (" + std::to_string(candidates) + " node(s) have room)";
    } else if (!out.fits) {
        out.summary = gang ? what + " does not fit now: only " + std::to_string(candidates) +
                                      " whole free node(s) it may use, too few of one type"
                           : what + " does not fit now: no node it may use has room";
    } else {
        std::string names;
        for (const NodeShare &share : out.allocation) {
            if (!names.empty())
                names += ", ";
            names += layout.nodes[share.node].name;
        }
        out.summary = out.strategy + " would place " + what + " on " + names + "; " +
                      std::to_string(candidates) + " node(s) could take it";
    }
    return out;
}

} // namespace headroom
