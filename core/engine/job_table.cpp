#include "core/engine/job_table.h"

namespace headroom {

const char *describe(RejectReason reason)
{
    switch (reason) {
    case RejectReason::None:
        return "";
    case RejectReason::LargerThanCluster:
        return "needs more accelerators than any node type of the cluster can provide";
    case RejectReason::ConstraintsTooSmall:
        return "the nodes its constraints allow can never hold it";
    case RejectReason::NeverStarted:
        return "could not start before the simulation ran out of events";
    }
    return "";
}

} // namespace headroom
