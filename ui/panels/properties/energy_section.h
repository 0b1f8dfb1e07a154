#pragma once

#include "ui/panels/properties/property_page.h"

#include <functional>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace headroom {
struct EnergyPolicy;
}

namespace headroom::ui {

class DurationEdit;
class HourlyProfileEdit;
class OptionalNumberEdit;

// The Energy group of the scenario page: PUE, cluster power cap, power management, DVFS,
// currency, hourly price and carbon intensity. Each field is its own edit, so consecutive
// changes of one field merge into one undo step; a value the scenario format would refuse is
// refused with a message.
class EnergySection final : public PropertyPage
{
    Q_OBJECT

public:
    EnergySection(PropertiesContext &context, QWidget *parent);

    void fill(bool force);

private:
    void edit(const std::function<void(EnergyPolicy &)> &change);

    QDoubleSpinBox *m_pue;
    OptionalNumberEdit *m_cap;
    QCheckBox *m_dpm;
    DurationEdit *m_idleTimeout;
    QSpinBox *m_spareNodes;
    QDoubleSpinBox *m_dvfs;
    QLineEdit *m_currency;
    HourlyProfileEdit *m_price;
    HourlyProfileEdit *m_carbon;
};

} // namespace headroom::ui
