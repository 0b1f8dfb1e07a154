#pragma once

#include "ui/panels/properties/property_page.h"

#include <string>

class QLabel;
class QLineEdit;

namespace headroom::ui {

class OptionalNumberEdit;

// A rack: its name, its power budget (or unlimited), its DVFS frequency (or the cluster's),
// what it holds and where it is.
class RackPage final : public PropertyPage
{
    Q_OBJECT

public:
    RackPage(PropertiesContext &context, QWidget *parent);

    // Shows rack `name`; `force`: a different rack than before, so every field is refilled.
    void fill(const std::string &name, bool force);

private:
    std::string m_rack;
    QLineEdit *m_name;
    OptionalNumberEdit *m_budget;
    OptionalNumberEdit *m_dvfs;
    QLabel *m_location;
    QLabel *m_contents;
};

} // namespace headroom::ui
