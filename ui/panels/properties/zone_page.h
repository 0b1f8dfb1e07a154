#pragma once

#include "ui/panels/properties/property_page.h"

#include <string>

class QLabel;
class QLineEdit;

namespace headroom::ui {

// A zone: its name and what it holds.
class ZonePage final : public PropertyPage
{
    Q_OBJECT

public:
    ZonePage(PropertiesContext &context, QWidget *parent);

    // Shows zone `name`; `force`: a different zone than before, so every field is refilled.
    void fill(const std::string &name, bool force);

private:
    std::string m_zone;
    QLineEdit *m_name;
    QLabel *m_contents;
};

} // namespace headroom::ui
