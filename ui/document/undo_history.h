#pragma once

#include <QString>

class QAction;
class QObject;
class QUndoStack;
class QUndoView;

namespace headroom::ui {

// What the window, the History dock and tests may do with a document's undo stack: walk it,
// read it, show it. It cannot take a command: every change reaches the stack through the
// document layer (scenario_edits.h), so a view cannot build an edit of its own.
class UndoHistory
{
public:
    explicit UndoHistory(QUndoStack &stack);

    bool canUndo() const;
    bool canRedo() const;
    void undo();
    void redo();
    // Steps on the stack, done and undone, and how many of them are done.
    int count() const;
    int index() const;
    QString undoText() const;
    QString redoText() const;

    bool isClean() const;
    // Forgets every step (a new scenario replaced the document's).
    void clear();
    // No state is the saved one any more (restored unsaved work must be saved to be clean).
    void resetClean();

    // The Edit menu's actions, named after the step they undo or redo.
    QAction *createUndoAction(QObject *parent, const QString &prefix = {}) const;
    QAction *createRedoAction(QObject *parent, const QString &prefix = {}) const;
    // Shows this history in `view` (the History dock).
    void showIn(QUndoView *view) const;

private:
    QUndoStack &m_stack;
};

} // namespace headroom::ui
