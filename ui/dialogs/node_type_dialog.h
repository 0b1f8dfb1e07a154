#pragma once

#include "core/model/node_type.h"

#include <QDialog>

#include <functional>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace headroom::ui {

// Adds or edits a node type: the figures a planner usually looks up (name, accelerator model
// and count, peak TFLOP/s, linear power idle/max, boot time, where the figures come from) and
// its reliability (MTBF, repair time and how repair times vary, docs/design.md §10.1).
// Fields it does not show (CPU, memory, cost, a power table left untouched) keep the values
// of the type it starts from.
//
// OK runs the commit function (edits::addNodeType or edits::replaceNodeType); when that
// refuses, its reason is shown and the dialog stays open for a fix.
class NodeTypeDialog : public QDialog
{
    Q_OBJECT

public:
    using Commit = std::function<bool(const NodeType &type, QString *why)>;

    // `initial` fills the fields; `isNew` only changes the title and button text.
    NodeTypeDialog(const NodeType &initial, bool isNew, QWidget *parent = nullptr);

    void setCommit(Commit commit) { m_commit = std::move(commit); }
    // Offers these types (the bundled hardware catalog) as starting points: a "Start from"
    // list above the fields; choosing one fills every field, and the figures the dialog does
    // not show (CPU, memory, price, …) come from it too.
    void offerCatalog(std::vector<NodeType> catalog);
    NodeType nodeType() const;
    QString problem() const { return m_problem; }

    void accept() override;

private:
    void update();
    void startFrom(int index);

    NodeType m_initial;
    Commit m_commit;
    QString m_problem;

    std::vector<NodeType> m_catalog;
    QFormLayout *m_form = nullptr;
    QComboBox *m_startFrom = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_model = nullptr;
    QSpinBox *m_accelerators = nullptr;
    QDoubleSpinBox *m_tflops = nullptr;
    QDoubleSpinBox *m_idleW = nullptr;
    QDoubleSpinBox *m_maxW = nullptr;
    QDoubleSpinBox *m_bootS = nullptr;
    QLineEdit *m_source = nullptr;
    QDoubleSpinBox *m_mtbfH = nullptr;
    QDoubleSpinBox *m_repairH = nullptr;
    QComboBox *m_repairDistribution = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace headroom::ui
