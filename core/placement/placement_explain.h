#pragma once

#include "core/engine/allocation.h"
#include "core/engine/job_table.h"
#include "core/model/job.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace headroom {

class ClusterState;
class PlacementStrategy;

// "Why each candidate node was or was not chosen", for the GUI: for one job and the current
// cluster state, every node's verdict, the strategy's score of the nodes that could take the
// job, and the nodes the strategy would pick. The pick is the strategy's own place() answer
// (not a re-implementation of it), so the explanation always agrees with the placement.
enum class NodeVerdict : std::uint8_t {
    Chosen,                 // could take the job, and the strategy picks it
    Candidate,              // could take the job now, but the strategy prefers others
    WrongType,              // not of the node type the job asks for
    OutsideZone,            // not in the zone the job asks for
    OutsideRack,            // not in the rack the job asks for
    NotPinnedNode,          // the job is pinned to another node
    ReservedForOtherTenant, // reserved for a tenant other than the job's
    TooSmall,               // fewer accelerators than the job needs, even when empty
    Off,                    // switched off (see ExplainHooks::isOn)
    TooFewFree,             // not enough free accelerators now
};

const char *toString(NodeVerdict verdict);

struct NodeExplanation
{
    int node = 0; // topology order
    std::string name;
    NodeVerdict verdict = NodeVerdict::Candidate;
    int freeSlots = 0;
    int neededSlots = 0;         // free slots it would need: the job's, or the whole node
    std::string reservedFor;     // the node's reservation; empty: shared
    std::optional<double> score; // the strategy's score; only for Chosen and Candidate
    std::string reason;          // one sentence for users

    bool admissible() const
    {
        return verdict == NodeVerdict::Chosen || verdict == NodeVerdict::Candidate;
    }
};

struct PlacementExplanation
{
    std::string strategy;                           // PlacementStrategy::name()
    std::string scoreMeaning;                       // what NodeExplanation::score measures
    bool gang = false;                              // needs whole nodes of one type
    bool exclusive = false;                         // dedicated: holds every node it uses whole
    RejectReason rejectReason = RejectReason::None; // set when the job can never fit
    bool fits = false;                              // the strategy finds an allocation now
    Allocation allocation;                          // that allocation
    std::vector<NodeExplanation> nodes;             // every node, topology order
    std::string summary;
};

// What the engine knows beyond slots. Power states belong to the energy side of the engine; until
// it supplies them every node counts as on.
struct ExplainHooks
{
    std::function<bool(int node)> isOn; // empty: every node is on
};

// Explains where `strategy` would place `job` on `state` now. Asks the strategy's place(),
// which changes nothing (PlacementStrategy contract), so this may be called at any time between
// simulation steps.
PlacementExplanation explainPlacement(const Job &job, const ClusterState &state,
                                      PlacementStrategy &strategy, const ExplainHooks &hooks = {});

} // namespace headroom
