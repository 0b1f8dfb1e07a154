#pragma once

#include "ui/panels/properties/property_page.h"

#include <string>

class QComboBox;
class QLabel;
class QLineEdit;

namespace headroom::ui {

// A node: its name, its type, the tenant it is reserved for, its hardware and location.
class NodePage final : public PropertyPage
{
    Q_OBJECT

public:
    NodePage(PropertiesContext &context, QWidget *parent);

    // Shows node `name`; `force`: a different node than before, so every field is refilled.
    void fill(const std::string &name, bool force);

private:
    void commitTenant();

    std::string m_node;
    QLineEdit *m_name;
    QComboBox *m_type;
    QComboBox *m_tenant;
    QLabel *m_location;
    QLabel *m_detail;
};

} // namespace headroom::ui
