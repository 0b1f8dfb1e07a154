#pragma once

#include <cstdint>

namespace headroom {

// Power state of one node (docs/design.md §4), in Batsim's vocabulary of machine states: a node
// that is on is Idle (holds no slots) or Busy (holds some); switching it off takes it through
// ShuttingDown to Off, switching it on through Booting back to Idle. Only an on node offers
// slots to placement. A node that failed, or is in a planned outage, is Down until it comes
// back Idle (docs/design.md §10.5).
enum class NodePowerState : std::uint8_t { Idle, Busy, Off, Booting, ShuttingDown, Down };

inline bool isOn(NodePowerState state)
{
    return state == NodePowerState::Idle || state == NodePowerState::Busy;
}

inline const char *toString(NodePowerState state)
{
    switch (state) {
    case NodePowerState::Idle:
        return "idle";
    case NodePowerState::Busy:
        return "busy";
    case NodePowerState::Off:
        return "off";
    case NodePowerState::Booting:
        return "booting";
    case NodePowerState::ShuttingDown:
        return "shutting_down";
    case NodePowerState::Down:
        return "down";
    }
    return "?";
}

} // namespace headroom
