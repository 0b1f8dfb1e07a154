#include "core/model/scenario.h"

#include <algorithm>

namespace headroom {

const NodeType *Scenario::findNodeType(const std::string &typeName) const
{
    for (const NodeType &type : nodeTypes) {
        if (type.name == typeName)
            return &type;
    }
    return nullptr;
}

bool Scenario::hasFailureModel() const
{
    return failures.enabled || !outages.empty() ||
           std::any_of(jobs.begin(), jobs.end(),
                       [](const Job &job) { return !job.checkpoints->empty(); });
}

} // namespace headroom
