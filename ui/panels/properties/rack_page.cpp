#include "ui/panels/properties/rack_page.h"

#include "core/model/scenario.h"
#include "report/report_format.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/count_text.h"
#include "ui/panels/optional_number_edit.h"
#include "ui/panels/properties/page_helpers.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include <cmath>

namespace headroom::ui {

RackPage::RackPage(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
{
    auto *form = makeForm(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(this);
    m_name->setObjectName("rackName");
    m_name->setToolTip(tr("Unique among zones, racks and nodes"));

    m_budget =
            new OptionalNumberEdit(tr("&Unlimited"), OptionalNumberEdit::Checked::NoNumber, this);
    m_budget->switchBox()->setObjectName("budgetUnlimited");
    m_budget->switchBox()->setToolTip(tr("No power budget: the rack may draw what its nodes draw"));
    QDoubleSpinBox *budget = m_budget->spinBox();
    budget->setObjectName("budget");
    budget->setRange(0.1, 1e6);
    budget->setDecimals(1);
    budget->setSuffix(tr(" kW"));
    // Each committed value is an undo step, so commit on Enter, focus loss and arrow steps,
    // not on every digit.
    budget->setKeyboardTracking(false);
    budget->setToolTip(tr("Power the rack may draw; power-aware scheduling keeps below it"));

    m_dvfs = new OptionalNumberEdit(tr("&Cluster"), OptionalNumberEdit::Checked::NoNumber, this);
    m_dvfs->switchBox()->setObjectName("rackDvfsFollowsCluster");
    m_dvfs->switchBox()->setToolTip(tr("Run at the cluster's DVFS frequency (Energy settings, "
                                       "shown with nothing selected)"));
    QDoubleSpinBox *dvfs = m_dvfs->spinBox();
    dvfs->setObjectName("rackDvfs");
    dvfs->setRange(0.05, 4.0);
    dvfs->setDecimals(2);
    dvfs->setSingleStep(0.05);
    dvfs->setSuffix(tr(" ×"));
    dvfs->setKeyboardTracking(false);
    dvfs->setToolTip(tr("This rack's DVFS frequency relative to nominal: below 1 runs its jobs "
                        "slower at lower power"));

    m_location = infoLabel(this);
    m_contents = infoLabel(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Power &budget:"), m_budget);
    form->addRow(tr("D&VFS:"), m_dvfs);
    form->addRow(tr("Contents:"), m_contents);
    form->addRow(tr("Location:"), m_location);

    connect(m_name, &QLineEdit::editingFinished, this, [this] { renameElement(m_rack, m_name); });
    connect(m_budget, &OptionalNumberEdit::valueEdited, this, [this](std::optional<double> kw) {
        if (!refreshing())
            edits::setRackBudget(document(), m_rack, kw);
    });
    connect(m_dvfs, &OptionalNumberEdit::valueEdited, this, [this](std::optional<double> f) {
        QString why;
        if (!refreshing() && !edits::setRackDvfs(document(), m_rack, f, &why) && !why.isEmpty())
            Q_EMIT messageChanged(why);
    });
}

void RackPage::fill(const std::string &name, bool force)
{
    m_rack = name;
    const Scenario &s = scenario();
    const ClusterPlace found = s.cluster.find(m_rack);
    if (!found.rack)
        return;
    const Rack &rack = *found.rack;
    syncText(m_name, qs(rack.name), force);
    double maxW = 0.0;
    long long accelerators = 0;
    for (const NodeSpec &node : rack.nodes) {
        if (const NodeType *type = s.findNodeType(node.type)) {
            maxW += type->power.maxW();
            accelerators += type->accelerators;
        }
    }
    // What switching the budget on proposes: the rack's peak draw, or a typical 20 kW.
    const double peakKw = maxW > 0.0 ? std::ceil(maxW / 100.0) / 10.0 : 20.0;
    m_budget->setValue(rack.powerBudgetKw, force ? std::optional(peakKw) : std::nullopt);
    // Following the cluster shows the cluster's level, which a switch-over starts from.
    m_dvfs->setValue(rack.dvfsFrequency, s.energy.dvfsFrequency);

    QString contents = countText(qint64(rack.nodes.size()), tr("%1 node"), tr("%1 nodes")) +
                       QStringLiteral(", ") +
                       countText(accelerators, tr("%1 accelerator"), tr("%1 accelerators"));
    if (maxW > 0.0)
        contents += tr(", up to %1 at full load").arg(report::power(maxW));
    m_contents->setText(contents);
    m_location->setText(tr("zone %1").arg(qs(found.zone->name)));
}

} // namespace headroom::ui
