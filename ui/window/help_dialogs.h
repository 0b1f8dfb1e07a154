#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QAction;
class QDialog;
class QWidget;

namespace headroom::ui {

// Help for people using the app, written once: the user guide is the README's sections on
// using Headroom (compiled in as a resource, so the app and the repository say the same), and
// the shortcut list is read from the window's own actions, so it cannot go stale.

// The README sections the user guide shows, by their "## " title.
QStringList userGuideSections();
// Those sections as Markdown, without images; empty if the resource is missing.
QString userGuideMarkdown();
// Every action in `actions` that has a shortcut, as a Markdown table, then the mouse gestures
// of the topology editor.
QString shortcutsMarkdown(const QList<QAction *> &actions);

// Non-modal windows, deleted when closed.
QDialog *showUserGuide(QWidget *parent, const QList<QAction *> &actions);
QDialog *showKeyboardShortcuts(QWidget *parent, const QList<QAction *> &actions);
void showAbout(QWidget *parent);

} // namespace headroom::ui
