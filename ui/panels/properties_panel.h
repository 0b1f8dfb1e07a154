#pragma once

#include "ui/panels/properties/property_page.h"

#include <QWidget>

#include <array>

class QLabel;

namespace headroom::ui {

class ElementsPage;
class JobPage;
class JobsPage;
class NodePage;
class RackPage;
class ScenarioDocument;
class ScenarioPage;
class Selection;
class ZonePage;

// The Properties dock: edits whatever is selected. A node (name, type, tenant reservation), a
// rack (name, power budget or unlimited, DVFS frequency or the cluster's), a zone (name), one
// job (every field, tenant isolation and its constraints), several jobs (constraints, applied
// to all), or, with nothing selected, the scenario (name, description, seed), its policy and
// its energy settings. Each kind is a page of its own (ui/panels/properties/).
//
// One form page per kind (only the shown one visible) rather than a generic property grid:
// each kind gets the native editor that fits it (duration fields that read "2 h 30 min",
// a budget spin box with an Unlimited switch, combos of the names that exist), with
// keyboard order and labels for free, and no delegate per value type.
//
// Every change is an edit from scenario_edits.h, so it is undoable; typed job and scenario
// fields commit per keystroke and merge into one undo step per field. Names commit when
// editing finishes, because a rename must be checked (the reason for a refusal shows below
// the title). When the document changes (also by undo and redo) the page refreshes field by
// field, leaving alone the field being typed in so focus and cursor stay put.
class PropertiesPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Page { Scenario, Node, Rack, Zone, Job, Jobs, Elements };

    PropertiesPanel(ScenarioDocument *document, Selection *selection, QWidget *parent = nullptr);

    Page currentPage() const { return m_page; }
    // The last refusal ("The name r1 is already used"), empty when none.
    QString message() const;

private:
    void refresh();
    // Makes `page` the one visible, titled `title`; `key` names what it shows, and a new key
    // clears the message. Returns whether the key changed (every field is then refilled).
    bool showPage(Page page, const QString &title, const QString &key);
    void setMessage(const QString &text);

    PropertiesContext m_context;
    QLabel *m_title;
    QLabel *m_message;
    ScenarioPage *m_scenarioPage;
    NodePage *m_nodePage;
    RackPage *m_rackPage;
    ZonePage *m_zonePage;
    JobPage *m_jobPage;
    JobsPage *m_jobsPage;
    ElementsPage *m_elementsPage;
    std::array<PropertyPage *, 7> m_pages{}; // by Page

    Page m_page = Page::Scenario;
    QString m_shownKey;        // what the page shows; a change refills every field
    bool m_preferJobs = false; // jobs were selected last, if both kinds are selected
};

} // namespace headroom::ui
