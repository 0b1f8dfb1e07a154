#pragma once

#include "core/model/failures.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;

namespace headroom::ui {

class DurationEdit;

// One planned outage of a node (docs/design.md §10.2): when it starts and how long the node
// stays down. OK runs the commit function (edits::addOutage or edits::editOutage); when that
// refuses (an overlap with another outage of the node, say), the reason shows and the dialog
// stays open for a fix.
class OutageDialog : public QDialog
{
    Q_OBJECT

public:
    using Commit = std::function<bool(const PlannedOutage &outage, QString *why)>;

    OutageDialog(const PlannedOutage &initial, bool isNew, QWidget *parent = nullptr);

    void setCommit(Commit commit) { m_commit = std::move(commit); }
    PlannedOutage outage() const;
    QString problem() const { return m_problem; }

    void accept() override;

private:
    void update();

    PlannedOutage m_initial;
    Commit m_commit;
    QString m_problem;
    DurationEdit *m_start = nullptr;
    DurationEdit *m_duration = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace headroom::ui
