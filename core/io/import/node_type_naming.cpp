#include "core/io/import/node_type_naming.h"

namespace headroom {

const std::string &ImportedNodeTypes::typeFor(const std::string &baseName, const std::string &model,
                                              int slots, int cpuCores, double memoryGb,
                                              const std::string &source)
{
    const Key key{model, slots, cpuCores, memoryGb};
    if (const auto found = m_index.find(key); found != m_index.end())
        return m_types[found->second].name;
    std::string name = baseName;
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const NodeType &type : m_types)
            taken = taken || type.name == name;
        if (!taken)
            break;
        name = baseName + "-" + std::to_string(n);
    }
    NodeType type;
    type.name = name;
    type.acceleratorModel = model;
    type.accelerators = slots;
    type.cpuCores = cpuCores;
    type.memoryGb = memoryGb;
    type.source = source;
    m_index.emplace(key, m_types.size());
    m_types.push_back(std::move(type));
    return m_types.back().name;
}

} // namespace headroom
