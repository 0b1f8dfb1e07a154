#include "core/engine/wait_reason.h"

namespace headroom {

const char *label(WaitReason reason)
{
    switch (reason) {
    case WaitReason::None:
        return "";
    case WaitReason::HeadOfLine:
        return "head of line";
    case WaitReason::NodesBusy:
        return "busy nodes";
    case WaitReason::Constraint:
        return "its constraint";
    case WaitReason::PowerCap:
        return "power cap";
    case WaitReason::Booting:
        return "nodes booting";
    case WaitReason::NodesOff:
        return "nodes switched off";
    case WaitReason::HeldByService:
        return "nodes held by a service";
    case WaitReason::HeldByServiceForRun:
        return "nodes a service holds for the whole run";
    case WaitReason::NodesDown:
        return "nodes down";
    }
    return "";
}

const char *describe(WaitReason reason)
{
    switch (reason) {
    case WaitReason::None:
        return "";
    case WaitReason::HeadOfLine:
        return "it would fit, but waits behind the job at the head of the queue";
    case WaitReason::NodesBusy:
        return "the nodes it may use are held by running jobs";
    case WaitReason::Constraint:
        return "the nodes its constraints allow are held by running jobs, while other nodes "
               "have room for it";
    case WaitReason::PowerCap:
        return "it fits, but starting it would break a rack power budget or the cluster power "
               "cap";
    case WaitReason::Booting:
        return "it fits once nodes being switched on have booted";
    case WaitReason::NodesOff:
        return "it fits only on nodes that power management has switched off";
    case WaitReason::HeldByService:
        return "it fits only once an inference service releases nodes it holds";
    case WaitReason::HeldByServiceForRun:
        return "it needs nodes an inference service holds for the whole run";
    case WaitReason::NodesDown:
        return "it fits only once failed nodes are repaired or outages end";
    }
    return "";
}

const char *csvName(WaitReason reason)
{
    switch (reason) {
    case WaitReason::None:
        return "";
    case WaitReason::HeadOfLine:
        return "head_of_line";
    case WaitReason::NodesBusy:
        return "nodes_busy";
    case WaitReason::Constraint:
        return "constraint";
    case WaitReason::PowerCap:
        return "power_cap";
    case WaitReason::Booting:
        return "booting";
    case WaitReason::NodesOff:
        return "nodes_off";
    case WaitReason::HeldByService:
        return "held_by_service";
    case WaitReason::HeldByServiceForRun:
        return "held_by_service_for_run";
    case WaitReason::NodesDown:
        return "nodes_down";
    }
    return "";
}

} // namespace headroom
