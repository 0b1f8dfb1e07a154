#pragma once

#include "ui/panels/properties/constraint_editors.h"
#include "ui/panels/properties/property_page.h"

#include <cstddef>
#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace headroom {
struct Job;
}

namespace headroom::ui {

class CheckpointEditor;
class DurationEdit;

// One job: every field, its tenant isolation, its constraints and its checkpoints (with the
// suggested interval). Typed fields commit per
// keystroke; the edits of one field of the job merge into one undo step.
class JobPage final : public PropertyPage
{
    Q_OBJECT

public:
    JobPage(PropertiesContext &context, QWidget *parent);

    // Shows the job at position `index`; `force`: a different job than before.
    void fill(std::size_t index, bool force);

private:
    void edit(const std::function<void(Job &)> &change);

    std::size_t m_job = 0;
    QLabel *m_id;
    QLineEdit *m_name;
    QLineEdit *m_tenant;
    DurationEdit *m_submit;
    QSpinBox *m_accelerators;
    DurationEdit *m_run;
    DurationEdit *m_requested;
    QSpinBox *m_priority;
    QCheckBox *m_dedicated;
    ConstraintEditors m_constraints;
    CheckpointEditor *m_checkpoints;
};

} // namespace headroom::ui
