#include "ui/dialogs/outage_dialog.h"

#include "ui/dialogs/message_label.h"
#include "ui/models/duration_text.h"
#include "ui/panels/duration_edit.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace headroom::ui {

OutageDialog::OutageDialog(const PlannedOutage &initial, bool isNew, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
{
    const QString node = QString::fromStdString(initial.node);
    setWindowTitle(isNew ? tr("Take %1 Down").arg(node) : tr("Edit Outage of %1").arg(node));

    m_start = new DurationEdit(this);
    m_start->setObjectName("outageStart");
    m_start->setSeconds(initial.startS);
    m_start->setToolTip(tr("When the node goes down, counted from the start of the scenario: "
                           "0, 6 h, 2 d 4 h …"));
    m_duration = new DurationEdit(this);
    m_duration->setObjectName("outageDuration");
    m_duration->setMinimum(0.0, true);
    m_duration->setSeconds(initial.durationS);
    m_duration->setToolTip(tr("How long the node stays down (maintenance, a swap); it comes "
                              "back idle"));
    auto *what = new QLabel(tr("Jobs on %1 when it goes down are interrupted as by a failure: "
                               "they go back to the queue and resume from their last "
                               "checkpoint. Service replicas on it are lost and placed again, "
                               "on another node or once it is back, and start up before they "
                               "serve.")
                                    .arg(node),
                            this);
    what->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Starts at:"), m_start);
    form->addRow(tr("&Duration:"), m_duration);

    m_message = newMessageLabel(this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName("buttons");
    m_buttons->button(QDialogButtonBox::Ok)->setText(isNew ? tr("Take Down") : tr("Apply"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OutageDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 28);

    for (DurationEdit *edit : {m_start, m_duration})
        connect(edit, &QLineEdit::textChanged, this, &OutageDialog::update);
    update();
}

PlannedOutage OutageDialog::outage() const
{
    PlannedOutage outage = m_initial;
    outage.startS = m_start->seconds().value_or(0.0);
    outage.durationS = m_duration->seconds().value_or(0.0);
    return outage;
}

void OutageDialog::update()
{
    m_problem.clear();
    if (!m_start->isValid())
        m_problem = tr("Start: %1.").arg(m_start->problem());
    else if (!m_duration->isValid())
        m_problem = tr("Duration: %1.").arg(m_duration->problem());
    m_message->setText(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

void OutageDialog::accept()
{
    if (!m_problem.isEmpty())
        return;
    if (m_commit) {
        QString why;
        if (!m_commit(outage(), &why)) {
            if (why.isEmpty()) { // unchanged: nothing to do
                QDialog::accept();
                return;
            }
            m_message->setText(why);
            return;
        }
    }
    QDialog::accept();
}

} // namespace headroom::ui
