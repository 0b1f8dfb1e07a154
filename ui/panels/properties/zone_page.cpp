#include "ui/panels/properties/zone_page.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/models/count_text.h"
#include "ui/panels/properties/page_helpers.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace headroom::ui {

ZonePage::ZonePage(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
{
    auto *form = makeForm(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(this);
    m_name->setObjectName("zoneName");
    m_name->setToolTip(tr("Unique among zones, racks and nodes; jobs constrained to the zone "
                          "follow a rename"));
    m_contents = infoLabel(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Contents:"), m_contents);
    connect(m_name, &QLineEdit::editingFinished, this, [this] { renameElement(m_zone, m_name); });
}

void ZonePage::fill(const std::string &name, bool force)
{
    m_zone = name;
    const ClusterPlace found = scenario().cluster.find(m_zone);
    if (!found.zone)
        return;
    syncText(m_name, qs(found.zone->name), force);
    int nodes = 0;
    for (const Rack &rack : found.zone->racks)
        nodes += static_cast<int>(rack.nodes.size());
    m_contents->setText(countText(qint64(found.zone->racks.size()), tr("%1 rack"), tr("%1 racks")) +
                        QStringLiteral(", ") + countText(nodes, tr("%1 node"), tr("%1 nodes")));
}

} // namespace headroom::ui
