#pragma once

#include "core/engine/cluster_state.h"
#include "core/engine/max_tree.h"
#include "core/engine/node_filter.h"
#include "core/engine/node_power_state.h"
#include "core/model/sim_time.h"
#include "core/power/power_caps.h"
#include "core/power/power_meter.h"
#include "core/power/power_model.h"

#include <queue>

#include <cstdint>
#include <deque>
#include <limits>
#include <span>
#include <vector>

namespace headroom {

// A node being switched on, and when it will be usable.
struct BootingNode
{
    SimTime ready = 0.0;
    int node = 0;
    bool operator<(const BootingNode &other) const
    {
        return ready != other.ready ? ready < other.ready : node < other.node;
    }
};

// Switches nodes on and off (docs/design.md §4 dynamic power management) and keeps the engine's
// picture of power states (ClusterState, PowerMeter) in step.
//
// Rules (the engine calls them in the order docs/design.md §3 extends; see Simulation):
//  - Every node is on and idle at the first event; its idle clock starts then.
//  - A node idle (holding no slots) for idle_timeout_s is switched off: ShuttingDown for its
//    type's shutdown_s, then Off. Timeouts that expire at one instant are taken together:
//    while more than spare_nodes nodes are idle and on, the expiring node with the *highest*
//    index is switched off next, so the lowest-index ones stay on as spares. A spare kept on
//    is not reconsidered until it has been busy and idle again.
//  - Spare nodes are kept: whenever fewer than spare_nodes nodes are idle and on or booting,
//    off nodes are booted (lowest index first, each within the caps) to make up the number,
//    so that a burst of jobs finds nodes on instead of each waiting for a boot.
//  - While any node is booting for a job (wake()), no idle node is switched off: its timeout is
//    deferred until no such boot is in progress, and then applied after that instant's
//    scheduling pass (so the job is not left short of the idle nodes it counted on).
//  - Wake-up (wake()), after each scheduling pass, for the job the engine names (the oldest
//    queued job, with its node filter and gang size): if, for some node type it may use, the
//    free on-nodes that could take it (and, under power caps, whose racks have the power to
//    run it there, counted cumulatively) plus the nodes already booting are enough, nothing
//    is booted. Otherwise, for the first type in topology order where that falls short, the
//    missing number of off nodes is booted, lowest index first, skipping nodes whose rack (or
//    the cluster) lacks the power to boot them and then run the job; if that many cannot be
//    booted, none is. The job then counts as waiting at a cap only if a cap was the reason:
//    enough nodes were off, but the caps would not let that many boot. With fewer off nodes
//    than missing it waits for running jobs to end, which no cap changes.
//  - A node switched on draws its boot power for its type's boot_s, then is idle (its idle
//    clock starts again).
class PowerManager
{
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void nodeSwitched(int node, NodePowerState state) = 0;
    };

    PowerManager(const PowerModel &model, ClusterState &cluster, PowerMeter &meter,
                 const PowerCaps &caps, Listener &listener);

    bool enabled() const { return m_enabled; }
    // Arms every node's idle clock at the first event.
    void begin(SimTime time);
    // The earliest boot or shutdown completion or idle timeout; +infinity if none.
    SimTime nextEventTime();

    struct Transitions
    {
        int booted = 0;
        int shutDown = 0;
    };
    // Boot and shutdown completions due by `now`.
    Transitions completeTransitions(SimTime now);
    // Idle timeouts due by `now`.
    void expireIdle(SimTime now);
    // Held slots of an on node went from some to none, or from none to some.
    void nodeBecameIdle(int node, SimTime now);
    void nodeBecameBusy(int node);

