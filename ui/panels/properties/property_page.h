#pragma once

#include <QWidget>

#include <string>

class QLineEdit;

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

class ScenarioDocument;
class Selection;

// What the pages of the Properties dock share with the dock.
struct PropertiesContext
{
    ScenarioDocument *document = nullptr;
    Selection *selection = nullptr;
    // The dock is filling its pages from the document: what fields report meanwhile is not
    // the user's doing, and the dock does not refresh again.
    bool refreshing = false;
};

// One page of the Properties dock: the editors for one kind of selection. The dock tells it
// what to show; the page turns what the user does into edits from scenario_edits.h.
class PropertyPage : public QWidget
{
    Q_OBJECT

public:
    PropertyPage(PropertiesContext &context, QWidget *parent);

Q_SIGNALS:
    // A refusal to show above the form ("The name r2 is already used"); empty clears it.
    void messageChanged(const QString &text);
    // The element shown was renamed and the selection names it again: the dock refreshes.
    void renamed();

protected:
    ScenarioDocument &document() const { return *m_context.document; }
    const Scenario &scenario() const;
    Selection &selection() const { return *m_context.selection; }
    bool refreshing() const { return m_context.refreshing; }

    // Renames `element` to the text of `edit`, whose editing has finished (the node, rack and
    // zone pages' name fields; a rename is checked, so it commits only then).
    void renameElement(const std::string &element, QLineEdit *edit);

private:
    PropertiesContext &m_context;
};

} // namespace headroom::ui
