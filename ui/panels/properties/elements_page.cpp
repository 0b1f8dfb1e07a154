#include "ui/panels/properties/elements_page.h"

#include "ui/panels/properties/page_helpers.h"

#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

namespace headroom::ui {

ElementsPage::ElementsPage(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
    , m_summary(infoLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setObjectName("elementsSummary");
    layout->addWidget(m_summary);
}

void ElementsPage::fill(const std::set<std::string> &names)
{
    QStringList shown;
    for (const std::string &name : names) {
        if (shown.size() == 12) {
            shown << QStringLiteral("…");
            break;
        }
        shown << qs(name);
    }
    m_summary->setText(
            tr("%1\n\nSelect a single zone, rack or node to edit it.").arg(shown.join(", ")));
}

} // namespace headroom::ui
