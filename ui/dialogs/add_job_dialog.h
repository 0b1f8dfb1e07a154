#pragma once

#include "core/model/job.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace headroom {
struct NodeType;
struct Scenario;
} // namespace headroom

namespace headroom::ui {

class CheckpointEditor;
class DurationEdit;

// Describes one new job. Either the run time is typed in, or, in LLM training mode, it is
// sized from the model (N parameters, D tokens), the node type's peak TFLOP/s, the number of
// accelerators and an MFU with llmTrainingSeconds(); the result shows live. Its checkpoints
// show the expected goodput and a suggested interval for the nodes it will hold. OK stays
// disabled, with the reason on show, while anything is invalid. The caller adds job() with
// edits::addJobs, so the dialog itself changes nothing.
class AddJobDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddJobDialog(const Scenario &scenario, QWidget *parent = nullptr);

    // The job as described (id 0: addJobs assigns one). Meaningful while isValid().
    Job job() const;
    bool isValid() const { return m_problem.isEmpty(); }
    // The first thing that keeps OK disabled, empty when none.
    QString problem() const { return m_problem; }

    bool isLlmMode() const;
    void setLlmMode(bool llm);
    // Selects the node type constraint by name (empty: any type).
    void setNodeType(const QString &name);

private:
    void buildUi();
    void update();
    // Run time in LLM mode: whole seconds, rounded up; NaN when it cannot be sized.
    double llmRunSeconds() const;
    const NodeType *selectedType() const;
    // Largest job (in accelerators) the cluster could ever start, on `type` or on any type.
    long long capacity(const NodeType *type) const;

    const Scenario &m_scenario;
    QString m_problem;
    bool m_updating = false;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_tenant = nullptr;
    DurationEdit *m_submit = nullptr;
    QSpinBox *m_accelerators = nullptr;
    QComboBox *m_nodeType = nullptr;
    QRadioButton *m_fixedMode = nullptr;
    QRadioButton *m_llmMode = nullptr;
    DurationEdit *m_run = nullptr;
    QGroupBox *m_llmGroup = nullptr;
    QDoubleSpinBox *m_parameters = nullptr; // billions
    QDoubleSpinBox *m_tokens = nullptr;     // billions
    QLabel *m_peak = nullptr;
    QDoubleSpinBox *m_mfu = nullptr; // percent
    QLabel *m_llmResult = nullptr;
    DurationEdit *m_requested = nullptr;
    CheckpointEditor *m_checkpoints = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace headroom::ui
