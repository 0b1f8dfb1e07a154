#include "core/model/scenario.h"

namespace headroom {

const NodeType *Scenario::findNodeType(const std::string &typeName) const
{
    for (const NodeType &type : nodeTypes) {
        if (type.name == typeName)
            return &type;
    }
    return nullptr;
}

} // namespace headroom
