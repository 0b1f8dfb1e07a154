#include "ui/panels/properties/property_page.h"

#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"

#include <QLineEdit>
#include <QScopedValueRollback>

namespace headroom::ui {

PropertyPage::PropertyPage(PropertiesContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{}

const Scenario &PropertyPage::scenario() const
{
    return m_context.document->scenario();
}

void PropertyPage::renameElement(const std::string &element, QLineEdit *edit)
{
    // A name field on a page that is being switched away from loses focus and reports
    // editingFinished; `element` then no longer is what the user typed over.
    if (refreshing() || isHidden())
        return;
    const std::string newName = edit->text().trimmed().toStdString();
    if (newName == element)
        return;
    QString why;
    bool renamed = false;
    {
        // Until the selection follows the new name, the old one names nothing: no refresh.
        const QScopedValueRollback<bool> guard(m_context.refreshing, true);
        renamed = edits::renameElement(document(), element, newName, &why);
        if (renamed)
            selection().setElements({newName});
    }
    Q_EMIT messageChanged(renamed ? QString() : why);
    if (renamed)
        Q_EMIT this->renamed();
}

} // namespace headroom::ui
