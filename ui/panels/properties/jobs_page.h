#pragma once

#include "ui/panels/properties/constraint_editors.h"
#include "ui/panels/properties/property_page.h"

#include <cstddef>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;

namespace headroom::ui {

// Several jobs: their constraints and tenant isolation, a change applying to all of them as
// one undo step. Where they differ, a combo reads "(mixed)" and the box is partly checked.
class JobsPage final : public PropertyPage
{
    Q_OBJECT

public:
    JobsPage(PropertiesContext &context, QWidget *parent);

    // Shows the selected jobs.
    void fill();

private:
    std::vector<std::size_t> selectedJobs() const;

    QLabel *m_count;
    ConstraintEditors m_constraints;
    QPushButton *m_clear;
    QCheckBox *m_dedicated;
};

} // namespace headroom::ui
