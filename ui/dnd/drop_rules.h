#pragma once

#include "ui/dnd/drag_payload.h"

#include <QString>

#include <string>

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

class ScenarioDocument;

// Where something is dropped in the topology editor.
struct DropTarget
{
    enum class Kind { Node, Rack, Zone, EmptyArea };
    Kind kind = Kind::EmptyArea;
    std::string name; // node, rack or zone name; empty for EmptyArea
};

// Whether a drop is allowed, and a sentence for the status bar either way: what it will do
// ("Pin job 12 to a1-n03") or why not ("Job 12 needs 16 accelerators; a1-n03 has 8").
struct DropVerdict
{
    bool allowed = false;
    QString message;
};

// The rules of drag-and-drop, kept apart from the views so they can be tested directly and
// so the topology view (which validates while dragging) and the drop itself agree.
DropVerdict evaluateDrop(const Scenario &scenario, const DragPayload &payload,
                         const DropTarget &target);

// Performs an allowed drop as one undoable command. `nodeCount` is how many nodes a dropped
// node type adds. Returns false (changing nothing) if evaluateDrop() refuses it.
bool applyDrop(ScenarioDocument &document, const DragPayload &payload, const DropTarget &target,
               int nodeCount = 1);

} // namespace headroom::ui