    struct Wake
    {
        int booted = 0;
        bool refusedByCap = false; // a boot it needed would have broken a power cap
    };
    Wake wake(SimTime now, const JobDemand &demand);
    // Switches off the idle nodes whose timeouts were deferred by boots, once none is booting.
    void switchOffDeferred(SimTime now);
    // Boots off nodes (lowest index first, within the caps) while fewer than spare_nodes nodes
    // are idle and on or booting; returns how many.
    int replenishSpares(SimTime now);
    // docs/design.md §10.5: a node that holds nothing goes down (a failure or an outage),
    // abandoning a boot or shutdown in progress; and comes back on and idle (its idle clock
    // starts). Also without power management, which then only switches the state.
    void takeDown(int node);
    void bringUp(int node, SimTime now);

    // Nodes being switched on, by when they are ready (then node index).
    std::span<const BootingNode> booting() const { return m_booting; }
    long long boots() const { return m_boots; }
    int nodesOff() const { return m_off; }
    int nodesBooting() const { return static_cast<int>(m_booting.size()); }

private:
    struct Timeout
    {
        SimTime time;
        int node;
        std::uint32_t generation;
    };
    struct Shutdown
    {
        SimTime time;
        int node;
        std::uint32_t generation; // stale once the node went down meanwhile
        bool operator>(const Shutdown &other) const
        {
            return time != other.time ? time > other.time : node > other.node;
        }
    };

    void setSwitched(int node, NodePowerState state);
    void bootNode(int node, SimTime now);
    void switchOff(std::vector<int> &candidates, SimTime now);
    void dropStaleTimeouts();
    int countAtLeast(const MaxTree &tree, int type, const NodeFilter &filter, int minimum,
                     int limit) const;
    bool unrestricted(const NodeFilter &filter) const;
    enum class Walk { Next, SkipRack, Stop };
    template<typename Visit>
    void forEachNode(const MaxTree &tree, int type, const NodeFilter &filter, int minimum,
                     Visit visit) const;

    const PowerModel *m_model;
    ClusterState *m_cluster;
    PowerMeter *m_meter;
    const PowerCaps *m_caps;
    Listener *m_listener;
    bool m_enabled = false;
    SimTime m_timeout = 0.0;
    int m_spare = 0;

    int m_off = 0;
    int m_idleOn = 0;
    long long m_boots = 0;
    std::vector<std::uint32_t> m_generation; // per node: bumped when it stops being idle
    std::deque<Timeout> m_timeouts;          // in time order: the timeout is one constant
    std::vector<Timeout> m_deferred;
    std::vector<BootingNode> m_booting; // sorted
    std::priority_queue<Shutdown, std::vector<Shutdown>, std::greater<>> m_shutdowns;
    // Per type, over its nodes' positions (CompiledCluster::typePosition): 1 if off / booting.
    std::vector<MaxTree> m_offTree;
    std::vector<MaxTree> m_bootingTree;
    std::vector<int> m_bootingOfType;
    std::vector<int> m_offOfType;
    std::vector<std::uint8_t> m_forJob; // per node: booting for wake()
    int m_wakeBooting = 0;
    SimTime m_wakeBootEnded = -std::numeric_limits<SimTime>::infinity(); // last boot for a job
    std::vector<int> m_have;                                             // scratch for wake()
    // wake() is a function of the demand and of the cluster's node states (every change of
    // which the meter counts): asked again with neither changed after it booted nothing, it
    // answers as before without walking the nodes (a head held by a cap asks after every
    // event it waits through).
    Wake wakeWalk(SimTime now, const JobDemand &demand);
    struct TypeRack
    {
        int rack;
        int begin; // the rack's nodes of the type: [begin, end) in its free tree
        int end;
        int cls; // their one power class
    };
    std::vector<std::vector<TypeRack>> m_typeRacks; // per type, in rack order; see constructor
    struct WakeMemo
    {
        std::uint64_t changes = ~std::uint64_t(0);
        JobDemand demand;
        bool refusedByCap = false;
    } m_lastWake;
    std::vector<int> m_expired;
    std::vector<PowerCaps::Switch> m_switches;
    // Scratch for wake(): power headroom left per rack, valid where the stamp is current.
    std::vector<double> m_rackRoom;
    std::vector<std::uint32_t> m_rackRoomStamp;
    std::uint32_t m_roomStamp = 0;
};

} // namespace headroom
