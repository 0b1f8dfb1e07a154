#pragma once

#include "ui/panels/properties/property_page.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace headroom::ui {

// The Failures group of the scenario page (docs/design.md §10): random node failures on or
// off, their own seed, where an interrupted job goes back in the queue, and the list of
// planned outages, each editable and removable (Take Node Down… in the topology adds them).
// Every change is one edit of the document.
class FailureSection final : public PropertyPage
{
    Q_OBJECT

public:
    FailureSection(PropertiesContext &context, QWidget *parent);

    void fill(bool force);

    QTableWidget *outageTable() const { return m_outages; }
    // Opens the outage dialog for row `row` of the list; what Edit… and a double-click do.
    void editOutage(int row);
    void removeSelectedOutages();

private:
    void commitFailures();
    void updateButtons();

    QCheckBox *m_enabled;
    QLineEdit *m_seed;
    QComboBox *m_requeue;
    QTableWidget *m_outages;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace headroom::ui
