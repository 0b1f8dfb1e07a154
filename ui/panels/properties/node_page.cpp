#include "ui/panels/properties/node_page.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/node_types_model.h"
#include "ui/models/tenant_names.h"
#include "ui/panels/properties/page_helpers.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace headroom::ui {

NodePage::NodePage(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
{
    auto *form = makeForm(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(this);
    m_name->setObjectName("nodeName");
    m_name->setToolTip(tr("Unique among zones, racks and nodes; jobs pinned to the node "
                          "follow a rename"));
    m_type = makeCombo(this, "nodeType");
    m_type->setToolTip(tr("The kind of server this node is"));
    m_tenant = makeCombo(this, "nodeTenant");
    m_tenant->setEditable(true);
    m_tenant->setInsertPolicy(QComboBox::NoInsert);
    m_tenant->lineEdit()->setPlaceholderText(tr("Shared (any tenant)"));
    m_tenant->lineEdit()->setClearButtonEnabled(true);
    m_tenant->setToolTip(tr("Reserve the node for one tenant's jobs and services; leave empty "
                            "to share it"));
    m_location = infoLabel(this);
    m_detail = infoLabel(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("Reserved &for:"), m_tenant);
    form->addRow(tr("Hardware:"), m_detail);
    form->addRow(tr("Location:"), m_location);
    connect(m_name, &QLineEdit::editingFinished, this, [this] { renameElement(m_node, m_name); });
    connect(m_type, &QComboBox::activated, this, [this] {
        if (!refreshing())
            edits::setNodeType(document(), m_node, m_type->currentData().toString().toStdString());
    });
    connect(m_tenant, &QComboBox::activated, this, &NodePage::commitTenant);
    connect(m_tenant->lineEdit(), &QLineEdit::editingFinished, this, &NodePage::commitTenant);
}

void NodePage::fill(const std::string &name, bool force)
{
    m_node = name;
    const Scenario &s = scenario();
    const ClusterPlace found = s.cluster.find(m_node);
    if (!found.node)
        return;
    syncText(m_name, qs(found.node->name), force);
    QStringList types;
    for (const NodeType &type : s.nodeTypes)
        types << qs(type.name);
    // The node's type always exists in a valid scenario; no "any" entry for a node.
    bool same = m_type->count() == types.size();
    for (int i = 0; same && i < types.size(); ++i)
        same = m_type->itemData(i).toString() == types[i];
    if (!same) {
        const QSignalBlocker blocker(m_type);
        m_type->clear();
        for (const NodeType &type : s.nodeTypes)
            m_type->addItem(NodeTypesModel::swatch(type), qs(type.name), qs(type.name));
    }
    syncComboData(m_type, qs(found.node->type));
    if (force || !m_tenant->hasFocus()) {
        const QSignalBlocker blocker(m_tenant);
        if (force) {
            // The known tenants, read once per node shown (one pass over the jobs).
            m_tenant->clear();
            m_tenant->addItem(QString());
            m_tenant->addItems(knownTenants(s));
        }
        m_tenant->setEditText(qs(found.node->tenant));
    }
    const NodeType *type = s.findNodeType(found.node->type);
    m_detail->setText(type ? NodeTypesModel::detailText(*type) : QString());
    m_location->setText(tr("rack %1 in zone %2").arg(qs(found.rack->name), qs(found.zone->name)));
}

void NodePage::commitTenant()
{
    if (refreshing() || isHidden())
        return;
    edits::setNodeTenant(document(), m_node, m_tenant->currentText().trimmed().toStdString());
}

} // namespace headroom::ui
