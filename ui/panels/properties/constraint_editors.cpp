#include "ui/panels/properties/constraint_editors.h"

#include "core/model/scenario.h"
#include "ui/panels/properties/page_helpers.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QStringList>

namespace headroom::ui {
namespace {

// Item data of the "(mixed)" entry that several jobs with different values show.
const QString kMixed = QStringLiteral("\x01mixed");

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::ConstraintEditors", text);
}

// Refills a combo with [mixed,] `anyLabel`, then `names`, only when the list differs, so an
// open popup or the current item survives unrelated refreshes.
void setChoices(QComboBox *combo, const QString &anyLabel, const QStringList &names, bool mixed)
{
    QStringList wanted;
    if (mixed)
        wanted << kMixed;
    wanted << QString();
    wanted << names;
    bool same = combo->count() == wanted.size();
    for (int i = 0; same && i < wanted.size(); ++i)
        same = combo->itemData(i).toString() == wanted[i];
    if (same)
        return;
    const QSignalBlocker blocker(combo);
    const QVariant current = combo->currentData();
    combo->clear();
    if (mixed)
        combo->addItem(tr("(mixed)"), kMixed);
    combo->addItem(anyLabel, QString());
    for (const QString &name : names)
        combo->addItem(name, name);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

ConstraintEditors::ConstraintEditors(QWidget *parent, const char *prefix)
{
    const std::string name(prefix);
    m_editors = {
            Editor{makeCombo(parent, (name + "ConstraintType").c_str()), &JobConstraints::nodeType},
            Editor{makeCombo(parent, (name + "ConstraintZone").c_str()), &JobConstraints::zone},
            Editor{makeCombo(parent, (name + "ConstraintRack").c_str()), &JobConstraints::rack},
            Editor{makeCombo(parent, (name + "ConstraintPin").c_str()), &JobConstraints::pinNode}};
}

void ConstraintEditors::addRows(QFormLayout *form) const
{
    form->addRow(tr("Node t&ype:"), type());
    form->addRow(tr("&Zone:"), zone());
    form->addRow(tr("Ra&ck:"), rack());
    form->addRow(tr("Pinned to &node:"), pin());
}

void ConstraintEditors::fill(const Scenario &s, const std::vector<const JobConstraints *> &shown)
{
    QStringList types, zones, racks, nodes;
    for (const NodeType &t : s.nodeTypes)
        types << qs(t.name);
    for (const Zone &z : s.cluster.zones) {
        zones << qs(z.name);
        for (const Rack &r : z.racks) {
            racks << qs(r.name);
            for (const NodeSpec &n : r.nodes)
                nodes << qs(n.name);
        }
    }
    const QStringList *names[] = {&types, &zones, &racks, &nodes};
    const QString any[] = {tr("Any node type"), tr("Any zone"), tr("Any rack"), tr("Not pinned")};
    for (std::size_t i = 0; i < m_editors.size(); ++i) {
        const auto constraint = m_editors[i].constraint;
        const std::string &first = (*shown.front()).*constraint;
        bool common = true;
        for (const JobConstraints *c : shown)
            common = common && c->*constraint == first;
        setChoices(m_editors[i].combo, any[i], *names[i], !common);
        syncComboData(m_editors[i].combo, common ? qs(first) : kMixed);
    }
}

std::optional<std::string> ConstraintEditors::choice(const QComboBox *combo)
{
    const QString data = combo->currentData().toString();
    if (data == kMixed)
        return std::nullopt;
    return data.toStdString();
}

} // namespace headroom::ui
