#pragma once

#include "core/model/energy_policy.h"
#include "core/model/job.h"
#include "core/model/policy.h"

#include <QWidget>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace headroom::ui {

class DurationEdit;
class HourlyProfileEdit;
class ScenarioDocument;
class Selection;

// The Properties dock: edits whatever is selected. A node (name, type, tenant reservation), a
// rack (name, power budget or unlimited, DVFS frequency or the cluster's), a zone (name), one
// job (every field, tenant isolation and its constraints), several jobs (constraints, applied
// to all), or, with nothing selected, the scenario (name, description, seed), its policy
// (scheduler, placement, sample interval, SRTF restart overhead) and its energy settings (PUE,
// power cap, power management, DVFS, currency, hourly price and carbon intensity).
//
// One QFormLayout page per kind (only the shown one visible) rather than a generic property grid:
// each kind gets the native editor that fits it (duration fields that read "2 h 30 min",
// a budget spin box with an Unlimited switch, combos of the names that exist), with
// keyboard order and labels for free, and no delegate per value type.
//
// Every change is an edit from scenario_edits.h, so it is undoable; typed job and scenario
// fields commit per keystroke and merge into one undo step. Names commit when editing
// finishes, because a rename must be checked (the reason for a refusal shows below the
// form). When the document changes (also by undo and redo) the page refreshes field by
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
    QWidget *buildScenarioPage();
    QWidget *buildNodePage();
    QWidget *buildRackPage();
    QWidget *buildZonePage();
    QWidget *buildJobPage();
    QWidget *buildJobsPage();
    QWidget *buildElementsPage();

    void refresh();
    void showPage(Page page, const QString &title, const QString &key);
    void fillScenario(bool force);
    void fillEnergy(bool force);
    void fillNode(bool force);
    void fillRack(bool force);
    void fillZone(bool force);
    void fillJob(bool force);
    void fillJobs();
    void fillConstraintChoices(QComboBox *type, QComboBox *zone, QComboBox *rack, QComboBox *pin,
                               const std::vector<const JobConstraints *> &shown);

    void renameShown(QLineEdit *edit);
    void commitMetadata();
    void editPolicy(const std::function<void(Policy &)> &change);
    // One setEnergy() named by `field`, so consecutive changes of one field merge.
    void editEnergy(const QString &field, const std::function<void(EnergyPolicy &)> &change);
    void commitNodeTenant();
    void editShownJob(const std::function<void(Job &)> &change);
    void applyConstraint(std::string JobConstraints::*field, const QComboBox *combo);
    void setMessage(const QString &text);
    std::vector<std::size_t> selectedJobs() const;

    ScenarioDocument *m_document;
    Selection *m_selection;
    QLabel *m_title;
    QWidget *m_stack; // the pages, of which only the shown one is visible
    QLabel *m_message;

    Page m_page = Page::Scenario;
    QString m_shownKey;        // what the page shows; a change refills every field
    std::string m_element;     // zone, rack or node being shown
    std::size_t m_job = 0;     // job being shown
    bool m_preferJobs = false; // jobs were selected last, if both kinds are selected
    bool m_refreshing = false;
    bool m_renaming = false;

    struct
    {
        QLineEdit *name;
        QPlainTextEdit *description;
        QLineEdit *seed;
        QComboBox *scheduler;
        QComboBox *placement;
        DurationEdit *sampleInterval;
        DurationEdit *restartOverhead;
        QLabel *summary;
    } m_scenario{};
    struct
    {
        QDoubleSpinBox *pue;
        QCheckBox *capEnabled;
        QDoubleSpinBox *cap;
        QCheckBox *dpm;
        DurationEdit *idleTimeout;
        QSpinBox *spareNodes;
        QDoubleSpinBox *dvfs;
        QLineEdit *currency;
        HourlyProfileEdit *price;
        HourlyProfileEdit *carbon;
    } m_energy{};
    struct
    {
        QLineEdit *name;
        QComboBox *type;
        QComboBox *tenant;
        QLabel *location;
        QLabel *detail;
    } m_node{};
    struct
    {
        QLineEdit *name;
        QCheckBox *unlimited;
        QDoubleSpinBox *budget;
        QCheckBox *dvfsFollowsCluster;
        QDoubleSpinBox *dvfs;
        QLabel *location;
        QLabel *contents;
    } m_rack{};
    struct
    {
        QLineEdit *name;
        QLabel *contents;
    } m_zone{};
    struct
    {
        QLabel *id;
        QLineEdit *name;
        QLineEdit *tenant;
        DurationEdit *submit;
        QSpinBox *accelerators;
        DurationEdit *run;
        DurationEdit *requested;
        QSpinBox *priority;
        QCheckBox *dedicated;
        QComboBox *type;
        QComboBox *zone;
        QComboBox *rack;
        QComboBox *pin;
    } m_jobWidgets{};
    struct
    {
        QLabel *count;
        QComboBox *type;
        QComboBox *zone;
        QComboBox *rack;
        QComboBox *pin;
        QPushButton *clear;
        QCheckBox *dedicated;
    } m_jobsWidgets{};
    QLabel *m_elementsLabel = nullptr;
    QWidget *m_pages[7] = {};
};

} // namespace headroom::ui
