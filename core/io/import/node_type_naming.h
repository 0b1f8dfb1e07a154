#pragma once

#include "core/model/node_type.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace headroom {

// Builds the node types of an imported node list: nodes with the same hardware share a type,
// and every type gets a readable name that is unique ("a100-4gpu", then "a100-4gpu-2" for
// the same accelerators with other CPUs or memory).
class ImportedNodeTypes
{
public:
    // The name of the type of a node with this hardware, created on first use. `baseName`
    // names the type when it is free; `model` and the figures describe it.
    const std::string &typeFor(const std::string &baseName, const std::string &model, int slots,
                               int cpuCores, double memoryGb, const std::string &source);

    std::vector<NodeType> &types() { return m_types; }

private:
    using Key = std::tuple<std::string, int, int, double>; // model, slots, cores, memory
    std::map<Key, std::size_t> m_index;
    std::vector<NodeType> m_types;
};

} // namespace headroom
