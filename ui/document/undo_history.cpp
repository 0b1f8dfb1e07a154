#include "ui/document/undo_history.h"

#include <QUndoStack>
#include <QUndoView>

namespace headroom::ui {

UndoHistory::UndoHistory(QUndoStack &stack)
    : m_stack(stack)
{}

bool UndoHistory::canUndo() const
{
    return m_stack.canUndo();
}

bool UndoHistory::canRedo() const
{
    return m_stack.canRedo();
}

void UndoHistory::undo()
{
    m_stack.undo();
}

void UndoHistory::redo()
{
    m_stack.redo();
}

int UndoHistory::count() const
{
    return m_stack.count();
}

int UndoHistory::index() const
{
    return m_stack.index();
}

QString UndoHistory::undoText() const
{
    return m_stack.undoText();
}

QString UndoHistory::redoText() const
{
    return m_stack.redoText();
}

bool UndoHistory::isClean() const
{
    return m_stack.isClean();
}

void UndoHistory::clear()
{
    m_stack.clear();
}

void UndoHistory::resetClean()
{
    m_stack.resetClean();
}

QAction *UndoHistory::createUndoAction(QObject *parent, const QString &prefix) const
{
    return m_stack.createUndoAction(parent, prefix);
}

QAction *UndoHistory::createRedoAction(QObject *parent, const QString &prefix) const
{
    return m_stack.createRedoAction(parent, prefix);
}

void UndoHistory::showIn(QUndoView *view) const
{
    view->setStack(&m_stack);
}

} // namespace headroom::ui
