#pragma once

#include "core/model/scenario.h"

#include <string>
#include <string_view>

namespace headroom {

// Changing how many nodes of one type a cluster has (docs/design.md §7.2), for sizing, runway
// and the GUI's Apply. Deterministic: the same cluster, type and count always give the same
// cluster, names included.
//
// Fewer nodes: the type's last nodes in topology order go (the last zone's last rack's last
// node first). Racks and zones stay, even when left empty, so that job constraints and power
// budgets naming them stay valid.
//
// More nodes: let S be the most nodes of the type in one rack (1 if it has none).
//  1. Racks that hold the type and have fewer than S nodes in all are filled with the type up
//     to S nodes, in topology order (a rack emptied earlier holds no type and is not refilled).
//  2. The rest go into new racks of S nodes (the last one holds what is left), appended in
//     order at the end of the zone of the rack that holds the type's last node (the "template
//     rack"). New racks take the template rack's power budget and DVFS override, as racks of
//     the same design would. With no node of the type anywhere, they go at the end of the last
//     zone, without budget or override; with no zone, into a new zone "plan".
//  3. Names: a new rack is "<type>-rack<k>", a new node "<rack>-n<i>", with k and i counting
//     from 1 (nodes added to an existing rack count on from its node count + 1), skipping names
//     the cluster already uses. New nodes are shared (reserved for no tenant).
//
// Jobs pinned to a removed node lose the pin and are constrained to its node type instead
// (what they needed from that node was its hardware); rack and zone constraints are kept, and
// a job that then fits no node is rejected by the engine like any other (docs/design.md §3.2).
// Services are not touched.

// How many nodes of type `typeName` the cluster has.
int nodeCountOfType(const Cluster &cluster, std::string_view typeName);

// Sets the number of nodes of `typeName` (a type of the scenario's catalog) to `count` >= 0.
// Throws std::invalid_argument for an unknown type or a negative count.
void setNodeCount(Scenario &scenario, const std::string &typeName, int count);

} // namespace headroom
