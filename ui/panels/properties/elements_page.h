#pragma once

#include "ui/panels/properties/property_page.h"

#include <set>
#include <string>

class QLabel;

namespace headroom::ui {

// Several zones, racks or nodes: their names, and that one of them alone can be edited.
class ElementsPage final : public PropertyPage
{
    Q_OBJECT

public:
    ElementsPage(PropertiesContext &context, QWidget *parent);

    void fill(const std::set<std::string> &names);

private:
    QLabel *m_summary;
};

} // namespace headroom::ui
