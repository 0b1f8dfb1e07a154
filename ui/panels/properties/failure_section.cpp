#include "ui/panels/properties/failure_section.h"

#include "core/model/scenario.h"
#include "ui/dialogs/outage_dialog.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/duration_text.h"
#include "ui/panels/properties/page_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace headroom::ui {

FailureSection::FailureSection(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Failures"), this);
    layout->addWidget(box);
    auto *form = makeForm(box);

    m_enabled = new QCheckBox(tr("Random node &failures"), box);
    m_enabled->setObjectName("failuresEnabled");
    m_enabled->setToolTip(tr("Nodes fail at random, each type at its MTBF, and stay down for "
                             "its repair time; jobs on a failed node are interrupted"));
    m_seed = new QLineEdit(box);
    m_seed->setObjectName("failureSeed");
    m_seed->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[0-9]{1,20}")), m_seed));
    m_seed->setToolTip(tr("The failures' own seed: the same scenario and seed give the same "
                          "failures, whatever else changes"));
    m_requeue = makeCombo(box, "requeuePolicy");
    m_requeue->addItem(tr("Head of the queue"), int(RequeuePolicy::Head));
    m_requeue->addItem(tr("Back of the queue"), int(RequeuePolicy::Tail));
    m_requeue->setToolTip(tr("Where an interrupted job goes back in the queue"));

    m_outages = new QTableWidget(0, 3, box);
    m_outages->setObjectName("outages");
    m_outages->setHorizontalHeaderLabels({tr("Node"), tr("Starts"), tr("Duration")});
    m_outages->verticalHeader()->hide();
    m_outages->horizontalHeader()->setStretchLastSection(true);
    m_outages->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outages->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_outages->setToolTip(tr("Planned outages: the node is down for that time, failures on or "
                             "off. Add one with Take Node Down… on a node in the topology."));
    m_outages->setMaximumHeight(m_outages->fontMetrics().lineSpacing() * 8);
    m_edit = new QPushButton(tr("&Edit…"), box);
    m_edit->setObjectName("editOutage");
    m_remove = new QPushButton(tr("Re&move"), box);
    m_remove->setObjectName("removeOutages");
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);

    form->addRow(m_enabled);
    form->addRow(tr("Failure s&eed:"), m_seed);
    form->addRow(tr("Interrupted &jobs go to:"), m_requeue);
    form->addRow(new QLabel(tr("Planned outages:"), box));
    form->addRow(m_outages);
    form->addRow(buttons);

    connect(m_enabled, &QCheckBox::clicked, this, &FailureSection::commitFailures);
    connect(m_seed, &QLineEdit::textEdited, this, &FailureSection::commitFailures);
    connect(m_requeue, &QComboBox::activated, this, &FailureSection::commitFailures);
    connect(m_outages, &QTableWidget::itemSelectionChanged, this, &FailureSection::updateButtons);
    connect(m_outages, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { editOutage(row); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editOutage(m_outages->currentRow()); });
    connect(m_remove, &QPushButton::clicked, this, &FailureSection::removeSelectedOutages);
}

void FailureSection::fill(bool force)
{
    const Scenario &s = scenario();
    syncCheck(m_enabled, s.failures.enabled);
    const QString seed = QString::number(s.failures.seed);
    if (m_seed->text() != seed && (force || !m_seed->hasFocus() || !m_seed->text().isEmpty()))
        m_seed->setText(seed);
    syncComboData(m_requeue, int(s.failures.requeue));

    const auto &outages = s.outages;
    bool same = m_outages->rowCount() == int(outages.size());
    auto texts = [](const PlannedOutage &o) {
        return QStringList{qs(o.node), formatDuration(o.startS), formatDuration(o.durationS)};
    };
    for (int r = 0; same && r < m_outages->rowCount(); ++r) {
        const QStringList t = texts(outages[std::size_t(r)]);
        for (int c = 0; same && c < 3; ++c)
            same = m_outages->item(r, c) && m_outages->item(r, c)->text() == t[c];
    }
    if (!same) {
        m_outages->setRowCount(int(outages.size()));
        for (int r = 0; r < int(outages.size()); ++r) {
            const QStringList t = texts(outages[std::size_t(r)]);
            for (int c = 0; c < 3; ++c) {
                auto *item = new QTableWidgetItem(t[c]);
                if (c > 0)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_outages->setItem(r, c, item);
            }
        }
    }
    updateButtons();
}

void FailureSection::updateButtons()
{
    const bool any = !m_outages->selectionModel()->selectedRows().isEmpty();
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
}

void FailureSection::commitFailures()
{
    if (refreshing())
        return;
    FailurePolicy failures = scenario().failures;
    failures.enabled = m_enabled->isChecked();
    bool ok = false;
    const std::uint64_t seed = m_seed->text().toULongLong(&ok);
    if (ok)
        failures.seed = seed;
    failures.requeue = static_cast<RequeuePolicy>(m_requeue->currentData().toInt());
    edits::setFailures(document(), failures);
}

void FailureSection::editOutage(int row)
{
    if (row < 0 || row >= int(scenario().outages.size()))
        return;
    const std::size_t index = std::size_t(row);
    OutageDialog dialog(scenario().outages[index], false, this);
    ScenarioDocument *doc = &document();
    dialog.setCommit([doc, index](const PlannedOutage &outage, QString *why) {
        return edits::editOutage(*doc, index, outage, why);
    });
    dialog.exec();
}

void FailureSection::removeSelectedOutages()
{
    std::vector<std::size_t> rows;
    for (const QModelIndex &index : m_outages->selectionModel()->selectedRows())
        rows.push_back(std::size_t(index.row()));
    edits::removeOutages(document(), std::move(rows));
}

} // namespace headroom::ui
