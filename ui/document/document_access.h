#pragma once

#include "ui/document/scenario_document.h"

#include <QUndoCommand>

#include <memory>

namespace headroom::ui {

// The document layer's way in, and the only one: the parts (scenario_parts.h) write the
// scenario through it, and the edit functions (scenario_edits.h) push their commands through
// it. Only ui/document/*.cpp include this header; views change the scenario by calling an edit.
class DocumentAccess
{
public:
    // The scenario to write, detached from any run still holding the previous one.
    static Scenario &scenario(ScenarioDocument &document) { return document.mutableScenario(); }
    // Runs the command and keeps it as one undo step (or merges it into the last one).
    static void push(ScenarioDocument &document, std::unique_ptr<QUndoCommand> command)
    {
        document.m_undoStack.push(command.release());
    }
};

} // namespace headroom::ui
