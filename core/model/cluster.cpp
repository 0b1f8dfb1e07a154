#include "core/model/cluster.h"

namespace headroom {

int Cluster::nodeCount() const
{
    int count = 0;
    for (const Zone &zone : zones) {
        for (const Rack &rack : zone.racks)
            count += static_cast<int>(rack.nodes.size());
    }
    return count;
}

} // namespace headroom
